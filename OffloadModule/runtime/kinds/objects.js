/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Object (1), Global (21) and Intrinsic (25) records: an ObjectBody and, for a built-in the program changed, its
// path. The global object and changed built-ins are not made by the restore: they are the new engine's own
// (bindRoots), filled like any object.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Decoder, Ref, kinds } = offload;
    const { RecordKind } = Format;
    const { noValues } = Decoder;

    // JavaScriptCore lists the global object's properties in an order that depends on when its built-ins were
    // first touched, so the order is made canonical: the fresh engine's own keys first, in its order, then the
    // program's, in the engine's order.
    function globalKeys(capture) {
        const baseline = capture.intrinsics.baselines.get(globalThis).keys;
        const current = P.ownKeys(globalThis);
        const present = P.ownedSet(current);
        const builtin = P.ownedSet(baseline);
        const keys = [];
        for (let i = 0; i < baseline.length; ++i) {
            if (present.has(baseline[i]))
                keys[keys.length] = baseline[i];
        }
        for (let i = 0; i < current.length; ++i) {
            if (!builtin.has(current[i]))
                keys[keys.length] = current[i];
        }
        return keys;
    }

    // A record that is its ObjectBody only.
    function readObject(decoder, reader, kind, id) {
        return decoder.readBody(reader, {
            kind, id,
            prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
        });
    }

    kinds.define(RecordKind.Object, {
        hasBody: true,
        describe(capture, object, index) {
            return { kind: RecordKind.Object, body: capture.describeBody(object, index) };
        },
        read: readObject,
        create(restore, index, record) {
            // An object inheriting from the unchanged Object.prototype is made with it (applyBody).
            restore.set(index, P.objectCreate(record.body.prototype === P.Object.prototype && !restore.objectPrototypeChanged ? P.Object.prototype : null));
        },
    });

    kinds.define(RecordKind.Global, {
        hasBody: true,
        describe(capture, global, index) {
            return { kind: RecordKind.Global, body: capture.describeBody(global, index, (key) => offload.Intrinsics.isRuntimeGlobal(key), globalKeys(capture)) };
        },
        read: readObject,
        skippedKeys() {
            return (key) => offload.Intrinsics.isRuntimeGlobal(key);
        },
    });

    kinds.define(RecordKind.Intrinsic, {
        hasBody: true,
        describe(capture, intrinsic, index) {
            return { kind: RecordKind.Intrinsic, path: capture.intrinsics.pathOf.get(intrinsic), body: capture.describeBody(intrinsic, index) };
        },
        write(capture, writer, plan) {
            writer.varint(capture.stringIndex(plan.path));
        },
        read(decoder, reader, kind, id) {
            return decoder.readBody(reader, {
                kind, id, path: decoder.string(reader),
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        restoreList: kinds.RestoreList.Intrinsics,
    });

    offload.addMethods(offload.Restore, class Roots {
        bindRoots() {
            if (!(this.decoded.global instanceof Ref) || this.record(this.decoded.global).kind !== RecordKind.Global)
                this.fail("the global object is not a Global record");
            this.set(this.decoded.global.index, globalThis, true);
            for (let i = 0; i < this.intrinsicIndices.length; ++i) {
                const index = this.intrinsicIndices[i];
                const record = this.records[index];
                const intrinsic = this.runtime.intrinsics.byPath.get(record.path);
                if (!intrinsic)
                    this.fail(`unknown built-in ${record.path}`);
                this.set(index, intrinsic, true);
                if (intrinsic === P.Object.prototype)
                    this.objectPrototypeChanged = true;
            }
        }
    });
})
