// Tests that the restore calls none of the Array.prototype methods the program replaced: by the time the restore fills
// Array.prototype in, the program's versions are there, and calling them would run its code in the middle of a
// restore. The replacements throw when called from a restore (a frame of the runtime's restore code is on the stack:
// restore.js, decode.js or the synthesis files) and count the program's own calls. The heap holds what the restore
// works on once the built-ins are filled in: functions and errors with own properties (kept in order), weak
// collections, classes with private fields, tagged template sites, arguments objects, maps, sets and arrays.
"use strict";

const names = ["push", "pop", "shift", "unshift", "splice", "slice", "concat", "map", "filter", "forEach", "reduce",
    "some", "every", "find", "findIndex", "indexOf", "lastIndexOf", "includes", "join", "sort", "reverse", "fill", "keys",
    "values", "entries", Symbol.iterator];
const calls = {};
const restoreFiles = ["restore.js", "decode.js", "scope-synthesis.js", "function-synthesis.js", "home-objects.js"];
// An index loop: Array.prototype.some and the array iterator are among the replaced methods.
const inRestore = (stack) => {
    for (let i = 0; i < restoreFiles.length; ++i) {
        if (stack.includes(`offload-runtime:///${restoreFiles[i]}`))
            return true;
    }
    return false;
};
for (const name of names) {
    const original = Array.prototype[name];
    calls[name] = 0;
    Object.defineProperty(Array.prototype, name, {
        value: function (...args) {
            const stack = new Error().stack;
            if (inRestore(stack))
                throw new Error(`the restore called Array.prototype.${String(name)}`);
            if (!stack.includes("offload-runtime:///"))
                ++calls[name];
            return Reflect.apply(original, this, args);
        },
        writable: true,
        enumerable: false,
        configurable: true,
    });
}
const counted = () => names.filter((name) => calls[name]).map((name) => `${String(name)}=${calls[name]}`).join(" ");

function tally(a, b) {
    return arguments;
}
const args = tally(1, 2);
args.extra = "kept";
function withProperties() {}
withProperties.label = "label";
withProperties.list = [1, 2, 3];
const error = new TypeError("kept");
error.code = 7;
const weakKey = {};
const weak = new WeakMap([[weakKey, "weak value"]]);
const weakSet = new WeakSet([weakKey]);
class Account {
    #balance = 10;
    static #count = 1;
    deposit(amount) { this.#balance += amount; return this.#balance; }
    static count() { return Account.#count; }
}
const account = new Account();
const tag = (strings) => strings;
const site = () => tag`a${1}b`;
const first = site();
const map = new Map([["k", [1, 2]]]);
const set = new Set([map]);
const sorted = [3, 1, 2].sort();
print("before migration:", counted());

step(() => {
    print("after migration:", counted());
    print("values:", args.length, args.extra, withProperties.label, withProperties.list.join(","), Object.keys(withProperties).join(","),
        error.message, error.code, weak.get(weakKey), weakSet.has(weakKey), account.deposit(5), Account.count(), site() === first,
        map.get("k").length, set.has(map), sorted.join(","));
    print("after the turn:", counted());
});
