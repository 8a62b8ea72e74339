// Tests that arrow functions survive migration: expression and block bodies, default and rest parameters, names and
// lengths, and that they still cannot be used as constructors and have no prototype.
"use strict";

const square = (x) => x * x;
const sum = (...values) => values.reduce((total, value) => total + value, 0);
const withDefault = (a, b = a * 2) => { return a + b; };
const makeAdder = (n) => (x) => x + n;
const addFive = makeAdder(5);

step(() => {
    print("square:", square(12), square.name, square.length);
    print("sum:", sum(1, 2, 3, 4), sum.length);
    print("withDefault:", withDefault(3), withDefault(3, 1), withDefault.length);
    print("addFive:", addFive(10), JSON.stringify(addFive.name));
});

step(() => {
    print("no prototype:", square.prototype === undefined);
    try {
        new square(1);
        print("new on arrow succeeded (wrong)");
    } catch (error) {
        print("new on arrow throws TypeError:", error instanceof TypeError);
    }
    print("addFive again:", addFive(-5));
});
