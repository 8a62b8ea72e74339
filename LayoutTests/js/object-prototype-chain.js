// Tests that objects made with Object.create keep their whole prototype chain by identity: inherited properties and
// methods are still found, shadowing still works, and a change to a shared prototype is seen by every descendant.
"use strict";

const base = { kind: "base", describe() { return `${this.kind}:${this.name}`; } };
const middle = Object.create(base, { kind: { value: "middle", enumerable: true, writable: true } });
const leafA = Object.create(middle);
leafA.name = "a";
const leafB = Object.create(middle);
leafB.name = "b";

step(() => {
    print("chain:", Object.getPrototypeOf(leafA) === middle, Object.getPrototypeOf(middle) === base);
    print("base proto is Object.prototype:", Object.getPrototypeOf(base) === Object.prototype);
    print("shared proto:", Object.getPrototypeOf(leafA) === Object.getPrototypeOf(leafB));
    print("describe:", leafA.describe(), leafB.describe());
    print("own keys of leaf:", Object.keys(leafA).join(","));
});

step(() => {
    base.describe = function () { return `new ${this.kind} ${this.name}`; };
    leafB.kind = "shadowed";
});

step(() => {
    print("after prototype change:", leafA.describe(), leafB.describe());
    print("isPrototypeOf:", base.isPrototypeOf(leafA), middle.isPrototypeOf(base));
    Object.setPrototypeOf(leafA, base);
    print("after setPrototypeOf:", leafA.describe());
});
