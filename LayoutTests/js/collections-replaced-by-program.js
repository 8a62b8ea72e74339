// Tests that a program which replaces the methods of Map, Set, WeakMap and WeakSet and deletes their globals still
// migrates, and that capture and restore never call the program's methods: each replacement counts its calls, and
// the count changes only when the program itself calls them. The replaced methods and the missing globals travel.
"use strict";

const table = new Map([["a", 1]]);
const seen = new Set(["x"]);
const weak = new WeakMap([[table, "t"]]);
const marks = new WeakSet([seen]);
let calls = 0;
const methods = [
    [Map.prototype, ["get", "set", "has", "delete", "clear", "keys", "values", "entries", "forEach"]],
    [Set.prototype, ["add", "has", "delete", "clear", "values", "forEach"]],
    [WeakMap.prototype, ["get", "set", "has", "delete"]],
    [WeakSet.prototype, ["add", "has", "delete"]],
];
for (let i = 0; i < methods.length; ++i) {
    const [prototype, names] = methods[i];
    for (let j = 0; j < names.length; ++j) {
        const original = prototype[names[j]];
        prototype[names[j]] = function (...args) {
            ++calls;
            return original.apply(this, args);
        };
    }
}
delete globalThis.Map;
delete globalThis.Set;
delete globalThis.WeakMap;
delete globalThis.WeakSet;
print("calls in turn 0:", calls);

step(() => {
    print("calls before the program calls them:", calls);
    print("globals:", typeof globalThis.Map, typeof globalThis.Set, typeof globalThis.WeakMap, typeof globalThis.WeakSet);
    print("replaced methods still work:", table.get("a"), seen.has("x"), weak.get(table), marks.has(seen));
    print("calls after four:", calls);
});
step(() => print("calls one turn later:", calls));
