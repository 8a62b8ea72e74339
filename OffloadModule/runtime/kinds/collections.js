/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Map (10), Set (11), WeakMap (12) and WeakSet (13) records: the entries in insertion order, read with the built-in
// forEach (no iterator of the program's), and an ObjectBody. A weak collection's entries are known from the keys the
// runtime's WeakMap.prototype.set and WeakSet.prototype.add saw (registry.weakCollectionKeys), and travel only when
// their key is reachable otherwise: they are taken after the rest of the walk, in rounds (growWeakCollections).
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Decoder, kinds, appendPair, visitAll } = offload;
    const { RecordKind } = Format;
    const { noValues } = Decoder;
    const registry = offload.registry;

    const mapSetMethod = P.Map.prototype.set;
    const setAddMethod = P.Set.prototype.add;

    kinds.tagged("[object Map]", RecordKind.Map, P.mapSize);
    kinds.tagged("[object Set]", RecordKind.Set, P.setSize);
    kinds.tagged("[object WeakMap]", RecordKind.WeakMap, (object) => P.weakMapHas(object, {}));
    kinds.tagged("[object WeakSet]", RecordKind.WeakSet, (object) => P.weakSetHas(object, {}));

    // Weak collections are filled after the walk: an entry travels only if its key is reachable otherwise.
    function describeWeakCollection(capture, collection, index, kind) {
        const plan = { kind, collection, entries: [], keysTaken: P.ownedSet(), body: capture.describeBody(collection, index) };
        capture.weakCollections[capture.weakCollections.length] = [plan, index];
        return plan;
    }

    // Keys and values alternate.
    function readEntryPairs(decoder, reader, kind, id) {
        return decoder.readBody(reader, {
            kind, id, entries: decoder.readValues(reader, 2 * reader.varint()),
            prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
        });
    }

    function readEntryValues(decoder, reader, kind, id) {
        return decoder.readBody(reader, {
            kind, id, entries: decoder.readValues(reader, reader.varint()),
            prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
        });
    }

    function writeEntries(capture, writer, plan) {
        writer.varint(plan.entries.length / 2);
        for (let itemIndex = 0, itemList = plan.entries; itemIndex < itemList.length; ++itemIndex) {
            const item = itemList[itemIndex];
            capture.writeValue(writer, item);
        }
    }

    function entryReferences(plan, visit) {
        visitAll(plan.entries, visit);
    }

    kinds.define(RecordKind.Map, {
        hasBody: true,
        describe(capture, map, index) {
            // forEach makes no result object or [key, value] pair per entry, unlike an iterator.
            const entries = [];
            P.mapForEach(map, (value, key) => {
                capture.reach(key, index, "<map key>");
                capture.reach(value, index, "<map value>");
                entries[entries.length] = key;
                entries[entries.length] = value;
            });
            return { kind: RecordKind.Map, entries, body: capture.describeBody(map, index) };
        },
        write: writeEntries,
        references: entryReferences,
        read: readEntryPairs,
        create(restore, index) {
            restore.set(index, new P.Map());
        },
        // Reflect.apply with a fresh argument list is compiled into a plain call; the uncurried primordials go through a
        // bound Function.prototype.call, several times slower per entry.
        fill(restore, index, record) {
            const map = restore.objects[index];
            const entries = record.entries;
            for (let i = 0; i < entries.length; i += 2)
                P.apply(mapSetMethod, map, [restore.resolve(entries[i]), restore.resolve(entries[i + 1])]);
        },
        toldByBrand: true,
    });

    kinds.define(RecordKind.Set, {
        hasBody: true,
        describe(capture, set, index) {
            const values = [];
            P.setForEach(set, (value) => {
                capture.reach(value, index, "<set value>");
                values[values.length] = value;
            });
            return { kind: RecordKind.Set, values, body: capture.describeBody(set, index) };
        },
        write(capture, writer, plan) {
            writer.varint(plan.values.length);
            for (let itemIndex = 0, itemList = plan.values; itemIndex < itemList.length; ++itemIndex) {
                const item = itemList[itemIndex];
                capture.writeValue(writer, item);
            }
        },
        references(plan, visit) {
            visitAll(plan.values, visit);
        },
        read: readEntryValues,
        create(restore, index) {
            restore.set(index, new P.Set());
        },
        fill(restore, index, record) {
            const set = restore.objects[index];
            const entries = record.entries;
            for (let i = 0; i < entries.length; ++i)
                P.apply(setAddMethod, set, [restore.resolve(entries[i])]);
        },
        toldByBrand: true,
    });

    kinds.define(RecordKind.WeakMap, {
        hasBody: true,
        describe(capture, collection, index) {
            return describeWeakCollection(capture, collection, index, RecordKind.WeakMap);
        },
        write: writeEntries,
        references: entryReferences,
        read: readEntryPairs,
        create(restore, index) {
            restore.set(index, new P.WeakMap());
        },
        fill(restore, index, record) {
            for (let i = 0; i < record.entries.length; i += 2) {
                const key = restore.resolve(record.entries[i]);
                P.weakMapSet(restore.objects[index], key, restore.resolve(record.entries[i + 1]));
                registry.trackWeakKey(restore.objects[index], key);
            }
        },
        toldByBrand: true,
    });

    kinds.define(RecordKind.WeakSet, {
        hasBody: true,
        describe(capture, collection, index) {
            return describeWeakCollection(capture, collection, index, RecordKind.WeakSet);
        },
        write(capture, writer, plan) {
            writer.varint(plan.entries.length);
            for (let itemIndex = 0, itemList = plan.entries; itemIndex < itemList.length; ++itemIndex) {
                const item = itemList[itemIndex];
                capture.writeValue(writer, item);
            }
        },
        references: entryReferences,
        read: readEntryValues,
        create(restore, index) {
            restore.set(index, new P.WeakSet());
        },
        fill(restore, index, record) {
            for (let i = 0; i < record.entries.length; ++i) {
                const key = restore.resolve(record.entries[i]);
                P.weakSetAdd(restore.objects[index], key);
                registry.trackWeakKey(restore.objects[index], key);
            }
        },
        toldByBrand: true,
    });

    offload.addMethods(offload.Capture, class WeakEntries {
        // Adds the entries of weak collections whose keys have become reachable; true if anything was added.
        growWeakCollections() {
            let grew = false;
            for (let planIndex = 0, planList = this.weakCollections; planIndex < planList.length; ++planIndex) {
                const plan = planList[planIndex][0], index = planList[planIndex][1];
                const references = registry.weakCollectionKeys.get(plan.collection) || [];
                for (let referenceIndex = 0, referenceList = references; referenceIndex < referenceList.length; ++referenceIndex) {
                    const reference = referenceList[referenceIndex];
                    const key = P.weakRefDeref(reference);
                    if (key === undefined || plan.keysTaken.has(key) || !this.indexOf.has(key))
                        continue;
                    if (plan.kind === RecordKind.WeakMap) {
                        if (!P.weakMapHas(plan.collection, key))
                            continue;
                        const value = P.weakMapGet(plan.collection, key);
                        this.reach(value, index, "<weak map value>");
                        appendPair(plan.entries, key, value);
                    } else {
                        if (!P.weakSetHas(plan.collection, key))
                            continue;
                        plan.entries[plan.entries.length] = key;
                    }
                    plan.keysTaken.add(key);
                    grew = true;
                }
            }
            return grew;
        }
    });
})
