// Tests that NaN, Infinity and -Infinity survive in variables, properties and arrays, and that NaN still compares
// unequal to itself while Object.is and Array.prototype.includes still find it.
"use strict";

const values = { nan: NaN, infinity: Infinity, negativeInfinity: -Infinity, max: Number.MAX_VALUE, tiny: Number.MIN_VALUE };
const list = [NaN, Infinity, -Infinity, 0.1 + 0.2];
let computedNaN = 0 / 0;

step(() => {
    print("nan is NaN:", Number.isNaN(values.nan), "self-equal:", values.nan === values.nan);
    print("Object.is(NaN, NaN):", Object.is(computedNaN, NaN));
    print("infinities:", values.infinity, values.negativeInfinity);
    print("extremes:", values.max, values.tiny);
});

step(() => {
    print("includes NaN:", list.includes(NaN), "indexOf NaN:", list.indexOf(NaN));
    print("0.1 + 0.2 exact:", list[3], list[3] === 0.30000000000000004);
    print("Infinity - Infinity is NaN:", Number.isNaN(list[1] + list[2]));
});
