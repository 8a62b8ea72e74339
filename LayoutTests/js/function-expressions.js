// Tests that function expressions keep their inferred or explicit names, that a named function expression can still
// call itself through its own (read-only, inner) name after migration, and that anonymous ones stay anonymous.
"use strict";

const inferred = function (a, b) { return a + b; };
const explicit = function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); };
const holder = { method: function () { return "from holder"; } };
const anonymous = [function () { return "anonymous"; }][0];

step(() => {
    print("inferred:", inferred.name, inferred.length, inferred(2, 3));
    print("explicit:", explicit.name, explicit(15));
    print("property name inference:", holder.method.name, holder.method());
    print("anonymous name:", JSON.stringify(anonymous.name), anonymous());
});

step(() => {
    const alias = explicit;
    print("recursion through inner name after migration:", alias(20));
    print("typeof fib at top level:", typeof fib);
});
