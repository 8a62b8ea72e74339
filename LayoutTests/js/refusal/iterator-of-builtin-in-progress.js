// offload-expect-refusal: iterator state cannot be captured yet
// Tests that iterators whose position the engine keeps in hidden slots (a String.prototype.matchAll iterator, an
// iterator helper of Iterator.prototype.map, an Iterator.from wrapper) make capture fail with the reason rather than
// travel as plain objects whose `next` would then throw; once the program drops them, migrations succeed.
"use strict";

let iterators = {
    matches: "a1b22c333".matchAll(/\d+/g),
    doubled: [1, 2, 3].values().map((value) => value * 2),
    wrapped: Iterator.from({ count: 0, next() { return { done: false, value: ++this.count }; } }),
};
const seen = [];

function advance()
{
    seen.push(iterators.matches.next().value[0], iterators.doubled.next().value, iterators.wrapped.next().value);
}

advance();
step(advance);
step(() => {
    advance();
    iterators = null;
});
step(() => print("seen:", seen.join(" ")));
