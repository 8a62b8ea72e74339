// Tests that an array whose length is larger than its elements keeps that length, that shrinking still deletes
// elements, and that a non-writable length is still enforced after migration.
"use strict";

const roomy = [1, 2];
roomy.length = 100;
const empty = new Array(42);
const fixed = [1, 2, 3];
Object.defineProperty(fixed, "length", { writable: false });

step(() => {
    print("roomy:", roomy.length, 50 in roomy, roomy[1]);
    print("empty:", empty.length, Object.keys(empty).length);
    print("fixed length writable:", Object.getOwnPropertyDescriptor(fixed, "length").writable);
});

step(() => {
    roomy[150] = "beyond";
    empty.length = 2;
    try {
        fixed.push(4);
        print("push on fixed length succeeded (wrong)");
    } catch (error) {
        print("push on fixed length throws TypeError:", error instanceof TypeError);
    }
});

step(() => {
    print("roomy grew:", roomy.length, roomy[150]);
    print("empty shrank:", empty.length);
    print("fixed unchanged:", fixed.length, fixed.join(","));
});
