// Tests that instances of a class extending Map keep their entries (in insertion order, with object keys) and
// their class after migration, and that overridden methods calling super still reach the real Map internals.
"use strict";

class CountingMap extends Map {
    constructor(entries)
    {
        super(entries);
        this.writes = 0;
    }

    set(key, value)
    {
        this.writes = (this.writes || 0) + 1;
        return super.set(key, value);
    }

    increment(key) { return this.set(key, (this.get(key) || 0) + 1); }
}

const keyObject = { id: "k" };
const counts = new CountingMap([["a", 1]]);
counts.increment(keyObject);

step(() => {
    counts.increment("a");
    counts.increment(keyObject);
    print("entries:", [...counts].map(([key, value]) => `${typeof key === "string" ? key : key.id}=${value}`).join(","));
    print("writes:", counts.writes, "size:", counts.size);
});

step(() => {
    print("instanceof:", counts instanceof CountingMap, counts instanceof Map);
    print("object key lookup:", counts.get(keyObject), counts.has({ id: "k" }));
    print("Map.prototype.get works on it:", Map.prototype.get.call(counts, "a"));
});
