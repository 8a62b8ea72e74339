// Tests that capturing and restoring a heap never goes through the iteration protocol the program replaced: counting
// versions of the array, map and set iterators are installed for the whole run, and they throw when called between
// turns (where migrations happen), which would fail the capture or the restore. The counts are the program's own. The heap holds the kinds whose records have lists: maps, sets, weak
// collections, pending promises with reactions, combinators, bound functions, classes with private names, arrays,
// typed arrays, errors, proxies, arguments objects and scopes.
"use strict";

const counts = { array: 0, arrayNext: 0, map: 0, mapNext: 0, set: 0, setNext: 0 };
let inTurn = true;
const count = (holder, key, counter) => {
    const original = holder[key];
    holder[key] = function (...args) {
        if (!inTurn)
            throw new Error(`${counter} iterator called between turns`);
        ++counts[counter];
        return original.apply(this, args);
    };
};
const turn = (body) => () => {
    inTurn = true;
    body();
    inTurn = false;
};
count(Array.prototype, Symbol.iterator, "array");
count(Object.getPrototypeOf([][Symbol.iterator]()), "next", "arrayNext");
count(Map.prototype, Symbol.iterator, "map");
count(Object.getPrototypeOf(new Map()[Symbol.iterator]()), "next", "mapNext");
count(Set.prototype, Symbol.iterator, "set");
count(Object.getPrototypeOf(new Set()[Symbol.iterator]()), "next", "setNext");
const snapshot = () => Object.keys(counts).map((key) => `${key}=${counts[key]}`).join(" ");

const map = new Map();
map.set("a", { deep: [1, 2] }).set(map, "self");
const set = new Set();
set.add(1).add(set);
const weakKey = {};
const weak = new WeakMap();
weak.set(weakKey, "value");
let release;
const pending = new Promise((resolve) => { release = resolve; });
const reacted = pending.then((value) => value * 2);
const all = Promise.all([pending, reacted]);
function add(a, b) { return a + b; }
const bound = add.bind(null, 1);
class Counter {
    #count = 0;
    static #made = 0;
    constructor() { Counter.#made += 1; }
    bump() { return ++this.#count; }
    static made() { return Counter.#made; }
}
const counter = new Counter();
function keepArguments() { return arguments; }
const args = keepArguments(1, "two");
const error = new RangeError("kept");
error.extra = [3];
const view = new Float64Array([1.5, 2.5]);
const proxy = new Proxy({ target: true }, {});
const closures = [1, 2].map((n) => () => n + counter.bump());
print("before migration:", snapshot());
inTurn = false;

step(turn(() => {
    print("after the first migration:", snapshot());
    release(20);
}));

step(turn(() => {
    all.then((values) => print("all:", values[0], values[1]));
    print("values:", map.get("a").deep.length, set.has(set), weak.get(weakKey), bound(2), Counter.made(), args.length, error.extra.length, view[1], proxy.target, closures[1]());
    print("after the second migration:", snapshot());
}));
