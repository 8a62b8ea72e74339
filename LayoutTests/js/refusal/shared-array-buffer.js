// offload-expect-refusal: SharedArrayBuffer
// Tests that a SharedArrayBuffer reachable from a global makes capture fail with a message naming it (its memory
// may be shared with other agents, so it cannot be copied into a snapshot), and that the program then simply
// continues locally with all of its state.
"use strict";

globalThis.sharedState = { buffer: new SharedArrayBuffer(16) };
const counters = new Int32Array(globalThis.sharedState.buffer);
Atomics.add(counters, 0, 5);

step(() => {
    Atomics.add(counters, 0, 1);
    print("counter:", Atomics.load(counters, 0), "byteLength:", globalThis.sharedState.buffer.byteLength);
});

step(() => {
    Atomics.add(counters, 0, 1);
    print("counter:", Atomics.load(counters, 0), "is shared:", Object.prototype.toString.call(globalThis.sharedState.buffer));
});
