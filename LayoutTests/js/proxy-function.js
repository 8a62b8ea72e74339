// Tests that a Proxy around a function keeps being callable and constructible after migration, with its apply and
// construct traps running, and that typeof still reports "function".
"use strict";

function multiply(a, b)
{
    return a * b;
}

class Point {
    constructor(x, y) { this.x = x; this.y = y; }
}

let applyCount = 0;
const tracedMultiply = new Proxy(multiply, {
    apply(target, thisArgument, args) { ++applyCount; return Reflect.apply(target, thisArgument, args) + 0.5; },
});
const LoggedPoint = new Proxy(Point, {
    construct(target, args, newTarget)
    {
        const point = Reflect.construct(target, args, newTarget);
        point.made = "by trap";
        return point;
    },
});

step(() => {
    print("typeof:", typeof tracedMultiply, typeof LoggedPoint);
    print("apply:", tracedMultiply(3, 4), applyCount);
});

step(() => {
    print("apply after migration:", tracedMultiply.call(null, 5, 6), applyCount);
    const point = new LoggedPoint(1, 2);
    print("construct:", point.x, point.y, point.made, point instanceof Point);
    print("name through proxy:", tracedMultiply.name, LoggedPoint.name);
});
