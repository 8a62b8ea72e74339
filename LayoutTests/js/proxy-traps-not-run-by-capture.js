// Tests that capturing a heap with proxies runs none of their traps (every trap logs), and that revoke functions of
// Proxy.revocable travel: one called before migration stays a harmless no-op, one called after still revokes.
"use strict";

const log = [];
const traps = {};
for (const name of ["get", "set", "has", "deleteProperty", "ownKeys", "getOwnPropertyDescriptor", "defineProperty",
    "getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions", "apply", "construct"]) {
    traps[name] = (...args) => {
        log.push(name);
        return Reflect[name](...args);
    };
}
const watched = new Proxy({ value: 1 }, traps);
const watchedFunction = new Proxy(function callee() { return "called"; }, traps);
const early = Proxy.revocable({ value: "early" }, traps);
early.revoke();
const late = Proxy.revocable({ value: "late" }, traps);

step(() => {
    print("traps run so far:", log.length);
    print("value:", watched.value, watchedFunction(), late.proxy.value, "traps:", log.join(","));
    log.length = 0;
});

step(() => {
    print("traps run between turns:", log.length);
    early.revoke();
    late.revoke();
    try {
        late.proxy.value;
    } catch (error) {
        print("late revoked:", error.constructor.name);
    }
    print("revoke functions:", typeof early.revoke, early.revoke.length, JSON.stringify(early.revoke.name));
});
