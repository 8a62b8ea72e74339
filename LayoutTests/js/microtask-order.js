// Tests that microtasks (promise reactions and async-function continuations) run after the turn that queued them
// and before the next turn, in FIFO order, including microtasks queued by microtasks. (queueMicrotask is a web API
// that the engine runner does not provide.)
"use strict";

const events = [];
const microtask = (callback) => Promise.resolve().then(callback);
microtask(() => events.push("micro A (turn 0)"));
Promise.resolve().then(() => {
    events.push("promise B (turn 0)");
    microtask(() => events.push("nested micro C (turn 0)"));
});
(async () => {
    events.push("async body start (turn 0, synchronous)");
    await null;
    events.push("async continuation (turn 0)");
})();
step(() => {
    events.push("turn 1 start");
    Promise.resolve().then(() => events.push("promise D (turn 1)"));
    microtask(() => events.push("micro E (turn 1)"));
    events.push("turn 1 end");
});
step(() => {
    events.push("turn 2");
    for (const event of events)
        print(event);
});
