// Tests that a program which replaces Array.prototype.forEach keeps its replacement across a migration and that
// the migration itself never calls it: the runtime walks its own arrays with loops (the count only grows with the
// program's own calls).
"use strict";

const original = Array.prototype.forEach;
let calls = 0;
Array.prototype.forEach = function (...args) {
    ++calls;
    return Reflect.apply(original, this, args);
};
const rows = [[1, 2], [3, 4], [5, 6]];
const index = new Map(rows.map((row) => [row[0], row]));

step(() => {
    let sum = 0;
    rows.forEach((row) => { sum += row[1]; });
    print("sum:", sum, "calls:", calls, "same row:", index.get(3) === rows[1]);
});
step(() => {
    print("calls:", calls, "replacement kept:", Array.prototype.forEach !== original);
});
