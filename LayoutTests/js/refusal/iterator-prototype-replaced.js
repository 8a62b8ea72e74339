// offload-expect-refusal: iterator state cannot be captured yet (its prototype was replaced)
// Tests that a built-in array iterator in progress whose prototype the program replaced through `__proto__` is still
// refused with the reason (its position is hidden in the engine), rather than captured as a plain object; and that
// once the program drops it, migrations succeed again.
"use strict";

const next = Object.getPrototypeOf([][Symbol.iterator]()).next;
let iterator = ["x", "y", "z"][Symbol.iterator]();
next.call(iterator);
iterator.__proto__ = Object.prototype;
const seen = [];

step(() => {
    seen.push(next.call(iterator).value);
    print("seen:", seen.join(","));
});
step(() => {
    iterator = null;
    seen.push("dropped");
});
step(() => print("seen after dropping it:", seen.join(",")));
