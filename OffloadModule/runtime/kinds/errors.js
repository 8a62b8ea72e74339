/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Error records (8): the name of the error constructor whose prototype the error inherits from
// (Format.errorConstructors), and an ObjectBody holding all its own properties (message, stack, errors, …).
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Decoder, kinds } = offload;
    const { RecordKind } = Format;
    const { noValues } = Decoder;
    const { listIncludes } = P;

    // Error.isError tests without throwing: a brand check that throws is made of it.
    kinds.slotTagged("[object Error]", RecordKind.Error, (object) => {
        if (!P.errorIsError(object))
            throw new P.TypeError("not an Error");
    });

    function errorConstructorName(capture, error) {
        const prototypeSuffix = ".prototype";
        for (let prototype = P.getPrototypeOf(error); prototype; prototype = P.getPrototypeOf(prototype)) {
            // String and array methods through primordials: the program may have replaced the built-in ones.
            const path = capture.intrinsics.pathOf.get(prototype);
            if (path && P.stringSlice(path, -prototypeSuffix.length) === prototypeSuffix) {
                const name = P.stringSlice(path, 0, -prototypeSuffix.length);
                if (P.listIncludes(Format.errorConstructors, name))
                    return name;
            }
        }
        return "Error";
    }

    kinds.define(RecordKind.Error, {
        hasBody: true,
        describe(capture, error, index) {
            return { kind: RecordKind.Error, errorName: errorConstructorName(capture, error), body: capture.describeBody(error, index) };
        },
        write(capture, writer, plan) {
            writer.varint(capture.stringIndex(plan.errorName));
        },
        read(decoder, reader, kind, id) {
            return decoder.readBody(reader, {
                kind, id, errorName: decoder.string(reader),
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        create(restore, index, record) {
            if (!listIncludes(Format.errorConstructors, record.errorName))
                restore.fail(`error record ${index} names ${P.jsonStringify(record.errorName)}, which is not an error constructor`);
            const constructor = P[record.errorName];
            // The error's own properties (message, stack, errors, …) all come from the record.
            restore.set(index, record.errorName === "AggregateError" ? new constructor([]) : new constructor(), true);
        },
        toldByBrand: true,
    });
})
