// Tests that `new Function` and `Function()` (which the runtime wraps to instrument the code they make) behave as the
// built-in constructor: each argument is converted to a string once, and none of the program's array methods is
// called while the functions are made, before and after a migration. The functions made still work after it.
"use strict";

let counting = false;
let arrayCalls = 0;
for (const name of ["map", "pop", "join", "slice", "push", "shift", "concat"]) {
    const original = Array.prototype[name];
    Array.prototype[name] = function (...args) {
        if (counting)
            ++arrayCalls;
        return Reflect.apply(original, this, args);
    };
}
let conversions = 0;
const parameter = { toString() { ++conversions; return "x"; } };
counting = true;
const add = new Function("a", parameter, "return a + x;");
const constant = Function("return 42;");
const empty = new Function();
counting = false;
print("array method calls:", arrayCalls, "conversions:", conversions);
print("made:", add(1, 2), constant(), empty(), add.length, add.name);

step(() => {
    counting = true;
    const again = new Function("b", parameter, "return b * x;");
    counting = false;
    print("after a migration:", add(3, 4), constant(), empty(), again(2, 5), "array method calls:", arrayCalls, "conversions:", conversions);
});
