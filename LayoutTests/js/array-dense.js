// Tests that dense arrays of mixed element types keep their elements, order and length, and keep behaving as real
// arrays (Array.isArray, push, methods from Array.prototype) after migration.
"use strict";

const numbers = [3, 1, 4, 1, 5, 9, 2, 6];
const mixed = [1, "two", 3.5, null, undefined, true, 10n, { six: 6 }, [7]];
const large = Array.from({ length: 10000 }, (unused, index) => index * 2);

step(() => {
    print("numbers:", numbers.join(","), "length:", numbers.length);
    print("isArray:", Array.isArray(numbers), Array.isArray(mixed), Object.getPrototypeOf(large) === Array.prototype);
    print("mixed types:", mixed.map((value) => typeof value).join(","));
    numbers.push(5);
    numbers.sort((a, b) => a - b);
});

step(() => {
    print("sorted:", numbers.join(","), "length:", numbers.length);
    print("large:", large.length, large[9999], large.reduce((sum, value) => sum + value, 0));
    print("nested:", mixed[7].six, mixed[8][0], "undefined slot in:", 4 in mixed);
    large.length = 5;
});

step(() => {
    print("truncated:", large.join(","));
});
