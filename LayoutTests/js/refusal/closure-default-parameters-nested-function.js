// offload-expect-refusal: a function nested in a parameter list
// Tests that a closure made inside a non-arrow function that is itself made in a parameter list, and that reads the
// parameters, is refused with the reason (that function's arguments object is its own, so it cannot find the
// handle of the outer call's parameter scope), and that the program runs on locally.
"use strict";

function makeReader(x = 1, factory = function () { return () => x; })
{
    return { read: factory(), write: (value) => { x = value; } };
}

const reader = makeReader();

step(() => {
    reader.write(3);
    print("read:", reader.read());
});

step(() => {
    print("read again:", reader.read());
});
