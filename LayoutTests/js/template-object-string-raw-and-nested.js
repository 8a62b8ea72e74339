// Tests tagged templates the rewrite must leave as they were: String.raw reads the raw strings, a template nested in
// a substitution of another keeps its own strings object and values, and a multi-line template keeps the line
// numbers of the code after it (read before migrating). Each site still gives its one strings object after
// migration.
"use strict";

function tag(strings, ...values)
{
    return { strings, values };
}

function nested(x)
{
    return tag`outer ${tag`inner ${x} end`} and ${x + 1}`;
}

function lineAfter()
{
    const text = String.raw`first\n
second ${"line"}
third`;
    return [text, new Error().stack.split("\n")[0].match(/:(\d+):/)[1]];
}

const firstOuter = nested(1);
// Read before any migration: a function a restore re-creates reports the lines of the restore's own script.
const rawAndLine = lineAfter();

step(() => {
    const again = nested(2);
    print("outer same:", again.strings === firstOuter.strings, "inner same:", again.values[0].strings === firstOuter.values[0].strings);
    print("values:", again.values[0].values[0], again.values[1], JSON.stringify(again.strings.raw), JSON.stringify(again.values[0].strings));
    print("raw:", JSON.stringify(lineAfter()[0]), "line after template:", rawAndLine[1], JSON.stringify(rawAndLine[0]));
});
