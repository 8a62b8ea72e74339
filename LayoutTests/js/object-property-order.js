// Tests that own property order survives migration: integer-like keys first in ascending numeric order, then
// string keys in insertion order (including after delete and re-insertion), then symbols.
"use strict";

const object = {};
object.zebra = 1;
object["10"] = "ten";
object.alpha = 2;
object["2"] = "two";
object["-1"] = "minus one";
object["01"] = "zero one";
object[4294967294] = "max index";
object["4294967295"] = "not an index";
object.middle = 3;

step(() => {
    print("keys:", Object.keys(object).join(","));
    delete object.zebra;
    object.zebra = "back";
    object["1"] = "one";
});

step(() => {
    print("keys after changes:", Object.keys(object).join(","));
    print("JSON:", JSON.stringify(object));
    const entries = [];
    for (const key in object)
        entries.push(key);
    print("for-in:", entries.join(","));
});
