// Tests an async function suspended at an await across several turns: it resumes with its locals when the awaited
// promise is resolved in a later turn, loops over further awaits, and its own promise settles at the end.
"use strict";

const gates = [];
function gate()
{
    return new Promise((resolve) => gates.push(resolve));
}

async function worker(name)
{
    let total = 0;
    for (let round = 1; round <= 3; ++round) {
        const value = await gate();
        total += value;
        print(`${name} round ${round} got ${value}, total ${total}`);
    }
    return total;
}

const result = worker("worker");
result.then((total) => print("worker finished with", total));

step(() => gates.shift()(10));
step(() => gates.shift()(20));
step(() => {
    print("between rounds: waiting gates", gates.length);
});
step(() => gates.shift()(30));
