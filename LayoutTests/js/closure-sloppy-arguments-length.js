// Tests that changing arguments.length does not unmap the indices of a sloppy function's arguments object: after
// migration, the index beyond the new length still writes the parameter, and the length stays what it was set to.

function makeShortened(first, second)
{
    var args = arguments;
    args.length = 1;
    return {
        set: function (value) { args[1] = value; },
        read: function () { return second + " args " + args[1] + " length " + args.length; },
    };
}

var shortened = makeShortened("a", "b");

step(function () {
    print("initial:", shortened.read());
});

step(function () {
    shortened.set("B");
    print("after write through arguments:", shortened.read(), Array.prototype.slice.call(arguments).length);
});
