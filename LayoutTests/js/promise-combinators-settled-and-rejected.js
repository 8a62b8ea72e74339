// Tests Promise.allSettled, Promise.any rejecting with an AggregateError, Promise.all rejecting, empty inputs, a
// hand-written iterable and a Promise subclass, each waiting across turns: which inputs have reported and the
// values so far survive migration, and every combinator settles as it would have.
"use strict";

const settle = {};
function later(name)
{
    return new Promise((resolve, reject) => { settle[name] = { resolve, reject }; });
}

class TracedPromise extends Promise {}

const iterable = {
    [Symbol.iterator]() {
        let n = 0;
        return { next: () => (n < 3 ? { value: n === 1 ? later("it") : n * 10, done: !++n } : { done: true }) };
    },
};

Promise.allSettled([later("s1"), later("s2"), "plain"]).then((results) => print("allSettled:", JSON.stringify(results)));
Promise.any([later("a1"), later("a2")]).catch((error) => {
    print("any:", error.constructor.name, error instanceof AggregateError, JSON.stringify(error.errors));
});
Promise.all([later("r1"), later("r2")]).then(() => print("all: fulfilled?"), (reason) => print("all rejected:", reason));
Promise.all([]).then((values) => print("all of nothing:", JSON.stringify(values)));
Promise.any([]).catch((error) => print("any of nothing:", error.constructor.name, error.errors.length));
Promise.all(iterable).then((values) => print("iterable:", JSON.stringify(values)));
const traced = TracedPromise.all([later("t")]);
print("subclass result:", traced instanceof TracedPromise);
traced.then((values) => print("subclass all:", JSON.stringify(values)));

step(() => {
    settle.s1.resolve("one");
    settle.a1.reject("first failure");
    settle.r2.reject("r2 broke");
    settle.it.resolve("from iterator");
});

step(() => {
    settle.s2.reject("two failed");
    settle.r1.resolve("too late");
    print("turn 2: any still waits on a2");
});

step(() => {
    settle.a2.reject("second failure");
    settle.t.resolve("traced");
});
