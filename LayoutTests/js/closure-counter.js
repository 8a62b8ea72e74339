// Tests the simplest closure: a counter whose state lives only in the captured variable of its factory's scope.
// The count must continue across turns (a lost scope would restart it, a copied scope would fork it).
"use strict";

function makeCounter(start)
{
    let count = start;
    return () => ++count;
}

const counter = makeCounter(10);
const other = makeCounter(100);
counter();

step(() => print("counter:", counter(), "other:", other()));
step(() => print("counter:", counter(), "other:", other()));
step(() => {
    print("counter:", counter(), counter(), "other:", other());
});
