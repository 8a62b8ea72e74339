// offload-expect-refusal: a resolving function the engine made for a promise of its own
// Tests that the resolving function the engine hands to a thenable awaited by an async function is refused with the
// reason (the suspended function cannot be captured yet), and that the program runs on locally to the same end.
"use strict";

let release = null;
const gate = { then(onFulfilled) { release = onFulfilled; } };

async function waitForGate() {
    const value = await gate;
    return `released with ${value}`;
}

waitForGate().then((text) => print(text));

step(() => {
    print("release is set:", typeof release);
    release("key");
});
