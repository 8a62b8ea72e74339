// Tests closures made in parameter lists beyond plain defaults: an arrow made inside an arrow of a default, a
// method's default, `arguments` read by an arrow of the parameter list and of the body (one object), and a
// destructuring default. All closures of one call share its parameters after migration.
"use strict";

function outer(x = 1, makeAdder = (y) => () => x + y, args = () => arguments)
{
    return { addTen: makeAdder(10), setX: (value) => { x = value; }, sameArguments: () => args() === arguments, count: () => arguments.length };
}

const holder = {
    configure(options = {}, { size = 2, describe = () => `${size}/${options.name}` } = {})
    {
        return { describe, grow: () => { size *= 2; } };
    },
};

const made = outer(undefined, undefined, undefined, "extra");
const configured = holder.configure({ name: "box" });

step(() => {
    print("nested arrow:", made.addTen(), "arguments shared:", made.sameArguments(), made.count());
    made.setX(5);
    configured.grow();
});

step(() => {
    print("after writes:", made.addTen(), made.sameArguments(), configured.describe());
});
