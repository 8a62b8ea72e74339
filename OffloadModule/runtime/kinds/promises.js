/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Promise (18), ResolvingFunction (24), PromiseCombinator (26) and PromiseCombinatorElement (27) records: what
// promise-tracking.js saw of each promise (its state, result and pending reactions), the resolving functions handed to
// its executor, and what Promise.all, allSettled and any still wait for. Promises the engine made travel once a probe
// has seen them settle. The restore makes promises as the runtime's own, settled or locked again, and attaches their
// reactions in order; all four are made on first use.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Decoder, Ref, kinds, appendPair, visitAll } = offload;
    const { RecordKind, PromiseState, ResolvingFunctionKind } = Format;
    const { noValues } = Decoder;
    const registry = offload.registry;

    // A promise's state as the program sees it now: one that was resolved with another promise has that one's.
    function settledState(capture, record, index, depth = 0) {
        if (record.state !== PromiseState.Locked)
            return [record.state, record.result];
        const target = record.result;
        const followed = registry.promises.get(target);
        if (followed && depth < 1000) {
            const settled = settledState(capture, followed, index, depth + 1);
            const state = settled[0];
            const result = settled[1];
            // Still waiting: it stays locked to the promise it follows.
            if (state === PromiseState.Pending || state === PromiseState.Locked)
                return [PromiseState.Locked, target];
            return [state, result];
        }
        // Resolved with an object: fulfilled with it, unless it was a thenable whose progress cannot be seen.
        for (let holder = target; holder; holder = P.getPrototypeOf(holder)) {
            if (registry.proxies.has(holder))
                capture.fail(index, "a promise resolved with a proxy cannot be captured");
            if (P.getOwnPropertyDescriptor(holder, "then"))
                capture.fail(index, "a promise resolved with a thenable that is not a tracked promise cannot be captured");
        }
        return [PromiseState.Fulfilled, target];
    }

    function describePromise(capture, promise, record, index) {
        const settled = settledState(capture, record, index);
        const state = settled[0];
        const result = settled[1];
        capture.reach(result, index, "<promise result>");
        const waiting = state === PromiseState.Pending || state === PromiseState.Locked;
        const reactions = waiting ? record.reactions : [];
        for (let i = 0; i < reactions.length; ++i) {
            // The engine's own functions in a reaction link an await (or a promise of its own) to this one.
            if (registry.isEngineHandler(reactions[i][1]) && registry.isEngineHandler(reactions[i][2]))
                capture.fail(index, "an async function (or another promise the engine made) is waiting for it, and a suspended async function cannot be captured yet");
            capture.reach(reactions[i][0], index, `<reaction ${i} promise>`);
            capture.reach(reactions[i][1], index, `<reaction ${i} fulfilled>`);
            capture.reach(reactions[i][2], index, `<reaction ${i} rejected>`);
        }
        // Promises still waiting on this one may be held by nothing else: they travel as extra roots, and restoring
        // them (resolved with this promise) links them again.
        if (waiting) {
            for (let followerIndex = 0, followerList = record.followers; followerIndex < followerList.length; ++followerIndex) {
                const follower = followerList[followerIndex];
                if (settledState(capture, follower, index)[0] === PromiseState.Locked && !capture.indexOf.has(follower.promise)) {
                    capture.reach(follower.promise, index, "<follower>");
                    capture.followers[capture.followers.length] = follower.promise;
                }
            }
        }
        return { kind: RecordKind.Promise, state, result, reactions, body: capture.describeBody(promise, index) };
    }

    // A promise the engine made (an async function's result): settled ones travel like the runtime's own, once a
    // probe has seen their settlement (promise-tracking.js, probeEnginePromise). The first capture that meets one
    // starts the probe and asks the host for another pass after the engine has run its microtasks.
    function describeEnginePromise(capture, promise, index) {
        const settlement = registry.engineSettlements.get(promise);
        if (settlement) {
            capture.reach(settlement[1], index, "<promise result>");
            return { kind: RecordKind.Promise, state: settlement[0], result: settlement[1], reactions: [], body: capture.describeBody(promise, index) };
        }
        switch (registry.probeEnginePromise(promise)) {
        case registry.ProbeResult.Started:
            capture.needsAnotherPass = true;
            return { kind: RecordKind.Promise, state: PromiseState.Pending, result: undefined, reactions: [], body: capture.describeBody(promise, index) };
        case registry.ProbeResult.Pending:
            capture.fail(index, "a promise made by the engine (for example by an async function that is still running) is pending, and its progress cannot be captured yet");
            break;
        case registry.ProbeResult.NotPromise:
            return { kind: RecordKind.Object, body: capture.describeBody(promise, index) };
        default:
            capture.fail(index, "a promise made by the engine whose constructor or prototype the program changed cannot be checked without running its code");
        }
    }

    // Attaches a restored promise's pending reactions, in their order; each makes the reaction's own promise,
    // whose reactions are attached in turn.
    function attachReactions(restore, index) {
        for (const [derived, onFulfilled, onRejected] of restore.records[index].reactions) {
            const handler = restore.resolve(onFulfilled);
            const made = restore.resolve(onRejected) === registry.finallyFunction ? restore.objects[index].finally(handler) : restore.objects[index].then(handler, restore.resolve(onRejected));
            if (!(derived instanceof Ref) || restore.created[derived.index] || restore.records[derived.index].kind !== RecordKind.Promise)
                restore.fail(`a reaction of promise record ${index} has no promise of its own`);
            restore.set(derived.index, made, true);
            attachReactions(restore, derived.index);
        }
    }

    // Promises made by a reaction (then) belong to the promise whose reaction made them.
    function derivedFrom(restore) {
        if (!restore.derivedSources) {
            restore.derivedSources = P.ownedMap();
            restore.records.forEach((record, index) => {
                if (record.kind === RecordKind.Promise) {
                    for (const [derived] of record.reactions) {
                        if (derived instanceof Ref)
                            restore.derivedSources.set(derived.index, index);
                    }
                }
            });
        }
        return restore.derivedSources;
    }

    kinds.define(RecordKind.Promise, {
        hasBody: true,
        // `record` is the runtime's record of a promise it tracks; a promise the engine made has none.
        describe(capture, promise, index, record) {
            return record === undefined ? describeEnginePromise(capture, promise, index) : describePromise(capture, promise, record, index);
        },
        write(capture, writer, plan) {
            writer.u8(plan.state);
            capture.writeValue(writer, plan.result);
            writer.varint(plan.reactions.length);
            for (let i = 0; i < plan.reactions.length; ++i) {
                capture.writeValue(writer, plan.reactions[i][0]);
                capture.writeValue(writer, plan.reactions[i][1]);
                capture.writeValue(writer, plan.reactions[i][2]);
            }
        },
        references(plan, visit) {
            visit(plan.result);
            for (let i = 0; i < plan.reactions.length; ++i)
                visitAll(plan.reactions[i], visit);
        },
        read(decoder, reader, kind, id) {
            const state = reader.u8();
            if (state > PromiseState.Locked)
                reader.fail("unknown promise state");
            const result = decoder.readValue(reader);
            const reactions = [];
            for (let count = reader.varint(); count > 0; --count) {
                const derived = decoder.readValue(reader);
                const onFulfilled = decoder.readValue(reader);
                reactions[reactions.length] = [derived, onFulfilled, decoder.readValue(reader)];
            }
            return decoder.readBody(reader, {
                kind, id, state, result, reactions,
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        createDeferred(restore, index, record) {
            const source = derivedFrom(restore).get(index);
            if (source !== undefined) {
                // Made by then() on its source, when the source's reactions are attached.
                restore.resolve(new Ref(source));
                if (!restore.created[index])
                    restore.fail(`promise record ${index} was not made by its source's then()`);
            } else {
                const promiseRecord = registry.newTrackedPromise();
                restore.set(index, promiseRecord.promise, true);
                // A locked promise is resolved with the promise it follows: the engine links them again.
                if (record.state !== PromiseState.Pending)
                    promiseRecord.resolvers[record.state === PromiseState.Rejected ? ResolvingFunctionKind.Reject : ResolvingFunctionKind.Resolve](restore.resolve(record.result));
            }
            if (source === undefined)
                attachReactions(restore, index);
        },
    });

    kinds.define(RecordKind.ResolvingFunction, {
        hasBody: false,
        describe(capture, value, index, resolving) {
            capture.reach(resolving.record.promise, index, "<promise>");
            return { kind: RecordKind.ResolvingFunction, promise: resolving.record.promise, which: resolving.which };
        },
        write(capture, writer, plan) {
            capture.writeValue(writer, plan.promise);
            writer.u8(plan.which);
        },
        references(plan, visit) {
            visit(plan.promise);
        },
        read(decoder, reader, kind, id) {
            return { kind, id, promise: decoder.readValue(reader), which: reader.u8() };
        },
        createDeferred(restore, index, record) {
            const promise = restore.resolve(record.promise);
            const promiseRecord = registry.promises.get(promise);
            if (!promiseRecord || !promiseRecord.resolvers)
                restore.fail(`resolving function record ${index} is not of a promise the runtime made`);
            restore.set(index, promiseRecord.resolvers[record.which]);
        },
    });

    kinds.define(RecordKind.PromiseCombinator, {
        hasBody: false,
        // What Promise.all, allSettled or any still waits for (promise-tracking.js).
        describe(capture, state, index) {
            capture.reach(state.resolve, index, "<combinator resolve>");
            capture.reach(state.reject, index, "<combinator reject>");
            const elements = [];
            for (let i = 0; i < state.values.length; ++i) {
                capture.reach(state.values[i], index, `<combinator value ${i}>`);
                appendPair(elements, !!state.called[i], state.values[i]);
            }
            return { kind: RecordKind.PromiseCombinator, type: state.type, remaining: state.remaining, resolve: state.resolve, reject: state.reject, elements };
        },
        write(capture, writer, plan) {
            writer.u8(plan.type);
            writer.varint(plan.remaining);
            capture.writeValue(writer, plan.resolve);
            capture.writeValue(writer, plan.reject);
            writer.varint(plan.elements.length / 2);
            for (let itemIndex = 0, itemList = plan.elements; itemIndex < itemList.length; ++itemIndex) {
                const item = itemList[itemIndex];
                capture.writeValue(writer, item);
            }
        },
        references(plan, visit) {
            visit(plan.resolve);
            visit(plan.reject);
            visitAll(plan.elements, visit);
        },
        read(decoder, reader, kind, id) {
            const type = reader.u8();
            if (type > Format.PromiseCombinatorType.Any)
                reader.fail("unknown promise combinator type");
            const remaining = reader.varint();
            const resolve = decoder.readValue(reader);
            const reject = decoder.readValue(reader);
            const called = [];
            const values = [];
            for (let count = reader.varint(); count > 0; --count) {
                const wasCalled = decoder.readValue(reader);
                if (typeof wasCalled !== "boolean")
                    reader.fail("a combinator element's called flag is not a boolean");
                called[called.length] = wasCalled;
                values[values.length] = decoder.readValue(reader);
            }
            return { kind, id, type, remaining, resolve, reject, called, values };
        },
        createDeferred(restore, index, record) {
            const state = registry.newCombinatorState(record.type, restore.resolve(record.resolve), restore.resolve(record.reject));
            restore.set(index, state, true);
            state.remaining = record.remaining;
            record.values.forEach((value, i) => {
                state.values[i] = restore.resolve(value);
                state.called[i] = record.called[i];
            });
        },
    });

    kinds.define(RecordKind.PromiseCombinatorElement, {
        hasBody: true,
        describe(capture, value, index, element) {
            capture.reach(element.state, index, "<combinator>");
            return { kind: RecordKind.PromiseCombinatorElement, state: element.state, which: element.which, elementIndex: element.index, body: capture.describeBody(value, index) };
        },
        write(capture, writer, plan) {
            capture.writeValue(writer, plan.state);
            writer.u8(plan.which);
            writer.varint(plan.elementIndex);
        },
        references(plan, visit) {
            visit(plan.state);
        },
        read(decoder, reader, kind, id) {
            return decoder.readBody(reader, {
                kind, id, state: decoder.readValue(reader), which: reader.u8(), elementIndex: reader.varint(),
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        createDeferred(restore, index, record) {
            const state = restore.resolve(record.state);
            if (!registry.combinatorStates.has(state) || record.elementIndex >= state.values.length || record.which > Format.CombinatorElementKind.Rejection)
                restore.fail(`promise combinator element ${index} does not match its combinator`);
            restore.set(index, registry.makeCombinatorElement(state, record.elementIndex, record.which), true);
        },
    });
})
