// Tests that getter and setter functions extracted from accessor descriptors are real functions after migration:
// their names ("get x", "set x"), lengths, and that they can be called on another receiver.
"use strict";

const box = {
    stored: 1,
    get value() { return this.stored; },
    set value(v) { this.stored = v * 10; },
};
const descriptor = Object.getOwnPropertyDescriptor(box, "value");
const getter = descriptor.get;
const setter = descriptor.set;

step(() => {
    print("names:", getter.name, "/", setter.name);
    print("lengths:", getter.length, setter.length);
    print("call on other receiver:", getter.call({ stored: "other" }));
});

step(() => {
    const target = { stored: 0 };
    setter.call(target, 4);
    print("setter on other receiver:", target.stored);
    print("still the object's accessors:", Object.getOwnPropertyDescriptor(box, "value").get === getter);
    box.value = 7;
    print("box value:", box.value);
});
