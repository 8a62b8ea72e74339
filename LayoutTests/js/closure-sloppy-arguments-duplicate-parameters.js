// Tests a sloppy function with two parameters of one name: only the last is mapped to its index (the first index
// is not mapped to anything), and this stays so after migration; a parameter that no closure reads is left alone.

function makeDuplicate(a, a, unread)
{
    var args = arguments;
    return {
        write: function (first, second) { args[0] = first; args[1] = second; args[2] = "u"; },
        read: function () { return a + " args " + args[0] + "," + args[1] + "," + args[2]; },
    };
}

var duplicate = makeDuplicate("x", "y", "z");

step(function () {
    print("initial:", duplicate.read());
    duplicate.write("X", "Y");
});

step(function () {
    print("after writes:", duplicate.read());
    duplicate.write("X2", "Y2");
    print("after more writes:", duplicate.read());
});
