// Tests that a binding left in its temporal dead zone stays uninitialized after migration: a closure over a `let`
// whose declaration never ran must still throw a ReferenceError (not read undefined), while a sibling binding
// that was initialized keeps its value.
"use strict";

function make(returnEarly)
{
    const readLater = () => later;
    const readEarlier = () => earlier;
    let earlier = "initialized";
    if (returnEarly)
        return { readLater, readEarlier };
    let later = "never reached when returning early";
    return { readLater, readEarlier };
}

const early = make(true);
const complete = make(false);

function attempt(read)
{
    try {
        return `value ${read()}`;
    } catch (error) {
        return error instanceof ReferenceError ? "ReferenceError" : "other error";
    }
}

step(() => {
    print("early:", attempt(early.readLater), "|", attempt(early.readEarlier));
    print("complete:", attempt(complete.readLater), "|", attempt(complete.readEarlier));
});

step(() => {
    print("early after migration:", attempt(early.readLater), "|", attempt(early.readEarlier));
});
