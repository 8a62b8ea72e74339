// offload-scripts: resources/count-builtin-calls.js
// Tests that the runtime's hooks, which instrumented code calls while the program runs (closure creation, classes
// with private names and super, eval and new Function, tagged templates, promises and their combinators, proxies,
// Reflect.construct, setPrototypeOf, bind), call none of the program's methods or getters of built-ins: every one is
// wrapped to count its calls, and a turn calls exactly the built-ins its code calls without instrumentation (the
// baseline agrees with Node.js's), before and after a migration.
"use strict";

const typedArray = Object.getPrototypeOf(Uint8Array);
const targets = {
    Object, "Object.prototype": Object.prototype, Array, "Array.prototype": Array.prototype, String,
    "String.prototype": String.prototype, "Function.prototype": Function.prototype, "Map.prototype": Map.prototype,
    "Set.prototype": Set.prototype, "WeakMap.prototype": WeakMap.prototype, "WeakSet.prototype": WeakSet.prototype,
    Promise, "Promise.prototype": Promise.prototype, JSON, Reflect, Symbol, "RegExp.prototype": RegExp.prototype,
    "TypedArray.prototype": typedArray.prototype, Date, "Date.prototype": Date.prototype,
};
const calls = countBuiltinCalls(targets);

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

calls.counting = true;
const first = exercise();
calls.report("turn 0");
print("results:", first.join(" "));
step(() => {
    calls.counting = true;
    const again = exercise();
    calls.report("after a migration");
    print("results:", again.join(" "));
});
