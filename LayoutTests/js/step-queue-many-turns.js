// Tests a long-running program that re-queues itself for 30 turns, accumulating state in closures, a Map and an
// array; migrations between any of the turns must not lose or duplicate a turn.
"use strict";

const history = [];
const seen = new Map();
let remaining = 30;

function work()
{
    const index = 30 - remaining;
    history.push(index);
    seen.set(index % 5, (seen.get(index % 5) || 0) + 1);
    if (--remaining > 0)
        step(work);
    else
        step(report);
}

function report()
{
    print("turns run:", history.length, "in order:", history.every((value, index) => value === index));
    print("buckets:", [...seen].map(([key, count]) => `${key}:${count}`).join(","));
}

step(work);
