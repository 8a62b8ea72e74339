/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Array records (2): the length, the canonical dense part (SnapshotFormat.md, Records) and an ObjectBody with every
// other own property. A tagged template's strings object is an array too, named by an extra root after its site.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Decoder, Ref, kinds, visitAll } = offload;
    const { RecordKind, ObjectFlag } = Format;
    const { noValues } = Decoder;
    const registry = offload.registry;

    const isLengthKey = (key) => key === "length";

    kinds.define(RecordKind.Array, {
        hasBody: true,
        describe(capture, array, index) {
            // A tagged template's strings object is cached by its call site: it travels as the array it is and as an
            // extra root naming the site, whose runtime call gives it again after a restore (hooks.ts). One made
            // by a site the instrumenter did not route (in eval code, or tagged by `eval`) cannot be given again.
            const raw = P.getOwnPropertyDescriptor(array, "raw");
            if (raw && "value" in raw && P.isArray(raw.value) && !P.isExtensible(array)) {
                const site = registry.templateSiteOf(array);
                if (site === undefined)
                    capture.fail(index, "the strings object of a tagged template in code made at run time (or tagged by eval) cannot be captured: its call site keeps it");
                capture.templateObjects[capture.templateObjects.length] = array;
            }
            const length = array.length;
            // The dense part is canonical (SnapshotFormat.md): the longest prefix of plain elements that ends with
            // an element and is at least half full. Index keys come first, in ascending order, so when key
            // `length - 1` is at position `length - 1` every element exists: the common case, read without
            // converting keys to numbers and back.
            const keys = P.ownKeys(array);
            const elements = [];
            let denseCount = 0;
            let denseKeys = 0;
            if (length > 0 && keys.length > length && keys[length - 1] === `${length - 1}`) {
                for (; denseCount < length; ++denseCount) {
                    const descriptor = P.getOwnPropertyDescriptor(array, denseCount);
                    if (!("value" in descriptor) || !descriptor.writable || !descriptor.enumerable || !descriptor.configurable)
                        break;
                    // Reached in order, as below: there is no hole in this part.
                    capture.reach(descriptor.value, index, denseCount);
                    elements[elements.length] = descriptor.value;
                }
                denseKeys = denseCount;
            } else {
                let present = 0;
                for (let keyIndex = 0, keyList = keys; keyIndex < keyList.length; ++keyIndex) {
                    const key = keyList[keyIndex];
                    if (typeof key !== "string" || `${+key}` !== key || +key >= length)
                        break;
                    const descriptor = P.getOwnPropertyDescriptor(array, key);
                    if (!("value" in descriptor) || !descriptor.writable || !descriptor.enumerable || !descriptor.configurable)
                        break;
                    if (2 * ++present >= +key + 1) {
                        denseCount = +key + 1;
                        denseKeys = present;
                    }
                }
                for (let i = 0; i < denseCount; ++i) {
                    const descriptor = P.getOwnPropertyDescriptor(array, i);
                    elements[elements.length] = descriptor ? descriptor.value : offload.hole;
                }
                for (let i = 0; i < denseCount; ++i) {
                    if (elements[i] !== offload.hole)
                        capture.reach(elements[i], index, i);
                }
            }
            // A read-only length (a frozen array) is a flag of the record, not a property.
            const lengthIsWritable = P.getOwnPropertyDescriptor(array, "length").writable;
            // The elements below denseCount are the first denseKeys keys; `length` is skipped wherever it is listed.
            return { kind: RecordKind.Array, length, lengthIsWritable, elements, body: capture.describeBody(array, index, isLengthKey, keys, denseKeys) };
        },
        // A read-only length (a frozen array) is a flag of the ObjectBody.
        write(capture, writer, plan) {
            writer.varint(plan.length);
            writer.varint(plan.elements.length);
            for (let elementIndex = 0, elementList = plan.elements; elementIndex < elementList.length; ++elementIndex) {
                const element = elementList[elementIndex];
                capture.writeValue(writer, element);
            }
            return plan.lengthIsWritable ? 0 : ObjectFlag.ArrayLengthNotWritable;
        },
        references(plan, visit) {
            visitAll(plan.elements, visit);
        },
        read(decoder, reader, kind, id) {
            return decoder.readBody(reader, {
                kind, id, length: reader.varint(), elements: decoder.readValues(reader, reader.varint()),
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        create(restore, index, record) {
            const array = [];
            array.length = record.length;
            restore.set(index, array);
        },
        fill(restore, index, record) {
            const array = restore.objects[index];
            const elements = record.elements;
            for (let i = 0; i < elements.length; ++i) {
                const element = elements[i];
                if (element instanceof Ref)
                    array[i] = restore.resolve(element);
                else if (element !== offload.hole)
                    array[i] = element;
            }
        },
        skippedKeys(record) {
            const dense = record.elements.length;
            return (key) => key === "length" || (typeof key === "string" && `${+key}` === key && +key < dense);
        },
    });
})
