/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// The built-ins whose products hide their internals are wrapped in proxies of the originals, so that their name,
// length, toString and identity stay those of the real built-ins, and report what they made to the registry: bound
// functions (`bind`), proxies (`Proxy`, `Proxy.revocable`), weak collection keys (`WeakMap.prototype.set`,
// `WeakSet.prototype.add`), replaced prototypes (`Object.setPrototypeOf`, `Reflect.setPrototypeOf`, `__proto__`,
// `Reflect.construct`); promise-tracking.js wraps the Promise built-ins.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const registry = offload.registry;
    const { boundFunctions, proxies, reprototyped, resolvingFunctions, trackWeakKey } = registry;

    // The built-in each of the runtime's proxies stands for: Function.prototype.toString shows the built-in's text
    // (JavaScriptCore shows any callable proxy as `function ProxyObject()`).
    const builtinOriginals = P.ownedWeakMap();
    function standsFor(wrapper, original) {
        builtinOriginals.set(wrapper, original);
        return wrapper;
    }

    // Wraps a built-in function in a proxy of itself that reports what it made.
    function wrapBuiltin(holder, key, traps) {
        const original = holder[key];
        const wrapper = standsFor(new P.Proxy(original, traps), original);
        P.defineProperty(holder, key, { ...P.getOwnPropertyDescriptor(holder, key), value: wrapper });
        return wrapper;
    }

    function installBuiltinHooks() {
        wrapBuiltin(Function.prototype, "toString", {
            apply(target, thisArgument, args) {
                const resolving = resolvingFunctions.get(thisArgument);
                const original = resolving !== undefined ? resolving.original : builtinOriginals.get(thisArgument);
                return P.apply(target, original === undefined ? thisArgument : original, args);
            },
        });
        offload.installPromiseHooks();
        wrapBuiltin(Function.prototype, "bind", {
            apply(target, thisArgument, args) {
                const bound = P.apply(target, thisArgument, args);
                boundFunctions.set(bound, {
                    target: thisArgument,
                    boundThis: args[0],
                    args: P.arrayCopy(args, 1),
                });
                return bound;
            },
        });

        const ProxyWrapper = wrapBuiltin(globalThis, "Proxy", {
            construct(target, args, newTarget) {
                const proxy = P.construct(target, args, newTarget);
                proxies.set(proxy, { target: args[0], handler: args[1], revoked: false });
                return proxy;
            },
        });
        const originalRevocable = P.Proxy.revocable;
        const revocable = standsFor(new P.Proxy(originalRevocable, {
            apply(target, thisArgument, args) {
                const result = P.apply(target, thisArgument, args);
                const record = { target: args[0], handler: args[1], revoked: false, proxy: result.proxy };
                proxies.set(result.proxy, record);
                // Revoking must be seen by the capture: a revoked proxy travels as one.
                const revoke = new P.Proxy(result.revoke, {
                    apply(target, thisArgument, revokeArgs) {
                        record.revoked = true;
                        record.target = null;
                        record.handler = null;
                        record.proxy = null;
                        return P.apply(target, thisArgument, revokeArgs);
                    },
                });
                standsFor(revoke, result.revoke);
                proxies.set(revoke, { revokes: record });
                result.revoke = revoke;
                return result;
            },
        }), originalRevocable);
        // Proxy.revocable lives on the original constructor, which the wrapper forwards to.
        P.defineProperty(P.Proxy, "revocable", { ...P.getOwnPropertyDescriptor(P.Proxy, "revocable"), value: revocable });
        void ProxyWrapper;

        // Only the first replacement is kept: the prototype an object had when it was made tells its kind. A proxy
        // keeps no prototype of its own (reading it would run a trap); the capture describes its target instead.
        const noteReplacedPrototype = (object) => {
            if (((typeof object === "object" && object !== null) || typeof object === "function") && !reprototyped.has(object) && !proxies.has(object))
                reprototyped.set(object, P.getPrototypeOf(object));
        };
        const setPrototypeHook = {
            apply(target, thisArgument, args) {
                noteReplacedPrototype(args[0]);
                return P.apply(target, thisArgument, args);
            },
        };
        wrapBuiltin(Object, "setPrototypeOf", setPrototypeHook);
        wrapBuiltin(Reflect, "setPrototypeOf", setPrototypeHook);
        const protoAccessor = P.getOwnPropertyDescriptor(Object.prototype, "__proto__");
        P.defineProperty(Object.prototype, "__proto__", {
            ...protoAccessor,
            set: standsFor(new P.Proxy(protoAccessor.set, {
                apply(target, thisArgument, args) {
                    noteReplacedPrototype(thisArgument);
                    return P.apply(target, thisArgument, args);
                },
            }), protoAccessor.set),
        });
        // Reflect.construct(Map, [], F) makes a Map inheriting from F.prototype: it is noted as made with Map's
        // prototype (read only where that runs no code of the program), so that its kind is checked by brand, or
        // refused as Map's instances would be.
        wrapBuiltin(Reflect, "construct", {
            apply(target, thisArgument, args) {
                const result = P.apply(target, thisArgument, args);
                const constructor = args[0];
                if (args.length > 2 && args[2] !== constructor && !reprototyped.has(result)) {
                    const prototype = proxies.has(constructor) ? undefined : P.getOwnPropertyDescriptor(constructor, "prototype");
                    reprototyped.set(result, prototype && (typeof prototype.value === "object" || typeof prototype.value === "function") ? prototype.value : null);
                }
                return result;
            },
        });

        wrapBuiltin(WeakMap.prototype, "set", {
            apply(target, thisArgument, args) {
                const result = P.apply(target, thisArgument, args);
                trackWeakKey(thisArgument, args[0]);
                return result;
            },
        });
        wrapBuiltin(WeakSet.prototype, "add", {
            apply(target, thisArgument, args) {
                const result = P.apply(target, thisArgument, args);
                trackWeakKey(thisArgument, args[0]);
                return result;
            },
        });
    }

    registry.standsFor = standsFor;
    offload.wrapBuiltin = wrapBuiltin;
    offload.installBuiltinHooks = installBuiltinHooks;
})
