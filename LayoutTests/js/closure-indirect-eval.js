// Tests functions made by an indirect eval (through an alias of eval, a comma expression, or `eval.call`): they run at
// the global scope, their `var`s and functions become globals, their `let`s stay in the eval's own scope, and they
// keep all of that after migration. The alias still looks like the built-in eval.
"use strict";

const run = eval;
(0, eval)("var counterBase = 100; function nextFromBase() { return ++counterBase; }");
const makeCounter = run("let hidden = 0; (step) => { hidden += step; return hidden; }");
const viaCall = eval.call(null, "(function named() { return typeof hidden; })");
const holder = { eval };

print("alias:", run === eval, holder.eval === eval, run.name, run.length, typeof run.prototype);
print("global function:", nextFromBase(), typeof globalThis.nextFromBase, typeof globalThis.counterBase);
print("counter:", makeCounter(1), makeCounter(2));
print("non-string:", run(42), "strict code:", run("'use strict'; var local = 1; typeof local"), typeof local);
try {
    run("let broken = ;");
} catch (error) {
    print("syntax error:", error.name);
}

step(() => {
    print("after migration:", nextFromBase(), makeCounter(10), viaCall(), run("counterBase"));
    counterBase = 0;
    print("global var shared:", nextFromBase());
    print("still an eval:", holder.eval("1 + 1"), run === eval);
});
