// Tests that arrays keep non-index own properties (named, symbol-keyed, non-enumerable, accessors) next to their
// elements, in order, without those properties changing the length.
"use strict";

const tag = Symbol("tag");
const list = [10, 20, 30];
list.label = "scores";
list[tag] = "symbol value";
Object.defineProperty(list, "secret", { value: "hidden", enumerable: false });
Object.defineProperty(list, "total", { get() { return this.reduce((sum, value) => sum + value, 0); }, enumerable: true });

step(() => {
    print("length:", list.length, "label:", list.label, "tag:", list[tag]);
    print("keys:", Object.keys(list).join(","));
    print("ownKeys:", Reflect.ownKeys(list).map(String).join(","));
    print("total:", list.total);
    list.push(40);
});

step(() => {
    print("total after push:", list.total, "secret:", list.secret, "label kept:", list.label);
    print("length descriptor:", JSON.stringify(Object.getOwnPropertyDescriptor(list, "length")));
});
