/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// ArrayBuffer (14), TypedArray (15) and DataView (16) records. A buffer's bytes travel inline or, from
// Format.blobThreshold bytes on, as a content-addressed blob hashed by the host; a view travels as its buffer, offset
// and length, and whether it tracks a resizable buffer's length (SnapshotFormat.md, "Views on resizable buffers").
// The restore makes buffers before the views on them, and detaches detached buffers once their views are made.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Decoder, kinds } = offload;
    const { RecordKind, BufferStorage, noLength } = Format;
    const { noValues } = Decoder;

    const largeTypedArrayLength = 1024;
    // Bytes per element, in Format.typedArrayTypes order, read from the constructors before any app code runs (a view's
    // own BYTES_PER_ELEMENT lookup could reach a getter the app defined).
    const typedArrayElementSizes = Format.typedArrayTypes.map((name) => (globalThis[name] ? globalThis[name].BYTES_PER_ELEMENT : 0));
    const typedArrayTypeIndex = P.ownedMap(Format.typedArrayTypes.map((name, index) => [name, index]));
    // Taken before any app code runs: a restored program may have replaced the globals by the time views are made.
    const typedArrayConstructors = Format.typedArrayTypes.map((name) => globalThis[name]);

    // A view out of its resizable buffer's bounds (it ends past the buffer's length) is made while the buffer is
    // grown to hold it; shrinking back drops only the zeros the growth added.
    function makeView(buffer, end, make) {
        const byteLength = P.arrayBufferByteLength(buffer);
        if (end <= byteLength)
            return make();
        P.arrayBufferResize(buffer, end);
        try {
            return make();
        } finally {
            P.arrayBufferResize(buffer, byteLength);
        }
    }

    kinds.tagged("[object ArrayBuffer]", RecordKind.ArrayBuffer, P.arrayBufferByteLength);

    // A view's byte offset, its length (elements; bytes for a DataView) and whether it tracks its buffer's length.
    // On a resizable buffer neither whether a view tracks nor, once it is out of bounds, its offset and length
    // can be read: when the view ends within one element of the buffer's end, or is out of bounds, the buffer is
    // resized for a moment and put back byte for byte (SnapshotFormat.md, "Views on resizable buffers"). No
    // program code runs meanwhile.
    function describeView(capture, view, buffer, elementSize, isDataView, index) {
        let resizable;
        let detached;
        try {
            resizable = P.arrayBufferResizable(buffer);
            detached = P.arrayBufferDetached(buffer);
        } catch {
            // Only a SharedArrayBuffer is a buffer without ArrayBuffer's internal slots.
            capture.fail(index, "a view on a SharedArrayBuffer, which is shared with other threads");
        }
        // Nothing of a view on a detached buffer can be seen again, nor can the buffer get storage back.
        if (detached)
            return { byteOffset: 0, length: 0, tracks: false };
        const read = () => {
            if (isDataView) {
                try {
                    return { inBounds: true, byteOffset: P.dataViewByteOffset(view), length: P.dataViewByteLength(view) };
                } catch {
                    return { inBounds: false }; // The getters throw for a view out of bounds.
                }
            }
            const length = P.typedArrayLength(view);
            let inBounds = true;
            if (!length) {
                try {
                    P.typedArrayAt(view, 0);
                } catch {
                    inBounds = false;
                }
            }
            return { inBounds, byteOffset: P.typedArrayByteOffset(view), length };
        };
        let shape = read();
        const byteLength = P.arrayBufferByteLength(buffer);
        // A view with room for one more element before the buffer's end does not track it.
        if (!resizable || (shape.inBounds && shape.byteOffset + (shape.length + 1) * elementSize <= byteLength))
            return { byteOffset: shape.byteOffset, length: shape.length, tracks: false };
        const maxByteLength = P.arrayBufferMaxByteLength(buffer);
        let savedFrom = byteLength;
        const saved = [];
        const resize = (newByteLength) => {
            try {
                P.arrayBufferResize(buffer, newByteLength);
            } catch (error) {
                capture.fail(index, `a view on a resizable ArrayBuffer whose length could not be probed (${error})`);
            }
        };
        try {
            let current = byteLength;
            if (!shape.inBounds) {
                // Every view lies inside its buffer at the maximum length: it was made inside it.
                resize(maxByteLength);
                current = maxByteLength;
                shape = read();
                if (!shape.inBounds)
                    capture.fail(index, "a view out of the bounds of its resizable ArrayBuffer even at its maximum length");
            }
            const { byteOffset, length } = shape;
            const grown = byteOffset + (length + 1) * elementSize;
            let tracks = false;
            if (grown <= current)
                tracks = false;
            else if (grown <= maxByteLength) {
                // A tracking view gets one more element; a fixed one keeps its length.
                resize(grown);
                tracks = read().length !== length;
            } else if (length) {
                // One byte short of the view's end: a fixed view is out of bounds, a tracking one is not. The bytes
                // the shrink drops are kept (at most an element's).
                const shorter = byteOffset + length * elementSize - 1;
                if (shorter < byteLength) {
                    savedFrom = shorter;
                    const bytes = new P.Uint8Array(buffer, shorter, byteLength - shorter);
                    for (let i = 0; i < byteLength - shorter; ++i)
                        saved[i] = bytes[i];
                }
                resize(shorter);
                tracks = read().inBounds;
            }
            // Else an empty view less than an element from the maximum length: tracking or not, it stays empty at
            // every length the buffer can have, and is written as a fixed one.
            return { byteOffset, length, tracks };
        } finally {
            if (P.arrayBufferByteLength(buffer) !== byteLength) {
                P.arrayBufferResize(buffer, byteLength);
                if (saved.length) {
                    const bytes = new P.Uint8Array(buffer, savedFrom, saved.length);
                    for (let i = 0; i < saved.length; ++i)
                        bytes[i] = saved[i];
                }
            }
        }
    }

    kinds.define(RecordKind.ArrayBuffer, {
        hasBody: true,
        describe(capture, buffer, index) {
            return {
                kind: RecordKind.ArrayBuffer,
                buffer,
                byteLength: P.arrayBufferByteLength(buffer),
                maxByteLength: P.arrayBufferResizable(buffer) ? P.arrayBufferMaxByteLength(buffer) + 1 : Format.noLength,
                detached: P.arrayBufferDetached(buffer),
                body: capture.describeBody(buffer, index),
            };
        },
        write(capture, writer, plan) {
            writer.varint(plan.byteLength);
            writer.varint(plan.maxByteLength);
            if (plan.detached) {
                writer.u8(BufferStorage.Detached);
                return;
            }
            const bytes = new P.Uint8Array(plan.buffer, 0, plan.byteLength);
            if (plan.byteLength < Format.blobThreshold) {
                writer.u8(BufferStorage.Inline);
                writer.byteString(bytes);
            } else {
                writer.u8(BufferStorage.Blob);
                capture.pendingBlobRefs[capture.pendingBlobRefs.length] = [writer.length, capture.blobIndexFor(bytes)];
                writer.varint(0); // Patched with the blob's index once all blobs are known.
            }
        },
        read(decoder, reader, kind, id) {
            const byteLength = reader.varint();
            const maxByteLength = reader.varint();
            const storage = reader.u8();
            let bytes;
            if (storage === BufferStorage.Detached)
                bytes = new P.Uint8Array(0);
            else if (storage === BufferStorage.Inline)
                bytes = reader.byteString();
            else {
                const index = reader.varint();
                if (index >= decoder.blobs.length)
                    reader.fail("blob index out of range");
                bytes = decoder.blobs[index];
            }
            if (bytes.length !== byteLength)
                reader.fail("array buffer contents do not match its length");
            return decoder.readBody(reader, {
                kind, id, byteLength, maxByteLength, detached: storage === BufferStorage.Detached, bytes,
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        restoreList: kinds.RestoreList.Buffers,
        create(restore, index, record) {
            const options = record.maxByteLength !== noLength ? { maxByteLength: record.maxByteLength - 1 } : undefined;
            const buffer = restore.make(index, "ArrayBuffer", () => new P.ArrayBuffer(record.byteLength, options));
            new P.Uint8Array(buffer).set(record.bytes);
            restore.set(index, buffer);
        },
        toldByBrand: true,
    });

    kinds.define(RecordKind.TypedArray, {
        hasBody: true,
        describe(capture, view, index) {
            const buffer = P.typedArrayBuffer(view);
            capture.reach(buffer, index, "<buffer>");
            const length = P.typedArrayLength(view);
            const type = typedArrayTypeIndex.get(P.typedArrayTag(view));
            if (type === undefined)
                capture.fail(index, `a ${P.typedArrayTag(view)} has no type in the snapshot format`);
            const shape = describeView(capture, view, buffer, typedArrayElementSizes[type], false, index);
            // Listing a typed array's own keys lists every element index (10 s for 3 M elements, 20 ms for 32 Ki on
            // JavaScriptCore 2.50), and model weights are large typed arrays. Past 1 Ki elements only symbol keys are
            // looked at.
            // FIXME: find string-keyed expandos on large typed arrays without listing their indices.
            const keys = length <= largeTypedArrayLength ? P.ownKeys(view) : P.getOwnPropertySymbols(view);
            const skip = (key) => typeof key === "string" && `${+key}` === key;
            return {
                kind: RecordKind.TypedArray,
                type,
                buffer,
                byteOffset: shape.byteOffset,
                length: shape.tracks ? Format.noLength : shape.length + 1,
                body: capture.describeBody(view, index, skip, keys),
            };
        },
        write(capture, writer, plan) {
            writer.u8(plan.type);
            capture.writeValue(writer, plan.buffer);
            writer.varint(plan.byteOffset);
            writer.varint(plan.length);
        },
        references(plan, visit) {
            visit(plan.buffer);
        },
        read(decoder, reader, kind, id) {
            const type = reader.u8();
            if (type >= Format.typedArrayTypes.length)
                reader.fail("unknown typed array type");
            return decoder.readBody(reader, {
                kind, id, type, buffer: decoder.readValue(reader), byteOffset: reader.varint(), length: reader.varint(),
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        create(restore, index, record) {
            const constructor = typedArrayConstructors[record.type];
            if (!constructor)
                restore.fail(`record ${index} is a ${Format.typedArrayTypes[record.type]}, which this engine does not have`);
            const buffer = restore.resolve(record.buffer);
            const elementSize = constructor.BYTES_PER_ELEMENT;
            const end = record.byteOffset + (record.length !== noLength ? (record.length - 1) * elementSize : 0);
            restore.set(index, makeView(buffer, end, () => (record.length !== noLength ? new constructor(buffer, record.byteOffset, record.length - 1) : new constructor(buffer, record.byteOffset))));
        },
        // Its elements are its buffer's bytes.
        skippedKeys() {
            return (key) => typeof key === "string" && `${+key}` === key;
        },
    });

    kinds.define(RecordKind.DataView, {
        hasBody: true,
        describe(capture, view, index) {
            const buffer = P.dataViewBuffer(view);
            capture.reach(buffer, index, "<buffer>");
            const shape = describeView(capture, view, buffer, 1, true, index);
            return {
                kind: RecordKind.DataView,
                buffer,
                byteOffset: shape.byteOffset,
                byteLength: shape.tracks ? Format.noLength : shape.length + 1,
                body: capture.describeBody(view, index),
            };
        },
        write(capture, writer, plan) {
            capture.writeValue(writer, plan.buffer);
            writer.varint(plan.byteOffset);
            writer.varint(plan.byteLength);
        },
        references(plan, visit) {
            visit(plan.buffer);
        },
        read(decoder, reader, kind, id) {
            return decoder.readBody(reader, {
                kind, id, buffer: decoder.readValue(reader), byteOffset: reader.varint(), byteLength: reader.varint(),
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        create(restore, index, record) {
            const buffer = restore.resolve(record.buffer);
            const end = record.byteOffset + (record.byteLength !== noLength ? record.byteLength - 1 : 0);
            restore.set(index, makeView(buffer, end, () => (record.byteLength !== noLength ? new P.DataView(buffer, record.byteOffset, record.byteLength - 1) : new P.DataView(buffer, record.byteOffset))));
        },
    });

    offload.addMethods(offload.Restore, class Buffers {
        // Buffers are made before the other records (Restore.createShells): views are made on them.
        createBuffers() {
            for (let i = 0; i < this.bufferIndices.length; ++i)
                this.createShell(this.bufferIndices[i]);
        }

        // Views on a detached buffer were made above while it still had its (empty) storage; transferring a
        // buffer is the one way to detach it.
        detachBuffers() {
            for (let i = 0; i < this.bufferIndices.length; ++i) {
                if (this.records[this.bufferIndices[i]].detached)
                    P.arrayBufferTransfer(this.objects[this.bufferIndices[i]]);
            }
        }
    });
})
