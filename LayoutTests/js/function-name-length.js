// Tests that `.name` and `.length` survive migration in all their forms: defaults and rest stopping the count,
// destructured parameters, names redefined with defineProperty, deleted lengths, and symbol-keyed method names.
"use strict";

function defaults(a, b = 1, c) {}
function rest(a, ...others) {}
function destructured({ x }, [y]) {}
function renamed() {}
Object.defineProperty(renamed, "name", { value: "newName" });
function noLength(a, b) {}
delete noLength.length;
const key = Symbol("described");
const holder = { [key]() {}, [Symbol()]() {} };
const symbolMethods = Object.getOwnPropertySymbols(holder).map((symbol) => holder[symbol]);

step(() => {
    print("defaults:", defaults.length, "rest:", rest.length, "destructured:", destructured.length);
    print("renamed:", renamed.name, JSON.stringify(Object.getOwnPropertyDescriptor(renamed, "name")));
});

step(() => {
    print("noLength:", noLength.length, Object.prototype.hasOwnProperty.call(noLength, "length"));
    print("symbol method names:", symbolMethods.map((method) => JSON.stringify(method.name)).join(","));
});
