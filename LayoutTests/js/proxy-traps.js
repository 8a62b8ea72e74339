// Tests that a Proxy keeps its target and handler after migration and that its traps still run: get, set, has,
// deleteProperty and ownKeys traps log into state shared with the program, and capture itself runs no trap.
"use strict";

const log = [];
const target = { visible: 1, _private: 2 };
const handler = {
    get(object, key, receiver)
    {
        log.push(`get ${String(key)}`);
        return key in object ? Reflect.get(object, key, receiver) : `default:${String(key)}`;
    },
    set(object, key, value) { log.push(`set ${key}`); object[key] = value * 2; return true; },
    has(object, key) { log.push(`has ${key}`); return !key.startsWith("_") && key in object; },
    deleteProperty(object, key) { log.push(`delete ${key}`); return key.startsWith("_") ? false : delete object[key]; },
    ownKeys(object) { log.push("ownKeys"); return Reflect.ownKeys(object).filter((key) => !key.startsWith("_")); },
};
const proxy = new Proxy(target, handler);

step(() => {
    print("trap calls before any access:", log.length);
    print("get:", proxy.visible, proxy.missing);
    proxy.doubled = 5;
    print("has:", "visible" in proxy, "_private" in proxy);
});

step(() => {
    print("set reached target:", target.doubled);
    print("keys:", Object.keys(proxy).join(","));
    print("delete private refused:", Reflect.deleteProperty(proxy, "_private"));
    print("log:", log.join("; "));
});

step(() => {
    handler.get = (object, key) => `replaced handler trap for ${String(key)}`;
    print("handler is the same object:", proxy.visible);
});
