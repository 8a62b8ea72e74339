// Tests that accessor properties keep their getter and setter functions and the state they close over: literal
// accessors, defineProperty accessors, a getter without a setter, and a setter without a getter.
"use strict";

let writes = 0;
const temperature = {
    celsius: 20,
    get fahrenheit() { return this.celsius * 9 / 5 + 32; },
    set fahrenheit(value) { ++writes; this.celsius = (value - 32) * 5 / 9; },
};
const counter = {};
let hits = 0;
Object.defineProperty(counter, "next", { get() { return ++hits; }, enumerable: false, configurable: true });
const sink = {};
let lastSunk = null;
Object.defineProperty(sink, "value", { set(value) { lastSunk = value; }, enumerable: true });

step(() => {
    print("fahrenheit:", temperature.fahrenheit);
    temperature.fahrenheit = 212;
    print("celsius after set:", temperature.celsius, "writes:", writes);
    print("counter:", counter.next, counter.next);
});

step(() => {
    const descriptor = Object.getOwnPropertyDescriptor(temperature, "fahrenheit");
    print("descriptor kinds:", typeof descriptor.get, typeof descriptor.set, descriptor.enumerable, descriptor.configurable);
    print("counter continues:", counter.next, "hidden:", Object.keys(counter).length);
    sink.value = "sunk";
    print("setter-only read:", sink.value, "captured:", lastSunk);
    const nextDescriptor = Object.getOwnPropertyDescriptor(counter, "next");
    print("getter-only has no setter:", nextDescriptor.set === undefined);
});

step(() => {
    temperature.fahrenheit = 32;
    print("celsius:", temperature.celsius, "writes:", writes, "hits:", hits);
});
