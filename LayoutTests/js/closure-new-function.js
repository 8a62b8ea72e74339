// Tests functions created with the Function and GeneratorFunction constructors: they are global-scope
// functions, keep their parameters, name "anonymous" and behaviour after migration, and can carry properties.
"use strict";

const add = new Function("a", "b", "return a + b;");
const readGlobal = Function("return globalThis.sharedValue;");
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const countTo = new GeneratorFunction("n", "for (let i = 1; i <= n; ++i) yield i;");
add.calls = 0;
globalThis.sharedValue = "global value";

step(() => {
    print("add:", add(2, 3), add.name, add.length);
    print("readGlobal:", readGlobal());
    print("generator:", [...countTo(3)].join(","));
    ++add.calls;
});

step(() => {
    globalThis.sharedValue = "changed";
    print("after migration:", add(10, 20), readGlobal(), add.calls);
    print("generator after migration:", [...countTo(4)].join(","));
});
