// Tests that built-in iterators that were partly consumed before migration continue from where they stopped:
// an array iterator, a Map entries iterator, a Set iterator and a string iterator over surrogate pairs.
"use strict";

const array = ["a", "b", "c", "d"];
const arrayIterator = array[Symbol.iterator]();
const map = new Map([[1, "one"], [2, "two"], [3, "three"]]);
const mapIterator = map.entries();
const setIterator = new Set(["x", "y", "z"]).values();
const stringIterator = "a\u{1F600}b"[Symbol.iterator]();
arrayIterator.next();
mapIterator.next();
setIterator.next();
stringIterator.next();

step(() => {
    print("array:", arrayIterator.next().value);
    print("map:", mapIterator.next().value.join("="));
    map.set(4, "four");
});

step(() => {
    print("array rest:", [...arrayIterator].join(","));
    print("map rest (sees added entry):", [...mapIterator].map((entry) => entry.join("=")).join(","));
    print("set rest:", [...setIterator].join(","));
    print("string rest:", [...stringIterator].map((part) => part.length).join(","));
    print("exhausted:", arrayIterator.next().done);
});
