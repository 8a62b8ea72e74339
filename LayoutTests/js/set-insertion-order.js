// Tests that Set keeps insertion order (also after delete and re-add) and membership by identity for mixed value
// types (strings, objects, numbers and BigInts that print alike) across migration.
"use strict";

const first = { id: 1 };
const second = { id: 2 };
const set = new Set(["c", first, "a", second, 3, 3n, "c"]);

function describe(value)
{
    return typeof value === "object" ? `obj${value.id}` : String(value);
}

step(() => {
    print("size:", set.size);
    print("order:", [...set].map(describe).join(","));
    print("membership:", set.has(first), set.has({ id: 1 }), set.has(3), set.has(3n));
    set.delete("c");
    set.add("c");
    set.add(first);
});

step(() => {
    print("order after changes:", [...set].map(describe).join(","));
    const values = [];
    set.forEach((value) => values.push(typeof value));
    print("forEach types:", values.join(","));
});
