/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Byte-level encoding of Documentation/SnapshotFormat.md: the constants, a growable writer and a bounded reader.
// Source/Snapshot implements the same format in C++ and validates every snapshot that crosses a process boundary.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Uint8Array, Uint16Array, Float64Array, RangeError } = P;

    // The writer runs while a program is captured: it calls none of the program's methods. Typed arrays are copied
    // and viewed through the built-ins taken at install (subarray and slice would also ask the program's
    // constructor for the kind of array to make). Code units are read with text.charCodeAt(i), twenty times faster
    // than a call through Reflect.apply, only while String.prototype.charCodeAt is still the built-in: each capture
    // checks it first (codeUnits.check).
    const originalCharCodeAt = P.String.prototype.charCodeAt;
    const codeUnits = {
        fast: true,
        check() {
            const descriptor = P.getOwnPropertyDescriptor(P.String.prototype, "charCodeAt");
            codeUnits.fast = descriptor !== undefined && descriptor.value === originalCharCodeAt;
        },
        at(text, index) {
            return P.apply(originalCharCodeAt, text, [index]);
        },
    };
    // A typed array's length through the built-in getter; a plain array's is an own data property.
    const lengthOf = (bytes) => (P.arrayBufferIsView(bytes) ? P.typedArrayLength(bytes) : bytes.length);
    const view = (bytes, start, end) => new Uint8Array(P.typedArrayBuffer(bytes), P.typedArrayByteOffset(bytes) + start, end - start);

    // Every value the format gives a meaning to, named once. Names follow Source/Snapshot/SnapshotModel.h (RecordKind,
    // ValueTag, PropertyAttribute, ObjectFlag, BufferStorage, SectionTag, PropertyKey, snapshotMagic, …); the values
    // the C++ side keeps as plain fields of its model (a promise's state, a combinator's type, …) are named after the
    // Records table of Documentation/SnapshotFormat.md.
    const Format = Object.freeze({
        snapshotMagic: "WKOFSNAP",
        snapshotVersion: 1,
        SectionTag: Object.freeze({ Meta: 1, Scripts: 2, Blobs: 3, Strings: 4, Records: 5, Roots: 6 }),
        // Meta `flags`: none are defined in version 1.
        metaFlags: 0,
        // A blob is named by its SHA-256 hash.
        blobHashSize: 32,
        // Strings with this many code units or more, and ArrayBuffers with this many bytes or more, travel as blobs.
        blobThreshold: 4096,
        // The first byte of a String in the Strings section (SnapshotReader reads it as a number).
        StringEncoding: Object.freeze({ Latin1: 0, Utf16: 1, Blob: 2 }),
        // A blob string's `unitSize`.
        BlobUnitSize: Object.freeze({ Latin1: 1, Utf16: 2 }),
        ValueTag: Object.freeze({
            Undefined: 0,
            Null: 1,
            False: 2,
            True: 3,
            Int: 4,
            Double: 5,
            String: 6,
            BigInt: 7,
            Ref: 8,
            Intrinsic: 9,
            Hole: 10,
            Uninitialized: 11,
        }),
        // A BigInt value's `sign` byte.
        BigIntSign: Object.freeze({ NonNegative: 0, Negative: 1 }),
        // A property key is `(stringIndex << 1) | 0` for a string key and `(recordIndex << 1) | 1` for a symbol key;
        // arithmetic rather than shifts, since indices may pass 2^31.
        PropertyKey: Object.freeze({
            string: (stringIndex) => stringIndex * 2,
            symbol: (recordIndex) => recordIndex * 2 + 1,
            isSymbol: (key) => key % 2 === 1,
            index: (key) => (key - (key % 2)) / 2,
        }),
        RecordKind: Object.freeze({
            Object: 1,
            Array: 2,
            Function: 3,
            BoundFunction: 4,
            Scope: 5,
            Date: 6,
            RegExp: 7,
            Error: 8,
            PrimitiveWrapper: 9,
            Map: 10,
            Set: 11,
            WeakMap: 12,
            WeakSet: 13,
            ArrayBuffer: 14,
            TypedArray: 15,
            DataView: 16,
            Proxy: 17,
            Promise: 18,
            Symbol: 19,
            RegisteredSymbol: 20,
            Global: 21,
            WellKnownSymbol: 22,
            Arguments: 23,
            ResolvingFunction: 24,
            Intrinsic: 25,
            PromiseCombinator: 26,
            PromiseCombinatorElement: 27,
            ProxyRevoke: 28,
            IntlObject: 29,
        }),
        lastRecordKind: 29,
        PropertyAttribute: Object.freeze({ Writable: 1, Enumerable: 2, Configurable: 4, Accessor: 8 }),
        plainDataProperty: 1 | 2 | 4,
        ObjectFlag: Object.freeze({
            NotExtensible: 1,
            // Arrays only: frozen and sealed arrays.
            ArrayLengthNotWritable: 2,
            // The ObjectBody ends with the private names the object carries.
            HasPrivateElements: 4,
        }),
        // An ArrayBuffer's `storage`.
        BufferStorage: Object.freeze({ Inline: 0, Blob: 1, Detached: 2 }),
        // An ArrayBuffer's `maxByteLength`, a TypedArray's `length` and a DataView's `byteLength` are optional lengths:
        // this for none (a buffer that is not resizable, a view that tracks its buffer's length), else the length + 1.
        noLength: 0,
        // An Arguments record's `mapped`.
        ArgumentsMapping: Object.freeze({ Unmapped: 0, Mapped: 1 }),
        // A Promise record's `state`: locked means resolved with the pending promise `result` and waiting on it.
        PromiseState: Object.freeze({ Pending: 0, Fulfilled: 1, Rejected: 2, Locked: 3 }),
        // A ResolvingFunction record's `which`.
        ResolvingFunctionKind: Object.freeze({ Resolve: 0, Reject: 1 }),
        // A PromiseCombinator record's `type`.
        PromiseCombinatorType: Object.freeze({ All: 0, AllSettled: 1, Any: 2 }),
        // A PromiseCombinatorElement record's `which`.
        CombinatorElementKind: Object.freeze({ Fulfilment: 0, Rejection: 1 }),
        // The constructors an Error record may name.
        errorConstructors: Object.freeze(["Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "EvalError", "URIError", "AggregateError"]),
        // A TypedArray record's `type` is the index of its constructor's name here.
        typedArrayTypes: Object.freeze([
            "Int8Array",
            "Uint8Array",
            "Uint8ClampedArray",
            "Int16Array",
            "Uint16Array",
            "Int32Array",
            "Uint32Array",
            "Float32Array",
            "Float64Array",
            "BigInt64Array",
            "BigUint64Array",
            "Float16Array",
        ]),
        // The names of the extra roots the runtime writes: a built-in the program changed (then its path), a promise
        // locked to a pending promise, a tagged template's strings object (then its site, `sid:K`).
        ExtraRoot: Object.freeze({ intrinsicPrefix: "intrinsic ", promiseFollower: "promise follower", templatePrefix: "template " }),
    });

    const scratch = new Float64Array(1);
    const scratchBytes = new Uint8Array(scratch.buffer);
    const shortStringLength = 64;
    const shortStringUnits = [];

    class ByteWriter {
        // The capacity is kept apart from the buffer: a typed array's length is a getter the program could replace.
        constructor(capacity = 4096) {
            this.bytes = new Uint8Array(capacity);
            this.capacity = capacity;
            this.length = 0;
        }

        reserve(extra) {
            const needed = this.length + extra;
            if (needed <= this.capacity)
                return;
            let capacity = this.capacity * 2;
            while (capacity < needed)
                capacity *= 2;
            const grown = new Uint8Array(capacity);
            P.typedArraySet(grown, view(this.bytes, 0, this.length));
            this.bytes = grown;
            this.capacity = capacity;
        }

        u8(value) {
            if (this.length === this.capacity)
                this.reserve(1);
            this.bytes[this.length++] = value;
        }

        // Unsigned LEB128; values stay below 2^53 so plain arithmetic is exact.
        varint(value) {
            if (value < 0x80 && this.length < this.capacity) {
                this.bytes[this.length++] = value;
                return;
            }
            this.reserve(8);
            // Below 2^31 integer operations are exact and faster than the division below.
            if (value <= 0x7fffffff) {
                while (value >= 0x80) {
                    this.bytes[this.length++] = (value & 0x7f) | 0x80;
                    value >>>= 7;
                }
                this.bytes[this.length++] = value;
                return;
            }
            while (value >= 0x80) {
                this.bytes[this.length++] = (value % 0x80) | 0x80;
                value = Math.floor(value / 0x80);
            }
            this.bytes[this.length++] = value;
        }

        svarint(value) {
            this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
        }

        // A boolean byte: 0 or 1.
        bool(value) {
            this.u8(value ? 1 : 0);
        }

        f64(value) {
            scratch[0] = value;
            // All NaNs are one NaN: their payload is not observable from JavaScript.
            if (value !== value) {
                for (let i = 0; i < 6; ++i)
                    scratchBytes[i] = 0;
                scratchBytes[6] = 0xf8;
                scratchBytes[7] = 0x7f;
            }
            this.reserve(8);
            for (let i = 0; i < 8; ++i)
                this.bytes[this.length++] = scratchBytes[i];
        }

        raw(bytes) {
            const length = lengthOf(bytes);
            this.reserve(length);
            P.typedArraySet(this.bytes, bytes, this.length);
            this.length += length;
        }

        byteString(bytes) {
            this.varint(lengthOf(bytes));
            this.raw(bytes);
        }

        ascii(text) {
            this.reserve(text.length);
            if (codeUnits.fast) {
                for (let i = 0; i < text.length; ++i)
                    this.bytes[this.length++] = text.charCodeAt(i);
            } else {
                for (let i = 0; i < text.length; ++i)
                    this.bytes[this.length++] = codeUnits.at(text, i);
            }
        }

        latin1(text) {
            this.varint(text.length);
            this.ascii(text);
        }

        utf16(text) {
            this.varint(text.length);
            this.reserve(text.length * 2);
            for (let i = 0; i < text.length; ++i) {
                const unit = codeUnits.fast ? text.charCodeAt(i) : codeUnits.at(text, i);
                this.bytes[this.length++] = unit & 0xff;
                this.bytes[this.length++] = unit >> 8;
            }
        }

        // Appends another writer's bytes as a length-prefixed section.
        section(tag, body) {
            this.varint(tag);
            this.varint(body.length);
            this.raw(view(body.bytes, 0, body.length));
        }

        // The bytes written; the writer's own buffer when it is exactly full (the writer is done with then).
        result() {
            if (this.length === this.capacity)
                return this.bytes;
            const copy = new Uint8Array(this.length);
            P.typedArraySet(copy, view(this.bytes, 0, this.length));
            return copy;
        }

        static varintSize(value) {
            let size = 1;
            for (; value >= 0x80; ++size)
                value = (value - (value % 0x80)) / 0x80;
            return size;
        }
    }

    class ByteReader {
        constructor(bytes, offset = 0, end = bytes.length) {
            this.bytes = bytes;
            this.offset = offset;
            this.end = end;
        }

        fail(what) {
            const error = new RangeError(`Corrupt snapshot: ${what} at byte ${this.offset}`);
            // The runtime's own kind of error: the host reports its message alone, as meant for people.
            error.name = "OffloadCorruptSnapshotError";
            throw error;
        }

        atEnd() {
            return this.offset >= this.end;
        }

        u8() {
            if (this.offset >= this.end)
                this.fail("unexpected end");
            return this.bytes[this.offset++];
        }

        varint() {
            // One-byte values are the most common; up to four bytes the value fits integer operations.
            let byte = this.u8();
            if (byte < 0x80)
                return byte;
            let value = byte & 0x7f;
            for (let shift = 7; shift < 28; shift += 7) {
                byte = this.u8();
                value |= (byte & 0x7f) << shift;
                if (byte < 0x80)
                    return value;
            }
            let scale = 0x10000000;
            for (let i = 4; i < 8; ++i) {
                byte = this.u8();
                value += (byte & 0x7f) * scale;
                if (!(byte & 0x80))
                    return value;
                scale *= 0x80;
            }
            this.fail("varint too long");
        }

        svarint() {
            const value = this.varint();
            return value % 2 ? -(value + 1) / 2 : value / 2;
        }

        // A boolean byte: 1 is true, anything else false.
        bool() {
            return this.u8() === 1;
        }

        f64() {
            if (this.offset + 8 > this.end)
                this.fail("unexpected end");
            for (let i = 0; i < 8; ++i)
                scratchBytes[i] = this.bytes[this.offset + i];
            this.offset += 8;
            return scratch[0];
        }

        raw(length) {
            if (length > this.end - this.offset)
                this.fail("byte string longer than its section");
            const view = this.bytes.subarray(this.offset, this.offset + length);
            this.offset += length;
            return view;
        }

        byteString() {
            return this.raw(this.varint());
        }

        // Decodes code units in chunks: String.fromCharCode with many arguments is far faster than one at a time.
        static unitsToString(units) {
            let text = "";
            for (let i = 0; i < units.length; i += 8192)
                text += String.fromCharCode.apply(null, units.subarray(i, i + 8192));
            return text;
        }

        latin1() {
            const length = this.varint();
            if (length > shortStringLength)
                return ByteReader.unitsToString(this.raw(length));
            // Most strings are short: copying their bytes into an ordinary array is cheaper than making a view, and
            // String.fromCharCode takes an ordinary array's elements faster.
            if (length > this.end - this.offset)
                this.fail("byte string longer than its section");
            const units = shortStringUnits;
            units.length = length;
            for (let i = 0; i < length; ++i)
                units[i] = this.bytes[this.offset + i];
            this.offset += length;
            return String.fromCharCode.apply(null, units);
        }

        utf16() {
            return this.utf16Units(this.varint());
        }

        utf16Units(length) {
            const bytes = this.raw(length * 2);
            const units = new Uint16Array(length);
            for (let i = 0; i < length; ++i)
                units[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
            return ByteReader.unitsToString(units);
        }
    }

    offload.Format = Format;
    offload.codeUnits = codeUnits;
    offload.byteView = view;
    offload.ByteWriter = ByteWriter;
    offload.ByteReader = ByteReader;
})
