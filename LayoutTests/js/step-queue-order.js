// Tests that the queue of pending turns is program state: turns queued at top level, turns queued by turns and
// turns queued by microtasks run first-in first-out, and closures queued with their arguments keep them.
"use strict";

let order = 0;
function turn(label)
{
    return () => print(`${++order}: ${label}`);
}

step(turn("top 1"));
step(() => {
    print(`${++order}: top 2 queues two`);
    step(turn("queued by top 2 (a)"));
    step(turn("queued by top 2 (b)"));
});
step(turn("top 3"));
Promise.resolve().then(() => step(turn("queued by a microtask of turn 0")));
for (let i = 0; i < 3; ++i)
    step(() => print(`${++order}: loop ${i}`));
step(() => {
    Promise.resolve().then(() => step(turn("queued by a microtask of the last top-level turn")));
});
