// Tests that objects with a Symbol.toStringTag getter of the program, on their prototype chain or of their own, travel
// without the capture running it (the kind is checked with the getter out of the way, then put back in place): class
// instances and their prototype, a Map subclass (still a Map after migration), and an object with its own getter.
"use strict";

let tagReads = 0;
class Tagged {
    constructor(label) { this.label = label; }
    get [Symbol.toStringTag]() { ++tagReads; return `Tagged ${this.label}`; }
}
class TaggedMap extends Map {
    get [Symbol.toStringTag]() { ++tagReads; return "TaggedMap"; }
}
const tagged = new Tagged("a");
const map = new TaggedMap([["k", 1]]);
const own = { before: 1, get [Symbol.toStringTag]() { ++tagReads; return "Own"; }, after: 2 };

step(() => {
    print("tag reads so far:", tagReads);
    print("tagged:", Object.prototype.toString.call(tagged), tagged instanceof Tagged, tagged.label);
    print("map:", Object.prototype.toString.call(map), map.get("k"), map instanceof Map, map.size);
    print("own:", Object.prototype.toString.call(own), Reflect.ownKeys(own).map(String).join(","));
    const descriptor = Object.getOwnPropertyDescriptor(Tagged.prototype, Symbol.toStringTag);
    print("prototype getter kept:", typeof descriptor.get, descriptor.enumerable, descriptor.configurable);
    print("tag reads:", tagReads);
});

step(() => {
    print("tag reads between turns:", tagReads);
});
