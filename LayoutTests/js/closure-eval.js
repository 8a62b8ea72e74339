// Tests functions created by direct eval: they close over the local variables of the function that called eval
// (including variables the eval itself declared, in sloppy mode), and keep doing so after migration. Indirect eval
// creates global functions.

function makeWithEval(seed)
{
    var local = seed;
    eval("var declaredByEval = 'from eval'; function bump() { local += 1; return local; }");
    return { bump: bump, read: function () { return declaredByEval + ' ' + local; } };
}

var made = makeWithEval(10);
var strictMade = (function () {
    "use strict";
    let hidden = 1;
    return eval("(() => ++hidden)");
})();
(0, eval)("var indirectGlobal = 'indirect'; function indirectFunction() { return indirectGlobal; }");

step(function () {
    print("bump:", made.bump(), made.bump());
    print("strict eval arrow:", strictMade(), strictMade());
    print("indirect:", indirectFunction(), typeof globalThis.indirectFunction);
});

step(function () {
    print("bump after migration:", made.bump(), "|", made.read());
    print("strict eval arrow after migration:", strictMade());
    indirectGlobal = "changed";
    print("indirect sees global:", indirectFunction());
});
