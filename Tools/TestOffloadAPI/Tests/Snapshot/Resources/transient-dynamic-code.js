// Code evaluated at run time that makes no function and no scope a closure could reach (expressions, JSON texts)
// leaves nothing a capture could name: the runtime does not declare it, so every snapshot lists the program's script
// and the one evaluation that made a function, not the hundreds of evaluations before it (on either side of a
// migration).
"use strict";
let total = 0;
for (let i = 0; i < 200; ++i)
    total += (0, eval)(`${i} * 2`);
for (let i = 0; i < 200; ++i)
    total += eval(`(${JSON.stringify({ value: i })}).value`);
const addTotal = eval("(x) => x + total");
step(() => {
    for (let i = 0; i < 100; ++i)
        total += (0, eval)(`${i} + 0.5`);
});
step(() => print(total, addTotal(1)));
