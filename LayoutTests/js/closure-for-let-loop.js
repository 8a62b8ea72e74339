// Tests that closures created in `for (let ...)`, `for...of` and `for...in` loops each keep their own
// per-iteration binding after migration, and that a closure mutating its iteration binding affects only it.
"use strict";

const fromFor = [];
for (let i = 0; i < 4; ++i)
    fromFor.push({ get: () => i, bump: () => { i += 10; } });

const fromForOf = [];
for (const word of ["a", "b", "c"])
    fromForOf.push(() => word);

const fromForIn = [];
for (const key in { x: 1, y: 2 })
    fromForIn.push(() => key);

step(() => {
    print("for let:", fromFor.map((entry) => entry.get()).join(","));
    print("for of:", fromForOf.map((read) => read()).join(","));
    print("for in:", fromForIn.map((read) => read()).join(","));
    fromFor[1].bump();
});

step(() => {
    print("after bumping iteration 1:", fromFor.map((entry) => entry.get()).join(","));
});
