// Tests arguments objects that never alias their parameters, kept by closures that read those parameters: a strict
// function's and a sloppy function's with a default parameter. Writing one side leaves the other as it was, after
// migration too.

function strictPair(first)
{
    "use strict";
    var args = arguments;
    return { setArgument: function (v) { args[0] = v; }, setParameter: function (v) { first = v; }, read: function () { return first + "/" + args[0]; } };
}

function defaultedPair(first, second = "d")
{
    var args = arguments;
    return { setArgument: function (v) { args[0] = v; }, setParameter: function (v) { first = v; }, read: function () { return first + "/" + args[0] + "/" + second; } };
}

var strict = strictPair("s");
var defaulted = defaultedPair("p");

step(function () {
    strict.setArgument("S");
    defaulted.setArgument("P");
    print("after argument writes:", strict.read(), defaulted.read());
});

step(function () {
    strict.setParameter("s2");
    defaulted.setParameter("p2");
    print("after parameter writes:", strict.read(), defaulted.read());
});
