// Tests that functions keep their own properties (data, accessors, symbol keys), a replaced prototype object and a
// counter stored on the function itself that is updated across turns.

function tracked()
{
    tracked.calls = (tracked.calls || 0) + 1;
    return tracked.calls;
}
tracked.metadata = { version: 3 };
tracked[Symbol.for("offload.meta")] = "symbol property";

function Shape() {}
Shape.prototype = { area() { return 0; }, kind: "custom prototype" };

const arrow = () => 1;
arrow.note = "arrows can carry properties too";

step(() => {
    tracked();
    tracked();
    print("calls:", tracked.calls, "metadata:", tracked.metadata.version, tracked[Symbol.for("offload.meta")]);
    print("custom prototype:", new Shape().kind, Object.getPrototypeOf(new Shape()) === Shape.prototype);
});

step(() => {
    tracked();
    print("calls after migration:", tracked.calls);
    print("arrow note:", arrow.note);
    print("prototype constructor is Object (replaced prototype):", Shape.prototype.constructor === Object);
});
