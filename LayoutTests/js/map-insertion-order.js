// Tests that Map keeps insertion order (including after delete and re-insertion and overwriting an existing key),
// object keys by identity, and NaN and -0 keys normalised the way the engine does.
"use strict";

const objectKey = { name: "objectKey" };
const functionKey = function keyFunction() {};
const map = new Map();
map.set("z", 1);
map.set(objectKey, 2);
map.set(NaN, "nan");
map.set(-0, "zero");
map.set(functionKey, 3);
map.set("a", 4);

function describe(key)
{
    if (typeof key === "object" && key)
        return key.name;
    if (typeof key === "function")
        return key.name;
    return String(key);
}

step(() => {
    print("order:", [...map.keys()].map(describe).join(","));
    print("lookups:", map.get(objectKey), map.get(NaN), map.get(0), map.get(functionKey));
    map.delete("z");
    map.set("z", 5);
    map.set(objectKey, 20);
});

step(() => {
    print("order after re-insert:", [...map.keys()].map(describe).join(","));
    print("values:", [...map.values()].join(","), "size:", map.size);
    print("identity, not structure:", map.has({ name: "objectKey" }), map.has(objectKey));
    print("-0 key stored as +0:", Object.is([...map.keys()][2], 0));
});
