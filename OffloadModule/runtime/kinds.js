/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// The record kinds of the snapshot format, each handled by one handler object: how the capture describes an object of
// the kind and writes its record, how the decoder reads the record, and how the restore makes and fills the object.
// Handlers are defined in kinds/*.js, one file per kind or small family of kinds (Documentation/RuntimeKinds.md);
// the walk (capture.js), the encoder (encode.js), the decoder (decode.js) and the restore's passes (restore.js)
// dispatch through `table`, an array indexed by RecordKind. Also the few helpers the kind files and the generic
// files share.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format } = offload;
    const { RecordKind } = Format;

    // The lists of record indices the restore's passes visit apart (Restore.classify): a handler names the one its
    // records join.
    const RestoreList = Object.freeze({ None: 0, Scopes: 1, Functions: 2, Intrinsics: 3, Symbols: 4, Arguments: 5, Buffers: 6 });

    const noReferences = () => {};

    // A handler of every kind, by RecordKind; null until its kind file defines it. Every handler has the same fields in
    // the same order (define), so that the dispatching code reads them through one inline cache.
    const table = [];
    for (let kind = 0; kind <= Format.lastRecordKind; ++kind)
        table[kind] = null;

    const kindNames = [];
    const names = P.ownKeys(RecordKind);
    for (let i = 0; i < names.length; ++i)
        kindNames[RecordKind[names[i]]] = names[i];

    // Defines the handler of `kind`. `spec` holds:
    //   hasBody          whether the record ends with an ObjectBody (SnapshotFormat.md, Records)
    //   describe(capture, value, index, known)
    //                    the plan of an object the walk found to be of this kind (or family): its record's fields,
    //                    with every value it refers to reached (Capture.reach) in the order `write` writes them.
    //                    `known` is what the registry keeps of the object when the walk found it there (a promise's
    //                    record, a proxy's target and handler, …)
    //   write(capture, writer, plan)
    //                    writes the kind's fields (those before the ObjectBody), if it has any; returns the ObjectBody
    //                    flags they imply
    //   references(plan, visit)
    //                    calls `visit` with every value of the kind's fields, in the order `write` writes them
    //   read(decoder, reader, kind, id)
    //                    reads the kind's fields and the ObjectBody into one object literal of all its fields
    //                    (decode.js)
    //   restoreList      the RestoreList of the passes that visit its records apart
    //   create(restore, index, record)
    //                    makes the object of a record whose object needs no other record first (Restore.createShells)
    //   createDeferred(restore, index, record)
    //                    makes the object of a record on first use, after its target, promise, …
    //                    (Restore.createDeferred)
    //   fill(restore, index, record)
    //                    fills what the record holds besides its ObjectBody (elements, entries), before applyBody
    //   skippedKeys(record)
    //                    a test for the own keys the record does not list because they are implied (array elements)
    //   toldByBrand      whether the capture tells the kind by brand: a restored object given another prototype than
    //                    its kind's is noted as replaced (registry.reprototyped), so that the next capture checks it so
    //                    again
    function define(kind, spec) {
        if (table[kind] !== null)
            throw new P.Error(`Offload runtime: record kind ${kind} is defined twice`);
        table[kind] = Object.freeze({
            kind,
            name: kindNames[kind],
            hasBody: spec.hasBody,
            describe: spec.describe || null,
            write: spec.write || null,
            references: spec.references || noReferences,
            read: spec.read,
            restoreList: spec.restoreList || RestoreList.None,
            create: spec.create || null,
            createDeferred: spec.createDeferred || null,
            fill: spec.fill || null,
            skippedKeys: spec.skippedKeys || null,
            toldByBrand: !!spec.toldByBrand,
        });
    }

    // Called once every file is installed: a kind without a handler is a runtime that cannot read its own format.
    function checkComplete() {
        for (let kind = 1; kind <= Format.lastRecordKind; ++kind) {
            if (table[kind] === null)
                throw new P.Error(`Offload runtime: record kind ${kindNames[kind]} has no handler`);
        }
    }

    // How the capture tells kinds apart by Object.prototype.toString (classify.js), filled by the kind files.
    // Kinds whose tag comes from @@toStringTag on their prototype: the tag, the kind the capture gives them, and a
    // brand check that throws for anything else (a tag alone could be an impostor's).
    const taggedKinds = [];
    // Kinds whose tag comes from an internal slot: the tag, the kind, and a brand check (null for arguments objects,
    // which have none) that tells them without reading @@toStringTag (Capture.tagByBrand).
    const slotKinds = [];

    function tagged(tag, kind, brand) {
        taggedKinds[taggedKinds.length] = [tag, kind, brand];
    }

    function slotTagged(tag, kind, brand) {
        slotKinds[slotKinds.length] = [tag, kind, brand];
    }

    offload.kinds = Object.freeze({ table, RestoreList, define, checkComplete, taggedKinds, slotKinds, tagged, slotTagged });

    // Markers for the two values that are not JavaScript values: an array's hole and a binding in its temporal dead
    // zone (ValueTag.Hole, ValueTag.Uninitialized).
    offload.hole = Object.freeze({ hole: true });
    offload.uninitialized = Object.freeze({ uninitialized: true });

    offload.isObject = (value) => (typeof value === "object" && value !== null) || typeof value === "function";

    // Appends by index: the program may have replaced Array.prototype.push (a capture must not call its code).
    offload.appendPair = (list, first, second) => {
        list[list.length] = first;
        list[list.length] = second;
    };

    // A loop rather than Array.prototype.forEach, which the program may have replaced.
    offload.visitAll = (values, visit) => {
        for (let i = 0; i < values.length; ++i)
            visit(values[i]);
    };

    // Whether `object` passes a brand check that throws for anything else.
    offload.hasBrand = (object, check) => {
        try {
            check(object);
            return true;
        } catch {
            return false;
        }
    };

    // Adds the methods of a class to another class's prototype, as its own methods would be (not enumerable): the
    // capture's and the restore's methods are kept in files by job (classify.js, encode.js, scope-synthesis.js, …, and
    // the kind files for the helpers generic code calls by name), and run as methods of one object.
    offload.addMethods = (target, source) => {
        const keys = P.ownKeys(source.prototype);
        for (let i = 0; i < keys.length; ++i) {
            if (keys[i] === "constructor")
                continue;
            if (P.getOwnPropertyDescriptor(target.prototype, keys[i]))
                throw new P.Error(`Offload runtime: ${target.name}.prototype.${P.String(keys[i])} is defined twice`);
            P.defineProperty(target.prototype, keys[i], P.getOwnPropertyDescriptor(source.prototype, keys[i]));
        }
    };
})
