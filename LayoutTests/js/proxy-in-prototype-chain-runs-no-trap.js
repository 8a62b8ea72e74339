// Tests that capturing and restoring objects with a Proxy in their prototype chain runs none of its traps (every trap
// of the handler logs its call, and the log is printed after each migration), and that the objects keep their kinds:
// a plain object, a Map given the proxy as prototype, and a frozen object, whose kind is told without detaching it.
"use strict";

const trapLog = [];
const handler = {};
for (const trap of ["get", "has", "set", "getPrototypeOf", "setPrototypeOf", "getOwnPropertyDescriptor", "ownKeys", "defineProperty", "deleteProperty", "isExtensible", "preventExtensions"]) {
    handler[trap] = (...args) => {
        trapLog.push(typeof args[1] === "symbol" ? `${trap}(${String(args[1])})` : typeof args[1] === "string" ? `${trap}(${args[1]})` : trap);
        return Reflect[trap](...args);
    };
}
const base = new Proxy({ inherited: "from the proxy's target" }, handler);

const plain = Object.create(base);
plain.own = 1;
const map = Object.setPrototypeOf(new Map([["key", "value"]]), base);
const frozen = Object.freeze(Object.assign(Object.create(base), { fixed: true }));

function show(label)
{
    print(label, "| log:", trapLog.join(" ") || "(empty)");
    trapLog.length = 0;
}

show("setup");
step(() => {
    show("turn 1");
    print("plain.inherited:", plain.inherited, "own:", plain.own);
    print("map:", Map.prototype.get.call(map, "key"), Object.getPrototypeOf(map) === base);
    print("frozen:", frozen.fixed, Object.isFrozen(frozen), Object.getPrototypeOf(frozen) === base);
    show("after reads");
});
step(() => show("turn 3"));
