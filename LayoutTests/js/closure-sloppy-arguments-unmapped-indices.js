// Tests that indices of a sloppy function's arguments object that are not mapped to parameters stay unmapped after
// migration, next to one that still is: an index deleted and added again, one redefined read-only, one added after
// the call (fewer arguments than parameters), and one beyond the parameters.

function makeMixed(kept, deleted, frozen, missing)
{
    var args = arguments;
    delete args[1];
    args[1] = "re-added";
    Object.defineProperty(args, 2, { writable: false });
    args[3] = "added";
    return {
        write: function (value) { for (var i = 0; i < 5; i++) { if (i !== 2) args[i] = value + i; } kept = "p0"; deleted = "p1"; missing = "p3"; },
        read: function () { return [kept, deleted, frozen, missing].join(",") + " args " + [args[0], args[1], args[2], args[3], args[4]].join(","); },
    };
}

var mixed = makeMixed("a", "b", "c");
mixed.extra = makeMixed("A", "B", "C", "D", "E");

step(function () {
    print("initial:", mixed.read(), "|", mixed.extra.read());
});

step(function () {
    mixed.write("w");
    mixed.extra.write("x");
    print("after writes:", mixed.read(), "|", mixed.extra.read());
});
