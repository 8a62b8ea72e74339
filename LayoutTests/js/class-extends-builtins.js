// Tests subclasses of Date, RegExp, Uint8Array, Set and Promise: instances keep both their subclass (prototype,
// own methods) and the built-in's internal state (time value, pattern, bytes, entries, promise state) after
// migration.
"use strict";

class Moment extends Date {
    get year() { return this.getUTCFullYear(); }
}

class Pattern extends RegExp {
    matchesAll(strings) { return strings.every((string) => this.test(string)); }
}

class Bytes extends Uint8Array {
    sum() { return this.reduce((total, value) => total + value, 0); }
}

class TagSet extends Set {
    list() { return [...this].join("+"); }
}

class Deferred extends Promise {
    static get [Symbol.species]() { return Promise; }
}

const moment = new Moment(Date.UTC(2030, 0, 1));
const pattern = new Pattern("^[a-z]+$", "i");
const bytes = Bytes.from([1, 2, 3, 250]);
const tags = new TagSet(["x", "y"]);
let resolveDeferred;
const deferred = new Deferred((resolve) => { resolveDeferred = resolve; });

step(() => {
    print("moment:", moment.year, moment instanceof Moment, moment instanceof Date);
    print("pattern:", pattern.matchesAll(["abc", "XYZ"]), pattern.matchesAll(["a1"]), pattern.flags);
    print("bytes:", bytes.sum(), bytes instanceof Bytes, bytes.length);
    print("tags:", tags.list(), tags instanceof TagSet);
    print("deferred:", deferred instanceof Deferred, deferred instanceof Promise);
});

step(() => {
    tags.add("z");
    bytes[0] = 100;
    deferred.then((value) => print("deferred resolved with", value));
    resolveDeferred("payload");
});

step(() => {
    print("after changes:", tags.list(), bytes.sum(), bytes.subarray(0, 2) instanceof Bytes);
});
