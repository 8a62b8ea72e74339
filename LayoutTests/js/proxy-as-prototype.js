// Tests a Proxy used as another object's prototype: property lookups that miss on the object fall through to the
// proxy's get trap after migration, with the original receiver.
"use strict";

const fallbackLog = [];
const fallback = new Proxy({}, {
    get(target, key, receiver) {
        if (typeof key === "symbol")
            return undefined;
        fallbackLog.push(key);
        return `fallback ${key} for ${receiver.name}`;
    },
});
const object = Object.create(fallback);
object.name = "object";

step(() => {
    print(object.name, "|", object.missing);
});

step(() => {
    print(object.other, "|", fallbackLog.join(","));
    print("prototype is the proxy:", Object.getPrototypeOf(object) === fallback);
});
