// Tests that WeakMap entries whose keys are still reachable survive migration (the value is found by the same key
// object), that a WeakMap used for private data through a closure keeps working, and that deleting still works.
"use strict";

const cache = new WeakMap();
const keyA = { name: "a" };
const keyB = [1, 2, 3];
const keyFunction = () => 0;
cache.set(keyA, "value for a");
cache.set(keyB, { sum: 6 });
cache.set(keyFunction, "function key");

const privateData = (() => {
    const store = new WeakMap();
    return {
        make(secret) { const object = {}; store.set(object, secret); return object; },
        reveal(object) { return store.get(object); },
    };
})();
const token = privateData.make("hidden secret");

step(() => {
    print("lookups:", cache.get(keyA), cache.get(keyB).sum, cache.get(keyFunction));
    print("has:", cache.has(keyA), cache.has({ name: "a" }));
    print("private data:", privateData.reveal(token));
    cache.delete(keyB);
    cache.set(keyA, "updated");
});

step(() => {
    print("after updates:", cache.get(keyA), cache.has(keyB), cache.get(keyFunction));
    print("private data after migration:", privateData.reveal(token), privateData.reveal({}));
});
