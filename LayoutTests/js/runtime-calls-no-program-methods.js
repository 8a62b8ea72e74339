// offload-scripts: resources/count-builtin-calls.js
// Tests that capture and restore call none of the program's code: every method and getter of the common built-ins
// (constructors and prototypes, JSON, Math, Reflect) is replaced by a wrapper that counts its calls and names them
// (RegExp.prototype.flags, Set.prototype.size, a typed array's length, …), over a heap with
// closures, classes, collections, views, promises, errors, proxies and accessors. Between two turns (where a migration
// happens) nothing may be counted; the program's own calls are, before and after. The wrappers travel as the program's
// changes to built-ins.
"use strict";

const typedArray = Object.getPrototypeOf(Uint8Array);
const targets = {
    Object, "Object.prototype": Object.prototype, Array, "Array.prototype": Array.prototype, String,
    "String.prototype": String.prototype, "Function.prototype": Function.prototype, Number, "Number.prototype": Number.prototype,
    "Boolean.prototype": Boolean.prototype, Symbol, "Symbol.prototype": Symbol.prototype, "Map.prototype": Map.prototype,
    "Set.prototype": Set.prototype, "WeakMap.prototype": WeakMap.prototype, "WeakSet.prototype": WeakSet.prototype, Promise,
    "Promise.prototype": Promise.prototype, Date, "Date.prototype": Date.prototype, "RegExp.prototype": RegExp.prototype,
    "Error.prototype": Error.prototype, JSON, Math, Reflect, ArrayBuffer, "ArrayBuffer.prototype": ArrayBuffer.prototype,
    "DataView.prototype": DataView.prototype, TypedArray: typedArray, "TypedArray.prototype": typedArray.prototype, BigInt,
    "BigInt.prototype": BigInt.prototype,
};
const calls = countBuiltinCalls(targets);

class Account {
    #balance;
    constructor(balance) { this.#balance = balance; }
    get balance() { return this.#balance; }
    deposit(amount) { this.#balance += amount; return this; }
}
function makeCounter() {
    let count = 0;
    return () => ++count;
}
const shared = { tag: "shared" };
const heap = {
    account: new Account(10),
    counter: makeCounter(),
    list: [1, "two", 3n, -0, , shared, [shared]],
    map: new Map([["key", shared], [shared, new Set([1, 2])]]),
    weak: new WeakMap([[shared, "weak"]]),
    when: new Date(86400000),
    pattern: Object.assign(/a+/g, { lastIndex: 2 }),
    bytes: new Float64Array([1.5, 2.5]),
    view: null,
    symbol: Symbol("local"),
    error: Object.assign(new RangeError("range"), { code: 7 }),
    proxy: new Proxy(shared, { get: (target, key) => target[key] }),
    pending: new Promise((resolve) => step(() => resolve("resolved later"))),
    settled: Promise.resolve(42),
    frozen: Object.freeze({ fixed: true }),
    // Carried as blobs (4096 code units or bytes and more), and a string that needs UTF-16.
    long: `${"x".repeat(5000)}é`,
    large: new Uint8Array(6000).fill(3),
    wide: "snow ☃",
    get computed() { return this.list.length; },
};
heap.view = new DataView(heap.bytes.buffer, 8);
heap.pending.then((value) => print("pending promise:", value));


print("wrapped methods:", calls.wrapped > 300);
calls.counting = true;
calls.report("turn 0 after the wrappers");
calls.counting = true;

step(() => {
    calls.report("between turns 0 and 1");
    calls.counting = true;
    print("program calls:", heap.counter(), heap.account.deposit(5).balance, heap.map.get("key") === shared, heap.list.indexOf(shared), JSON.stringify({ a: [1] }), heap.view.getFloat64(0));
    calls.report("turn 1 itself");
    calls.counting = true;
});
step(() => {
    calls.report("between turns 1 and 2");
    calls.counting = true;
    print("program calls again:", heap.counter(), heap.computed, Math.max(1, 2), heap.pattern.exec("aaa")[0], heap.error.code);
    print("strings and bytes:", heap.long.length, heap.long.charCodeAt(5000), heap.large[5999], heap.wide.charCodeAt(5));
    calls.report("turn 2 itself");
    calls.counting = true;
});
step(() => calls.report("between turns 2 and 3"));
