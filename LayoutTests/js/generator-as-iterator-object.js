// Tests generators used as the iterator of a user object and as a lazy pipeline: several suspended generators
// (map, filter, take) chained together are resumed after migration.
"use strict";

function* naturals()
{
    let n = 0;
    while (true)
        yield n++;
}

function* map(source, transform)
{
    for (const value of source)
        yield transform(value);
}

function* filter(source, predicate)
{
    for (const value of source) {
        if (predicate(value))
            yield value;
    }
}

const pipeline = filter(map(naturals(), (value) => value * value), (value) => value % 2 === 1);
const bag = {
    items: ["p", "q", "r"],
    *[Symbol.iterator]() { yield* this.items; },
};
const bagIterator = bag[Symbol.iterator]();
print("turn 0:", pipeline.next().value, bagIterator.next().value);

step(() => {
    print("turn 1:", pipeline.next().value, pipeline.next().value, bagIterator.next().value);
});

step(() => {
    print("turn 2:", pipeline.next().value, bagIterator.next().value, bagIterator.next().done);
});
