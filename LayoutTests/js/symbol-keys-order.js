// Tests that symbol-keyed properties keep their attributes and their position in Reflect.ownKeys order (strings
// first in insertion order, then symbols in insertion order), and that non-enumerable symbol properties stay hidden.
"use strict";

const first = Symbol("first");
const second = Symbol("second");
const hidden = Symbol("hidden");
const object = {};
object.b = 1;
object[second] = "s2";
object.a = 2;
object[first] = "s1";
Object.defineProperty(object, hidden, { value: "h", enumerable: false });

step(() => {
    print("ownKeys:", Reflect.ownKeys(object).map(String).join(","));
    print("hidden enumerable:", Object.getOwnPropertyDescriptor(object, hidden).enumerable);
    print("assign copies enumerable symbols:", Object.getOwnPropertySymbols(Object.assign({}, object)).map(String).join(","));
    delete object[second];
    object[second] = "s2 again";
});

step(() => {
    print("ownKeys after re-add:", Reflect.ownKeys(object).map(String).join(","));
    print("values:", object[first], object[second], object[hidden]);
});
