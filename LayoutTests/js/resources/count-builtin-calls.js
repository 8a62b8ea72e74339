// Helper for the tests that check which built-ins the runtime calls (not a test): countBuiltinCalls(targets) replaces
// every method and getter of the given objects by a wrapper that counts its calls under its name while `counting` is
// true; report(when) stops counting and prints the calls counted since the last report. The wrappers keep the
// built-ins' names, return values and `new` behaviour, and travel as the program's changes to built-ins.
"use strict";

function countBuiltinCalls(targets) {
    const counted = new Map();
    const mapGet = Map.prototype.get;
    const mapSet = Map.prototype.set;
    const apply = Reflect.apply;
    const construct = Reflect.construct;
    const counter = { counting: false, wrapped: 0 };
    const count = (label) => {
        if (counter.counting)
            apply(mapSet, counted, [label, (apply(mapGet, counted, [label]) || 0) + 1]);
    };
    for (const name of Object.keys(targets)) {
        const target = targets[name];
        for (const key of Reflect.ownKeys(target)) {
            const descriptor = Object.getOwnPropertyDescriptor(target, key);
            const label = `${name}.${String(key)}`;
            if (descriptor.get && descriptor.configurable) {
                const originalGetter = descriptor.get;
                // A getter made by an object literal: named like the built-in one ("get flags").
                const getter = Object.getOwnPropertyDescriptor({
                    get [key]() {
                        count(`get ${label}`);
                        return apply(originalGetter, this, []);
                    },
                }, key).get;
                Object.defineProperty(target, key, { ...descriptor, get: getter });
                ++counter.wrapped;
                continue;
            }
            if (typeof descriptor.value !== "function" || key === "constructor" || !descriptor.configurable)
                continue;
            const original = descriptor.value;
            // A method keeps its name and has no prototype, as the built-in it wraps.
            const wrapper = {
                [key](...args) {
                    count(label);
                    return new.target ? construct(original, args, new.target) : apply(original, this, args);
                },
            }[key];
            Object.defineProperty(target, key, { ...descriptor, value: wrapper });
            ++counter.wrapped;
        }
    }
    counter.report = (when) => {
        counter.counting = false;
        const calls = [];
        counted.forEach((number, label) => calls.push(`${label}=${number}`));
        counted.clear();
        print(`${when}:`, calls.length ? calls.join(" ") : "no calls");
    };
    return counter;
}
