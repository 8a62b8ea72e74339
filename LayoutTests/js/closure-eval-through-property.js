// Tests that functions made by the engine's eval reached through a property travel: `globalThis.eval(code)`, a value
// read of `globalThis.eval`, the same call through optional chaining and a parenthesized callee, and
// `globalThis.eval.call`. They run at the global scope like any indirect eval and keep their state after migration.
"use strict";

const counter = globalThis.eval("let count = 0; () => ++count");
const alias = globalThis.eval;
const fromAlias = alias("(function twice(x) { return 2 * x; })");
const optional = globalThis?.eval("let total = 10; (n) => (total += n)");
const maybe = globalThis.eval?.("(function () { return 'maybe'; })");
const parenthesized = (globalThis.eval)("var viaParentheses = 5; (function () { return ++viaParentheses; })");
const viaCall = globalThis.eval.call(undefined, "(function () { return typeof count; })");
const missing = undefined;

print("made:", counter(), fromAlias(3), optional(1), maybe(), parenthesized(), viaCall());
print("short-circuit:", missing?.eval("1"), missing?.eval, typeof alias, alias.name, alias.length);
print("non-string:", globalThis.eval(7), "global var:", typeof globalThis.viaParentheses);

step(() => {
    print("after migration:", counter(), fromAlias(4), optional(2), maybe(), parenthesized(), viaCall());
    print("still evaluates:", globalThis.eval("6 * 7"), alias("viaParentheses"));
});
