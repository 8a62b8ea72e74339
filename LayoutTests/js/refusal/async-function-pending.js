// offload-expect-refusal: a promise made by the engine (for example by an async function that is still running) is pending
// Tests that the promise of an async function still suspended at an await the snapshot cannot see (its awaited promise
// is held only by the suspended function) is refused with the reason, and that the program runs on locally.
"use strict";

async function waitForever() {
    await new Promise(() => {});
    print("wrong: resumed");
}

const running = waitForever();
let settled = false;
running.then(() => { settled = true; });

step(() => {
    print("settled:", settled);
});

step(() => {
    print("still settled:", settled);
});
