/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Private names (Instrumentation.md, "Private names"): the private elements an object carries travel in its
// ObjectBody (SnapshotFormat.md, PrivateElements), whatever its kind. The capture reads them through the arrows each
// class with private names hands over (registry.privateClasses); the restore adds the names by constructing the class
// (stampPrivateNames; for a class without extends, by making the object with it: findPrebound) and writes the fields
// back.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format } = offload;
    const { RecordKind } = Format;
    const registry = offload.registry;

    offload.addMethods(offload.Capture, class PrivateNamesCapture {
        // The private names an object carries (Rewriter::emitPrivateNames): the static fields of a class with private
        // names, and for each live class whose instance names it carries, that class's fields. Entries are in a
        // canonical order: by class literal, then by the class's stable id.
        describePrivates(object, index) {
            let entries = null;
            if (typeof object === "function") {
                const own = registry.privateClasses.get(object);
                if (own && own.staticGet)
                    entries = [[object, true, this.readPrivateFields(own, own.staticGet, undefined, index)]];
            }
            // Every object is tested against every live class with instance names: a loop, no iterator per object.
            const branded = this.brandedClasses;
            for (let i = 0; i < branded.length; ++i) {
                const cls = branded[i][0];
                const info = branded[i][1];
                if (!info.brand(object))
                    continue;
                const values = info.get ? this.readPrivateFields(info, info.get, object, index) : [];
                if (!entries)
                    entries = [];
                entries[entries.length] = [cls, false, values];
            }
            if (!entries)
                return null;
            if (entries.length > 1) {
                const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
                const compare = (a, b) => order(registry.privateClasses.get(a[0]).literal, registry.privateClasses.get(b[0]).literal) || order(this.runtime.idFor(a[0]), this.runtime.idFor(b[0])) || (a[1] ? -1 : 1);
                // An insertion sort: there are few entries, and Array.prototype.sort may be the program's.
                for (let i = 1; i < entries.length; ++i) {
                    const entry = entries[i];
                    let j = i - 1;
                    for (; j >= 0 && compare(entries[j], entry) > 0; --j)
                        entries[j + 1] = entries[j];
                    entries[j + 1] = entry;
                }
            }
            for (let clsIndex = 0, clsList = entries; clsIndex < clsList.length; ++clsIndex) {
                const cls = clsList[clsIndex][0], isStatic = clsList[clsIndex][1], values = clsList[clsIndex][2];
                const info = registry.privateClasses.get(cls);
                const literal = registry.literals.get(info.literal);
                this.reach(cls, index, "<class of private names>");
                const names = (literal && literal.privateNames && (isStatic ? literal.privateNames.staticFields : literal.privateNames.fields)) || [];
                for (let i = 0; i < values.length; ++i)
                    this.reach(values[i], index, names[i] || `<private field ${i}>`);
            }
            return entries;
        }

        readPrivateFields(info, get, object, index) {
            try {
                return get(object);
            } catch {
                this.fail(index, `its private fields of ${this.className(info.literal)} are only partly there (its constructor threw while adding them)`);
            }
        }

        className(literalId) {
            const literal = registry.literals.get(literalId);
            return literal && literal.name ? `class ${literal.name}` : `the class ${literalId}`;
        }

        // Objects whose private names only constructing their class can add again (the class is not a subclass, so
        // its constructor makes a new ordinary object): one such class at most, on a plain object.
        checkPrivates(plan, index) {
            let baseClasses = 0;
            for (let clsIndex = 0, clsList = plan.body.privates; clsIndex < clsList.length; ++clsIndex) {
                const cls = clsList[clsIndex][0], isStatic = clsList[clsIndex][1];
                if (isStatic)
                    continue;
                const literalId = registry.privateClasses.get(cls).literal;
                const literal = registry.literals.get(literalId);
                if (!literal || literal.privateNames.derived)
                    continue;
                if (plan.kind !== RecordKind.Object)
                    this.fail(index, `it carries the private names of ${this.className(literalId)}, which has no extends clause, but is not a plain object: only its constructor could add them again, to an object of its own`);
                if (++baseClasses > 1)
                    this.fail(index, "it carries the private names of two classes without extends clauses, which no construction could give one object again");
            }
        }

        // Code made inside a class with private names must be made inside the same evaluation of the class again; the
        // evaluation is the one made in the same scope instance, which must be unique.
        reachClassEvaluation(scope, sid, literalIndex, index) {
            const literalId = `${sid}:${literalIndex}`;
            const live = registry.classEvaluationsIn(scope, literalId);
            if (live.length !== 1) {
                this.fail(index, live.length
                    ? `${this.className(literalId)} was evaluated ${live.length} times in the same scope, so which evaluation's private names this code uses cannot be told`
                    : `${this.className(literalId)}, whose private names this code uses, is gone`);
            }
            this.reach(live[0], index, "<class of private names>");
        }
    });

    offload.addMethods(offload.Restore, class PrivateNamesRestore {
        // What the class of a private-names entry declares; the entry's class must be a class with private names.
        privateNamesOf(classRef, index) {
            const classRecord = this.records[classRef.index];
            const names = classRecord.kind === RecordKind.Function ? this.literal(classRecord.literal).privateNames : null;
            if (!names)
                this.fail(`record ${index} carries private names of record ${classRef.index}, which is not a class with private names`);
            return names;
        }

        // Objects that carry the private names of subclasses get them by constructing each such class with `super()`
        // returning the object: the class's constructor body and field initializers do not run during a restore
        // (Rewriter::emitPrivateNames), so this only adds the names (and public fields, removed again).
        stampPrivateNames() {
            for (let i = 0; i < this.privateIndices.length; ++i) {
                const index = this.privateIndices[i];
                const privates = this.records[index].body.privates;
                for (let entry = 0; entry < privates.length; ++entry) {
                    const classRef = privates[entry][0];
                    const isStatic = privates[entry][1];
                    if (!isStatic && this.privateNamesOf(classRef, index).derived)
                        this.construct(this.objects[classRef.index], this.objects[index]);
                }
            }
        }

        // Constructs `cls` during a restore; with `object`, its super() returns that object. Returns what was made, its
        // own properties (public fields) removed.
        construct(cls, object) {
            const parent = P.getPrototypeOf(cls);
            const keys = object ? P.ownedSet(P.ownKeys(object)) : null;
            if (object)
                P.setPrototypeOf(cls, function () {
                    return object;
                });
            const wasRestoring = offload.hooks.r;
            offload.hooks.r = true;
            let made;
            try {
                made = P.construct(cls, [], cls);
            } finally {
                offload.hooks.r = wasRestoring;
                if (object)
                    P.setPrototypeOf(cls, parent);
            }
            for (const key of P.ownKeys(made)) {
                if (!keys || !keys.has(key))
                    P.deleteProperty(made, key);
            }
            return made;
        }

        // Runs after the bodies are filled, when Array.prototype holds the program's methods again: loops only.
        writePrivateFields() {
            for (let index = 0; index < this.records.length; ++index) {
                const record = this.records[index];
                const privates = record.body && record.body.privates;
                if (!privates)
                    continue;
                const object = this.objects[index];
                for (let entry = 0; entry < privates.length; ++entry) {
                    const classRef = privates[entry][0];
                    const isStatic = privates[entry][1];
                    const values = privates[entry][2];
                    const names = this.privateNamesOf(classRef, index);
                    const info = registry.privateClasses.get(this.objects[classRef.index]);
                    const declared = isStatic ? names.staticFields : names.fields;
                    if (!info || values.length !== declared.length)
                        this.fail(`record ${index} has ${values.length} private fields of class record ${classRef.index}, which declares ${declared.length}`);
                    if (!isStatic && !info.brand(object))
                        this.fail(`record ${index} did not get the private names of class record ${classRef.index}`);
                    if (!values.length)
                        continue;
                    const resolved = [];
                    for (let i = 0; i < values.length; ++i)
                        resolved[i] = this.resolve(values[i]);
                    if (isStatic)
                        info.staticSet(resolved);
                    else
                        info.set(object, resolved);
                }
            }
        }
    });
})
