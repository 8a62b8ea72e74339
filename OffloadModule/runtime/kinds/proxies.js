/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Proxy (17) and ProxyRevoke (28) records: a proxy travels as its target and handler (registry.proxies, filled by the
// runtime's Proxy and Proxy.revocable), never by asking it anything (its traps are the program's code), and has no
// ObjectBody; a revoke function travels as the proxy it revokes. Both are made on first use: a target may be a
// function, a proxy or a bound function.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Decoder, Ref, kinds } = offload;
    const { RecordKind } = Format;
    const { noValues } = Decoder;
    const registry = offload.registry;

    // Private names cannot be given to a proxy again (Architecture.md, "Known gaps").
    function refusePrivateNames(capture, value, index) {
        for (let infoIndex = 0, infoList = capture.brandedClasses; infoIndex < infoList.length; ++infoIndex) {
            const info = infoList[infoIndex][1];
            if (info.brand(value))
                capture.fail(index, `a Proxy that carries the private names of ${capture.className(info.literal)} cannot be captured`);
        }
    }

    // The live proxies whose revoke functions travelled.
    function revocableProxies(restore) {
        if (!restore.revocable) {
            restore.revocable = P.ownedSet();
            restore.revokeFunctions = P.ownedMap();
            for (const record of restore.records) {
                if (record.kind === RecordKind.ProxyRevoke && record.proxy instanceof Ref)
                    restore.revocable.add(record.proxy.index);
            }
        }
        return restore.revocable;
    }

    kinds.define(RecordKind.Proxy, {
        hasBody: false,
        describe(capture, value, index, proxy) {
            refusePrivateNames(capture, value, index);
            if (proxy.revoked)
                return { kind: RecordKind.Proxy, target: null, handler: null, callable: typeof value === "function" };
            capture.reach(proxy.target, index, "<proxy target>");
            capture.reach(proxy.handler, index, "<proxy handler>");
            return { kind: RecordKind.Proxy, target: proxy.target, handler: proxy.handler, callable: typeof value === "function" };
        },
        write(capture, writer, plan) {
            capture.writeValue(writer, plan.target);
            capture.writeValue(writer, plan.handler);
            writer.bool(plan.callable);
        },
        references(plan, visit) {
            visit(plan.target);
            visit(plan.handler);
        },
        read(decoder, reader, kind, id) {
            return { kind, id, target: decoder.readValue(reader), handler: decoder.readValue(reader), callable: reader.bool() };
        },
        createDeferred(restore, index, record) {
            if (record.target === null) {
                const { proxy, revoke } = P.Proxy.revocable(record.callable ? function () {} : {}, {});
                revoke();
                restore.set(index, proxy);
                registry.proxies.set(proxy, { target: null, handler: null, revoked: true });
                return;
            }
            const target = restore.resolve(record.target);
            const handler = restore.resolve(record.handler);
            if (revocableProxies(restore).has(index)) {
                // Its revoke function travelled too: made with it by Proxy.revocable (which registers both).
                const made = P.Proxy.revocable(target, handler);
                restore.revokeFunctions.set(index, made.revoke);
                restore.set(index, made.proxy);
                return;
            }
            const proxy = new P.Proxy(target, handler);
            registry.proxies.set(proxy, { target, handler, revoked: false });
            restore.set(index, proxy);
        },
    });

    kinds.define(RecordKind.ProxyRevoke, {
        hasBody: true,
        // The revoke function of Proxy.revocable: the runtime's proxy of the engine's, which has no traps but apply,
        // so describing its body runs no code.
        describe(capture, value, index, proxy) {
            refusePrivateNames(capture, value, index);
            const revocable = proxy.revokes.proxy || null;
            capture.reach(revocable, index, "<revocable proxy>");
            return { kind: RecordKind.ProxyRevoke, proxy: revocable, body: capture.describeBody(value, index) };
        },
        write(capture, writer, plan) {
            capture.writeValue(writer, plan.proxy);
        },
        references(plan, visit) {
            visit(plan.proxy);
        },
        read(decoder, reader, kind, id) {
            return decoder.readBody(reader, {
                kind, id, proxy: decoder.readValue(reader),
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        createDeferred(restore, index, record) {
            revocableProxies(restore);
            let revoke;
            if (record.proxy === null) {
                // Revoked already: calling it again does nothing, as for a revoke function that has revoked.
                revoke = P.Proxy.revocable({}, {}).revoke;
                revoke();
            } else {
                if (!(record.proxy instanceof Ref) || restore.records[record.proxy.index].kind !== RecordKind.Proxy || restore.records[record.proxy.index].target === null)
                    restore.fail(`revoke function ${index} does not name a live proxy`);
                restore.resolve(record.proxy);
                revoke = restore.revokeFunctions.get(record.proxy.index);
                if (!revoke)
                    restore.fail(`revoke function ${index} shares its proxy with another`);
                restore.revokeFunctions.delete(record.proxy.index);
            }
            restore.set(index, revoke, true);
        },
    });
})
