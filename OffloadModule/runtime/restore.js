/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Restore: rebuilds a captured heap in a fresh global object whose scripts have been declared but not run. Plain
// objects are made empty first; functions are re-created from the app's own instrumented script text (never from the
// snapshot) inside synthesized scopes that declare each captured scope's bindings, so that closures which shared a
// scope share it again; then bindings, properties and prototypes are filled in. No user code runs.
//
// This file holds the passes (run) and the filling of ObjectBodies; each record's object is made and filled by the
// handler of its kind (kinds.js, kinds/*.js). The Restore's other methods are in scope-synthesis.js,
// function-synthesis.js and home-objects.js (the synthesized scripts), private-names.js, and the kind files for the
// kind-specific passes (bindRoots, createSymbols, findShapeArguments, createBuffers, …).
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Ref, Decoder } = offload;
    const { RecordKind, PropertyAttribute } = Format;
    const registry = offload.registry;
    const kinds = offload.kinds.table;
    const { RestoreList } = offload.kinds;

    // Object.is without a call.
    function sameValue(a, b) {
        return a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b;
    }

    const { listIncludes } = P;
    const { templatePrefix } = Format.ExtraRoot;

    class RestoreError extends Error {
        constructor(message) {
            super(message);
            this.name = "OffloadRestoreError";
        }
    }

    // An array of `size` copies of `value`, made by the engine's own fill (several times faster than a loop).
    const fillMethod = P.Array.prototype.fill;
    function filledArray(size, value) {
        const array = new P.Array(size);
        P.apply(fillMethod, array, [value]);
        return array;
    }

    // A set and a map keyed by record index (the map also takes `global:sid` keys): arrays rather than hash tables,
    // because a restore asks them about every record. Made full of `undefined`, not holes: a hole would be looked up
    // on Array.prototype, which holds the program's own properties once the bodies are filled.
    class IndexSet {
        constructor(size) {
            this.flags = new P.Uint8Array(size);
        }

        add(index) {
            this.flags[index] = 1;
        }

        has(index) {
            return this.flags[index] === 1;
        }
    }

    class IndexMap {
        constructor(size) {
            this.values = filledArray(size, undefined);
            this.others = P.ownedMap();
        }

        get(key) {
            return typeof key === "number" ? this.values[key] : this.others.get(key);
        }

        set(key, value) {
            if (typeof key === "number")
                this.values[key] = value;
            else
                this.others.set(key, value);
        }

        has(key) {
            return this.get(key) !== undefined;
        }
    }

    // Made without a prototype: a field the program put on Object.prototype would otherwise be read as part of it.
    const readOnlyDescriptor = P.Object.freeze(P.objectCreate(null, { writable: { value: false, enumerable: true } }));

    class Restore {
        constructor(runtime, bytes, blobBodies) {
            this.runtime = runtime;
            this.decoded = new Decoder(bytes, blobBodies, runtime.intrinsics).decode();
            this.records = this.decoded.records;
            const count = this.records.length;
            this.objects = filledArray(count, undefined);
            // Flags by record index (0 or 1).
            this.created = new P.Uint8Array(count);
            this.existing = new P.Uint8Array(count);
            this.setters = filledArray(count, undefined);
            this.descriptors = [];
            this.objectPrototypeChanged = false;
            this.stop = { restoreStop: true };
        }

        fail(message) {
            throw new RestoreError(`Cannot restore snapshot: ${message}`);
        }

        // A built-in object of record `index` made from values the snapshot gives (a RegExp's flags, a buffer's
        // sizes): the engine's own check of them is the snapshot's, and a refusal says which record broke it.
        make(index, kind, construct) {
            try {
                return construct();
            } catch (error) {
                this.fail(`record ${index} cannot be made as a ${kind}: ${error && error.message}`);
            }
        }

        record(ref) {
            return this.records[ref.index];
        }

        literal(id) {
            const literal = registry.literals.get(id);
            if (!literal)
                this.fail(`function literal ${id} belongs to no declared script`);
            return literal;
        }

        template(id) {
            const template = registry.templates.get(id);
            if (!template)
                this.fail(`scope template ${id} belongs to no declared script`);
            return template;
        }

        resolve(value) {
            if (!(value instanceof Ref))
                return value;
            if (!this.created[value.index])
                this.createDeferred(value.index);
            return this.objects[value.index];
        }

        set(index, object, existing = false) {
            this.objects[index] = object;
            this.created[index] = 1;
            this.existing[index] = existing ? 1 : 0;
        }

        // The indices of the records that passes look at apart, in ascending order, in the list their kind's handler
        // names (kinds.RestoreList): each pass then visits its own records rather than every record (a restore has
        // tens of thousands). Index loops: no closure per record.
        classify() {
            const records = this.records;
            // One list per RestoreList value but None.
            const lists = [null, [], [], [], [], [], []];
            this.privateIndices = [];
            for (let index = 0; index < records.length; ++index) {
                const record = records[index];
                const list = lists[kinds[record.kind].restoreList];
                if (list !== null)
                    list[list.length] = index;
                if (record.body && record.body.privates)
                    this.privateIndices[this.privateIndices.length] = index;
            }
            this.scopeIndices = lists[RestoreList.Scopes];
            this.functionIndices = lists[RestoreList.Functions];
            this.intrinsicIndices = lists[RestoreList.Intrinsics];
            this.symbolIndices = lists[RestoreList.Symbols];
            this.argumentsIndices = lists[RestoreList.Arguments];
            this.bufferIndices = lists[RestoreList.Buffers];
        }

        run() {
            for (const scriptId of this.decoded.scripts) {
                if (!registry.scripts.has(scriptId))
                    this.fail(`script ${scriptId} is not declared in this context`);
            }
            registry.orderScripts(this.decoded.scripts);
            // Plain variables: after fillBodies, Array.prototype.push may be the program's.
            const start = P.dateNow();
            this.classify();
            this.bindRoots();
            this.createSymbols();
            this.findPrebound();
            this.findHomes();
            this.findShapeArguments();
            this.createShells();
            const shellsMade = P.dateNow();
            this.createFunctions();
            this.createRemaining();
            this.stampPrivateNames();
            const functionsMade = P.dateNow();
            this.runSetters();
            this.fillBodies();
            this.writePrivateFields();
            const filled = P.dateNow();
            this.finish();
            const finished = P.dateNow();
            // Where a restore spends its time, for benchmarks.
            this.timings = { shells: shellsMade - start, functions: functionsMade - shellsMade, fill: filled - functionsMade, finish: finished - filled };
        }

        // The records nothing asked for yet (proxies, promises, bound functions, … that no function or scope needed).
        // A method of its own: this runs once per restore, and JavaScriptCore compiles a small function sooner.
        createRemaining() {
            const created = this.created;
            const count = this.records.length;
            for (let index = 0; index < count; ++index) {
                if (!created[index])
                    this.createDeferred(index);
            }
        }

        // Rebuilds the records of a synthetic snapshot (runtime.js, warmUp): plain data only, no global object, no
        // scopes or functions; ids are not given out, so the runtime's state stays as it was.
        runSynthetic() {
            this.classify();
            this.findPrebound();
            this.findShapeArguments();
            this.createShells();
            for (let index = 0; index < this.records.length; ++index) {
                if (!this.created[index])
                    this.fail(`synthetic record ${index} (kind ${this.records[index].kind}) is not plain data`);
            }
            this.fillBodies();
            return this.resolve(this.decoded.global);
        }

        propertyValue(record, key) {
            const properties = record.body.properties;
            for (let i = 0; i < properties.length; i += 4) {
                if (properties[i] === key)
                    return properties[i + 2];
            }
            return undefined;
        }

        createShells() {
            // Buffers before the views on them (kinds/buffers.js).
            this.createBuffers();
            const created = this.created;
            const prebound = this.prebound.flags;
            const classMade = this.classMade.flags;
            const records = this.records;
            const objectPrototype = this.objectPrototypeChanged ? null : P.Object.prototype;
            for (let index = 0; index < records.length; ++index) {
                if (created[index] || prebound[index] || classMade[index])
                    continue;
                const record = records[index];
                // The most common kinds, made here without a call (as kinds/objects.js and kinds/arrays.js make them).
                if (record.kind === RecordKind.Object) {
                    // An object inheriting from the unchanged Object.prototype is made with it (applyBody).
                    this.objects[index] = P.objectCreate(objectPrototype !== null && record.prototype === objectPrototype ? objectPrototype : null);
                    created[index] = 1;
                } else if (record.kind === RecordKind.Array) {
                    const array = [];
                    array.length = record.length;
                    this.objects[index] = array;
                    created[index] = 1;
                } else
                    this.createShell(index);
            }
            this.detachBuffers();
        }

        // The object of a record whose kind needs no other object first, made empty (its handler's create); other
        // kinds are made by the synthesized scripts (functions, scopes) or on first use (createDeferred).
        createShell(index) {
            const record = this.records[index];
            const handler = kinds[record.kind];
            if (handler.create !== null)
                handler.create(this, index, record);
        }

        // Proxies and bound functions, made on first use: their targets may be functions, proxies or bound functions.
        // So are promises, their resolving functions and combinators, and revoke functions (the handlers'
        // createDeferred).
        createDeferred(index) {
            const record = this.records[index];
            if (this.creating && this.creating.has(index))
                this.fail(`record ${index} depends on itself`);
            this.creating = this.creating || P.ownedSet();
            this.creating.add(index);
            const handler = kinds[record.kind];
            if (handler.createDeferred === null) {
                this.creating.delete(index);
                this.fail(`record ${index} (kind ${record.kind}) is used before it is rebuilt`);
            }
            handler.createDeferred(this, index, record);
            this.creating.delete(index);
        }

        resolveNow(value) {
            if (value instanceof Ref && !this.created[value.index])
                this.fail(`a captured \`this\` (record ${value.index}) is needed before it can be rebuilt`);
            return this.resolve(value);
        }

        // One descriptor per attribute combination, refilled for each property: defineProperty only reads it, right
        // away. It has no prototype, so nothing the program put on Object.prototype becomes a field of it.
        descriptorFor(attributes, value, setter) {
            let descriptor = this.descriptors[attributes];
            if (attributes & PropertyAttribute.Accessor) {
                const get = this.resolve(value);
                const set = this.resolve(setter);
                if ((get !== undefined && typeof get !== "function") || (set !== undefined && typeof set !== "function"))
                    this.fail("an accessor property's getter or setter is neither a function nor undefined");
                if (!descriptor) {
                    descriptor = P.objectCreate(null);
                    descriptor.get = undefined;
                    descriptor.set = undefined;
                    descriptor.enumerable = !!(attributes & PropertyAttribute.Enumerable);
                    descriptor.configurable = !!(attributes & PropertyAttribute.Configurable);
                    this.descriptors[attributes] = descriptor;
                }
                descriptor.get = get;
                descriptor.set = set;
                return descriptor;
            }
            const resolved = this.resolve(value);
            if (!descriptor) {
                descriptor = P.objectCreate(null);
                descriptor.value = undefined;
                descriptor.writable = !!(attributes & PropertyAttribute.Writable);
                descriptor.enumerable = !!(attributes & PropertyAttribute.Enumerable);
                descriptor.configurable = !!(attributes & PropertyAttribute.Configurable);
                this.descriptors[attributes] = descriptor;
            }
            descriptor.value = resolved;
            return descriptor;
        }

        applyBody(index, record) {
            const object = this.objects[index];
            const body = record.body;
            const prototype = this.resolve(body.prototype);
            if (prototype !== null && typeof prototype !== "object" && typeof prototype !== "function")
                this.fail(`the prototype of record ${index} is neither an object nor null`);
            const properties = body.properties;
            // A plain object made here has no properties yet, and no prototype or the unchanged Object.prototype
            // (createShell), whose only setter is `__proto__`'s and whose data properties are all writable: assigning
            // a property then defines it as writable, enumerable and configurable without running any code, and is
            // several times faster than defineProperty. `__proto__` is left to defineProperty.
            const current = P.getPrototypeOf(object);
            const unchangedObjectPrototype = current === P.Object.prototype && !this.objectPrototypeChanged;
            const existing = this.existing[index] === 1;
            if (record.kind === RecordKind.Object && !existing && (current === null || unchangedObjectPrototype)) {
                this.assignProperties(index, object, properties);
                if (prototype !== current && !P.setPrototypeOf(object, prototype))
                    this.fail(`cannot set the prototype of record ${index}`);
                if (!body.extensible)
                    P.preventExtensions(object);
                return;
            }
            if (current !== prototype) {
                if (!P.setPrototypeOf(object, prototype))
                    this.fail(`cannot set the prototype of record ${index}`);
                // A Map, a Date, … made here with its kind's prototype and given another: the next capture must tell
                // its kind by brand, as it did this time (registry.reprototyped). Functions, arrays and views are
                // told by internal slots, whatever their prototype.
                if (kinds[record.kind].toldByBrand && !registry.reprototyped.has(object))
                    registry.reprototyped.set(object, current);
            }
            if (!properties.length && !existing) {
                if (record.kind === RecordKind.Array && body.lengthIsReadOnly)
                    P.defineProperty(object, "length", readOnlyDescriptor);
                if (!body.extensible)
                    P.preventExtensions(object);
                return;
            }
            // Made at its size: growing an array as it is filled costs more than the constructor's call.
            const keys = new P.Array(properties.length / 4);
            for (let i = 0; i < properties.length; i += 4)
                keys[i / 4] = typeof properties[i] === "string" ? properties[i] : this.resolve(properties[i]);
            const skip = existing ? this.skippedKeys(record) : null;
            // Whether a function's own keys will come out in the captured order without restoreOrder: the keys it
            // keeps are, in its order, the first captured keys (the others are added behind them in order), and no
            // kept key changes kind (a data property made an accessor may move). Only functions: other objects the
            // engine made (arguments objects, errors) list properties it makes lazily, which defining may move.
            let inOrder = existing && record.kind === RecordKind.Function;
            if (existing) {
                // Most objects the engine made (functions, class prototypes) have a handful of keys: a linear search
                // is cheaper than making a collection.
                const wanted = keys.length > 16 ? P.ownedSet(keys) : null;
                const present = P.ownKeys(object);
                let kept = 0;
                for (let i = 0; i < present.length; ++i) {
                    const key = present[i];
                    if (wanted ? wanted.has(key) : listIncludes(keys, key)) {
                        if (inOrder && keys[kept] === key && !(properties[4 * kept + 1] & PropertyAttribute.Accessor))
                            ++kept;
                        else
                            inOrder = false;
                    } else if (!(skip && skip(key)) && !P.deleteProperty(object, key))
                        this.fail(`cannot delete property ${P.String(key)} of record ${index}`);
                }
            }
            // A function made here that is not a class has its own `length` and `name`, configurable only: those that
            // keep their values need no defineProperty (reading them runs no code). A class may hold static members
            // of those names.
            const madeFunction = record.kind === RecordKind.Function && this.literal(record.literal).kind !== "class";
            for (let i = 0; i < properties.length; i += 4) {
                const key = keys[i / 4];
                if (madeFunction && (key === "length" || key === "name") && properties[i + 1] === PropertyAttribute.Configurable && sameValue(object[key], properties[i + 2]))
                    continue;
                if (!P.defineProperty(object, key, this.descriptorFor(properties[i + 1], properties[i + 2], properties[i + 3])))
                    this.fail(`cannot define property ${P.String(key)} of record ${index}`);
            }
            if (existing && record.kind !== RecordKind.Global && !inOrder)
                this.restoreOrder(index, object, keys, properties, skip);
            if (record.kind === RecordKind.Array && body.lengthIsReadOnly)
                P.defineProperty(object, "length", readOnlyDescriptor);
            if (!body.extensible)
                P.preventExtensions(object);
        }

        // The properties of a plain object made here (applyBody); a small function, compiled early.
        assignProperties(index, object, properties) {
            for (let i = 0; i < properties.length; i += 4) {
                const key = typeof properties[i] === "string" ? properties[i] : this.resolve(properties[i]);
                if (properties[i + 1] === Format.plainDataProperty && key !== "__proto__") {
                    const value = properties[i + 2];
                    object[key] = value instanceof Ref ? this.resolve(value) : value;
                } else if (!P.defineProperty(object, key, this.descriptorFor(properties[i + 1], properties[i + 2], properties[i + 3])))
                    this.fail(`cannot define property ${P.String(key)} of record ${index}`);
            }
        }

        // Keys the record does not list because they are implied (array elements, a string wrapper's characters).
        skippedKeys(record) {
            const handler = kinds[record.kind];
            return handler.skippedKeys === null ? null : handler.skippedKeys(record);
        }

        // Properties of objects the engine made (functions, errors) may come in another order than captured.
        restoreOrder(index, object, keys, properties, skip) {
            // Deleting an index an arguments object maps would unmap it: those stay where they are.
            const record = this.records[index];
            const aliased = record.kind === RecordKind.Arguments && record.aliased.length ? record.aliased : null;
            const own = P.ownKeys(object);
            let actual = own;
            if (skip) {
                actual = [];
                for (let i = 0; i < own.length; ++i) {
                    if (!skip(own[i]))
                        actual[actual.length] = own[i];
                }
            }
            let first = 0;
            while (first < keys.length && actual[first] === keys[first])
                ++first;
            if (first === keys.length && actual.length === keys.length)
                return;
            for (let i = first; i < keys.length; ++i) {
                if (aliased && typeof keys[i] === "string" && listIncludes(aliased, +keys[i]))
                    continue;
                const descriptor = P.getOwnPropertyDescriptor(object, keys[i]);
                if (descriptor && descriptor.configurable) {
                    P.deleteProperty(object, keys[i]);
                    P.defineProperty(object, keys[i], this.descriptorFor(properties[4 * i + 1], properties[4 * i + 2], properties[4 * i + 3]));
                }
            }
        }

        // Array.prototype may hold the program's own methods once its record is filled: from here on, the restore
        // calls none of them (index loops, saved built-ins).
        fillBodies() {
            const records = this.records;
            for (let index = 0; index < records.length; ++index) {
                const record = records[index];
                const handler = kinds[record.kind];
                if (!handler.hasBody)
                    continue;
                // The loops over elements and entries are small functions of their own (the handlers' fill):
                // JavaScriptCore compiles a small function sooner than this one, which runs once per restore.
                if (handler.fill !== null)
                    handler.fill(this, index, record);
                this.applyBody(index, record);
            }
        }

        finish() {
            const runtime = this.runtime;
            // Each tagged template site gives its captured strings object again.
            const extraRoots = this.decoded.extraRoots;
            for (let i = 0; i < extraRoots.length; ++i) {
                const name = extraRoots[i][0];
                if (P.stringSlice(name, 0, templatePrefix.length) === templatePrefix)
                    registry.adoptTemplateObject(P.stringSlice(name, templatePrefix.length), this.resolve(extraRoots[i][1]));
            }
            runtime.pending = this.resolve(this.decoded.pending);
            runtime.turn = this.decoded.turn;
            // A loop: by now Array.prototype.forEach is the program's own if it replaced it. The id tables are the
            // runtime's (runtime.setId), filled directly: one call fewer for each record.
            const objectIds = runtime.objectIds;
            const symbolIds = runtime.symbolIds;
            const objects = this.objects;
            const records = this.records;
            for (let index = 0; index < records.length; ++index) {
                const value = objects[index];
                if (typeof value === "symbol")
                    symbolIds.set(value, records[index].id);
                else
                    objectIds.set(value, records[index].id);
            }
            runtime.nextObjectId = this.decoded.nextObjectId;
        }
    }

    offload.Restore = Restore;
    offload.RestoreError = RestoreError;
    offload.IndexSet = IndexSet;
    offload.IndexMap = IndexMap;
})
