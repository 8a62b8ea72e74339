// Tests that object-literal methods survive migration with their home object: `super` calls still reach the
// prototype's method, computed method names are kept, and methods are not constructors.
"use strict";

const base = {
    greet() { return "base greet"; },
    name: "base",
};
const derived = {
    __proto__: base,
    name: "derived",
    greet() { return `derived > ${super.greet()}`; },
    ["computed" + "Name"]() { return "computed"; },
    *numbers() { yield 1; yield 2; },
    async later() { return "async method"; },
};

step(() => {
    print("super call:", derived.greet());
    print("names:", derived.greet.name, derived.computedName.name, derived.numbers.name, derived.later.name);
    print("method has no prototype:", derived.greet.prototype === undefined);
    print("generator method:", [...derived.numbers()].join(","));
});

step(() => {
    base.greet = function () { return "replaced base greet"; };
    const borrowed = derived.greet;
    print("super still bound to home object:", borrowed.call({}));
    derived.later().then((value) => print(value));
});
