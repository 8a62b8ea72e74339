// Tests that promises made by async functions that have finished travel with their state and result: fulfilled,
// rejected (handled later), resolved with another async function's promise, and one reachable only through another's
// result. Identity is kept, and reactions added after migration run in the same order as without it.
"use strict";

async function compute(value) { return { value }; }
async function fail(message) { throw new TypeError(message); }
async function forward() { return compute(7); }
async function nest() { return { inner: compute("inner") }; }

const fulfilled = compute(42);
const rejected = fail("bad input");
rejected.catch(() => {});
const forwarded = forward();
const nested = nest();
const registry = { first: fulfilled, again: fulfilled };
let seenBefore = null;
fulfilled.then((result) => { seenBefore = result; });

step(() => {
    print("same promise:", registry.first === registry.again && registry.first === fulfilled);
    print("instance of Promise:", fulfilled instanceof Promise);
    fulfilled.then((result) => print("fulfilled:", result.value, result === seenBefore));
    rejected.then(() => print("wrong: fulfilled"), (error) => print("rejected:", error.name, error.message));
    forwarded.then((result) => print("forwarded:", result.value));
    nested.then((result) => result.inner).then((inner) => print("nested:", inner.value));
    Promise.resolve().then(() => print("queued after the reactions above"));
});

step(async () => {
    const result = await fulfilled;
    print("awaited:", result.value);
    try {
        await rejected;
    } catch (error) {
        print("caught:", error.message);
    }
});
