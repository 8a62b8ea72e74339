// Tests that the runtime's hooks, which run while the program does (making closures, classes with private names and
// computed members, object literals, bound functions, promises, eval and new Function code), never go through the
// iteration protocol the program can replace: with counting versions of the array, map and set iterators installed for
// a turn, only the program's own iterations are counted. (They are put back between turns, where migrations happen.)
"use strict";

const originals = {
    array: Array.prototype[Symbol.iterator],
    arrayNext: Object.getPrototypeOf([][Symbol.iterator]()).next,
    map: Map.prototype[Symbol.iterator],
    set: Set.prototype[Symbol.iterator],
};
const arrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
let counts = { array: 0, next: 0, map: 0, set: 0 };

function counting() {
    Array.prototype[Symbol.iterator] = function () { ++counts.array; return originals.array.call(this); };
    arrayIteratorPrototype.next = function () { ++counts.next; return originals.arrayNext.call(this); };
    Map.prototype[Symbol.iterator] = function () { ++counts.map; return originals.map.call(this); };
    Set.prototype[Symbol.iterator] = function () { ++counts.set; return originals.set.call(this); };
}
function restoreOriginals() {
    Array.prototype[Symbol.iterator] = originals.array;
    arrayIteratorPrototype.next = originals.arrayNext;
    Map.prototype[Symbol.iterator] = originals.map;
    Set.prototype[Symbol.iterator] = originals.set;
}

function report(label) {
    const seen = `${counts.array}/${counts.next}/${counts.map}/${counts.set}`;
    counts = { array: 0, next: 0, map: 0, set: 0 };
    restoreOriginals();
    print(label, "array/next/map/set:", seen);
}

function makeEverything(seed) {
    const key = "computed";
    class Secret {
        #value = seed;
        static #count = 0;
        [key]() { return this.#value; }
        static bump() { return ++Secret.#count; }
    }
    const literal = { [key]() { return seed; }, get value() { return seed; } };
    const bound = ((a, b) => a + b + seed).bind(null, 1);
    const promise = new Promise((resolve) => resolve(seed));
    const viaEval = eval("(x) => x + seed");
    const viaFunction = new Function("x", "return x * 2;");
    return { secret: new Secret(), literal, bound, promise, viaEval, viaFunction, bump: () => Secret.bump() };
}

counting();
let made = makeEverything(1);
report("top level:");

step(() => {
    counting();
    made = makeEverything(2);
    const sum = made.secret.computed() + made.literal.computed() + made.bound(3) + made.viaEval(1) + made.viaFunction(2) + made.bump();
    report(`turn 1 (sum ${sum}):`);
});

step(() => {
    counting();
    for (const value of [1, 2])
        void value;
    report("turn 2, the program's own for-of over an array:");
});
