// Tests that bound functions keep their target, bound this and bound arguments after migration, have the
// "bound NAME" name and reduced length, still work with `new`, and can be bound again.
"use strict";

function describe(greeting, punctuation)
{
    return `${greeting}, ${this.name}${punctuation}`;
}

function Point(x, y)
{
    this.x = x;
    this.y = y;
}

const ada = { name: "Ada" };
const hello = describe.bind(ada, "Hello");
const twice = hello.bind(null, "!!");
const PointOnAxis = Point.bind(null, 0);

step(() => {
    print("hello:", hello("!"), hello.name, hello.length);
    print("twice:", twice(), twice.name, twice.length);
    ada.name = "Ada Lovelace";
});

step(() => {
    print("bound this is the same object:", hello("?"));
    const point = new PointOnAxis(5);
    print("new on bound:", point.x, point.y, point instanceof Point, point instanceof PointOnAxis);
    print("bound has no prototype:", hello.prototype === undefined);
});
