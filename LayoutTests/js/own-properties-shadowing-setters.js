// Tests that own data properties named like setters or read-only properties further up the prototype chain (on a
// changed Object.prototype, on an object's own prototype) come back as own data properties with their values and
// attributes, without running any setter; and that an own "__proto__" data property stays data.
"use strict";

let setterRuns = 0;
Object.defineProperty(Object.prototype, "watched", { set(value) { ++setterRuns; }, get() { return "inherited"; }, configurable: true });
Object.defineProperty(Object.prototype, "fixed", { value: "from the prototype", writable: false, configurable: true });
const plain = {};
Object.defineProperty(plain, "watched", { value: 1, writable: true, enumerable: true, configurable: true });
Object.defineProperty(plain, "fixed", { value: 2, writable: true, enumerable: true, configurable: true });
plain.ordinary = 3;
const withProtoKey = JSON.parse('{"__proto__": {"x": 1}, "y": 2}');
const prototype = { set s(value) { ++setterRuns; } };
const child = Object.create(prototype);
Object.defineProperty(child, "s", { value: "own", writable: true, enumerable: true, configurable: true });

function show() {
    print("plain:", JSON.stringify(Object.getOwnPropertyDescriptors(plain)));
    print("__proto__ key:", Object.getOwnPropertyNames(withProtoKey).join(","), JSON.stringify(withProtoKey["__proto__"]),
        Object.getPrototypeOf(withProtoKey) === Object.prototype);
    print("child:", JSON.stringify(Object.getOwnPropertyDescriptor(child, "s")), Object.getPrototypeOf(child) === prototype);
    print("setter runs:", setterRuns);
}

step(show);
step(() => {
    plain.watched = 4;
    child.s = "changed";
    show();
});
