// Tests that a pending promise with reactions survives migration: its resolve function (kept in a global) settles
// it in a later turn, and the then-chain registered before migration runs after it, in order.
"use strict";

let resolveLater;
const pending = new Promise((resolve) => { resolveLater = resolve; });
const chained = pending
    .then((value) => { print("first reaction:", value); return value * 2; })
    .then((value) => { print("second reaction:", value); return value + 1; });
pending.then((value) => print("sibling reaction:", value));

step(() => {
    print("turn 1: still pending");
});

step(() => {
    print("turn 2: resolving");
    resolveLater(21);
    print("turn 2: reactions have not run yet");
});

step(() => {
    chained.then((value) => print("late reaction on settled chain:", value));
    print("turn 3: attached");
});
