/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Decodes snapshot bytes into plain record plans for the restorer. Source/Snapshot has already validated bytes
// that came from another process; this decoder still checks what it reads and fails with a clear error.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, ByteReader } = offload;
    const { Kind, Tag, Attribute, Section } = Format;

    class Ref {
        constructor(index) {
            this.index = index;
        }
    }

    const hole = Object.freeze({ hole: true });

    function hexOf(bytes) {
        let hex = "";
        for (const byte of bytes)
            hex += (byte < 16 ? "0" : "") + byte.toString(16);
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
            for (let i = 0; i < Format.magic.length; ++i) {
                if (reader.u8() !== Format.magic.charCodeAt(i))
                    reader.fail("not a snapshot (bad magic)");
            }
            const version = reader.varint();
            if (version !== Format.version)
                reader.fail(`unsupported snapshot version ${version}`);
            const sections = [];
            for (let tag = Section.Meta; tag <= Section.Roots; ++tag) {
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

            const meta = sections[Section.Meta];
            this.nextObjectId = meta.varint();
            this.turn = meta.varint();
            meta.varint();

            const scripts = sections[Section.Scripts];
            this.scripts = [];
            for (let count = scripts.varint(); count > 0; --count)
                this.scripts.push(ByteReader.unitsToString(scripts.byteString()));

            const blobs = sections[Section.Blobs];
            this.blobs = [];
            for (let count = blobs.varint(); count > 0; --count) {
                const hash = hexOf(blobs.raw(32));
                const size = blobs.varint();
                const body = this.blobBodies(hash);
                if (!body)
                    blobs.fail(`blob ${hash} is missing`);
                if (body.length !== size)
                    blobs.fail(`blob ${hash} has ${body.length} bytes, the snapshot says ${size}`);
                this.blobs.push(body);
            }

            const strings = sections[Section.Strings];
            this.strings = [];
            for (let count = strings.varint(); count > 0; --count)
                this.strings.push(this.readString(strings));

            const records = sections[Section.Records];
            const recordCount = records.varint();
            this.recordCount = recordCount;
            // Every record takes at least two bytes; this also bounds the Refs made next.
            if (recordCount > records.end - records.offset)
                records.fail("more records than bytes");
            // One Ref per record, shared by every reference to it (a snapshot has several per record).
            this.refs = [];
            for (let i = 0; i < recordCount; ++i)
                this.refs.push(new Ref(i));
            this.records = [];
            // Every body's properties, four entries each (key, attributes, value or getter, setter), one body after
            // the other: one growing array instead of one per record.
            this.propertyTable = [];
            for (let i = 0; i < recordCount; ++i)
                this.records.push(this.readRecord(records));

            const roots = sections[Section.Roots];
            this.global = this.readValue(roots);
            this.lexicalScopes = [];
            for (let count = roots.varint(); count > 0; --count)
                this.lexicalScopes.push(this.readValue(roots));
            this.pending = this.readValue(roots);
            this.extraRoots = [];
            for (let count = roots.varint(); count > 0; --count)
                this.extraRoots.push([this.string(roots), this.readValue(roots)]);
            return this;
        }

        readString(reader) {
            switch (reader.u8()) {
            case Format.StringEncoding.Latin1:
                return reader.latin1();
            case Format.StringEncoding.Utf16:
                return reader.utf16();
            case Format.StringEncoding.Blob: {
                const index = reader.varint();
                const unitSize = reader.u8();
                if (index >= this.blobs.length || (unitSize !== 1 && unitSize !== 2))
                    reader.fail("bad blob string");
                const body = this.blobs[index];
                if (unitSize === 1)
                    return ByteReader.unitsToString(body);
                return new ByteReader(body).utf16Units(body.length / 2);
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
            case Tag.Undefined:
                return undefined;
            case Tag.Null:
                return null;
            case Tag.False:
                return false;
            case Tag.True:
                return true;
            case Tag.Int:
                return reader.svarint();
            case Tag.Double:
                return reader.f64();
            case Tag.String:
                return this.string(reader);
            case Tag.BigInt: {
                const negative = reader.u8() === 1;
                const bytes = reader.byteString();
                let magnitude = 0n;
                for (let i = bytes.length - 1; i >= 0; --i)
                    magnitude = (magnitude << 8n) | BigInt(bytes[i]);
                return negative ? -magnitude : magnitude;
            }
            case Tag.Ref:
                return this.ref(reader);
            case Tag.Intrinsic: {
                const path = this.string(reader);
                const intrinsic = this.intrinsics.byPath.get(path);
                if (intrinsic === undefined)
                    reader.fail(`unknown built-in ${path}`);
                return intrinsic;
            }
            case Tag.Hole:
                return hole;
            case Tag.Uninitialized:
                return offload.uninitialized;
            }
            reader.fail(`unknown value tag ${tag}`);
        }

        readKey(reader) {
            const key = reader.varint();
            if (key % 2 === 0) {
                const index = key / 2;
                if (index >= this.strings.length)
                    reader.fail("key string out of range");
                return this.strings[index];
            }
            const index = (key - 1) / 2;
            if (index >= this.recordCount)
                reader.fail("key symbol out of range");
            return this.refs[index];
        }

        readBody(reader) {
            const prototype = this.readValue(reader);
            const flags = reader.varint();
            const properties = this.propertyTable;
            const start = properties.length;
            for (let count = reader.varint(); count > 0; --count) {
                const key = this.readKey(reader);
                const attributes = reader.u8();
                const value = this.readValue(reader);
                const setter = attributes & Attribute.Accessor ? this.readValue(reader) : undefined;
                // One value per push: JavaScriptCore compiles a push of several values as a call, several times
                // slower.
                properties.push(key);
                properties.push(attributes);
                properties.push(value);
                properties.push(setter);
            }
            return { prototype, extensible: !(flags & 1), lengthIsReadOnly: !!(flags & 2), properties, start, end: properties.length };
        }

        readRecord(reader) {
            const kind = reader.varint();
            const id = reader.varint();
            const record = { kind, id };
            switch (kind) {
            case Kind.Global:
            case Kind.Object:
                break;
            case Kind.Intrinsic:
                record.path = this.string(reader);
                break;
            case Kind.Array: {
                record.length = reader.varint();
                record.elements = [];
                for (let count = reader.varint(); count > 0; --count)
                    record.elements.push(this.readValue(reader));
                break;
            }
            case Kind.Function:
                record.literal = this.string(reader);
                record.scope = this.readValue(reader);
                record.home = this.readValue(reader);
                break;
            case Kind.BoundFunction:
                record.target = this.readValue(reader);
                record.boundThis = this.readValue(reader);
                record.args = [];
                for (let count = reader.varint(); count > 0; --count)
                    record.args.push(this.readValue(reader));
                break;
            case Kind.Scope:
                record.template = this.string(reader);
                record.parent = this.readValue(reader);
                record.bindings = [];
                for (let count = reader.varint(); count > 0; --count)
                    record.bindings.push(this.readValue(reader));
                return record;
            case Kind.Date:
                record.time = this.readValue(reader);
                break;
            case Kind.RegExp:
                record.source = this.string(reader);
                record.flags = this.string(reader);
                break;
            case Kind.Error:
                record.errorName = this.string(reader);
                break;
            case Kind.PrimitiveWrapper:
                record.primitive = this.readValue(reader);
                break;
            case Kind.Map:
            case Kind.WeakMap:
                record.entries = [];
                // Keys and values alternate.
                for (let count = 2 * reader.varint(); count > 0; --count)
                    record.entries.push(this.readValue(reader));
                break;
            case Kind.Set:
            case Kind.WeakSet:
                record.entries = [];
                for (let count = reader.varint(); count > 0; --count)
                    record.entries.push(this.readValue(reader));
                break;
            case Kind.ArrayBuffer:
                record.byteLength = reader.varint();
                record.maxByteLength = reader.varint();
                const storage = reader.u8();
                if (storage === 2) {
                    record.detached = true;
                    record.bytes = new P.Uint8Array(0);
                } else if (storage === 0)
                    record.bytes = reader.byteString();
                else {
                    const index = reader.varint();
                    if (index >= this.blobs.length)
                        reader.fail("blob index out of range");
                    record.bytes = this.blobs[index];
                }
                if (record.bytes.length !== record.byteLength)
                    reader.fail("array buffer contents do not match its length");
                break;
            case Kind.TypedArray:
                record.type = reader.u8();
                if (record.type >= Format.typedArrayTypes.length)
                    reader.fail("unknown typed array type");
                record.buffer = this.readValue(reader);
                record.byteOffset = reader.varint();
                record.length = reader.varint();
                break;
            case Kind.DataView:
                record.buffer = this.readValue(reader);
                record.byteOffset = reader.varint();
                record.byteLength = reader.varint();
                break;
            case Kind.Proxy:
                record.target = this.readValue(reader);
                record.handler = this.readValue(reader);
                record.callable = reader.u8() === 1;
                return record;
            case Kind.Promise:
                record.state = reader.u8();
                if (record.state > 3)
                    reader.fail("unknown promise state");
                record.result = this.readValue(reader);
                record.reactions = [];
                for (let count = reader.varint(); count > 0; --count)
                    record.reactions.push([this.readValue(reader), this.readValue(reader), this.readValue(reader)]);
                break;
            case Kind.ResolvingFunction:
                record.promise = this.readValue(reader);
                record.which = reader.u8();
                return record;
            case Kind.Symbol:
                record.description = this.readValue(reader);
                return record;
            case Kind.RegisteredSymbol:
                record.key = this.string(reader);
                return record;
            case Kind.WellKnownSymbol:
                record.name = this.string(reader);
                return record;
            default:
                reader.fail(`unsupported record kind ${kind}`);
            }
            record.body = this.readBody(reader);
            return record;
        }
    }

    offload.Decoder = Decoder;
    offload.Ref = Ref;
    offload.hole = hole;
})
