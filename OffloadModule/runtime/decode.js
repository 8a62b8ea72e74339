/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Decodes snapshot bytes into plain record plans for the restorer. Source/Snapshot has already validated bytes
// that came from another process; this decoder still checks what it reads and fails with a clear error. The
// sections, strings, values and ObjectBodies are read here; each record's own fields by the handler of its kind
// (kinds.js, `read`).
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, ByteReader } = offload;
    const { ValueTag, PropertyAttribute, SectionTag, ObjectFlag, BlobUnitSize } = Format;
    const keyIndex = Format.PropertyKey.index;
    const isSymbolKey = Format.PropertyKey.isSymbol;
    const kinds = offload.kinds.table;
    const { hole } = offload;

    class Ref {
        constructor(index) {
            this.index = index;
        }
    }

    // The values of an empty list, shared: nothing adds to a decoded list.
    const noValues = Object.freeze([]);
    const stringSliceMethod = P.String.prototype.slice;

    function hexOf(bytes) {
        let hex = "";
        for (let i = 0; i < bytes.length; ++i)
            hex += (bytes[i] < 16 ? "0" : "") + P.numberToString(bytes[i], 16);
        return hex;
    }

    class Decoder {
        constructor(bytes, blobs, intrinsics) {
            this.reader = new ByteReader(bytes);
            this.blobBodies = blobs;
            this.intrinsics = intrinsics;
        }

        decode() {
            const reader = this.reader;
            for (let i = 0; i < Format.snapshotMagic.length; ++i) {
                if (reader.u8() !== Format.snapshotMagic.charCodeAt(i))
                    reader.fail("not a snapshot (bad magic)");
            }
            const version = reader.varint();
            if (version !== Format.snapshotVersion)
                reader.fail(`unsupported snapshot version ${version}`);
            const sections = [];
            for (let tag = SectionTag.Meta; tag <= SectionTag.Roots; ++tag) {
                if (reader.varint() !== tag)
                    reader.fail(`expected section ${tag}`);
                const length = reader.varint();
                if (length > reader.end - reader.offset)
                    reader.fail(`section ${tag} is longer than the snapshot`);
                sections[tag] = new ByteReader(reader.bytes, reader.offset, reader.offset + length);
                reader.offset += length;
            }
            if (!reader.atEnd())
                reader.fail("trailing bytes after the last section");

            const meta = sections[SectionTag.Meta];
            this.nextObjectId = meta.varint();
            this.turn = meta.varint();
            // The flags: none are defined (Format.metaFlags).
            meta.varint();

            const scripts = sections[SectionTag.Scripts];
            this.scripts = [];
            for (let count = scripts.varint(); count > 0; --count)
                this.scripts[this.scripts.length] = ByteReader.unitsToString(scripts.byteString());

            const blobs = sections[SectionTag.Blobs];
            this.blobs = [];
            this.blobHashes = [];
            // Long strings decoded from blobs, for the next capture in this engine (runtime.blobStrings).
            this.blobStrings = P.ownedMap();
            for (let count = blobs.varint(); count > 0; --count) {
                const hash = hexOf(blobs.raw(Format.blobHashSize));
                this.blobHashes[this.blobHashes.length] = hash;
                const size = blobs.varint();
                const body = this.blobBodies(hash);
                if (!body)
                    blobs.fail(`blob ${hash} is missing`);
                if (body.length !== size)
                    blobs.fail(`blob ${hash} has ${body.length} bytes, the snapshot says ${size}`);
                this.blobs[this.blobs.length] = body;
            }

            const stringsStart = P.dateNow();
            const strings = sections[SectionTag.Strings];
            // The section's bytes as one string of Latin-1 code units: each Latin-1 string is a slice of it, made
            // without copying its bytes one call at a time. (The engine copies short slices when it first flattens
            // them; longer ones keep the section's text alive.)
            this.stringsText = ByteReader.unitsToString(strings.bytes.subarray(strings.offset, strings.end));
            this.stringsBase = strings.offset;
            // Lists made at their size (each entry takes at least a byte): growing one as it is filled costs more.
            const stringCount = strings.varint();
            if (stringCount > strings.end - strings.offset)
                strings.fail("more strings than bytes");
            this.strings = new P.Array(stringCount);
            for (let i = 0; i < stringCount; ++i)
                this.strings[i] = this.readString(strings);
            this.stringsTime = P.dateNow() - stringsStart;
            this.intrinsicByString = new P.Array(this.strings.length);

            const records = sections[SectionTag.Records];
            const recordCount = records.varint();
            this.recordCount = recordCount;
            // Every record takes at least two bytes; this also bounds the Refs made next.
            if (recordCount > records.end - records.offset)
                records.fail("more records than bytes");
            // One Ref per record, shared by every reference to it (a snapshot has several per record). Lists are
            // filled by index: JavaScriptCore does not always compile push inline, and it may be the program's.
            this.refs = new P.Array(recordCount);
            for (let i = 0; i < recordCount; ++i)
                this.refs[i] = new Ref(i);
            this.records = new P.Array(recordCount);
            for (let i = 0; i < recordCount; ++i)
                this.records[i] = this.readRecord(records);

            const roots = sections[SectionTag.Roots];
            this.global = this.readValue(roots);
            this.lexicalScopes = [];
            for (let count = roots.varint(); count > 0; --count)
                this.lexicalScopes[this.lexicalScopes.length] = this.readValue(roots);
            this.pending = this.readValue(roots);
            this.extraRoots = [];
            for (let count = roots.varint(); count > 0; --count) {
                const name = this.string(roots);
                this.extraRoots[this.extraRoots.length] = [name, this.readValue(roots)];
            }
            return this;
        }

        readString(reader) {
            switch (reader.u8()) {
            case Format.StringEncoding.Latin1: {
                const length = reader.varint();
                if (length > reader.end - reader.offset)
                    reader.fail("byte string longer than its section");
                const start = reader.offset - this.stringsBase;
                reader.offset += length;
                // Reflect.apply with a fresh argument list is compiled into a plain call, unlike P.stringSlice.
                return P.apply(stringSliceMethod, this.stringsText, [start, start + length]);
            }
            case Format.StringEncoding.Utf16:
                return reader.utf16();
            case Format.StringEncoding.Blob: {
                const index = reader.varint();
                const unitSize = reader.u8();
                if (index >= this.blobs.length || (unitSize !== BlobUnitSize.Latin1 && unitSize !== BlobUnitSize.Utf16))
                    reader.fail("bad blob string");
                const body = this.blobs[index];
                const text = unitSize === BlobUnitSize.Latin1 ? ByteReader.unitsToString(body) : new ByteReader(body).utf16Units(body.length / 2);
                this.blobStrings.set(text, { hash: this.blobHashes[index], units: body, wide: unitSize === BlobUnitSize.Utf16 });
                return text;
            }
            }
            reader.fail("unknown string encoding");
        }

        string(reader) {
            const index = reader.varint();
            if (index >= this.strings.length)
                reader.fail(`string index ${index} out of range`);
            return this.strings[index];
        }

        ref(reader) {
            const index = reader.varint();
            if (index >= this.recordCount)
                reader.fail(`record index ${index} out of range`);
            return this.refs[index];
        }

        readValue(reader) {
            const tag = reader.u8();
            switch (tag) {
            case ValueTag.Undefined:
                return undefined;
            case ValueTag.Null:
                return null;
            case ValueTag.False:
                return false;
            case ValueTag.True:
                return true;
            case ValueTag.Int:
                return reader.svarint();
            case ValueTag.Double:
                return reader.f64();
            case ValueTag.String:
                return this.string(reader);
            case ValueTag.BigInt: {
                const negative = reader.u8() === Format.BigIntSign.Negative;
                const bytes = reader.byteString();
                let magnitude = 0n;
                for (let i = bytes.length - 1; i >= 0; --i)
                    magnitude = (magnitude << 8n) | BigInt(bytes[i]);
                return negative ? -magnitude : magnitude;
            }
            case ValueTag.Ref:
                return this.ref(reader);
            case ValueTag.Intrinsic: {
                // Most records have a built-in prototype: look each path up once.
                const index = reader.varint();
                if (index >= this.strings.length)
                    reader.fail(`string index ${index} out of range`);
                let intrinsic = this.intrinsicByString[index];
                if (intrinsic === undefined) {
                    intrinsic = this.intrinsics.byPath.get(this.strings[index]);
                    if (intrinsic === undefined)
                        reader.fail(`unknown built-in ${this.strings[index]}`);
                    this.intrinsicByString[index] = intrinsic;
                }
                return intrinsic;
            }
            case ValueTag.Hole:
                return hole;
            case ValueTag.Uninitialized:
                return offload.uninitialized;
            }
            reader.fail(`unknown value tag ${tag}`);
        }

        readKey(reader) {
            const key = reader.varint();
            const index = keyIndex(key);
            if (!isSymbolKey(key)) {
                if (index >= this.strings.length)
                    reader.fail("key string out of range");
                return this.strings[index];
            }
            if (index >= this.recordCount)
                reader.fail("key symbol out of range");
            return this.refs[index];
        }

        // Reads an ObjectBody into the fields of its record, which is its own `body`: one object fewer per record.
        readBody(reader, record) {
            record.prototype = this.readValue(reader);
            const flags = reader.varint();
            const count = reader.varint();
            // Every property takes at least three bytes. Made at its size and filled by index: no growing, no call
            // (JavaScriptCore compiles a push of several values as a call). Most records have no property.
            if (count > reader.end - reader.offset)
                reader.fail("more properties than bytes");
            const properties = count ? new P.Array(4 * count) : noValues;
            for (let i = 0; i < 4 * count; i += 4) {
                const key = this.readKey(reader);
                const attributes = reader.u8();
                const value = this.readValue(reader);
                const setter = attributes & PropertyAttribute.Accessor ? this.readValue(reader) : undefined;
                properties[i] = key;
                properties[i + 1] = attributes;
                properties[i + 2] = value;
                properties[i + 3] = setter;
            }
            let privates = null;
            if (flags & ObjectFlag.HasPrivateElements) {
                privates = [];
                for (let count = reader.varint(); count > 0; --count) {
                    const cls = this.readValue(reader);
                    if (!(cls instanceof Ref))
                        reader.fail("the class of private names is not a record");
                    const isStatic = reader.bool();
                    const values = [];
                    for (let fields = reader.varint(); fields > 0; --fields)
                        values[values.length] = this.readValue(reader);
                    privates[privates.length] = [cls, isStatic, values];
                }
            }
            record.extensible = !(flags & ObjectFlag.NotExtensible);
            record.lengthIsReadOnly = !!(flags & ObjectFlag.ArrayLengthNotWritable);
            record.properties = properties;
            record.privates = privates;
            record.body = record;
            return record;
        }

        // The handler of the record's kind reads its fields and its ObjectBody (kinds.js, `read`).
        readRecord(reader) {
            const kind = reader.varint();
            const id = reader.varint();
            const handler = kind < kinds.length ? kinds[kind] : null;
            if (handler === null)
                reader.fail(`unsupported record kind ${kind}`);
            return handler.read(this, reader, kind, id);
        }

        readValues(reader, count) {
            if (!count)
                return noValues;
            // Every value takes at least a byte; made at its size (growing an array costs more than the call).
            if (count > reader.end - reader.offset)
                reader.fail("more values than bytes");
            const values = new P.Array(count);
            for (let i = 0; i < count; ++i)
                values[i] = this.readValue(reader);
            return values;
        }
    }

    // Each kind's record is made by one object literal holding all its fields, those of its ObjectBody included
    // (`properties: Decoder.noValues`, …): JavaScriptCore sizes an object for every field ever added to objects made
    // at the same place, and one `{ kind, id }` grown by kind made every record as large as all kinds together.
    Decoder.noValues = noValues;

    offload.Decoder = Decoder;
    offload.Ref = Ref;
})
