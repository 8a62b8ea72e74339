// Tests that an arrow function captures the `arguments` object of its enclosing function, and that an arguments
// object kept alive after its function returned still holds its values after migration (strict, so unmapped).
"use strict";

function collect()
{
    const first = () => arguments[0];
    const count = () => arguments.length;
    return { first, count, args: arguments };
}

const collected = collect("a", "b", "c");

step(() => {
    print("first:", collected.first(), "count:", collected.count());
    print("is arguments object:", Object.prototype.toString.call(collected.args));
    collected.args[0] = "changed";
});

step(() => {
    print("arrow sees change to the same arguments object:", collected.first());
    print("values:", Array.from(collected.args).join(","), "length:", collected.args.length);
});
