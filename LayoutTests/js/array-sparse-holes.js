// Tests that holes in arrays stay holes (not undefined values): `in` is false for them, forEach skips them,
// while explicit undefined elements stay present; also a very sparse array with a huge index.
"use strict";

const holey = [1, , 3, , 5];
const withUndefined = [1, undefined, 3];
const sparse = [];
sparse[0] = "first";
sparse[1000000] = "far";
const trailingHole = [1, 2, ,];

step(() => {
    print("holey length:", holey.length, "in:", [0, 1, 2, 3, 4].map((index) => index in holey).join(","));
    print("undefined present:", 1 in withUndefined);
    const visited = [];
    holey.forEach((value, index) => visited.push(index));
    print("forEach visits:", visited.join(","));
    print("sparse:", sparse.length, Object.keys(sparse).join(","));
    print("trailing hole:", trailingHole.length, 2 in trailingHole);
});

step(() => {
    holey[1] = "filled";
    delete holey[4];
    sparse[500] = "middle";
});

step(() => {
    print("after edits in:", [0, 1, 2, 3, 4].map((index) => index in holey).join(","), "value:", holey[1]);
    print("sparse keys:", Object.keys(sparse).join(","), "length:", sparse.length);
    print("join shows holes:", holey.join("|"));
});
