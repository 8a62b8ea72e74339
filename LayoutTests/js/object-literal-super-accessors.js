// Tests that getters and setters of an object literal that use super keep their home object across migration, and
// that the object keeps its own properties in their order and its attributes.
"use strict";

const base = {
    get label() { return `base label of ${this.id}`; },
    set label(value) { this.written = `base wrote ${value}`; },
};
const item = {
    __proto__: base,
    id: "item",
    get label() { return `item > ${super.label}`; },
    set label(value) { super.label = value.toUpperCase(); },
    plain: 1,
};
Object.defineProperty(item, "fixed", { value: 2, enumerable: false });

step(() => {
    print(item.label);
    item.label = "first";
    print(item.written, Object.keys(item).join(","));
});

step(() => {
    print(item.label);
    item.label = "second";
    print(item.written, Object.keys(item).join(","), Object.getOwnPropertyNames(item).join(","));
    print(Object.hasOwn(base, "written"), Object.getOwnPropertyDescriptor(item, "fixed").enumerable);
});
