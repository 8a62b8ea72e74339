// Tests an async function that awaits a promise rejected in a later turn: the rejection is thrown at the await,
// caught by its try/catch, the finally block runs, and the async function continues to its return.
"use strict";

let rejectLater;
let resolveLater;
async function task()
{
    const steps = [];
    try {
        await new Promise((resolve, reject) => { rejectLater = reject; });
        steps.push("wrong: not rejected");
    } catch (error) {
        steps.push(`caught ${error.message}`);
    } finally {
        steps.push("finally");
    }
    steps.push(`then ${await new Promise((resolve) => { resolveLater = resolve; })}`);
    return steps.join(", ");
}

task().then((summary) => print("task:", summary));

step(() => {
    rejectLater(new Error("network down"));
});

step(() => {
    print("resolving second await");
    resolveLater("resumed");
});
