// Tests that -0 keeps its sign when it is held in a variable, an object property, an array element and a Map
// value across turns, and that +0 stays +0.
"use strict";

let negativeZero = -0;
const holder = { negative: -0, positive: 0 };
const list = [0, -0, -0 * 1];
const map = new Map([["zero", -0]]);

step(() => {
    print("variable is -0:", Object.is(negativeZero, -0));
    print("property is -0:", Object.is(holder.negative, -0));
    print("positive stays +0:", Object.is(holder.positive, 0));
    print("array signs:", list.map((value) => Object.is(value, -0) ? "-0" : "+0").join(","));
    print("map value is -0:", Object.is(map.get("zero"), -0));
    negativeZero = 1 / -Infinity;
});

step(() => {
    print("recomputed -0 still -0:", Object.is(negativeZero, -0));
    print("1 / -0 =", 1 / negativeZero);
    print("-0 === 0:", negativeZero === 0);
});
