/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Date (6), RegExp (7) and PrimitiveWrapper (9) records: the value their internal slot holds (a time, a source and
// flags, a primitive), read through the built-in getters taken at install, and an ObjectBody.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Decoder, kinds } = offload;
    const { RecordKind } = Format;
    const { noValues } = Decoder;

    // Called as a method through Reflect.apply, which JavaScriptCore compiles into a plain call (an uncurried
    // primordial goes through a bound Function.prototype.call, several times slower).
    const dateGetTimeMethod = Date.prototype.getTime;
    const noArguments = Object.freeze([]);

    kinds.slotTagged("[object Date]", RecordKind.Date, P.dateGetTime);
    kinds.slotTagged("[object RegExp]", RecordKind.RegExp, P.regExpSource);
    kinds.slotTagged("[object Number]", RecordKind.PrimitiveWrapper, P.numberValueOf);
    kinds.slotTagged("[object String]", RecordKind.PrimitiveWrapper, P.stringValueOf);
    kinds.slotTagged("[object Boolean]", RecordKind.PrimitiveWrapper, P.booleanValueOf);
    // Symbol and BigInt wrappers take their tag from their prototype's @@toStringTag.
    kinds.tagged("[object Symbol]", RecordKind.PrimitiveWrapper, P.symbolValueOf);
    kinds.tagged("[object BigInt]", RecordKind.PrimitiveWrapper, P.bigIntValueOf);

    kinds.define(RecordKind.Date, {
        hasBody: true,
        describe(capture, date, index) {
            return { kind: RecordKind.Date, time: P.apply(dateGetTimeMethod, date, noArguments), body: capture.describeBody(date, index) };
        },
        write(capture, writer, plan) {
            capture.writeValue(writer, plan.time);
        },
        read(decoder, reader, kind, id) {
            return decoder.readBody(reader, {
                kind, id, time: decoder.readValue(reader),
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        create(restore, index, record) {
            restore.set(index, new P.Date(record.time));
        },
        toldByBrand: true,
    });

    kinds.define(RecordKind.RegExp, {
        hasBody: true,
        // `lastIndex` is an ordinary own property.
        describe(capture, regExp, index) {
            return { kind: RecordKind.RegExp, source: P.regExpSource(regExp), flags: P.regExpFlags(regExp), body: capture.describeBody(regExp, index) };
        },
        write(capture, writer, plan) {
            writer.varint(capture.stringIndex(plan.source));
            writer.varint(capture.stringIndex(plan.flags));
        },
        read(decoder, reader, kind, id) {
            return decoder.readBody(reader, {
                kind, id, source: decoder.string(reader), flags: decoder.string(reader),
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        create(restore, index, record) {
            restore.set(index, restore.make(index, "RegExp", () => new P.RegExp(record.source, record.flags)));
            restore.existing[index] = true;
        },
        toldByBrand: true,
    });

    kinds.define(RecordKind.PrimitiveWrapper, {
        hasBody: true,
        describe(capture, object, index) {
            const unwrappers = [P.numberValueOf, P.stringValueOf, P.booleanValueOf, P.symbolValueOf, P.bigIntValueOf];
            for (let unwrapIndex = 0, unwrapList = unwrappers; unwrapIndex < unwrapList.length; ++unwrapIndex) {
                const unwrap = unwrapList[unwrapIndex];
                let primitive;
                try {
                    primitive = unwrap(object);
                } catch {
                    continue;
                }
                capture.reach(primitive, index, "<primitive>");
                // A String wrapper's index properties are the string's own; they are not stored.
                const skip = typeof primitive === "string" ? (key) => key === "length" || (typeof key === "string" && `${+key}` === key && +key < primitive.length) : undefined;
                return { kind: RecordKind.PrimitiveWrapper, primitive, body: capture.describeBody(object, index, skip) };
            }
            return { kind: RecordKind.Object, body: capture.describeBody(object, index) };
        },
        write(capture, writer, plan) {
            capture.writeValue(writer, plan.primitive);
        },
        references(plan, visit) {
            visit(plan.primitive);
        },
        read(decoder, reader, kind, id) {
            return decoder.readBody(reader, {
                kind, id, primitive: decoder.readValue(reader),
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        create(restore, index, record) {
            const primitive = restore.resolve(record.primitive);
            restore.set(index, P.Object(primitive), true);
        },
        // A String wrapper's characters are the string's own.
        skippedKeys(record) {
            if (typeof record.primitive === "string")
                return (key) => key === "length" || (typeof key === "string" && `${+key}` === key && +key < record.primitive.length);
            return null;
        },
        toldByBrand: true,
    });
})
