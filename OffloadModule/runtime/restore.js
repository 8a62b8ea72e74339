/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Restore: rebuilds a captured heap in a fresh global object whose scripts have been declared but not run. Plain
// objects are made empty first; functions are re-created from the app's own instrumented script text (never from the
// snapshot) inside synthesized scopes that declare each captured scope's bindings, so that closures which shared a
// scope share it again; then bindings, properties and prototypes are filled in. No user code runs.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Ref, Decoder } = offload;
    const { RecordKind, PropertyAttribute, PromiseState, ResolvingFunctionKind, noLength } = Format;
    const registry = offload.registry;
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

    // Returns the class text with its heritage expression replaced by `null`: evaluating `extends X` would read
    // bindings that are not restored yet. The prototypes are set from the snapshot afterwards. The instrumenter gives
    // where the expression is (metadata `heritage`), so no comment, string or regular expression in it can mislead.
    function withoutHeritage(literal, text) {
        if (!literal.heritage)
            return text;
        const [start, end] = literal.heritage;
        return `${P.stringSlice(text, 0, start - literal.start)} null ${P.stringSlice(text, end - literal.start)}`;
    }

    // A class with private names is rebuilt with an evaluator in its static block (Rewriter::emitPrivateNames), which
    // runs code inside the class body, where the private names can be used.
    function withEvaluator(text) {
        const call = "__offload.pc(this,null,";
        const at = P.stringIndexOf(text, call);
        if (at < 0)
            throw new RestoreError(`Cannot restore snapshot: a class with private names lacks its registration`);
        return `${P.stringSlice(text, 0, at)}__offload.pc(this,(__ofc)=>eval(__ofc),${P.stringSlice(text, at + call.length)}`;
    }

    // Arguments objects made alone (no scope's `arguments` binding holds them): unmapped, or made by a sloppy function.
    const strictArguments = function () {
        return arguments;
    };
    let sloppyArgumentsFunction = null;
    const sloppyArguments = () => {
        sloppyArgumentsFunction = sloppyArgumentsFunction || P.Function("return arguments");
        return sloppyArgumentsFunction();
    };

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

    const mapSetMethod = P.Map.prototype.set;
    const setAddMethod = P.Set.prototype.add;

    // Made without a prototype: a field the program put on Object.prototype would otherwise be read as part of it.
    const readOnlyDescriptor = P.Object.freeze(P.objectCreate(null, { writable: { value: false, enumerable: true } }));

    // A binding name as the script writes it, before it goes into synthesized code: Unicode letters and digits, `$`,
    // `_`, ZWNJ/ZWJ, and \u escapes, nothing else (matched with the built-in exec).
    const identifierPart = "(?:[\\p{ID_Continue}$\\u200c\\u200d]|\\\\u[0-9a-fA-F]{4}|\\\\u\\{[0-9a-fA-F]+\\})";
    const identifierPattern = new P.RegExp(`^(?:[\\p{ID_Start}$_]|\\\\u[0-9a-fA-F]{4}|\\\\u\\{[0-9a-fA-F]+\\})${identifierPart}*$`, "u");

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

        // The indices of the records of the kinds that passes look at, in ascending order: each pass then visits its
        // own records rather than every record (a restore has tens of thousands). Index loops: no closure per record.
        classify() {
            const records = this.records;
            this.scopeIndices = [];
            this.functionIndices = [];
            this.intrinsicIndices = [];
            this.symbolIndices = [];
            this.argumentsIndices = [];
            this.bufferIndices = [];
            this.promiseIndices = [];
            this.privateIndices = [];
            for (let index = 0; index < records.length; ++index) {
                const record = records[index];
                switch (record.kind) {
                case RecordKind.Scope:
                    this.scopeIndices[this.scopeIndices.length] = index;
                    break;
                case RecordKind.Function:
                    this.functionIndices[this.functionIndices.length] = index;
                    break;
                case RecordKind.Intrinsic:
                    this.intrinsicIndices[this.intrinsicIndices.length] = index;
                    break;
                case RecordKind.Symbol:
                case RecordKind.RegisteredSymbol:
                case RecordKind.WellKnownSymbol:
                    this.symbolIndices[this.symbolIndices.length] = index;
                    break;
                case RecordKind.Arguments:
                    this.argumentsIndices[this.argumentsIndices.length] = index;
                    break;
                case RecordKind.ArrayBuffer:
                    this.bufferIndices[this.bufferIndices.length] = index;
                    break;
                case RecordKind.Promise:
                    this.promiseIndices[this.promiseIndices.length] = index;
                    break;
                }
                if (record.body && record.body.privates)
                    this.privateIndices[this.privateIndices.length] = index;
            }
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

        bindRoots() {
            if (!(this.decoded.global instanceof Ref) || this.record(this.decoded.global).kind !== RecordKind.Global)
                this.fail("the global object is not a Global record");
            this.set(this.decoded.global.index, globalThis, true);
            for (let i = 0; i < this.intrinsicIndices.length; ++i) {
                const index = this.intrinsicIndices[i];
                const record = this.records[index];
                const intrinsic = this.runtime.intrinsics.byPath.get(record.path);
                if (!intrinsic)
                    this.fail(`unknown built-in ${record.path}`);
                this.set(index, intrinsic, true);
                if (intrinsic === P.Object.prototype)
                    this.objectPrototypeChanged = true;
            }
        }

        createSymbols() {
            for (let i = 0; i < this.symbolIndices.length; ++i) {
                const index = this.symbolIndices[i];
                const record = this.records[index];
                if (record.kind === RecordKind.Symbol)
                    this.set(index, P.Symbol(record.description));
                else if (record.kind === RecordKind.RegisteredSymbol)
                    this.set(index, P.symbolFor(record.key));
                else if (record.kind === RecordKind.WellKnownSymbol) {
                    const symbol = this.runtime.intrinsics.symbolByName.get(record.name);
                    if (!symbol)
                        this.fail(`unknown well-known symbol ${record.name}`);
                    this.set(index, symbol);
                }
            }
        }

        // Objects made by evaluating a class: its prototype object and its methods. Objects that carry the private
        // names of a class without an extends clause are made by constructing that class (`madeByClass`).
        findPrebound() {
            this.prebound = new IndexSet(this.records.length);
            this.madeByClass = P.ownedMap();
            this.classMade = new IndexSet(this.records.length);
            for (let i = 0; i < this.privateIndices.length; ++i) {
                const index = this.privateIndices[i];
                const record = this.records[index];
                const privates = record.body.privates;
                for (let entry = 0; entry < privates.length; ++entry) {
                    const classRef = privates[entry][0];
                    const isStatic = privates[entry][1];
                    const names = this.privateNamesOf(classRef, index);
                    if (isStatic) {
                        if (classRef.index !== index)
                            this.fail(`record ${index} holds the static private fields of another record`);
                        continue;
                    }
                    if (names.derived)
                        continue;
                    if (record.kind !== RecordKind.Object || this.classMade.has(index))
                        this.fail(`record ${index} cannot be made by constructing class record ${classRef.index}`);
                    this.classMade.add(index);
                    const list = this.madeByClass.get(classRef.index);
                    if (list)
                        list[list.length] = index;
                    else
                        this.madeByClass.set(classRef.index, [index]);
                }
            }
            for (let i = 0; i < this.functionIndices.length; ++i) {
                const index = this.functionIndices[i];
                const record = this.records[index];
                const literal = this.literal(record.literal);
                if (literal.kind === "class") {
                    const prototype = this.propertyValue(record, "prototype");
                    if (prototype instanceof Ref)
                        this.prebound.add(prototype.index);
                }
                if (this.isClassMember(literal))
                    this.prebound.add(index);
            }
        }

        // The key of the scope a function record was made in (a scope record's index, or the script's global key).
        scopeKeyOf(scope, id) {
            return scope === null ? `global:${P.stringSlice(id, 0, P.stringIndexOf(id, ":"))}` : scope.index;
        }

        // Home objects of object-literal methods that use super, directly or in their arrows. `super` reads the home
        // object's [[Prototype]] when it runs, and a method's home object is the object literal that made it, fixed
        // for good: a method rebuilt in a literal of its own would follow another object's prototype. So such an
        // object is not made empty: it is made by evaluating, in the scope its methods were made in, one object
        // literal `{__proto__: null, m() {…}, …}` holding the captured methods whose home it is (and, as methods too,
        // the synthesized functions of the scopes of calls of those methods, whose arrows use super); its properties
        // are then removed and it is filled like any plain object, its prototype set last. The restored object *is*
        // the home object, so super follows every later change of its prototype, as in the original.
        findHomes() {
            this.homeGroups = P.ownedMap();
            this.homeGroupsOf = P.ownedMap();
            const groupOf = (home, key, literal, index) => {
                if (!(home instanceof Ref))
                    this.fail(`record ${index} has no home object`);
                let group = this.homeGroups.get(home.index);
                if (!group) {
                    const homeRecord = this.records[home.index];
                    if (homeRecord.kind !== RecordKind.Object || this.classMade.has(home.index) || this.prebound.has(home.index))
                        this.fail(`record ${home.index}, the home object of methods that use super, is not a plain object`);
                    group = { home: home.index, key, members: [], shapeInstances: [], script: literal.script, privateClass: literal.privateClass, signature: null };
                    this.homeGroups.set(home.index, group);
                    this.prebound.add(home.index);
                    const list = this.homeGroupsOf.get(key);
                    if (list)
                        list[list.length] = home.index;
                    else
                        this.homeGroupsOf.set(key, [home.index]);
                }
                if (group.key !== key)
                    this.fail(`record ${index} was made in another scope than the other methods of its home object ${home.index}`);
                return group;
            };
            for (let i = 0; i < this.scopeIndices.length; ++i) {
                const index = this.scopeIndices[i];
                const record = this.records[index];
                const template = this.template(record.template);
                if (!template.home)
                    continue;
                const owner = this.literal(`${template.script.sid}:${template.home.literal}`);
                if (owner.kind === "class")
                    continue;
                const homeIndex = this.homeBindingIndex(template);
                const group = groupOf(record.bindings[homeIndex], this.scopeKeyOf(record.parent, record.template), owner, index);
                group.shapeInstances[group.shapeInstances.length] = index;
            }
            // Every object-literal method whose home object is made so is made in that literal, with or without super:
            // the methods that use super make the groups, then every object-literal method joins its home's group.
            const methods = [];
            for (let i = 0; i < this.functionIndices.length; ++i) {
                const index = this.functionIndices[i];
                const record = this.records[index];
                if (!(record.home instanceof Ref))
                    continue;
                const literal = this.literal(record.literal);
                if (!literal.method || literal.owner >= 0)
                    continue;
                methods[methods.length] = index;
                if (literal.usesSuper)
                    groupOf(record.home, this.scopeKeyOf(record.scope, record.literal), literal, index);
            }
            for (let i = 0; i < methods.length; ++i) {
                const record = this.records[methods[i]];
                if (this.homeGroups.has(record.home.index)) {
                    const members = groupOf(record.home, this.scopeKeyOf(record.scope, record.literal), this.literal(record.literal), methods[i]).members;
                    members[members.length] = methods[i];
                }
            }
            const groups = P.valuesOf(this.homeGroups);
            for (let g = 0; g < groups.length; ++g) {
                const group = groups[g];
                // One literal evaluation makes one function per method literal: members are told apart by literal.
                P.arraySort(group.members, (a, b) => (this.records[a].literal < this.records[b].literal ? -1 : this.records[a].literal > this.records[b].literal ? 1 : 0));
                for (let i = 0; i < group.members.length; ++i) {
                    if (i && this.records[group.members[i]].literal === this.records[group.members[i - 1]].literal)
                        this.fail(`records ${group.members[i - 1]} and ${group.members[i]} are made by one method literal for one home object`);
                    this.prebound.add(group.members[i]);
                }
            }
        }

        homeBindingIndex(template) {
            for (let i = 0; i < template.bindings.length; ++i) {
                if (template.bindings[i][1] === "home")
                    return i;
            }
            this.fail(`scope template ${template.script.sid}:${template.index} has a home object but no home binding`);
        }

        // An arguments object that a scope's `arguments` binding holds is made by calling that scope's synthesized
        // function (whose own arguments object it then is, for the closures made in it); the others are made alone.
        findShapeArguments() {
            this.argumentsMaker = P.ownedMap();
            this.argumentsOfScope = P.ownedMap();
            // Scope records whose arguments object stays mapped to some of their parameters: the aliased indices.
            this.aliasedOfScope = P.ownedMap();
            for (let a = 0; a < this.argumentsIndices.length; ++a) {
                const index = this.argumentsIndices[a];
                const record = this.records[index];
                if (record.scope === null)
                    continue;
                const scopeIndex = record.scope.index;
                const scope = this.records[scopeIndex];
                const template = scope.kind === RecordKind.Scope ? this.template(scope.template) : null;
                const literal = template && template.kind === "function" ? registry.literals.get(`${template.script.sid}:${template.function}`) : null;
                if (!literal || !literal.parameters || this.aliasedOfScope.has(scopeIndex))
                    this.fail(`arguments record ${index} is mapped to scope record ${scopeIndex}, which is not the only arguments object of a sloppy function's call`);
                for (let i = 0; i < record.aliased.length; ++i) {
                    const aliased = record.aliased[i];
                    if (aliased >= literal.parameters.length || !this.isAliasable(template, literal, aliased))
                        this.fail(`arguments record ${index} maps index ${aliased} to no parameter that closures read`);
                }
                this.argumentsMaker.set(index, scopeIndex);
                this.argumentsOfScope.set(scopeIndex, index);
                this.aliasedOfScope.set(scopeIndex, this.argumentsStorage(record));
            }
            if (!this.argumentsIndices.length)
                return;
            for (let s = 0; s < this.scopeIndices.length; ++s) {
                const index = this.scopeIndices[s];
                const record = this.records[index];
                const bindings = this.template(record.template).bindings;
                for (let i = 0; i < bindings.length; ++i) {
                    const value = record.bindings[i];
                    if (bindings[i][1] !== "arguments" || !(value instanceof Ref) || this.records[value.index].kind !== RecordKind.Arguments)
                        continue;
                    if (this.argumentsMaker.has(value.index) && this.argumentsMaker.get(value.index) !== index)
                        this.fail(`arguments record ${value.index} belongs to two scopes`);
                    this.argumentsMaker.set(value.index, index);
                    this.argumentsOfScope.set(index, value.index);
                }
            }
        }

        // JavaScriptCore lists the indices an arguments object still holds from its call first, in ascending order
        // (the mapped ones are among them), then the others in the order they were added. So the synthesized
        // function is called with as many arguments as the longest ascending run of the captured indices needs
        // (and the aliased ones); it deletes those of its indices that the run does not hold (shapeArguments), and
        // applyBody adds the others behind them.
        argumentsStorage(record) {
            const properties = record.body.properties;
            const kept = [];
            for (let i = 0; i < properties.length; i += 4) {
                const key = properties[i];
                if (typeof key !== "string" || `${+key}` !== key || (kept.length && +key <= kept[kept.length - 1]))
                    break;
                kept[kept.length] = +key;
            }
            const aliased = record.aliased;
            const lastKept = kept.length ? kept[kept.length - 1] : 0;
            const count = (aliased[aliased.length - 1] > lastKept ? aliased[aliased.length - 1] : lastKept) + 1;
            return { aliased, count, kept };
        }

        // Called by synthesized code: the arguments object of the scope instance being made.
        shapeArguments(instance, args) {
            this.set(this.argumentsOfScope.get(instance), args, true);
            const storage = this.aliasedOfScope.get(instance);
            for (let i = 0; storage && i < storage.count; ++i) {
                if (!listIncludes(storage.kept, i))
                    P.deleteProperty(args, i);
            }
        }

        // Whether the i-th parameter of a sloppy function can be aliased by its arguments object to a binding of its
        // scope template: closures read it (the template lists it) and no later parameter has the same name.
        isAliasable(template, literal, i) {
            const name = literal.parameters[i];
            for (let j = i + 1; j < literal.parameters.length; ++j) {
                if (literal.parameters[j] === name)
                    return false;
            }
            for (let j = 0; j < template.bindings.length; ++j) {
                if (template.bindings[j][0] === name && template.bindings[j][1] === "param")
                    return true;
            }
            return false;
        }

        // The parameter list of the synthesized function of a sloppy function's scope instance whose arguments
        // object stays mapped at the `aliased` indices of its storage (argumentsStorage: called with `count`).
        // An aliased index gets the parameter's own name, so that the function's arguments object maps it to the
        // binding; every other index gets `__ofp`, repeated once more at the end: a sloppy function maps only the
        // last parameter of a name, and that one lies beyond the arguments passed.
        formalParameters(template, storage) {
            const literal = registry.literals.get(`${template.script.sid}:${template.function}`);
            const formals = [];
            for (let i = 0; i < storage.count; ++i)
                formals[formals.length] = listIncludes(storage.aliased, i) ? literal.parameters[i] : "__ofp";
            formals[formals.length] = "__ofp";
            return formals;
        }

        // What the class of a private-names entry declares; the entry's class must be a class with private names.
        privateNamesOf(classRef, index) {
            const classRecord = this.records[classRef.index];
            const names = classRecord.kind === RecordKind.Function ? this.literal(classRecord.literal).privateNames : null;
            if (!names)
                this.fail(`record ${index} carries private names of record ${classRef.index}, which is not a class with private names`);
            return names;
        }

        isClassMember(literal) {
            return !!(literal.method && this.classOf(literal));
        }

        classOf(literal) {
            if (!this.memberClasses) {
                this.memberClasses = P.ownedMap();
                for (const [, candidate] of registry.literals) {
                    for (const member of candidate.members || [])
                        this.memberClasses.set(`${candidate.script.sid}:${member}`, candidate);
                }
            }
            return this.memberClasses.get(literal.id);
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
            // Buffers before the views on them.
            for (let i = 0; i < this.bufferIndices.length; ++i)
                this.createShell(this.bufferIndices[i]);
            const created = this.created;
            const prebound = this.prebound.flags;
            const classMade = this.classMade.flags;
            const records = this.records;
            const objectPrototype = this.objectPrototypeChanged ? null : P.Object.prototype;
            for (let index = 0; index < records.length; ++index) {
                if (created[index] || prebound[index] || classMade[index])
                    continue;
                const record = records[index];
                // The most common kinds, made here without a call.
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
            // Views on a detached buffer were made above while it still had its (empty) storage; transferring a
            // buffer is the one way to detach it.
            for (let i = 0; i < this.bufferIndices.length; ++i) {
                if (this.records[this.bufferIndices[i]].detached)
                    P.arrayBufferTransfer(this.objects[this.bufferIndices[i]]);
            }
        }

        createShell(index) {
            const record = this.records[index];
            switch (record.kind) {
            case RecordKind.Object:
                // An object inheriting from the unchanged Object.prototype is made with it (applyBody).
                this.set(index, P.objectCreate(record.body.prototype === P.Object.prototype && !this.objectPrototypeChanged ? P.Object.prototype : null));
                break;
            case RecordKind.Array: {
                const array = [];
                array.length = record.length;
                this.set(index, array);
                break;
            }
            case RecordKind.Date:
                this.set(index, new P.Date(record.time));
                break;
            case RecordKind.IntlObject:
                this.set(index, this.makeIntl(index, record));
                break;
            case RecordKind.RegExp:
                this.set(index, this.make(index, "RegExp", () => new P.RegExp(record.source, record.flags)));
                this.existing[index] = true;
                break;
            case RecordKind.Error: {
                if (!listIncludes(Format.errorConstructors, record.errorName))
                    this.fail(`error record ${index} names ${P.jsonStringify(record.errorName)}, which is not an error constructor`);
                const constructor = P[record.errorName];
                // The error's own properties (message, stack, errors, …) all come from the record.
                this.set(index, record.errorName === "AggregateError" ? new constructor([]) : new constructor(), true);
                break;
            }
            case RecordKind.Arguments:
                if (!this.argumentsMaker.has(index))
                    this.set(index, record.mapped === Format.ArgumentsMapping.Mapped ? sloppyArguments() : strictArguments(), true);
                break;
            case RecordKind.PrimitiveWrapper: {
                const primitive = this.resolve(record.primitive);
                this.set(index, P.Object(primitive), true);
                break;
            }
            case RecordKind.Map:
                this.set(index, new P.Map());
                break;
            case RecordKind.Set:
                this.set(index, new P.Set());
                break;
            case RecordKind.WeakMap:
                this.set(index, new P.WeakMap());
                break;
            case RecordKind.WeakSet:
                this.set(index, new P.WeakSet());
                break;
            case RecordKind.ArrayBuffer: {
                const options = record.maxByteLength !== noLength ? { maxByteLength: record.maxByteLength - 1 } : undefined;
                const buffer = this.make(index, "ArrayBuffer", () => new P.ArrayBuffer(record.byteLength, options));
                new P.Uint8Array(buffer).set(record.bytes);
                this.set(index, buffer);
                break;
            }
            case RecordKind.TypedArray: {
                const constructor = typedArrayConstructors[record.type];
                if (!constructor)
                    this.fail(`record ${index} is a ${Format.typedArrayTypes[record.type]}, which this engine does not have`);
                const buffer = this.resolve(record.buffer);
                const elementSize = constructor.BYTES_PER_ELEMENT;
                const end = record.byteOffset + (record.length !== noLength ? (record.length - 1) * elementSize : 0);
                this.set(index, makeView(buffer, end, () => (record.length !== noLength ? new constructor(buffer, record.byteOffset, record.length - 1) : new constructor(buffer, record.byteOffset))));
                break;
            }
            case RecordKind.DataView: {
                const buffer = this.resolve(record.buffer);
                const end = record.byteOffset + (record.byteLength !== noLength ? record.byteLength - 1 : 0);
                this.set(index, makeView(buffer, end, () => (record.byteLength !== noLength ? new P.DataView(buffer, record.byteOffset, record.byteLength - 1) : new P.DataView(buffer, record.byteOffset))));
                break;
            }
            default:
                // Functions, scopes, proxies and bound functions need other objects first.
                break;
            }
        }

        // The live proxies whose revoke functions travelled.
        revocableProxies() {
            if (!this.revocable) {
                this.revocable = P.ownedSet();
                this.revokeFunctions = P.ownedMap();
                for (const record of this.records) {
                    if (record.kind === RecordKind.ProxyRevoke && record.proxy instanceof Ref)
                        this.revocable.add(record.proxy.index);
                }
            }
            return this.revocable;
        }

        // Attaches a restored promise's pending reactions, in their order; each makes the reaction's own promise,
        // whose reactions are attached in turn.
        attachReactions(index) {
            for (const [derived, onFulfilled, onRejected] of this.records[index].reactions) {
                const handler = this.resolve(onFulfilled);
                const made = this.resolve(onRejected) === registry.finallyFunction ? this.objects[index].finally(handler) : this.objects[index].then(handler, this.resolve(onRejected));
                if (!(derived instanceof Ref) || this.created[derived.index] || this.records[derived.index].kind !== RecordKind.Promise)
                    this.fail(`a reaction of promise record ${index} has no promise of its own`);
                this.set(derived.index, made, true);
                this.attachReactions(derived.index);
            }
        }

        // Promises made by a reaction (then) belong to the promise whose reaction made them.
        derivedFrom() {
            if (!this.derivedSources) {
                this.derivedSources = P.ownedMap();
                this.records.forEach((record, index) => {
                    if (record.kind === RecordKind.Promise) {
                        for (const [derived] of record.reactions) {
                            if (derived instanceof Ref)
                                this.derivedSources.set(derived.index, index);
                        }
                    }
                });
            }
            return this.derivedSources;
        }

        // Proxies and bound functions, made on first use: their targets may be functions, proxies or bound functions.
        createDeferred(index) {
            const record = this.records[index];
            if (this.creating && this.creating.has(index))
                this.fail(`record ${index} depends on itself`);
            this.creating = this.creating || P.ownedSet();
            this.creating.add(index);
            switch (record.kind) {
            case RecordKind.Proxy: {
                if (record.target === null) {
                    const { proxy, revoke } = P.Proxy.revocable(record.callable ? function () {} : {}, {});
                    revoke();
                    this.set(index, proxy);
                    registry.proxies.set(proxy, { target: null, handler: null, revoked: true });
                    break;
                }
                const target = this.resolve(record.target);
                const handler = this.resolve(record.handler);
                if (this.revocableProxies().has(index)) {
                    // Its revoke function travelled too: made with it by Proxy.revocable (which registers both).
                    const made = P.Proxy.revocable(target, handler);
                    this.revokeFunctions.set(index, made.revoke);
                    this.set(index, made.proxy);
                    break;
                }
                const proxy = new P.Proxy(target, handler);
                registry.proxies.set(proxy, { target, handler, revoked: false });
                this.set(index, proxy);
                break;
            }
            case RecordKind.ProxyRevoke: {
                this.revocableProxies();
                let revoke;
                if (record.proxy === null) {
                    // Revoked already: calling it again does nothing, as for a revoke function that has revoked.
                    revoke = P.Proxy.revocable({}, {}).revoke;
                    revoke();
                } else {
                    if (!(record.proxy instanceof Ref) || this.records[record.proxy.index].kind !== RecordKind.Proxy || this.records[record.proxy.index].target === null)
                        this.fail(`revoke function ${index} does not name a live proxy`);
                    this.resolve(record.proxy);
                    revoke = this.revokeFunctions.get(record.proxy.index);
                    if (!revoke)
                        this.fail(`revoke function ${index} shares its proxy with another`);
                    this.revokeFunctions.delete(record.proxy.index);
                }
                this.set(index, revoke, true);
                break;
            }
            case RecordKind.Promise: {
                const source = this.derivedFrom().get(index);
                if (source !== undefined) {
                    // Made by then() on its source, when the source's reactions are attached.
                    this.resolve(new Ref(source));
                    if (!this.created[index])
                        this.fail(`promise record ${index} was not made by its source's then()`);
                } else {
                    const promiseRecord = registry.newTrackedPromise();
                    this.set(index, promiseRecord.promise, true);
                    // A locked promise is resolved with the promise it follows: the engine links them again.
                    if (record.state !== PromiseState.Pending)
                        promiseRecord.resolvers[record.state === PromiseState.Rejected ? ResolvingFunctionKind.Reject : ResolvingFunctionKind.Resolve](this.resolve(record.result));
                }
                if (source === undefined)
                    this.attachReactions(index);
                break;
            }
            case RecordKind.PromiseCombinator: {
                const state = registry.newCombinatorState(record.type, this.resolve(record.resolve), this.resolve(record.reject));
                this.set(index, state, true);
                state.remaining = record.remaining;
                record.values.forEach((value, i) => {
                    state.values[i] = this.resolve(value);
                    state.called[i] = record.called[i];
                });
                break;
            }
            case RecordKind.PromiseCombinatorElement: {
                const state = this.resolve(record.state);
                if (!registry.combinatorStates.has(state) || record.elementIndex >= state.values.length || record.which > Format.CombinatorElementKind.Rejection)
                    this.fail(`promise combinator element ${index} does not match its combinator`);
                this.set(index, registry.makeCombinatorElement(state, record.elementIndex, record.which), true);
                break;
            }
            case RecordKind.ResolvingFunction: {
                const promise = this.resolve(record.promise);
                const promiseRecord = registry.promises.get(promise);
                if (!promiseRecord || !promiseRecord.resolvers)
                    this.fail(`resolving function record ${index} is not of a promise the runtime made`);
                this.set(index, promiseRecord.resolvers[record.which]);
                break;
            }
            case RecordKind.BoundFunction: {
                const target = this.resolve(record.target);
                if (typeof target !== "function")
                    this.fail(`bound function record ${index} has a target that is not a function`);
                const args = record.args.map((argument) => this.resolve(argument));
                const bound = P.apply(P.functionBind, target, [this.resolve(record.boundThis), ...args]);
                registry.boundFunctions.set(bound, { target, boundThis: this.resolve(record.boundThis), args });
                this.set(index, bound, true);
                break;
            }
            default:
                this.creating.delete(index);
                this.fail(`record ${index} (kind ${record.kind}) is used before it is rebuilt`);
            }
            this.creating.delete(index);
        }

        // Groups scopes and functions by where they are created, then evaluates one synthesized script per app
        // script. Each scope instance becomes a function nested in its parent's, declaring the captured bindings.
        createFunctions() {
            this.childrenOf = new IndexMap(this.records.length);
            this.functionsOf = new IndexMap(this.records.length);
            const add = (map, key, index) => {
                const list = map.get(key);
                if (list)
                    list[list.length] = index;
                else
                    map.set(key, [index]);
            };
            for (let i = 0; i < this.scopeIndices.length; ++i) {
                const index = this.scopeIndices[i];
                const record = this.records[index];
                this.template(record.template);
                add(this.childrenOf, this.scopeKeyOf(record.parent, record.template), index);
            }
            for (let i = 0; i < this.functionIndices.length; ++i) {
                const index = this.functionIndices[i];
                if (this.prebound.has(index))
                    continue;
                const record = this.records[index];
                if (record.scope !== null && !(record.scope instanceof Ref && this.record(record.scope).kind === RecordKind.Scope))
                    this.fail(`function record ${index} has no scope record`);
                add(this.functionsOf, this.scopeKeyOf(record.scope, record.literal), index);
            }

            this.shapeKeys = [];
            this.shapeKeyIds = P.ownedMap();
            this.homeShapes = P.ownedMap();
            // The parent of the classes that rebuild scopes of constructor calls: its construct trap (not user code)
            // hands their super() the captured `this` without reading new.target's prototype.
            const restore = this;
            this.thisGiver = new P.Proxy(function () {}, {
                construct() {
                    return restore.shapeThis;
                },
            });
            this.shapes = [];
            this.shapeByKey = P.ownedMap();
            this.shapeIds = new IndexMap(this.records.length);
            this.shapeFunctions = P.ownedMap();
            // Every instance joins its shape before any code is made: a shape's code serves all of its instances.
            for (let i = 0; i < this.scopeIndices.length; ++i)
                this.shapeOf(this.scopeIndices[i]);
            offload.hooks.r = true;
            this.runtime.restoreContext = this;
            try {
                for (const sid of this.decoded.scripts) {
                    const key = `global:${sid}`;
                    if (this.childrenOf.has(key) || this.functionsOf.has(key))
                        this.evaluateGlobalScript(registry.scripts.get(sid), key);
                }
            } finally {
                offload.hooks.r = false;
                this.runtime.restoreContext = null;
            }
            for (let i = 0; i < this.scopeIndices.length; ++i) {
                if (!this.created[this.scopeIndices[i]])
                    this.fail(`scope record ${this.scopeIndices[i]} was not rebuilt`);
            }
            for (let i = 0; i < this.functionIndices.length; ++i) {
                if (!this.created[this.functionIndices[i]])
                    this.fail(`function record ${this.functionIndices[i]} was not rebuilt`);
            }
        }

        evaluateGlobalScript(script, key) {
            // A script's top-level scope is the root of its scope tree when it has lexical bindings; its children are
            // then nested in it. Roots without a parent hang directly below the global scope.
            let code = script.metadata.strict ? "\"use strict\";" : "";
            const roots = this.childrenOf.get(key) || [];
            const topLevel = [];
            const others = [];
            for (const index of roots) {
                const list = this.template(this.records[index].template).kind === "script" ? topLevel : others;
                list[list.length] = index;
            }
            if (topLevel.length > 1)
                this.fail(`script ${script.sid} has ${topLevel.length} top-level scopes`);
            if (topLevel.length) {
                const shapeId = this.shapeOf(topLevel[0]);
                code += this.scopeBody(shapeId, "__offload.rc", topLevel[0], script.metadata.strict);
                code += this.globalLevel(key, others, script.metadata.strict);
                code += this.deadZoneDeclarations(shapeId, "throw __offload.rc.stop;");
            } else
                code += this.globalLevel(key, others, script.metadata.strict);
            try {
                offload.native.evaluateScript(code, `offload-restore:${script.sid}`);
            } catch (error) {
                if (error !== this.stop)
                    throw error;
            }
        }

        globalLevel(key, childScopes, strict) {
            return `__offload.rc.s(${P.jsonStringify(key)},null,${this.factoriesFor([key], childScopes, strict)},${this.childShapesFor(childScopes, strict)});`;
        }

        bindingNames(template) {
            const names = [];
            template.bindings.forEach(([name, kind], index) => {
                if (kind !== "this" && kind !== "arguments" && kind !== "new.target" && kind !== "home")
                    names[names.length] = [name, index];
            });
            return names;
        }

        // Bindings that were still uninitialized are declared after the statement that ends their synthesized scope
        // (`return` in a function, a `throw` that ends a global script), so they stay in their temporal dead zone.
        deadZoneDeclarations(shapeId, terminator) {
            const shape = this.shapes[shapeId];
            const names = this.bindingNames(shape.template).filter(([, i]) => shape.uninitialized[i] === "u").map(([name]) => name);
            return names.length ? `${terminator}let ${P.arrayJoin(P.valuesOf(P.ownedSet(names)), ",")};` : "";
        }

        // Scope instances of one template are rebuilt by one synthesized function, called once per instance, when
        // they agree on which bindings are uninitialized and which stay const: the *shape*. (Thousands of closures
        // made by one function would otherwise put thousands of copies of its text in the synthesized script.)
        shapeOf(index) {
            let shape = this.shapeIds.get(index);
            if (shape !== undefined)
                return shape;
            const record = this.records[index];
            const template = this.template(record.template);
            if (record.bindings.length !== template.bindings.length)
                this.fail(`scope record ${index} has ${record.bindings.length} bindings, its template ${template.bindings.length}`);
            let uninitialized = "";
            let constants = "";
            let newTargetIndex = -1;
            let homeIndex = -1;
            for (let i = 0; i < template.bindings.length; ++i) {
                const kind = template.bindings[i][1];
                uninitialized += record.bindings[i] === offload.uninitialized ? "u" : "-";
                constants += kind === "const" && record.bindings[i] !== offload.uninitialized && this.isReadyFor(record.bindings[i], index) ? "c" : "-";
                // A scope of a constructor call is rebuilt by constructing its function with the captured new.target.
                if (kind === "new.target" && record.bindings[i] !== undefined && record.bindings[i] !== offload.uninitialized)
                    newTargetIndex = i;
                if (kind === "home")
                    homeIndex = i;
            }
            const makesArguments = this.argumentsOfScope.has(index);
            // Instances whose arguments objects alias other parameters need other parameter lists.
            const aliased = this.aliasedOfScope.get(index);
            const key = `${record.template}|${uninitialized}|${constants}${makesArguments ? "|a" : ""}${newTargetIndex >= 0 ? "|n" : ""}${aliased ? `|${P.arrayJoin(aliased.aliased, ",")}|${aliased.count}` : ""}`;
            shape = this.shapeByKey.get(key);
            if (shape === undefined) {
                shape = this.shapes.length;
                this.shapeByKey.set(key, shape);
                let thisIndex = -1;
                for (let i = 0; i < template.bindings.length && thisIndex < 0; ++i)
                    thisIndex = template.bindings[i][1] === "this" ? i : -1;
                if (newTargetIndex >= 0 && homeIndex >= 0)
                    this.fail(`scope record ${index} needs both new.target and a home object`);
                this.shapes[this.shapes.length] = { template, instances: [], uninitialized, constants, thisIndex, makesArguments, newTargetIndex, homeIndex, aliased };
            }
            this.shapes[shape].instances[this.shapes[shape].instances.length] = index;
            this.shapeIds.set(index, shape);
            return shape;
        }

        // The synthesized code of one scope instance's bindings, handle, functions and children. `instance` is the
        // expression giving the instance's record index at run time.
        scopeBody(shapeId, context, instance, strict) {
            const shape = this.shapes[shapeId];
            const template = shape.template;
            for (const [name] of template.bindings) {
                if (P.regExpExec(identifierPattern, name) === null && name !== "this" && name !== "arguments" && name !== "new.target")
                    this.fail(`binding ${P.jsonStringify(name)} of ${template.script.sid}:${template.index} is not an identifier`);
            }
            const initialized = this.bindingNames(template).filter(([, i]) => shape.uninitialized[i] !== "u");
            // A const binding stays const when its value exists by the end of this scope's rebuilding; it is then
            // declared after the scope's functions and children are made. Otherwise it becomes a let.
            // FIXME: keep every const a const (assigning one would then throw as it should).
            const constants = initialized.filter(([, i]) => shape.constants[i] === "c");
            const constantNames = P.ownedSet(constants.map(([name]) => name));
            const mutable = initialized.filter(([name]) => !constantNames.has(name));
            // The parameters a shape takes are declared by its parameter list.
            const formals = shape.aliased ? P.ownedSet(this.formalParameters(template, shape.aliased)) : null;
            const declared = P.valuesOf(P.ownedSet(mutable.map((binding) => binding[0]))).filter((name) => !formals || !formals.has(name));
            let code = declared.length ? `let ${declared.join(",")};` : "";
            // No expression gives the home object: the capture finds it (Capture.homeOwner).
            let cases = template.bindings.map(([name, kind], i) => (kind === "home" ? "" : `case ${i}:return ${kind === "this" ? "this" : kind === "new.target" ? "new.target" : name};`)).join("");
            // A parameter scope's getter also writes its parameters, as the instrumented ones do (Capture.paramsScopeOf).
            if (template.kind === "params")
                cases += template.bindings.map(([name, kind], i) => (kind === "param" ? `case ${-1 - i}:${name}=__ofv;return true;` : "")).join("");
            code += `let ${template.handle}=${context}.h(${instance},(__ofi,__ofv)=>{switch(__ofi){${cases}}});`;
            // Code re-created in a parameter list finds its scope's handle by the arguments object (registry.pa). An
            // arrow's parameters have no arguments object of their own: their handles are uncached, and the one made
            // here is the instance's only handle (the capture joins those made later: Capture.paramsScopeOf).
            if (template.kind === "params" && !template.arrow && !template.bindings.some(([name, kind]) => name === "arguments" && kind !== "arguments"))
                code += `${context}.adoptParamsHandle(arguments,${template.handle});`;
            // Scopes with many closure sites call a maker for their handle (Documentation/Instrumentation.md).
            if (template.kind !== "script" && template.handle.startsWith("__ofs"))
                code += `const ${template.handle.replace("__ofs", "__ofm")}=()=>${template.handle};`;
            const assignments = mutable.map(([name, i]) => `${name}=__ofv[${i}];`).join("");
            const children = [];
            for (const index of shape.instances) {
                const list = this.childrenOf.get(index);
                for (let i = 0; list && i < list.length; ++i)
                    children[children.length] = list[i];
            }
            code += `${context}.s(${instance},(__ofv)=>{${assignments}},${this.factoriesFor(shape.instances, children, strict || template.strict)},${this.childShapesFor(children, strict || template.strict)});`;
            if (constants.length)
                code += `const ${constants.map(([name, i]) => `${name}=${context}.cv(${instance},${i})`).join(",")};`;
            return code;
        }

        isBodyOfParams(template) {
            if (template.kind !== "function" || template.parent < 0)
                return false;
            const parent = template.script.metadata.templates[template.parent];
            return parent.kind === "params" && parent.function === template.function;
        }

        // Called by synthesized code: see scopeBody.
        adoptParamsHandle(args, handle) {
            registry.adoptParamsHandle(args, handle);
        }

        // {shape: function (__ofr, __ofx) {…}} for the shapes of the given child instances. A shape's function text
        // depends only on the shape and the strictness around it, so it is made once.
        childShapesFor(children, parentStrict) {
            const shapes = P.ownedSet(children.map((index) => this.shapeOf(index)));
            let code = "{";
            for (const shapeId of shapes) {
                // Scopes of calls of methods whose arrows use super are methods of their home object (homeShapeText).
                if (this.shapes[shapeId].homeIndex >= 0)
                    continue;
                const cacheKey = `${shapeId}${parentStrict ? "s" : ""}`;
                let text = this.shapeFunctions.get(cacheKey);
                if (text === undefined) {
                    const template = this.shapes[shapeId].template;
                    const directive = template.strict && !parentStrict ? "\"use strict\";" : "";
                    // Scopes inside a function (blocks, loops, catch clauses, eval code, arrows) share its `this` and
                    // `new.target`: their shapes are arrows, so that those stay the function shape's.
                    // So does the body of a function whose parameters have a scope of their own, which holds them.
                    const sharesThis = template.arrow || template.kind === "block" || template.kind === "for" || template.kind === "catch" || template.kind === "eval" || this.isBodyOfParams(template);
                    const body = `${directive}${this.scopeBody(shapeId, "__ofr", "__ofx", parentStrict || template.strict)}${this.deadZoneDeclarations(shapeId, "return;")}`;
                    const argumentsPrologue = "const __ofr=__offload.rc,__ofx=__ofr.shapeInstance;__ofr.shapeArguments(__ofx,arguments);";
                    if (this.shapes[shapeId].makesArguments && sharesThis)
                        this.fail(`scope template ${template.script.sid}:${template.index} holds an arguments object but is not a function's`);
                    if (this.shapes[shapeId].newTargetIndex >= 0) {
                        // A scope of a constructor call: the restore constructs this class with the captured new.target,
                        // and its super() returns the captured `this` (thisGiver). Only strict code gets here (the
                        // capture refuses sloppy constructors), so the class body changes no function's strictness.
                        if (sharesThis || !template.strict)
                            this.fail(`scope template ${template.script.sid}:${template.index} holds new.target but is not a strict function's`);
                        text = this.shapes[shapeId].makesArguments
                            ? `class extends __offload.rc.thisGiver{constructor(){super();${argumentsPrologue}${body}}}`
                            : `class extends __offload.rc.thisGiver{constructor(__ofr,__ofx){super();${body}}}`;
                    } else if (this.shapes[shapeId].makesArguments) {
                        // Called with no arguments: its arguments object becomes the captured one (applyBody).
                        // A sloppy function's scope whose arguments object stays mapped takes its parameters, so that
                        // its own arguments object maps them (Restore.s calls it with enough arguments).
                        const aliased = this.shapes[shapeId].aliased;
                        const formals = aliased ? P.arrayJoin(this.formalParameters(template, aliased), ",") : "";
                        text = `function(${formals}){${directive}${argumentsPrologue}${body}}`;
                    } else
                        text = sharesThis ? `(__ofr,__ofx)=>{${body}}` : `function(__ofr,__ofx){${body}}`;
                    this.shapeFunctions.set(cacheKey, text);
                }
                const template = this.shapes[shapeId].template;
                code += `${shapeId}:${this.inClassEntry(template.script, template.privateClass, text)},`;
            }
            return `${code}}`;
        }

        // {literal id: factory} for every literal a function was made from in the given scopes (or global keys).
        // Also {signature: factory} for the object literals that make home objects (findHomes). `children` are the
        // scope instances made in these scopes: the scopes of calls of methods whose arrows use super become methods
        // of the class or object literal made here (homeShapeText); `strict` is the strictness of the code around.
        factoriesFor(keys, children, strict) {
            const literalIds = P.ownedSet();
            const factories = [];
            const classShapes = P.ownedMap();
            for (const child of children) {
                const shapeId = this.shapeOf(child);
                const template = this.shapes[shapeId].template;
                if (this.shapes[shapeId].homeIndex < 0)
                    continue;
                const ownerId = `${template.script.sid}:${template.home.literal}`;
                if (this.literal(ownerId).kind !== "class")
                    continue;
                const list = classShapes.get(ownerId);
                if (!list)
                    classShapes.set(ownerId, [shapeId]);
                else if (!listIncludes(list, shapeId))
                    list[list.length] = shapeId;
            }
            for (const key of keys) {
                for (const home of this.homeGroupsOf.get(key) || []) {
                    const group = this.homeGroups.get(home);
                    const shapeIds = this.groupShapes(group);
                    group.signature = `home:${group.members.map((member) => this.records[member].literal).join(",")}|${shapeIds.join(",")}`;
                    if (!literalIds.has(group.signature)) {
                        literalIds.add(group.signature);
                        factories[factories.length] = `${P.jsonStringify(group.signature)}:${this.inClassEntry(group.script, group.privateClass, this.groupFactory(group, shapeIds, strict))}`;
                    }
                }
                for (const index of this.functionsOf.get(key) || []) {
                    const literalId = this.records[index].literal;
                    if (!literalIds.has(literalId)) {
                        literalIds.add(literalId);
                        const literal = this.literal(literalId);
                        factories[factories.length] = `${P.jsonStringify(literalId)}:${this.inClassEntry(literal.script, literal.privateClass, this.factory(index, classShapes.get(literalId)))}`;
                    }
                }
            }
            return `{${factories.join(",")}}`;
        }

        // The shapes of the scopes of calls of a home object's methods, in order.
        groupShapes(group) {
            const shapeIds = [];
            for (const instance of group.shapeInstances) {
                const shapeId = this.shapeOf(instance);
                if (!listIncludes(shapeIds, shapeId))
                    shapeIds[shapeIds.length] = shapeId;
            }
            return shapeIds.sort((a, b) => a - b);
        }

        // An object literal that makes a home object with its methods (findHomes): `{__proto__: null, m() {…}, …}`.
        // Computed keys are not evaluated again: each is the key the home object holds its method under.
        groupFactory(group, shapeIds, strict) {
            const parts = ["__proto__:null"];
            group.members.forEach((member, i) => {
                const literal = this.literal(this.records[member].literal);
                parts[parts.length] = this.methodText(literal, this.literalText(literal), `__offload.rc.gk(${i})`);
            });
            for (const shapeId of shapeIds)
                parts[parts.length] = this.homeShapeText(shapeId, strict);
            return `()=>({${parts.join(",")}})`;
        }

        // The synthesized function of a scope of a call of a method whose arrows use super, as a method of the class
        // or object literal that makes the home object (`static` for a class's static elements), keyed by a symbol of
        // the restore's (sk): its home object is then the method's own, and arrows made in it read super through it.
        homeShapeText(shapeId, parentStrict) {
            const shape = this.shapes[shapeId];
            const template = shape.template;
            const directive = template.strict && !parentStrict ? "\"use strict\";" : "";
            const body = `${this.scopeBody(shapeId, "__ofr", "__ofx", parentStrict || template.strict)}${this.deadZoneDeclarations(shapeId, "return;")}`;
            const head = `${template.home.static ? "static " : ""}[__offload.rc.sk(${shapeId})]`;
            if (shape.makesArguments) {
                // Like a function shape (childShapesFor): a sloppy method's mapped arguments need its parameters.
                const formals = shape.aliased ? P.arrayJoin(this.formalParameters(template, shape.aliased), ",") : "";
                return `${head}(${formals}){${directive}const __ofr=__offload.rc,__ofx=__ofr.shapeInstance;__ofr.shapeArguments(__ofx,arguments);${body}}`;
            }
            return `${head}(__ofr,__ofx){${directive}${body}}`;
        }

        // Called by synthesized code: the symbol keying a scope shape's method in a class or object literal.
        sk(shapeId) {
            let key = this.shapeKeys[shapeId];
            if (key === undefined) {
                key = P.Symbol(`offload scope shape ${shapeId}`);
                this.shapeKeys[shapeId] = key;
                this.shapeKeyIds.set(key, shapeId);
            }
            return key;
        }

        // Called by synthesized code: the key of the i-th computed method of the home object being made.
        gk(i) {
            return this.methodKey(this.currentGroup.members[i]);
        }

        // Takes the scope shapes' methods (homeShapeText) off a class, its prototype or a home object just made.
        takeHomeShapes(ownerIndex, object) {
            const keys = P.ownKeys(object);
            for (let i = 0; i < keys.length; ++i) {
                const shapeId = typeof keys[i] === "symbol" ? this.shapeKeyIds.get(keys[i]) : undefined;
                if (shapeId === undefined)
                    continue;
                this.homeShapes.set(`${ownerIndex}|${shapeId}`, P.getOwnPropertyDescriptor(object, keys[i]).value);
                P.deleteProperty(object, keys[i]);
            }
        }

        // Called by s(): makes a home object with its methods (findHomes) by evaluating its object literal.
        makeHomeGroup(home, factories, key, scope) {
            const group = this.homeGroups.get(home);
            const entry = factories[group.signature];
            this.currentGroup = group;
            const object = (typeof entry === "function" ? entry : this.inClass(key, entry))();
            this.currentGroup = null;
            const tracked = P.ownedSet();
            for (const member of group.members) {
                const literal = this.literal(this.records[member].literal);
                const method = literal.method;
                const descriptor = P.getOwnPropertyDescriptor(object, method.computed ? this.methodKey(member) : method.key);
                const fn = descriptor && (method.kind === "get" ? descriptor.get : method.kind === "set" ? descriptor.set : descriptor.value);
                if (typeof fn !== "function")
                    this.fail(`method record ${member} is not on the object literal made for its home object ${home}`);
                this.set(member, fn, true);
                registry.register(fn, literal.id, scope, object);
                if (literal.tracksHome)
                    tracked.add(literal.id);
            }
            for (const instance of group.shapeInstances) {
                const template = this.template(this.records[instance].template);
                tracked.add(`${template.script.sid}:${template.home.literal}`);
            }
            // A later capture finds this object as the home of scopes of its methods' calls (Capture.homeOwner).
            for (const literalId of tracked)
                registry.noteClassEvaluation(scope, literalId, object);
            this.takeHomeShapes(home, object);
            const keys = P.ownKeys(object);
            for (let i = 0; i < keys.length; ++i)
                P.deleteProperty(object, keys[i]);
            // Now an empty object without a prototype, filled like any plain object made here (applyBody).
            this.set(home, object);
        }

        // Code to make inside the class literal `privateClass` (an index in `script`, or -1): an entry for inClass().
        inClassEntry(script, privateClass, code) {
            if (privateClass === undefined || privateClass < 0)
                return code;
            return `{c:${P.jsonStringify(`${script.sid}:${privateClass}`)},t:${P.jsonStringify(`(${code})`)}}`;
        }

        literalText(literal) {
            return P.stringSlice(literal.script.text, literal.start, literal.end);
        }

        // An arrow that returns a fresh function object made from the literal's own text.
        // `homeShapes`: for a class, the scope shapes to make as its methods (homeShapeText).
        factory(index, homeShapes) {
            const record = this.records[index];
            const literal = this.literal(record.literal);
            const text = this.literalText(literal);
            if (literal.kind === "class") {
                // Member keys first: they come after the heritage, whose offsets stay right.
                let classText = withoutHeritage(literal, this.withMemberKeys(literal, text));
                if (homeShapes) {
                    // Before the closing brace; the `;` ends a last field that has no semicolon of its own.
                    const methods = homeShapes.map((shapeId) => this.homeShapeText(shapeId, true)).join("");
                    classText = `${P.stringSlice(classText, 0, classText.length - 1)};${methods}}`;
                }
                classText = literal.privateNames ? withEvaluator(classText) : classText;
                // Its computed field keys are the recorded ones (registry.fk), not evaluated again.
                if (literal.computedFields)
                    return `()=>{const __ofk=__offload.rc.fieldKeys();return(${classText})}`;
                return `()=>(${classText})`;
            }
            if (literal.method)
                return `()=>({${this.methodText(literal, text, "__offload.rc.currentKey()")}})`;
            return `()=>(${text})`;
        }

        // The literal's text starts at its key; the accessor keyword and the async/generator prefix come first.
        // A computed key is not evaluated again: `keyExpression` gives the key the home object holds the method under.
        methodText(literal, text, keyExpression) {
            const method = literal.method;
            const prefix = `${method.kind === "get" ? "get " : method.kind === "set" ? "set " : ""}${method.prefix || ""}`;
            if (!method.computed)
                return `${prefix}${text}`;
            return `${prefix}[${keyExpression}]${P.stringSlice(literal.script.text, literal.paramsStart, literal.end)}`;
        }

        // A class's computed member keys are not evaluated again (the bindings they read are not set yet when the class
        // is made): each becomes the key its home object holds the member under.
        withMemberKeys(literal, text) {
            const computed = [];
            for (const memberIndex of literal.members || []) {
                const member = this.literal(`${literal.script.sid}:${memberIndex}`);
                if (member.method && member.method.computed)
                    computed[computed.length] = member;
            }
            computed.sort((a, b) => b.start - a.start);
            for (const member of computed) {
                const keyStart = member.start - literal.start;
                const keyEnd = member.paramsStart - literal.start;
                text = `${P.stringSlice(text, 0, keyStart)}[__offload.rc.classMemberKey(${P.jsonStringify(member.id)})]${P.stringSlice(text, keyEnd)}`;
            }
            return text;
        }

        // Called by synthesized code: the key of a computed member of the class being made. A member the snapshot
        // does not hold gets a key of its own, removed with the other extra properties when the bodies are filled.
        classMemberKey(memberLiteralId) {
            const classIndex = this.currentFunction;
            if (!this.classMemberRecords) {
                this.classMemberRecords = P.ownedMap();
                this.records.forEach((record, index) => {
                    if (record.kind === RecordKind.Function && record.home instanceof Ref)
                        this.classMemberRecords.set(`${record.home.index}|${record.literal}`, index);
                });
            }
            const memberIndex = this.classMemberRecords.get(`${classIndex}|${memberLiteralId}`);
            if (memberIndex === undefined)
                return P.Symbol("offload: a member the snapshot does not hold");
            const member = this.literal(memberLiteralId);
            const prototype = this.propertyValue(this.records[classIndex], "prototype");
            return this.keyHolding(member.method.static ? classIndex : prototype instanceof Ref ? prototype.index : -1, memberIndex);
        }

        // Called by synthesized code: the computed field keys of the class being made, which travel as its home (an
        // Array record of strings and symbols, made before any function), for registry.fk to give back in order.
        fieldKeys() {
            const home = this.records[this.currentFunction].home;
            const list = home instanceof Ref ? this.records[home.index] : null;
            if (!list || list.kind !== RecordKind.Array || list.properties.length)
                this.fail(`class record ${this.currentFunction} has computed field names but no list of their keys`);
            const keys = [];
            for (let i = 0; i < list.elements.length; ++i) {
                const key = this.resolve(list.elements[i]);
                if (typeof key !== "string" && typeof key !== "symbol")
                    this.fail(`class record ${this.currentFunction} has a computed field key that is not a string or a symbol`);
                keys[keys.length] = key;
            }
            return { keys, next: 0 };
        }

        // Called by synthesized code: the key of the computed method being made.
        currentKey() {
            return this.methodKey(this.currentFunction);
        }

        // A computed method's key is the key its home object holds it under.
        methodKey(index) {
            const home = this.records[index].home;
            return this.keyHolding(home instanceof Ref ? home.index : -1, index);
        }

        keyHolding(holderIndex, functionIndex) {
            const holder = holderIndex >= 0 ? this.records[holderIndex] : null;
            if (holder && holder.body) {
                const properties = holder.body.properties;
                const isIt = (value) => value instanceof Ref && value.index === functionIndex;
                for (let i = 0; i < properties.length; i += 4) {
                    if (isIt(properties[i + 2]) || isIt(properties[i + 3]))
                        return properties[i] instanceof Ref ? this.resolve(properties[i]) : properties[i];
                }
            }
            this.fail(`the computed key of method record ${functionIndex} is not found on the object that holds it`);
        }

        // The order in which the synthesized scripts make functions: a scope's own functions, then its children's
        // subtrees, then its const declarations (`constPoint`).
        computeCreationOrder() {
            this.creationRank = new IndexMap(this.records.length);
            this.constPoint = new IndexMap(this.records.length);
            let counter = 0;
            const visit = (key) => {
                // Objects made by an object literal with their methods (findHomes) come before the scope's functions.
                for (const home of this.homeGroupsOf.get(key) || []) {
                    this.creationRank.set(home, counter);
                    for (const member of this.homeGroups.get(home).members)
                        this.creationRank.set(member, counter);
                    ++counter;
                }
                for (const index of this.functionsOf.get(key) || []) {
                    this.creationRank.set(index, counter);
                    // A class makes its prototype object and its methods with it.
                    for (const member of this.membersOf(index))
                        this.creationRank.set(member, counter);
                    const prototype = this.records[index].kind === RecordKind.Function ? this.propertyValue(this.records[index], "prototype") : undefined;
                    if (prototype instanceof Ref && this.prebound.has(prototype.index))
                        this.creationRank.set(prototype.index, counter);
                    for (const made of this.madeByClass.get(index) || [])
                        this.creationRank.set(made, counter);
                    ++counter;
                }
                for (const child of this.childrenOf.get(key) || []) {
                    if (typeof key === "number" || this.template(this.records[child].template).kind !== "script")
                        visit(child);
                }
                this.constPoint.set(key, counter++);
            };
            for (const sid of this.decoded.scripts) {
                const key = `global:${sid}`;
                for (const root of this.childrenOf.get(key) || []) {
                    if (this.template(this.records[root].template).kind === "script")
                        visit(root);
                }
                visit(key);
            }
        }

        // The prebound method records of each class record, found once.
        membersOf(classIndex) {
            if (!this.classMembers) {
                this.classMembers = P.ownedMap();
                this.records.forEach((record, member) => {
                    if (record.kind !== RecordKind.Function || !(record.home instanceof Ref) || !this.prebound.has(member))
                        return;
                    const list = this.classMembers.get(record.home.index);
                    if (list)
                        list[list.length] = member;
                    else
                        this.classMembers.set(record.home.index, [member]);
                });
            }
            return this.classMembers.get(classIndex) || [];
        }

        isReadyFor(value, scopeIndex) {
            if (!(value instanceof Ref))
                return true;
            const record = this.records[value.index];
            if (record.kind === RecordKind.BoundFunction || record.kind === RecordKind.Proxy || record.kind === RecordKind.Promise || record.kind === RecordKind.ResolvingFunction || record.kind === RecordKind.PromiseCombinatorElement || record.kind === RecordKind.ProxyRevoke)
                return false;
            if (record.kind === RecordKind.Arguments && this.argumentsMaker.has(value.index))
                return false;
            if (record.kind !== RecordKind.Function && !this.prebound.has(value.index) && !this.classMade.has(value.index))
                return true;
            // Found on first need: most scopes hold no const binding whose value is made with the functions.
            if (!this.creationRank)
                this.computeCreationOrder();
            const rank = this.creationRank.get(value.index);
            return rank !== undefined && rank < this.constPoint.get(scopeIndex);
        }

        // Called by synthesized code: the value of a const binding.
        cv(index, bindingIndex) {
            return this.resolve(this.records[index].bindings[bindingIndex]);
        }

        // Called by synthesized code: makes the handle of a scope instance.
        h(index, getter) {
            const record = this.records[index];
            const parent = record.parent === null ? null : this.objects[record.parent.index];
            const handle = new registry.ScopeHandle(record.template, getter, parent);
            this.set(index, handle);
            return handle;
        }

        // Called by synthesized code: takes the scope's setter, makes its functions and enters its children (each
        // through the function of its shape).
        s(key, setter, factories, children) {
            if (setter)
                this.setters[key] = setter;
            const scope = typeof key === "number" ? this.objects[key] : null;
            // Index loops: this runs once per scope instance, and most have no home object and no children.
            const homes = this.homeGroupsOf.get(key);
            for (let i = 0; homes && i < homes.length; ++i)
                this.makeHomeGroup(homes[i], factories, key, scope);
            const functions = this.functionsOf.get(key);
            for (let i = 0; functions && i < functions.length; ++i) {
                const index = functions[i];
                this.currentFunction = index;
                const factory = factories[this.records[index].literal];
                this.makeFunction(index, (typeof factory === "function" ? factory : this.inClass(key, factory))(), scope);
            }
            const childScopes = this.childrenOf.get(key);
            for (let i = 0; childScopes && i < childScopes.length; ++i) {
                const index = childScopes[i];
                // Every scope record has its shape (createFunctions), which knows the template.
                const shapeId = this.shapeIds.get(index);
                const shape = this.shapes[shapeId];
                // A script's top-level scope is rebuilt by the global script itself, not entered from here.
                if (typeof key !== "number" && shape.template.kind === "script")
                    continue;
                let thisValue = shape.thisIndex >= 0 ? this.resolveNow(this.records[index].bindings[shape.thisIndex]) : undefined;
                let shapeFunction;
                if (shape.homeIndex >= 0) {
                    // A method of its home object, made with the class or object literal (homeShapeText).
                    const owner = this.records[index].bindings[shape.homeIndex];
                    shapeFunction = owner instanceof Ref ? this.homeShapes.get(`${owner.index}|${shapeId}`) : undefined;
                    if (!shapeFunction)
                        this.fail(`scope record ${index} needs the home object of its method, which is not made in its parent scope`);
                } else {
                    const child = children[shapeId];
                    shapeFunction = typeof child === "function" ? child : this.inClass(key, child);
                }
                if (shape.makesArguments)
                    this.shapeInstance = index;
                let args = [this, index];
                if (shape.makesArguments) {
                    // As many arguments as the aliased parameters the shape function takes (childShapesFor).
                    const storage = this.aliasedOfScope.get(index);
                    args = [];
                    for (let i = 0; storage && i < storage.count; ++i)
                        args[i] = undefined;
                }
                if (shape.newTargetIndex >= 0) {
                    // A derived class whose super() returns `thisValue` (thisGiver), constructed with the new.target.
                    const newTarget = this.resolveNow(this.records[index].bindings[shape.newTargetIndex]);
                    if (shape.thisIndex < 0)
                        thisValue = P.objectCreate(null);
                    if ((typeof thisValue !== "object" || thisValue === null) && typeof thisValue !== "function")
                        this.fail(`scope record ${index} of a constructor call has a \`this\` that is not an object`);
                    if (typeof newTarget !== "function")
                        this.fail(`scope record ${index} has a new.target that is not a function`);
                    this.shapeThis = thisValue;
                    P.construct(shapeFunction, args, newTarget);
                    this.shapeThis = undefined;
                } else
                    P.apply(shapeFunction, thisValue, args);
            }
        }

        // Code made inside a class with private names is evaluated inside the rebuilt class's body, through the evaluator
        // its static block handed over: `entry` is {c: class literal id, t: the code}. The class is the evaluation of
        // that literal in the scope `key` (the capture made sure there is one).
        inClass(key, entry) {
            if (!this.classRecords) {
                this.classRecords = P.ownedMap();
                this.inClassCode = P.ownedMap();
                this.records.forEach((record, index) => {
                    if (record.kind !== RecordKind.Function || !this.literal(record.literal).privateNames)
                        return;
                    const scopeKey = record.scope === null ? `global:${P.stringSlice(record.literal, 0, P.stringIndexOf(record.literal, ":"))}` : record.scope.index;
                    const classKey = `${scopeKey}|${record.literal}`;
                    this.classRecords.set(classKey, this.classRecords.has(classKey) ? -1 : index);
                });
            }
            const classIndex = this.classRecords.get(`${key}|${entry.c}`);
            if (classIndex === undefined || classIndex < 0)
                this.fail(`code inside class ${entry.c} needs ${classIndex === undefined ? "a" : "one"} class record in scope ${key}`);
            let made = this.inClassCode.get(classIndex);
            if (!made) {
                made = P.ownedMap();
                this.inClassCode.set(classIndex, made);
            }
            let code = made.get(entry.t);
            if (code === undefined) {
                const info = this.created[classIndex] ? registry.privateClasses.get(this.objects[classIndex]) : undefined;
                if (!info || !info.evaluator)
                    this.fail(`class record ${classIndex} is not rebuilt before the code inside it`);
                code = info.evaluator(entry.t);
                made.set(entry.t, code);
            }
            return code;
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

        resolveNow(value) {
            if (value instanceof Ref && !this.created[value.index])
                this.fail(`a captured \`this\` (record ${value.index}) is needed before it can be rebuilt`);
            return this.resolve(value);
        }

        makeFunction(index, made, scope) {
            const record = this.records[index];
            const literal = this.literal(record.literal);
            let fn = made;
            if (literal.method) {
                const key = literal.method.computed ? this.methodKey(index) : literal.method.key;
                const descriptor = P.getOwnPropertyDescriptor(made, key);
                fn = literal.method.kind === "get" ? descriptor.get : literal.method.kind === "set" ? descriptor.set : descriptor.value;
            }
            this.set(index, fn, true);
            registry.register(fn, record.literal, scope, undefined);
            if (literal.kind === "class") {
                this.bindClass(index, fn, literal, scope);
                this.takeHomeShapes(index, fn);
                this.takeHomeShapes(index, fn.prototype);
            }
            if (literal.privateNames || literal.tracksHome)
                registry.noteClassEvaluation(scope, record.literal, fn);
            if (literal.privateNames) {
                for (const made of this.madeByClass.get(index) || [])
                    this.set(made, this.construct(fn, null));
            }
        }

        // The class's prototype object and its methods were made with it; bind their records to them.
        bindClass(index, cls, literal, scope) {
            const record = this.records[index];
            const prototype = this.propertyValue(record, "prototype");
            if (prototype instanceof Ref)
                this.set(prototype.index, cls.prototype, true);
            for (const memberIndex of this.membersOf(index)) {
                const member = this.records[memberIndex];
                const memberLiteral = this.literal(member.literal);
                const target = memberLiteral.method.static ? cls : cls.prototype;
                let key = memberLiteral.method.key;
                if (memberLiteral.method.computed) {
                    const holder = memberLiteral.method.static ? index : prototype instanceof Ref ? prototype.index : -1;
                    key = this.keyHolding(holder, memberIndex);
                }
                const descriptor = P.getOwnPropertyDescriptor(target, key);
                const kind = memberLiteral.method.kind;
                const fn = descriptor && (kind === "get" ? descriptor.get : kind === "set" ? descriptor.set : descriptor.value);
                if (typeof fn !== "function")
                    this.fail(`class member ${member.literal} is not on the rebuilt class`);
                this.set(memberIndex, fn, true);
                registry.register(fn, member.literal, scope, cls);
            }
        }

        runSetters() {
            for (let s = 0; s < this.scopeIndices.length; ++s) {
                const index = this.scopeIndices[s];
                const setter = this.setters[index];
                if (!setter)
                    continue;
                const bindings = this.records[index].bindings;
                const values = new P.Array(bindings.length);
                for (let i = 0; i < bindings.length; ++i) {
                    const value = bindings[i];
                    values[i] = value === offload.uninitialized ? undefined : value instanceof Ref ? this.resolve(value) : value;
                }
                setter(values);
            }
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

        // The capture checked that these options make the object again (Capture.describeIntl).
        makeIntl(index, record) {
            for (let i = 0; i < P.intlKinds.length; ++i) {
                if (P.intlKinds[i].name !== record.constructorName)
                    continue;
                try {
                    return P.intlKinds[i].make(P.jsonParse(record.options));
                } catch (error) {
                    this.fail(`record ${index}: cannot make an Intl.${record.constructorName} from its options: ${error}`);
                }
            }
            this.fail(`record ${index}: this engine has no Intl.${record.constructorName}`);
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
                if (((record.kind >= RecordKind.Date && record.kind <= RecordKind.ArrayBuffer) || record.kind === RecordKind.Arguments || record.kind === RecordKind.IntlObject) && !registry.reprototyped.has(object))
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
            const skip = existing ? this.skippedKeys(record, object) : null;
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
        skippedKeys(record, object) {
            if (record.kind === RecordKind.Array) {
                const dense = record.elements.length;
                return (key) => key === "length" || (typeof key === "string" && `${+key}` === key && +key < dense);
            }
            if (record.kind === RecordKind.Global)
                return (key) => offload.Intrinsics.isRuntimeGlobal(key);
            if (record.kind === RecordKind.TypedArray)
                return (key) => typeof key === "string" && `${+key}` === key;
            if (record.kind === RecordKind.PrimitiveWrapper && typeof record.primitive === "string")
                return (key) => key === "length" || (typeof key === "string" && `${+key}` === key && +key < record.primitive.length);
            return null;
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
                switch (record.kind) {
                case RecordKind.Scope:
                case RecordKind.Symbol:
                case RecordKind.RegisteredSymbol:
                case RecordKind.WellKnownSymbol:
                case RecordKind.Proxy:
                case RecordKind.ResolvingFunction:
                case RecordKind.PromiseCombinator:
                    continue;
                // The loops over elements and entries are small functions of their own: JavaScriptCore compiles a small
                // function sooner than this one, which runs once per restore.
                case RecordKind.Array:
                    this.fillArray(this.objects[index], record.elements);
                    break;
                case RecordKind.Map:
                    this.fillMap(this.objects[index], record.entries);
                    break;
                case RecordKind.Set:
                    this.fillSet(this.objects[index], record.entries);
                    break;
                case RecordKind.WeakMap:
                    for (let i = 0; i < record.entries.length; i += 2) {
                        const key = this.resolve(record.entries[i]);
                        P.weakMapSet(this.objects[index], key, this.resolve(record.entries[i + 1]));
                        registry.trackWeakKey(this.objects[index], key);
                    }
                    break;
                case RecordKind.WeakSet:
                    for (let i = 0; i < record.entries.length; ++i) {
                        const key = this.resolve(record.entries[i]);
                        P.weakSetAdd(this.objects[index], key);
                        registry.trackWeakKey(this.objects[index], key);
                    }
                    break;
                case RecordKind.Function: {
                    if (record.home !== undefined && registry.functionInfo(this.objects[index]))
                        registry.setHome(this.objects[index], this.resolve(record.home));
                    break;
                }
                }
                this.applyBody(index, record);
            }
        }

        fillArray(array, elements) {
            for (let i = 0; i < elements.length; ++i) {
                const element = elements[i];
                if (element instanceof Ref)
                    array[i] = this.resolve(element);
                else if (element !== offload.hole)
                    array[i] = element;
            }
        }

        // Reflect.apply with a fresh argument list is compiled into a plain call; the uncurried primordials go through a
        // bound Function.prototype.call, several times slower per entry.
        fillMap(map, entries) {
            for (let i = 0; i < entries.length; i += 2)
                P.apply(mapSetMethod, map, [this.resolve(entries[i]), this.resolve(entries[i + 1])]);
        }

        fillSet(set, entries) {
            for (let i = 0; i < entries.length; ++i)
                P.apply(setAddMethod, set, [this.resolve(entries[i])]);
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
})
