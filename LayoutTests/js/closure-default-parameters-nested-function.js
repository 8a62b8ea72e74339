// Tests that a closure made inside a non-arrow function that is itself made in a parameter list, and that reads the
// parameters, travels and keeps sharing them with the closures of the body: that function's arguments object is its
// own, so the closure's handle is not the call's, and the capture finds it to be of the same call.
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
