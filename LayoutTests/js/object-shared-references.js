// Tests that an object reachable along several paths (globals, closures, arrays, Map values) is restored once,
// so that a change made through one path is seen through every other path and === holds between them.
"use strict";

const shared = { count: 0 };
const viaArray = [shared, shared];
const viaObject = { a: shared, b: { deeper: shared } };
const viaMap = new Map([["key", shared]]);
const viaClosure = (() => () => shared)();
var viaVar = shared;

step(() => {
    print("identities:", viaArray[0] === viaArray[1], viaObject.b.deeper === viaArray[0],
        viaMap.get("key") === viaClosure(), viaVar === shared);
    viaArray[0].count = 1;
});

step(() => {
    viaObject.b.deeper.count += 1;
    viaClosure().count += 1;
});

step(() => {
    print("count seen everywhere:", shared.count, viaMap.get("key").count, globalThis.viaVar.count, viaArray[1].count);
});
