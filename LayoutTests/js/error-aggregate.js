// Tests that an AggregateError keeps its errors array and that errors built by Promise.any survive migration with
// their class.
"use strict";

const aggregate = new AggregateError([new Error("one"), new TypeError("two")], "many failed");
let fromAny = null;
Promise.any([Promise.reject(new RangeError("a")), Promise.reject(new Error("b"))]).catch((error) => { fromAny = error; });

step(() => {
    print("aggregate:", aggregate.name, aggregate.message, aggregate.errors.length);
    print("inner:", aggregate.errors.map((error) => `${error.name}:${error.message}`).join(","));
    print("from Promise.any:", fromAny instanceof AggregateError, fromAny.errors.map((error) => error.message).join(","));
});

step(() => {
    print("inner classes:", fromAny.errors[0] instanceof RangeError, aggregate.errors[1] instanceof TypeError);
});
