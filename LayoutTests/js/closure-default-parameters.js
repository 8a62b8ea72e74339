// Tests closures created in parameter default expressions and closures over parameters that had defaults: the
// parameter scope (separate from the body scope when defaults exist) is captured and shared correctly.
"use strict";

function makeGreeter(name = "world", greet = () => `hello ${name}`)
{
    const rename = (newName) => { name = newName; };
    return { greet, rename };
}

function withBodyShadow(x = 1, read = () => x)
{
    let y = x + 1;
    return () => `${read()}/${y}`;
}

const defaulted = makeGreeter();
const given = makeGreeter("Ada");
const shadow = withBodyShadow(5);

step(() => {
    print(defaulted.greet(), "|", given.greet());
    defaulted.rename("moon");
});

step(() => {
    print("default closure sees rename:", defaulted.greet(), "|", given.greet());
    print("param and body scopes:", shadow());
});
