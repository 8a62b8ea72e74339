// Tests a function whose parameter list can make closures, called so that it makes none (the default is not used):
// the closures of its body still share its parameters, and `this`, which the parameter scope holds, after migration.
"use strict";

function makeCounter(start, step = () => 1, hidden = () => start)
{
    var hidden = "body";
    return {
        next: () => { start += step(); return `${start} ${this.label} ${hidden}`; },
        peek: () => start,
    };
}

const given = makeCounter.call({ label: "given" }, 10, () => 5, null);
const defaulted = makeCounter.call({ label: "defaulted" }, 0);

step(() => {
    print(given.next(), "|", defaulted.next());
});

step(() => {
    print(given.next(), given.peek(), "|", defaulted.next(), defaulted.peek());
});
