/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// What promises hide: how each was settled and the reactions still waiting on it (ECMA-262 keeps them in internal
// slots), and what Promise.all, allSettled and any still wait for. The Promise constructor, `then`, `finally` and the
// combinators are wrapped (installPromiseHooks, called by installBuiltinHooks) and report to the registry; promises
// the engine makes itself are probed at capture time.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const registry = offload.registry;
    const { FunctionStamp, promises, resolvingFunctions, runtimeObjects } = registry;
    const { wrapBuiltin } = offload;

    // Promises made through the Promise constructor (directly, by Promise.resolve/all/…, or as the result of then)
    // are tracked: the resolve and reject functions handed to the executor are proxies that record how the promise
    // was settled, and then() records the reactions of pending promises. Promises the engine makes internally
    // (async functions) are not tracked; the capture refuses them.
    const { PromiseState, ResolvingFunctionKind, CombinatorElementKind } = offload.Format;

    class PromiseRecord {
        constructor() {
            this.state = PromiseState.Pending;
            this.result = undefined;
            this.alreadyResolved = false;
            this.reactions = [];
            this.followers = [];
            this.pendingAdoptions = 0;
            this.resolvers = null;
        }

        settle(which, value) {
            if (this.alreadyResolved)
                return;
            this.alreadyResolved = true;
            if (which === ResolvingFunctionKind.Reject)
                this.state = PromiseState.Rejected;
            else
                this.state = (typeof value === "object" && value !== null) || typeof value === "function" ? PromiseState.Locked : PromiseState.Fulfilled;
            this.result = value;
            if (this.state !== PromiseState.Locked)
                this.reactions = [];
            else {
                // The engine links this promise to the one it adopts through resolving functions of its own, which
                // the capture cannot name: the link is kept here, on the adopted promise.
                const adopted = promises.get(value);
                if (adopted) {
                    adopted.followers[adopted.followers.length] = this;
                    ++adopted.pendingAdoptions;
                }
            }
        }
    }

    function trackingExecutor(record, executor) {
        return function (resolve, reject) {
            // No Array.prototype.map: the program may have replaced it.
            const track = (original, which) => {
                const proxy = new P.Proxy(original, {
                    apply(target, thisArgument, args) {
                        record.settle(which, args[0]);
                        return P.apply(target, thisArgument, args);
                    },
                });
                resolvingFunctions.set(proxy, { record, which, original });
                return proxy;
            };
            const resolvers = [track(resolve, ResolvingFunctionKind.Resolve), track(reject, ResolvingFunctionKind.Reject)];
            record.resolvers = resolvers;
            try {
                return P.apply(executor, undefined, resolvers);
            } catch (error) {
                // The constructor rejects the promise with what the executor threw, through its own functions.
                record.settle(ResolvingFunctionKind.Reject, error);
                throw error;
            }
        };
    }

    function constructTracked(target, args, newTarget) {
        const executor = args[0];
        if (typeof executor !== "function")
            return P.construct(target, args, newTarget);
        const record = new PromiseRecord();
        const promise = P.construct(target, [trackingExecutor(record, executor)], newTarget);
        record.promise = promise;
        promises.set(promise, record);
        return promise;
    }

    // Promise.all, allSettled and any react to each input through element functions that the engine would make and
    // keep out of reach. These versions follow the same steps (ECMA-262, PerformPromiseAll and its siblings) with
    // element functions of their own, which the capture can describe: a CombinatorState (the values so far, which
    // elements were called, how many inputs are still awaited) and, per element function, its state, index and kind.
    const CombinatorType = offload.Format.PromiseCombinatorType;

    class CombinatorState {
        constructor(type, resolve, reject) {
            this.type = type;
            this.remaining = 1;
            this.resolve = resolve;
            this.reject = reject;
            this.values = [];
            this.called = [];
        }
    }
    const combinatorStates = P.ownedWeakSet();
    const combinatorElements = P.ownedWeakMap();

    function newCombinatorState(type, resolve, reject) {
        const state = new CombinatorState(type, resolve, reject);
        combinatorStates.add(state);
        runtimeObjects.add(state.values);
        runtimeObjects.add(state.called);
        return state;
    }

    function finishCombinator(state) {
        const list = P.arrayCopy(state.values);
        if (state.type === CombinatorType.Any)
            return P.apply(state.reject, undefined, [new P.AggregateError(list)]);
        return P.apply(state.resolve, undefined, [list]);
    }

    // `which` is CombinatorElementKind.Fulfilment or Rejection. Like the engine's, an element function has
    // length 1, an empty name and no prototype.
    function makeCombinatorElement(state, index, which) {
        const element = [(value) => {
            if (state.called[index])
                return undefined;
            state.called[index] = true;
            if (state.type === CombinatorType.AllSettled)
                state.values[index] = which === CombinatorElementKind.Fulfilment ? { status: "fulfilled", value } : { status: "rejected", reason: value };
            else
                state.values[index] = value;
            return --state.remaining === 0 ? finishCombinator(state) : undefined;
        }][0];
        combinatorElements.set(element, { state, index, which });
        return element;
    }

    function newPromiseCapability(C) {
        let resolve;
        let reject;
        const promise = new C((resolveFunction, rejectFunction) => {
            if (resolve !== undefined || reject !== undefined)
                throw new P.TypeError("Promise executor has already been called");
            resolve = resolveFunction;
            reject = rejectFunction;
        });
        if (typeof resolve !== "function" || typeof reject !== "function")
            throw new P.TypeError("Promise resolve or reject function is not callable");
        return { promise, resolve, reject };
    }

    function performCombinator(type, C, iterable) {
        const capability = newPromiseCapability(C);
        const state = newCombinatorState(type, capability.resolve, capability.reject);
        try {
            const promiseResolve = C.resolve;
            if (typeof promiseResolve !== "function")
                throw new P.TypeError("Promise resolve is not a function");
            let index = 0;
            // for-of closes the iterator when a step below throws, as the specification's IteratorClose does.
            for (const next of iterable) {
                state.values[index] = undefined;
                state.called[index] = false;
                const nextPromise = P.apply(promiseResolve, C, [next]);
                const onFulfilled = type === CombinatorType.Any ? capability.resolve : makeCombinatorElement(state, index, CombinatorElementKind.Fulfilment);
                const onRejected = type === CombinatorType.All ? capability.reject : makeCombinatorElement(state, index, CombinatorElementKind.Rejection);
                ++state.remaining;
                nextPromise.then(onFulfilled, onRejected);
                ++index;
            }
            if (--state.remaining === 0)
                finishCombinator(state);
        } catch (error) {
            P.apply(capability.reject, undefined, [error]);
        }
        return capability.promise;
    }

    // A function the engine made to link two promises (the resolving functions of a promise that adopts another, or
    // of an await): native code the runtime neither stamped nor made (the resolving functions of tracked promises,
    // which Promise.race hands to then, are proxies of the runtime's).
    const isEngineHandler = (fn) =>
        typeof fn === "function" && !FunctionStamp.isStamped(fn) && !resolvingFunctions.has(fn) && P.stringIndexOf(P.functionToString(fn), "[native code]") >= 0;

    // Promises the engine makes itself (an async function's result, later a host API's) are not seen when they are
    // made, and their state cannot be read synchronously. The capture asks each one it meets, once, to report its
    // settlement through a reaction of the runtime's; the host lets the engine run its microtasks and captures again
    // (see runtime.js, capture). A settled one then travels as a settled promise of the runtime's; a pending one is
    // refused. The probe marks the promise handled, as a `then` of the program would: a rejection the program never
    // handled is not reported again after that.
    const ProbeResult = Object.freeze({ Started: 0, Pending: 1, NotPromise: 2, Unsafe: 3 });
    const engineSettlements = P.ownedWeakMap();
    const probedPromises = P.ownedWeakSet();

    // `then` looks up `promise.constructor[Symbol.species]` to make its derived promise: only probe when that lookup
    // reaches the built-in getter through data properties, so that no code of the program runs.
    function speciesLookupIsSafe(promise) {
        if (P.getOwnPropertyDescriptor(promise, "constructor") || P.getPrototypeOf(promise) !== P.Promise.prototype)
            return false;
        const constructor = P.getOwnPropertyDescriptor(P.Promise.prototype, "constructor");
        if (!constructor || !("value" in constructor))
            return false;
        if (constructor.value !== P.Promise && constructor.value !== registry.PromiseWrapper)
            return false;
        const species = P.getOwnPropertyDescriptor(P.Promise, Symbol.species);
        return !!species && species.get === P.promiseSpeciesGetter;
    }

    function probeEnginePromise(promise) {
        if (probedPromises.has(promise))
            return ProbeResult.Pending;
        if (!speciesLookupIsSafe(promise))
            return ProbeResult.Unsafe;
        const settled = (state) => (result) => {
            engineSettlements.set(promise, [state, result]);
        };
        try {
            P.promiseThen(promise, settled(PromiseState.Fulfilled), settled(PromiseState.Rejected));
        } catch {
            // `then` checks that its receiver is a promise before anything else.
            return ProbeResult.NotPromise;
        }
        probedPromises.add(promise);
        return ProbeResult.Started;
    }

    function installPromiseHooks() {
        for (const [key, type] of [["all", CombinatorType.All], ["allSettled", CombinatorType.AllSettled], ["any", CombinatorType.Any]]) {
            wrapBuiltin(P.Promise, key, {
                apply(target, thisArgument, args) {
                    return performCombinator(type, thisArgument, args[0]);
                },
            });
        }
        const wrapper = wrapBuiltin(globalThis, "Promise", { construct: constructTracked });
        registry.PromiseWrapper = wrapper;
        P.defineProperty(P.Promise.prototype, "constructor", { ...P.getOwnPropertyDescriptor(P.Promise.prototype, "constructor"), value: wrapper });
        // finally() reacts through functions the engine makes around onFinally; the reaction is kept as
        // (derived, onFinally, Promise.prototype.finally) and made again with finally().
        let finallyCall = null;
        wrapBuiltin(P.Promise.prototype, "then", {
            apply(target, thisArgument, args) {
                const derived = P.apply(target, thisArgument, args);
                const record = promises.get(thisArgument);
                if (!record || (record.state !== PromiseState.Pending && record.state !== PromiseState.Locked))
                    return derived;
                if (finallyCall && finallyCall.promise === thisArgument) {
                    record.reactions[record.reactions.length] = [derived, finallyCall.onFinally, registry.finallyFunction];
                    finallyCall = null;
                } else if (record.pendingAdoptions > 0 && isEngineHandler(args[0]) && isEngineHandler(args[1])) {
                    // The engine linking a promise that adopted this one: kept as that promise's follower.
                    --record.pendingAdoptions;
                } else
                    record.reactions[record.reactions.length] = [derived, args[0], args[1]];
                return derived;
            },
        });
        registry.finallyFunction = wrapBuiltin(P.Promise.prototype, "finally", {
            apply(target, thisArgument, args) {
                const saved = finallyCall;
                finallyCall = { promise: thisArgument, onFinally: args[0] };
                try {
                    return P.apply(target, thisArgument, args);
                } finally {
                    finallyCall = saved;
                }
            },
        });
        return wrapper;
    }

    registry.ProbeResult = ProbeResult;
    registry.engineSettlements = engineSettlements;
    registry.probeEnginePromise = probeEnginePromise;
    registry.isEngineHandler = isEngineHandler;
    registry.combinatorStates = combinatorStates;
    registry.combinatorElements = combinatorElements;
    registry.newCombinatorState = newCombinatorState;
    registry.makeCombinatorElement = makeCombinatorElement;
    registry.newTrackedPromise = () => {
        const record = new PromiseRecord();
        const promise = P.construct(P.Promise, [trackingExecutor(record, () => {})], P.Promise);
        record.promise = promise;
        promises.set(promise, record);
        return record;
    };

    offload.installPromiseHooks = installPromiseHooks;
})
