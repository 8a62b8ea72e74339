// Tests that objects with a null prototype stay prototype-less (no toString, no hasOwnProperty, keys like
// "__proto__" are plain data), including one used as a dictionary and one whose chain ends in null early.
"use strict";

const dictionary = Object.create(null);
dictionary.apple = 1;
dictionary["__proto__"] = "plain data";
dictionary.toString = "not a method";
const child = Object.create(dictionary);
child.own = true;

step(() => {
    print("prototype is null:", Object.getPrototypeOf(dictionary) === null);
    print("keys:", Object.keys(dictionary).join(","));
    print("__proto__ is data:", dictionary["__proto__"]);
    print("toString is data:", dictionary.toString);
    print("in operator:", "hasOwnProperty" in dictionary, "apple" in child);
});

step(() => {
    dictionary.banana = 2;
    print("child sees new key:", child.banana, "chain length two:", Object.getPrototypeOf(Object.getPrototypeOf(child)) === null);
    print("String() via Object.prototype:", Object.prototype.toString.call(dictionary));
});
