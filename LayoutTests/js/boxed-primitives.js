// Tests that boxed primitives (Number, String, Boolean, Symbol and BigInt wrapper objects) stay objects wrapping the
// same value after migration, with their extra properties, and distinct from the primitives.
"use strict";

const boxedNumber = new Number(-0);
const boxedString = new String("box");
boxedString.extra = "extra";
const boxedFalse = new Boolean(false);
const symbol = Symbol("boxed");
const boxedSymbol = Object(symbol);
const boxedBigInt = Object(12345678901234567890n);

step(() => {
    print("types:", typeof boxedNumber, typeof boxedString, typeof boxedFalse, typeof boxedSymbol, typeof boxedBigInt);
    print("number value is -0:", Object.is(boxedNumber.valueOf(), -0));
    print("string:", boxedString.valueOf(), boxedString.length, boxedString[1], boxedString.extra);
    print("string keys:", Object.keys(boxedString).join(","));
});

step(() => {
    print("false box is truthy:", !!boxedFalse, boxedFalse.valueOf());
    print("symbol box:", boxedSymbol.valueOf() === symbol, boxedSymbol.description);
    print("bigint box:", boxedBigInt.valueOf(), boxedBigInt + 1n);
    const boxes = [boxedNumber, boxedString, boxedFalse, boxedSymbol, boxedBigInt];
    print("tags:", boxes.map((value) => Object.prototype.toString.call(value)).join(","));
});
