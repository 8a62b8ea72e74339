// Tests that changes the program made to built-in prototypes and constructors travel with it: an added
// Array.prototype method, a replaced String.prototype method, a non-enumerable Object.prototype property and a new
// static on Math are all present after migration, and untouched built-ins stay untouched.
"use strict";

Array.prototype.sum = function () { return this.reduce((total, value) => total + value, 0); };
const originalTrim = String.prototype.trim;
String.prototype.trim = function () { return `[${originalTrim.call(this)}]`; };
Object.defineProperty(Object.prototype, "offloadTag", {
    value: "tagged",
    enumerable: false,
    configurable: true,
    writable: true,
});
Math.clampTo = (value, low, high) => Math.min(Math.max(value, low), high);
delete Array.prototype.flatMap;

step(() => {
    print("sum:", [1, 2, 3, 4].sum());
    print("trim:", "  padded  ".trim());
    print("inherited tag:", ({}).offloadTag, [].offloadTag, "enumerable:", Object.keys({}).length);
    print("clampTo:", Math.clampTo(15, 0, 10));
    print("flatMap deleted:", typeof [].flatMap);
});

step(() => {
    print("original trim still reachable:", originalTrim.call("  x  "));
    print("sum on new array:", Array.from({ length: 5 }, (unused, index) => index).sum());
    const keys = [];
    for (const key in [7])
        keys.push(key);
    print("for-in shows the enumerable Array.prototype.sum but not the non-enumerable offloadTag:", keys.join(","));
    print("untouched:", typeof Array.prototype.map, [1, 2].map((value) => value * 3).join(","));
});
