// Tests that references the program holds to built-ins stay the engine's real built-ins after migration (not
// copies): saved functions and objects are === to the live ones, and keep working.
"use strict";

const saved = {
    max: Math.max,
    json: JSON,
    arrayPrototype: Array.prototype,
    objectPrototype: Object.prototype,
    push: Array.prototype.push,
    promise: Promise,
    iteratorSymbol: Symbol.iterator,
    globalObject: globalThis,
    parseInt,
    getPrototypeOf: Object.getPrototypeOf,
    functionPrototype: Function.prototype,
    generatorPrototype: Object.getPrototypeOf(function* () {}),
};

step(() => {
    print("Math.max:", saved.max === Math.max, saved.max(3, 9, 4));
    print("JSON:", saved.json === JSON, saved.json.stringify({ a: [1] }));
    print("Array.prototype:", saved.arrayPrototype === Array.prototype, saved.arrayPrototype === Object.getPrototypeOf([]));
    print("Object.prototype:", saved.objectPrototype === Object.prototype);
    print("push:", saved.push === [].push, "Promise:", saved.promise === Promise);
});

step(() => {
    print("globalThis:", saved.globalObject === globalThis, "parseInt:", saved.parseInt === parseInt, saved.parseInt("ff", 16));
    print("getPrototypeOf:", saved.getPrototypeOf === Object.getPrototypeOf);
    print("Function.prototype:", saved.functionPrototype === Object.getPrototypeOf(() => 0));
    print("generator prototype:", saved.generatorPrototype === Object.getPrototypeOf(function* () {}));
    const list = [];
    saved.push.call(list, "pushed");
    print("saved push works:", list.join(","));
});
