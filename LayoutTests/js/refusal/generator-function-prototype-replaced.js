// offload-expect-refusal: whose `prototype` the program replaced
// Tests that a suspended generator made after the program replaced its generator function's `prototype` (so it
// inherits from an ordinary object, and nothing in its chain says it is a generator) is refused with a message naming
// the function, rather than captured as a plain object; and that once the program drops it, migrations succeed.
"use strict";

function* letters()
{
    yield "a";
    yield "b";
    yield "c";
}

letters.prototype = { kind: "custom prototype" };
const resume = Object.getPrototypeOf(letters).prototype.next;
let held = letters();
const seen = [resume.call(held).value];

step(() => {
    seen.push(resume.call(held).value);
    print("seen:", seen.join(""), held.kind);
});
step(() => {
    held = null;
    seen.push("-");
});
step(() => print("seen after dropping it:", seen.join("")));
