// offload-expect-refusal: a suspended generator cannot be captured yet (its prototype was replaced)
// Tests that a suspended generator whose prototype the program replaced (so that nothing in its chain says it is a
// generator any more) is still refused with the reason, rather than captured as a plain object that the generator
// methods would then reject; and that once the program drops it, migrations succeed again.
"use strict";

function* counter()
{
    let count = 0;
    while (true)
        yield ++count;
}

const resume = Object.getPrototypeOf(counter.prototype).next;
let state = { generator: counter() };
resume.call(state.generator);
Object.setPrototypeOf(state.generator, { label: "looks plain" });
let total = 0;

step(() => {
    total += resume.call(state.generator).value;
    print("resumed:", total, state.generator.label);
});
step(() => {
    state = null;
    total += 10;
});
step(() => print("total after dropping it:", total));
