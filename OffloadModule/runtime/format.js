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

    const Format = Object.freeze({
        magic: "WKOFSNAP",
        version: 1,
        Section: Object.freeze({ Meta: 1, Scripts: 2, Blobs: 3, Strings: 4, Records: 5, Roots: 6 }),
        StringEncoding: Object.freeze({ Latin1: 0, Utf16: 1, Blob: 2 }),
        blobStringThreshold: 4096,
        blobBytesThreshold: 4096,
        Tag: Object.freeze({
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
        Kind: Object.freeze({
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
        Attribute: Object.freeze({ Writable: 1, Enumerable: 2, Configurable: 4, Accessor: 8 }),
        // The constructors an Error record may name.
        errorConstructors: Object.freeze(["Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "EvalError", "URIError", "AggregateError"]),
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
