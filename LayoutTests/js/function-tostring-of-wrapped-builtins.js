// Tests that the built-ins the offload runtime wraps to watch the program (Function.prototype.bind, Proxy, WeakMap's
// set, Promise and its resolving functions, Function, eval, Object.setPrototypeOf, the __proto__ setter, …) show
// the engine's own native text through Function.prototype.toString, as in a page without the runtime, before and
// after a migration; a proxy of the program's still shows as the engine shows any callable proxy.
"use strict";

let resolveLater;
const pending = new Promise((resolve) => { resolveLater = resolve; });
const wrapped = {
    bind: Function.prototype.bind,
    Proxy,
    revocable: Proxy.revocable,
    revoke: Proxy.revocable({}, {}).revoke,
    weakMapSet: WeakMap.prototype.set,
    weakSetAdd: WeakSet.prototype.add,
    Promise,
    then: Promise.prototype.then,
    all: Promise.all,
    resolve: resolveLater,
    Function,
    eval: globalThis.eval,
    setPrototypeOf: Object.setPrototypeOf,
    reflectSetPrototypeOf: Reflect.setPrototypeOf,
    construct: Reflect.construct,
    protoSetter: Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").set,
    toString: Function.prototype.toString,
    programProxy: new Proxy(function programFunction() {}, {}),
};

function show(label)
{
    print(label);
    for (const name of Object.keys(wrapped))
        print(" ", name, JSON.stringify(Function.prototype.toString.call(wrapped[name])), String(wrapped[name]) === `${wrapped[name]}`);
}

show("before");
step(() => show("after a turn"));
step(() => {
    resolveLater("done");
    return pending.then((value) => print("pending promise:", value));
});
