// Tests sloppy-mode global state: top-level var and function declarations are non-configurable globalThis
// properties, implicit globals (assignment without declaration) are configurable ones, and functions see later
// changes to them through the global object after migration.

var declared = 1;
implicit = 2;
function readBoth()
{
    return declared + "/" + implicit;
}

step(function () {
    print("values:", readBoth());
    print("declared configurable:", Object.getOwnPropertyDescriptor(globalThis, "declared").configurable);
    print("implicit configurable:", Object.getOwnPropertyDescriptor(globalThis, "implicit").configurable);
    print("delete declared:", delete globalThis.declared);
    declared = 10;
    globalThis.implicit = 20;
});

step(function () {
    print("values after migration:", readBoth());
    print("delete implicit:", delete globalThis.implicit, typeof implicit);
});
