// Tests Promise.all, Promise.race and Promise.any waiting on promises that are settled in different later turns:
// the combinators' internal bookkeeping (remaining count, values array) survives migration.
"use strict";

const resolvers = {};
function named(name)
{
    return new Promise((resolve, reject) => { resolvers[name] = { resolve, reject }; });
}

const a = named("a");
const b = named("b");
const c = named("c");
Promise.all([a, b, c, 4]).then((values) => print("all:", values.join(",")));
Promise.race([b, c]).then((value) => print("race:", value));
Promise.any([named("x"), named("y")]).then((value) => print("any:", value));

step(() => {
    resolvers.b.resolve("B");
    resolvers.x.reject(new Error("x"));
});

step(() => {
    resolvers.a.resolve("A");
    print("turn 2: all still waiting on c");
});

step(() => {
    resolvers.c.resolve("C");
    resolvers.y.resolve("Y");
});
