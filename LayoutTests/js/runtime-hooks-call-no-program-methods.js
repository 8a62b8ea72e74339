// Tests that the runtime's hooks, which instrumented code calls while the program runs (closure creation, classes
// with private names and super, eval and new Function, tagged templates, promises and their combinators, proxies,
// Reflect.construct, setPrototypeOf, bind), call none of the program's methods or getters of built-ins: every one is
// wrapped to count its calls, and a turn calls exactly the built-ins its code calls without instrumentation (the
// baseline agrees with Node.js's), before and after a migration.
"use strict";

let counting = false;
const counted = new Map();
const mapGet = Map.prototype.get, mapSet = Map.prototype.set, apply = Reflect.apply, construct = Reflect.construct;
const typedArray = Object.getPrototypeOf(Uint8Array);
const targets = { Object, "Object.prototype": Object.prototype, Array, "Array.prototype": Array.prototype, String, "String.prototype": String.prototype,
    "Function.prototype": Function.prototype, "Map.prototype": Map.prototype, "Set.prototype": Set.prototype, "WeakMap.prototype": WeakMap.prototype,
    "WeakSet.prototype": WeakSet.prototype, Promise, "Promise.prototype": Promise.prototype, JSON, Reflect, Symbol, "RegExp.prototype": RegExp.prototype,
    "TypedArray.prototype": typedArray.prototype, Date, "Date.prototype": Date.prototype };
for (const name of Object.keys(targets)) {
    const target = targets[name];
    for (const key of Reflect.ownKeys(target)) {
        const d = Object.getOwnPropertyDescriptor(target, key);
        const label = `${name}.${String(key)}`;
        if (d.get && d.configurable) {
            const og = d.get;
            Object.defineProperty(target, key, { ...d, get: Object.getOwnPropertyDescriptor({ get [key]() { if (counting) apply(mapSet, counted, [`get ${label}`, (apply(mapGet, counted, [`get ${label}`]) || 0) + 1]); return apply(og, this, []); } }, key).get });
            continue;
        }
        if (typeof d.value !== "function" || key === "constructor" || !d.configurable) continue;
        const original = d.value;
        Object.defineProperty(target, key, { ...d, value: { [key](...args) { if (counting) apply(mapSet, counted, [label, (apply(mapGet, counted, [label]) || 0) + 1]); return new.target ? construct(original, args, new.target) : apply(original, this, args); } }[key] });
    }
}
function report(when) {
    counting = false;
    const calls = [];
    counted.forEach((count, label) => calls.push(`${label}=${count}`));
    counted.clear();
    print(`${when}:`, calls.length ? calls.join(" ") : "no calls");
}
// Code that makes the instrumented program call the runtime's hooks.
function exercise() {
    class Base { #secret = 1; static count = 0; get secret() { return this.#secret; } static { Base.count = 1; } }
    class Derived extends Base { constructor() { super(); this.extra = () => super.secret; } }
    const d = new Derived();
    const fns = [];
    for (let i = 0; i < 3; ++i) fns[i] = () => i;
    const obj = { method() { return super.toString; }, get g() { return 1; }, ["comp" + "uted"]: function () {} };
    const e1 = eval("(function (a) { return a + 1; })");
    const e2 = (0, eval)("(() => 2)");
    const nf = new Function("a", "b", "return a + b;");
    function tag(strings, ...values) { return strings.raw[0] + values.length; }
    const tt = tag`a${1}b`;
    const p = new Promise((resolve) => resolve(1)).then((v) => v + 1).finally(() => {});
    const all = Promise.all([p, 3]);
    const proxy = new Proxy({}, {});
    const reflected = Reflect.construct(Map, [], class extends Map {});
    Object.setPrototypeOf(obj, { proto: true });
    const bound = fns[2].bind(null, 1);
    function* gen() { yield 1; }
    const g = gen(); g.next();
    async function af() { await null; return 1; }
    af();
    return [d.extra(), e1(1), e2(), nf(1, 2), tt, reflected instanceof Map, proxy !== null, bound(), all instanceof Promise];
}

counting = true;
const first = exercise();
report("turn 0");
print("results:", first.join(" "));
step(() => {
    counting = true;
    const again = exercise();
    report("after a migration");
    print("results:", again.join(" "));
});
