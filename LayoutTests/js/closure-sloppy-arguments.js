// Tests sloppy-mode mapped arguments objects kept alive by closures: arguments[i] and the named parameter stay
// aliased after migration (writing one changes the other), and `this` of a sloppy function called bare is the
// global object.

function makeAliased(first, second)
{
    var args = arguments;
    return {
        setArgument: function (value) { args[0] = value; },
        setParameter: function (value) { second = value; },
        read: function () { return first + "/" + second + " args " + args[0] + "/" + args[1]; },
    };
}

function whoIsThis()
{
    return this === globalThis;
}

var aliased = makeAliased("a", "b");

step(function () {
    print("initial:", aliased.read());
    aliased.setArgument("A");
    print("write through arguments:", aliased.read());
});

step(function () {
    aliased.setParameter("B");
    print("write through parameter:", aliased.read());
    print("sloppy this is global:", whoIsThis());
});
