// offload-expect-refusal: WeakRef
// Tests that a WeakRef reachable from program state makes capture fail with a message naming it (whether its
// target is still alive is decided by the collector and cannot be reproduced on the other side), that the program
// then runs locally, and that the refusal leaves no trace: once the program drops the WeakRef, later migrations
// succeed and the state built up meanwhile (a closure counter, a Map, pending turns) is complete on the other side.
"use strict";

const target = { name: "kept alive by a strong reference" };
let cache = { reference: new WeakRef(target) };
const counter = (() => {
    let count = 0;
    return () => ++count;
})();
const log = new Map();

function record(label)
{
    log.set(label, counter());
}

step(() => {
    print("deref:", cache.reference.deref().name, cache.reference.deref() === target);
    record("with weakref 1");
});
step(() => record("with weakref 2"));
step(() => {
    cache = null;
    record("dropped");
});
step(() => record("after drop 1"));
step(() => record("after drop 2"));
step(() => {
    print("entries:", [...log].map(([label, count]) => `${label}=${count}`).join(", "));
    print("counter continues:", counter());
});
