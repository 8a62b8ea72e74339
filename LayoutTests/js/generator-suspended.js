// Tests that a generator suspended at a yield before migration continues after it: it resumes with its locals,
// its loop position and the value passed to next(), and finishes normally.
"use strict";

function* fibonacci(limit)
{
    let [a, b] = [0, 1];
    let received = [];
    for (let index = 0; index < limit; ++index) {
        const input = yield a;
        if (input !== undefined)
            received.push(input);
        [a, b] = [b, a + b];
    }
    return `done, received ${received.join(",")}`;
}

const sequence = fibonacci(8);
print("turn 0:", sequence.next().value, sequence.next().value);

step(() => {
    print("turn 1:", sequence.next("x").value, sequence.next().value);
});

step(() => {
    print("turn 2:", sequence.next("y").value, sequence.next().value, sequence.next().value);
});

step(() => {
    const last = sequence.next("z");
    const end = sequence.next();
    print("turn 3:", last.value, last.done, "|", end.value, end.done);
    print("after end:", JSON.stringify(sequence.next()));
});
