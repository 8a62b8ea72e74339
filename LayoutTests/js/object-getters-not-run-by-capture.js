// Tests that capturing the heap never runs user getters: an accessor with a side effect is read only when the
// program reads it, so the counter it increments has exactly the number of explicit reads whether or not a
// migration happened in between.
"use strict";

let reads = 0;
const watched = {
    get value() { ++reads; return "read"; },
};
const deep = { inner: watched };
Object.defineProperty(globalThis, "globalGetter", { get() { ++reads; return "global"; }, configurable: true });

step(() => {
    print("reads before:", reads);
    print("explicit read:", deep.inner.value);
});

step(() => {
    print("reads after one explicit read:", reads);
});

step(() => {
    print("global getter:", globalThis.globalGetter, "reads:", reads);
});
