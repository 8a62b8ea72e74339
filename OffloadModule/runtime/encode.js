/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// The capture's second pass: numbers the records canonically (SnapshotFormat.md, "Canonical form"), writes values,
// keys and ObjectBodies, each record's kind fields through its handler (kinds.js), the string table with its blob
// strings, and the sections around them.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, ByteWriter, isObject, visitAll } = offload;
    const { ValueTag, PropertyAttribute, SectionTag, ObjectFlag, ExtraRoot } = Format;
    const stringKey = Format.PropertyKey.string;
    const symbolKey = Format.PropertyKey.symbol;
    const registry = offload.registry;
    const kinds = offload.kinds.table;
    const { uninitialized } = offload;

    const isInt32 = (value) => (value | 0) === value && !(value === 0 && 1 / value < 0);
    const noKeyCodes = Object.freeze([]);
    // Whether a string needs UTF-16 (a code unit above 0xff) or fits Latin-1 (format.js, codeUnits).
    const { codeUnits, byteView } = offload;
    const isWide = (text) => {
        if (codeUnits.fast) {
            for (let i = 0; i < text.length; ++i) {
                if (text.charCodeAt(i) > 0xff)
                    return true;
            }
            return false;
        }
        for (let i = 0; i < text.length; ++i) {
            if (codeUnits.at(text, i) > 0xff)
                return true;
        }
        return false;
    };

    offload.addMethods(offload.Capture, class Encoding {
        // Whether the walk may have found records in another order than the encoding references them: weak entries
        // are taken after the rest (their keys and values come late), promise followers and template strings objects
        // are roots found during the walk, arguments objects get their scope after it, and a call's parameter scope
        // may learn a binding's value from a handle described later (learnParamsValue).
        numberedOutOfOrder() {
            return this.foundWeakEntries || this.followers.length > 0 || this.templateObjects.length > 0 || this.sloppyArguments.length > 0 || P.mapSize(this.paramsGroups) > 0;
        }

        // The roots, in the order the Roots section lists them: records are numbered by first reference in encoding
        // order, starting with these.
        forEachRoot(visit) {
            if (this.syntheticRoot)
                visit(this.syntheticRoot);
            else {
                visit(globalThis);
                for (let i = 0; i < this.lexicalScopes.length; ++i)
                    visit(this.lexicalScopes[i]);
                visit(this.runtime.pending);
            }
            for (let i = 0; i < this.changedIntrinsicList.length; ++i)
                visit(this.changedIntrinsicList[i]);
            for (let i = 0; i < this.followers.length; ++i)
                visit(this.followers[i]);
            for (let i = 0; i < this.templateObjects.length; ++i)
                visit(this.templateObjects[i]);
        }

        // Writing the records checks that the walk numbered them by first reference in encoding order (noteReference);
        // usually it did. Weak-collection entries found late, or a record kind that reaches its references in another
        // order than it writes them, break it: the records are then numbered again and written again.
        renumber() {
            const order = [];
            const numbered = new P.Uint8Array(this.objects.length);
            const visit = (value) => {
                if (!isObject(value) && typeof value !== "symbol")
                    return;
                const index = this.indexOf.get(value);
                if (index === undefined || numbered[index])
                    return;
                numbered[index] = 1;
                order[order.length] = index;
            };
            this.forEachRoot(visit);
            for (let i = 0; i < order.length; ++i)
                forEachReference(this.plans[order[i]], visit);
            if (order.length !== this.objects.length)
                throw new Error(`Offload capture bug: ${this.objects.length - order.length} records are not referenced`);
            // Usually the walk already found them in that order.
            let moved = false;
            for (let i = 0; i < order.length && !moved; ++i)
                moved = order[i] !== i;
            if (!moved)
                return;
            const objects = [];
            const plans = [];
            for (let i = 0; i < order.length; ++i) {
                objects[i] = this.objects[order[i]];
                plans[i] = this.plans[order[i]];
            }
            this.objects = objects;
            this.plans = plans;
            for (let i = 0; i < this.objects.length; ++i)
                this.indexOf.set(this.objects[i], i);
        }

        // The first reference to a record in encoding order: it must be the next record by number.
        noteReference(index) {
            if (index === this.numbered)
                ++this.numbered;
            else
                this.numberedInOrder = false;
        }

        stringIndex(text) {
            let index = this.strings.get(text);
            if (index === undefined) {
                index = this.stringList.length;
                this.strings.set(text, index);
                this.stringList[this.stringList.length] = text;
            }
            return index;
        }

        writeKey(writer, key) {
            if (typeof key === "symbol") {
                const index = this.referenceIndex(key);
                if (index >= this.numbered)
                    this.noteReference(index);
                writer.varint(symbolKey(index));
            }
            else
                writer.varint(stringKey(this.stringIndex(key)));
        }

        writeValue(writer, value) {
            switch (typeof value) {
            case "undefined":
                writer.u8(ValueTag.Undefined);
                return;
            case "boolean":
                writer.u8(value ? ValueTag.True : ValueTag.False);
                return;
            case "number":
                if (isInt32(value)) {
                    writer.u8(ValueTag.Int);
                    writer.svarint(value);
                } else {
                    writer.u8(ValueTag.Double);
                    writer.f64(value);
                }
                return;
            case "string":
                writer.u8(ValueTag.String);
                writer.varint(this.stringIndex(value));
                return;
            case "bigint":
                this.writeBigInt(writer, value);
                return;
            }
            if (value === null) {
                writer.u8(ValueTag.Null);
                return;
            }
            if (value === uninitialized) {
                writer.u8(ValueTag.Uninitialized);
                return;
            }
            if (value === offload.hole) {
                writer.u8(ValueTag.Hole);
                return;
            }
            const index = this.referenceIndex(value);
            if (index !== undefined) {
                if (index >= this.numbered)
                    this.noteReference(index);
                writer.u8(ValueTag.Ref);
                writer.varint(index);
                return;
            }
            // Built-ins are few and referred to often (most objects' prototypes): their string index is kept.
            let path = this.intrinsicStrings.get(value);
            if (path === undefined) {
                path = this.stringIndex(this.intrinsics.pathOf.get(value));
                this.intrinsicStrings.set(value, path);
            }
            writer.u8(ValueTag.Intrinsic);
            writer.varint(path);
        }

        writeBigInt(writer, value) {
            writer.u8(ValueTag.BigInt);
            const negative = value < 0n;
            let magnitude = negative ? -value : value;
            const bytes = [];
            while (magnitude > 0n) {
                bytes[bytes.length] = Number(magnitude & 0xffn);
                magnitude >>= 8n;
            }
            writer.u8(negative ? Format.BigIntSign.Negative : Format.BigIntSign.NonNegative);
            writer.byteString(bytes);
        }

        writeBody(writer, body, flags = 0) {
            // Most prototypes are built-ins the program left unchanged, which have no record: their string index is
            // looked up first (a built-in found there has none).
            const intrinsic = this.intrinsicStrings.get(body.prototype);
            if (intrinsic !== undefined) {
                writer.u8(ValueTag.Intrinsic);
                writer.varint(intrinsic);
            } else
                this.writeValue(writer, body.prototype);
            writer.varint((body.extensible ? 0 : ObjectFlag.NotExtensible) | flags | (body.privates ? ObjectFlag.HasPrivateElements : 0));
            const properties = body.properties;
            writer.varint(properties.length / 4);
            // Objects that share a prototype mostly have the same keys in the same order: the encoded string keys
            // last written for it are kept by position ([key, code, …], with null for a symbol key, never equal to
            // a key), so that most keys are not looked up in the string table.
            let known = properties.length ? this.keyCodes.get(body.prototype) : noKeyCodes;
            if (known === undefined) {
                known = [];
                this.keyCodes.set(body.prototype, known);
            }
            for (let i = 0, k = 0; i < properties.length; i += 4, k += 2) {
                const key = properties[i];
                if (k < known.length && known[k] === key)
                    writer.varint(known[k + 1]);
                else if (typeof key === "string") {
                    const code = stringKey(this.stringIndex(key));
                    writer.varint(code);
                    if (k <= known.length) {
                        known[k] = key;
                        known[k + 1] = code;
                    }
                } else {
                    this.writeKey(writer, key);
                    if (k <= known.length) {
                        known[k] = null;
                        known[k + 1] = 0;
                    }
                }
                const attributes = properties[i + 1];
                writer.u8(attributes);
                this.writeValue(writer, properties[i + 2]);
                if (attributes & PropertyAttribute.Accessor)
                    this.writeValue(writer, properties[i + 3]);
            }
            if (!body.privates)
                return;
            writer.varint(body.privates.length);
            for (let clsIndex = 0, clsList = body.privates; clsIndex < clsList.length; ++clsIndex) {
                const cls = clsList[clsIndex][0], isStatic = clsList[clsIndex][1], values = clsList[clsIndex][2];
                this.writeValue(writer, cls);
                writer.bool(isStatic);
                writer.varint(values.length);
                for (let valueIndex = 0, valueList = values; valueIndex < valueList.length; ++valueIndex) {
                    const value = valueList[valueIndex];
                    this.writeValue(writer, value);
                }
            }
        }

        blobIndexFor(bytes) {
            const hash = offload.native.sha256(bytes);
            if (!this.blobs.has(hash))
                this.blobs.set(hash, bytes);
            return hash;
        }

        // Pass 2: the records, in index order. The handler of each record's kind writes the fields before its
        // ObjectBody, and gives the flags of the ObjectBody they imply (a frozen array's read-only length); most
        // records are plain objects, which have none and cost no call.
        writeRecord(writer, plan, index) {
            writer.varint(plan.kind);
            writer.varint(this.runtime.idFor(this.objects[index]));
            const handler = kinds[plan.kind];
            const flags = handler.write === null ? 0 : handler.write(this, writer, plan);
            if (handler.hasBody)
                this.writeBody(writer, plan.body, flags);
        }

        // Writes the Records section. With `checkNumbering`, notes whether the records are numbered by first reference
        // in encoding order (the roots first), as the format requires.
        writeRecords(checkNumbering) {
            this.numbered = 0;
            this.numberedInOrder = true;
            if (checkNumbering) {
                this.forEachRoot((value) => {
                    const index = this.indexOf.get(value);
                    if (index !== undefined && index >= this.numbered)
                        this.noteReference(index);
                });
            } else
                this.numbered = Infinity;
            // Sized for a typical record (about 35 bytes): each doubling of a large buffer is a fresh allocation
            // the system has to map and zero.
            const records = new ByteWriter((1 << 16) + 40 * this.plans.length);
            records.varint(this.plans.length);
            for (let index = 0; index < this.plans.length; ++index) {
                // A record must be referenced before it is written (every record is reachable from the roots).
                if (index >= this.numbered)
                    this.numberedInOrder = false;
                this.writeRecord(records, this.plans[index], index);
            }
            if (this.numbered !== this.plans.length && checkNumbering)
                this.numberedInOrder = false;
            return records;
        }

        encode() {
            // Whether the writers may read code units with text.charCodeAt (format.js, codeUnits).
            codeUnits.check();
            // Blob indices are positions in the sorted Blobs section, unknown until every blob is found: records
            // are written with a one-byte placeholder and re-encoded with the real indices afterwards.
            this.pendingBlobRefs = [];
            this.timings.order = 0;
            let start = P.dateNow();
            const renumbered = this.numberedOutOfOrder();
            if (renumbered) {
                this.renumber();
                this.timings.order = P.dateNow() - start;
                start = P.dateNow();
            }
            let records = this.writeRecords(!renumbered);
            this.timings.write = P.dateNow() - start;
            if (!this.numberedInOrder) {
                // A case numberedOutOfOrder does not foresee: number and write again.
                start = P.dateNow();
                this.reachedNext = 0;
                this.renumber();
                this.strings = P.ownedMap();
                this.stringList = [];
                this.intrinsicStrings = P.ownedMap();
                this.keyCodes = P.ownedMap();
                this.pendingBlobRefs = [];
                records = this.writeRecords(false);
                this.timings.order = P.dateNow() - start;
            }

            const roots = new ByteWriter();
            this.writeValue(roots, this.syntheticRoot || globalThis);
            roots.varint(this.lexicalScopes.length);
            for (let scopeIndex = 0, scopeList = this.lexicalScopes; scopeIndex < scopeList.length; ++scopeIndex) {
                const scope = scopeList[scopeIndex];
                this.writeValue(roots, scope || null);
            }
            this.writeValue(roots, this.syntheticRoot ? null : this.runtime.pending);
            roots.varint(P.setSize(this.changedIntrinsics) + this.followers.length + this.templateObjects.length);
            for (let intrinsicIndex = 0, intrinsicList = this.changedIntrinsicList; intrinsicIndex < intrinsicList.length; ++intrinsicIndex) {
                const intrinsic = intrinsicList[intrinsicIndex];
                roots.varint(this.stringIndex(`${ExtraRoot.intrinsicPrefix}${this.intrinsics.pathOf.get(intrinsic)}`));
                this.writeValue(roots, intrinsic);
            }
            for (let followerIndex = 0, followerList = this.followers; followerIndex < followerList.length; ++followerIndex) {
                const follower = followerList[followerIndex];
                roots.varint(this.stringIndex(ExtraRoot.promiseFollower));
                this.writeValue(roots, follower);
            }
            for (let stringsIndex = 0, stringsList = this.templateObjects; stringsIndex < stringsList.length; ++stringsIndex) {
                const strings = stringsList[stringsIndex];
                roots.varint(this.stringIndex(`${ExtraRoot.templatePrefix}${registry.templateSiteOf(strings)}`));
                this.writeValue(roots, strings);
            }

            // Long strings travel as blobs too.
            // Sized for latin1 inline strings (long ones are blobs, a few bytes here).
            let stringBytes = 16;
            for (let i = 0; i < this.stringList.length; ++i) {
                const length = this.stringList[i].length;
                stringBytes += (length < Format.blobThreshold ? length : 0) + 8;
            }
            const strings = new ByteWriter(stringBytes);
            strings.varint(this.stringList.length);
            const stringBlobs = [];
            // Long strings are immutable and usually the same from one capture to the next (a model's weights in
            // base64): their code units and hash are kept for the next capture, for those this capture met only.
            const keptBlobStrings = this.runtime.blobStrings;
            const metBlobStrings = P.ownedMap();
            for (let textIndex = 0, textList = this.stringList; textIndex < textList.length; ++textIndex) {
                const text = textList[textIndex];
                if (text.length >= Format.blobThreshold) {
                    let blob = keptBlobStrings.get(text);
                    if (blob === undefined) {
                        const wide = isWide(text);
                        const bytes = new ByteWriter(text.length * (wide ? 2 : 1) + 8);
                        if (wide)
                            bytes.utf16(text);
                        else
                            bytes.latin1(text);
                        // Drop the length prefix: the blob is the bare code units.
                        const units = byteView(bytes.bytes, bytes.length - text.length * (wide ? 2 : 1), bytes.length);
                        blob = { hash: offload.native.sha256(units), units, wide };
                    }
                    metBlobStrings.set(text, blob);
                    if (!this.blobs.has(blob.hash))
                        this.blobs.set(blob.hash, blob.units);
                    stringBlobs[stringBlobs.length] = [strings.length, blob.hash, blob.wide];
                    strings.u8(Format.StringEncoding.Blob);
                    strings.u8(0); // The blob's index, patched once all blobs are known (a one-byte varint placeholder).
                    strings.u8(blob.wide ? Format.BlobUnitSize.Utf16 : Format.BlobUnitSize.Latin1);
                    continue;
                }
                const wide = isWide(text);
                if (wide) {
                    strings.u8(Format.StringEncoding.Utf16);
                    strings.utf16(text);
                } else {
                    strings.u8(Format.StringEncoding.Latin1);
                    strings.latin1(text);
                }
            }

            // The synthetic heap of a warm-up leaves no trace in the runtime.
            if (!this.syntheticRoot)
                this.runtime.blobStrings = metBlobStrings;
            const hashes = P.arraySort(P.keysOf(this.blobs));
            const blobIndex = P.ownedMap();
            for (let i = 0; i < hashes.length; ++i)
                blobIndex.set(hashes[i], i);
            if (this.pendingBlobRefs.length)
                records = patchVarints(records, withBlobIndices(this.pendingBlobRefs, blobIndex, 0));
            let stringsOut = strings;
            if (stringBlobs.length)
                stringsOut = patchVarints(strings, withBlobIndices(stringBlobs, blobIndex, 1));

            const meta = new ByteWriter(16);
            meta.varint(this.runtime.nextObjectId);
            meta.varint(this.runtime.turn);
            meta.varint(Format.metaFlags);

            const scripts = new ByteWriter(256);
            const scriptList = P.valuesOf(registry.scripts);
            scripts.varint(scriptList.length);
            for (let scriptIndex = 0; scriptIndex < scriptList.length; ++scriptIndex) {
                const script = scriptList[scriptIndex];
                scripts.varint(script.sid.length);
                scripts.ascii(script.sid);
            }

            const blobs = new ByteWriter(64 + hashes.length * 40);
            blobs.varint(hashes.length);
            const blobBodies = [];
            for (let hashIndex = 0, hashList = hashes; hashIndex < hashList.length; ++hashIndex) {
                const hash = hashList[hashIndex];
                for (let i = 0; i < 2 * Format.blobHashSize; i += 2)
                    blobs.u8(hexDigit(hash, i) * 16 + hexDigit(hash, i + 1));
                const bytes = this.blobs.get(hash);
                blobs.varint(P.typedArrayLength(bytes));
                blobBodies[blobBodies.length] = [hash, bytes];
            }

            // Made at its exact size, so that its bytes are the result without another copy.
            const sections = [meta, scripts, blobs, stringsOut, records, roots];
            let size = Format.snapshotMagic.length + ByteWriter.varintSize(Format.snapshotVersion);
            for (let i = 0; i < sections.length; ++i)
                size += ByteWriter.varintSize(SectionTag.Meta + i) + ByteWriter.varintSize(sections[i].length) + sections[i].length;
            const out = new ByteWriter(size);
            out.ascii(Format.snapshotMagic);
            out.varint(Format.snapshotVersion);
            out.section(SectionTag.Meta, meta);
            out.section(SectionTag.Scripts, scripts);
            out.section(SectionTag.Blobs, blobs);
            out.section(SectionTag.Strings, stringsOut);
            out.section(SectionTag.Records, records);
            out.section(SectionTag.Roots, roots);
            return { snapshot: out.result(), blobs: blobBodies };
        }
    });

    // Calls `visit` with every value a plan's record refers to, in the order the record's bytes hold them: the kind's
    // fields (its handler), then its ObjectBody.
    function forEachReference(plan, visit) {
        const handler = kinds[plan.kind];
        handler.references(plan, visit);
        if (!handler.hasBody)
            return;
        const body = plan.body;
        visit(body.prototype);
        const properties = body.properties;
        for (let i = 0; i < properties.length; i += 4) {
            visit(properties[i]);
            visit(properties[i + 2]);
            if (properties[i + 1] & PropertyAttribute.Accessor)
                visit(properties[i + 3]);
        }
        const privates = body.privates;
        for (let i = 0; privates && i < privates.length; ++i) {
            visit(privates[i][0]);
            visitAll(privates[i][2], visit);
        }
    }

    // [offset + shift, index] for each [offset, hash] pair: where a blob's index goes, once the blobs are sorted.
    function withBlobIndices(pairs, blobIndex, shift) {
        const patches = [];
        for (let i = 0; i < pairs.length; ++i)
            patches[i] = [pairs[i][0] + shift, blobIndex.get(pairs[i][1])];
        return patches;
    }

    // The value of the hexadecimal digit at `index` of a lowercase hash (no String.prototype method or parseInt: the
    // program may have replaced them).
    function hexDigit(hash, index) {
        const unit = codeUnits.fast ? hash.charCodeAt(index) : codeUnits.at(hash, index);
        return unit <= 0x39 ? unit - 0x30 : unit - 0x57;
    }

    // Rewrites single-byte varint placeholders at the given offsets (ascending) with their real values.
    function patchVarints(writer, patches) {
        const patched = new ByteWriter(writer.length + patches.length * 4);
        let from = 0;
        for (let offsetIndex = 0, offsetList = patches; offsetIndex < offsetList.length; ++offsetIndex) {
            const offset = offsetList[offsetIndex][0], value = offsetList[offsetIndex][1];
            patched.raw(byteView(writer.bytes, from, offset));
            patched.varint(value);
            from = offset + 1;
        }
        patched.raw(byteView(writer.bytes, from, writer.length));
        return patched;
    }
})
