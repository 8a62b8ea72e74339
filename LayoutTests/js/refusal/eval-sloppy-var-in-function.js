// offload-expect-refusal: a sloppy direct eval declared counter, next in this function's scope
// Tests that bindings a sloppy direct eval adds to its caller's function scope (a `var` and a function declaration),
// which no template lists, are refused with their names rather than lost (a restored closure reading them would throw
// a ReferenceError), and that the program runs on locally.

function makeCounter(start)
{
    eval("var counter = start; function next() { return ++counter; }");
    return function () { return next() + " of " + counter; };
}

var count = makeCounter(10);

step(function () {
    print(count());
});

step(function () {
    print(count());
});
