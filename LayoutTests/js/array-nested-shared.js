// Tests that nested arrays (a matrix whose rows share one array, an array containing itself) keep their sharing
// and self-reference after migration.
"use strict";

const row = [0, 0, 0];
const matrix = [row, row, [1, 1, 1]];
const selfContaining = [1, 2];
selfContaining.push(selfContaining);

step(() => {
    print("rows shared:", matrix[0] === matrix[1], matrix[0] === matrix[2]);
    print("self containing:", selfContaining[2] === selfContaining, selfContaining[2][2][0]);
    matrix[0][1] = 7;
});

step(() => {
    print("write through row 0 seen in row 1:", matrix[1][1], "row 2:", matrix[2][1]);
    print("flat:", matrix.flat().join(","));
});
