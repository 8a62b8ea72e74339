// offload-expect-refusal: an async function (or another promise the engine made) is waiting for it
// Tests that a promise awaited by a suspended async function is refused with the reason (the function's progress
// cannot be captured yet), and that the program runs on locally to the same end.
"use strict";

let resolveLater = null;
const later = new Promise((resolve) => { resolveLater = resolve; });

async function waitAndAdd(base) {
    const value = await later;
    return base + value;
}

waitAndAdd(40).then((sum) => print("sum:", sum));

step(() => {
    resolveLater(2);
});
