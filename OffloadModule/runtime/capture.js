/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Capture: walks the heap from the roots (the global object, each script's top-level lexical scope, the pending
// work and the built-ins the app changed) and encodes it as Documentation/SnapshotFormat.md describes. It runs with an
// empty JavaScript stack and never calls user code: no getter, no Proxy trap, no toString. State it cannot
// represent is refused with the object's path and the reason.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, ByteWriter } = offload;
    const { RecordKind, ValueTag, PropertyAttribute, SectionTag, ObjectFlag, BufferStorage, PromiseState, ExtraRoot } = Format;
    const stringKey = Format.PropertyKey.string;
    const symbolKey = Format.PropertyKey.symbol;
    const registry = offload.registry;

    class CaptureError extends Error {
        constructor(path, reason) {
            super(`Cannot capture ${path}: ${reason}`);
            this.name = "OffloadCaptureError";
            this.path = path;
        }
    }

    const generatorFunctionPrototype = P.getPrototypeOf(function* () {});
    const asyncGeneratorFunctionPrototype = P.getPrototypeOf(async function* () {});
    const isObject = (value) => (typeof value === "object" && value !== null) || typeof value === "function";
    const largeTypedArrayLength = 1024;
    const emptyChainFacts = Object.freeze({ refusal: null, hidesKind: false });
    // Reading @@toStringTag through a Proxy would run its `get` trap: the tag is asked with the chain detached. What is
    // beyond the proxy says nothing of the object (its traps decide what the chain looks like); an object made with
    // another chain and given the proxy is known by the chain it had (replacedPrototypeFacts).
    const proxyChainFacts = Object.freeze({ refusal: null, hidesKind: true });
    const isInt32 = (value) => (value | 0) === value && !(value === 0 && 1 / value < 0);
    // An ASCII identifier, tested by character: RegExp.prototype.test would call the program's exec if it replaced it.
    const isIdentifier = (key) => {
        for (let i = 0; i < key.length; ++i) {
            const c = key[i];
            const letter = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_" || c === "$";
            if (!letter && (i === 0 || c < "0" || c > "9"))
                return false;
        }
        return key.length > 0;
    };
    const isLengthKey = (key) => key === "length";
    // Appends by index: the program may have replaced Array.prototype.push (a capture must not call its code).
    const appendPair = (list, first, second) => {
        list[list.length] = first;
        list[list.length] = second;
    };
    // Read once, before the program can replace the global `Symbol`.
    const toStringTag = Symbol.toStringTag;
    // Called as a method through Reflect.apply, which JavaScriptCore compiles into a plain call (an uncurried
    // primordial goes through a bound Function.prototype.call, several times slower).
    const dateGetTimeMethod = Date.prototype.getTime;
    const noArguments = Object.freeze([]);
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

    // Bytes per element, in Format.typedArrayTypes order, read from the constructors before any app code runs (a view's
    // own BYTES_PER_ELEMENT lookup could reach a getter the app defined).
    const typedArrayElementSizes = Format.typedArrayTypes.map((name) => (globalThis[name] ? globalThis[name].BYTES_PER_ELEMENT : 0));
    const typedArrayTypeIndex = P.ownedMap(Format.typedArrayTypes.map((name, index) => [name, index]));

    // Kinds whose Object.prototype.toString tag comes from @@toStringTag on their prototype: the tag, the kind the
    // capture gives them, and a brand check that throws for anything else (a tag alone could be an impostor's).
    const taggedKinds = [
        ["[object Map]", "map", P.mapSize],
        ["[object Set]", "set", P.setSize],
        ["[object WeakMap]", "weakmap", (object) => P.weakMapHas(object, {})],
        ["[object WeakSet]", "weakset", (object) => P.weakSetHas(object, {})],
        ["[object ArrayBuffer]", "arraybuffer", P.arrayBufferByteLength],
        ["[object Symbol]", "wrapper", P.symbolValueOf],
        ["[object BigInt]", "wrapper", P.bigIntValueOf],
    ];
    for (let i = 0; i < P.intlKinds.length; ++i)
        taggedKinds[taggedKinds.length] = [P.intlKinds[i].tag, "intl", P.intlKinds[i].brand];
    const intlKindOf = (tag) => {
        for (let i = 0; i < P.intlKinds.length; ++i) {
            if (P.intlKinds[i].tag === tag)
                return P.intlKinds[i];
        }
        return null;
    };
    // Kinds whose tag comes from an internal slot, with a brand check each (Error.isError tests without throwing),
    // then the tagged kinds: all an object can be told by without reading its @@toStringTag (tagByBrand).
    const slotKinds = [
        ["[object Date]", P.dateGetTime],
        ["[object RegExp]", P.regExpSource],
        ["[object Error]", (object) => {
            if (!P.errorIsError(object))
                throw new P.TypeError("not an Error");
        }],
        ["[object Number]", P.numberValueOf],
        ["[object String]", P.stringValueOf],
        ["[object Boolean]", P.booleanValueOf],
    ];
    const hasBrand = (object, check) => {
        try {
            check(object);
            return true;
        } catch {
            return false;
        }
    };

    // Prototypes whose instances the capture cannot represent, with the reason given to the developer.
    function refusedPrototypes() {
        const refused = P.ownedMap();
        const add = (object, reason) => {
            if (object)
                refused.set(object, reason);
        };
        add(P.getPrototypeOf(function* () {}).prototype, "a suspended generator cannot be captured yet");
        add(P.getPrototypeOf(async function* () {}).prototype, "a suspended async generator cannot be captured yet");
        add(P.WeakRef.prototype, "a WeakRef's target is decided by the garbage collector");
        if (P.FinalizationRegistry)
            add(P.FinalizationRegistry.prototype, "a FinalizationRegistry's callbacks are decided by the garbage collector");
        if (P.SharedArrayBuffer)
            add(P.SharedArrayBuffer.prototype, "a SharedArrayBuffer is shared with other threads");
        if (P.WebAssembly) {
            const names = ["Module", "Instance", "Memory", "Table", "Global", "Tag", "Exception"];
            for (let i = 0; i < names.length; ++i) {
                if (P.WebAssembly[names[i]])
                    add(P.WebAssembly[names[i]].prototype, `a WebAssembly.${names[i]} holds compiled code or engine memory`);
            }
        }
        add(P.getPrototypeOf([][Symbol.iterator]()), "iterator state cannot be captured yet");
        add(P.getPrototypeOf(new P.Map()[Symbol.iterator]()), "iterator state cannot be captured yet");
        add(P.getPrototypeOf(new P.Set()[Symbol.iterator]()), "iterator state cannot be captured yet");
        add(P.getPrototypeOf(""[Symbol.iterator]()), "iterator state cannot be captured yet");
        add(P.getPrototypeOf(/a/[Symbol.matchAll]("")), "iterator state cannot be captured yet");
        // Built-ins an engine may not have yet (iterator helpers, Intl.Segmenter).
        const addIfPresent = (find, reason) => {
            try {
                add(find(), reason);
            } catch {
                // This engine does not have it.
            }
        };
        addIfPresent(() => P.getPrototypeOf([].values().map((value) => value)), "iterator state cannot be captured yet");
        addIfPresent(() => P.getPrototypeOf(Iterator.from({ next: () => ({ done: true }) })), "iterator state cannot be captured yet");
        addIfPresent(() => P.getPrototypeOf(new Intl.Segmenter().segment("")[Symbol.iterator]()), "iterator state cannot be captured yet");
        addIfPresent(() => P.getPrototypeOf(new Intl.Segmenter().segment("")), "the segments of an Intl.Segmenter keep the string they split inside the engine");
        // Intl objects of kinds the runtime does not know how to make again (P.intlKinds lists those it does).
        if (typeof Intl === "object" && Intl !== null) {
            const names = P.ownKeys(Intl);
            for (let i = 0; i < names.length; ++i) {
                const constructor = Intl[names[i]];
                if (typeof constructor === "function" && typeof names[i] === "string" && isObject(constructor.prototype) && !intlKindOf(`[object Intl.${names[i]}]`))
                    add(constructor.prototype, `an Intl.${names[i]} keeps its locale data inside the engine`);
            }
        }
        // Promises made by the engine (async functions) are probed instead (describeEnginePromise); this is the reason
        // given for objects of promise subclasses the runtime did not see being made.
        add(P.Promise.prototype, "a promise not made through the Promise constructor cannot be captured");
        return refused;
    }

    // Found when the runtime is installed, before any app code runs: finding the iterator prototypes calls the
    // iterator methods, which the app may replace later.
    const refusedPrototypeReasons = refusedPrototypes();

    class Capture {
        constructor(runtime) {
            this.runtime = runtime;
            this.intrinsics = runtime.intrinsics;
            this.indexOf = P.ownedMap();
            this.objects = [];
            this.plans = [];
            this.parents = [];
            this.parentKeys = [];
            this.weakCollections = [];
            this.strings = P.ownedMap();
            this.stringList = [];
            this.blobs = P.ownedMap();
            this.followers = [];
            // [record index, callee literal, …] of the arguments objects made by sloppy functions.
            this.sloppyArguments = [];
            // Strings objects of tagged template sites: extra roots named after their sites.
            this.templateObjects = [];
            // Parameter scope handles of one call (canonicalScope): handle → the handle standing for its call; the
            // call of each tag and of each standing handle; [handle, binding, value] of every tagged parameter.
            this.paramsCanonical = P.ownedMap();
            this.paramsTags = P.ownedMap();
            this.paramsGroups = P.ownedMap();
            this.paramsUndo = [];
            this.chainCache = P.ownedMap();
            this.intrinsicStrings = P.ownedMap();
            // Prototype → the keys last written for an object with it, with their codes (writeBody).
            this.keyCodes = P.ownedMap();
            // A list to walk in order and a set to test membership in, for every object.
            this.changedIntrinsicList = this.intrinsics.changedIntrinsics();
            this.changedIntrinsics = P.ownedSet(this.changedIntrinsicList);
            this.refused = refusedPrototypeReasons;
            this.brandedClasses = registry.liveBrandedClasses();
            this.generatorPrototypes = P.ownedSet();
            // [prototype, function index, …] of generator functions whose `prototype` the program replaced.
            this.replacedGeneratorPrototypes = [];
            // The indices of references to records reached before, in walk order (reach), and the next one to try.
            this.reachedAgain = [];
            this.reachedNext = 0;
            // The prototype last described and whether it has a record: most objects share their prototype with the
            // one described before (describeBody).
            this.lastPrototype = undefined;
            this.lastPrototypeIndex = undefined;
            this.needsAnotherPass = false;
            this.foundWeakEntries = false;
            this.timings = {};
            this.syntheticRoot = null;
        }

        // Human-readable path of the object at `index`, for error messages.
        pathOf(index) {
            const parts = [];
            while (index >= 0) {
                const key = this.parentKeys[index];
                parts[parts.length] = key;
                index = this.parents[index];
            }
            let path = "";
            for (let i = parts.length - 1; i >= 0; --i) {
                // Array elements are reached with their index as a number.
                const key = typeof parts[i] === "number" ? `${parts[i]}` : parts[i];
                // Characters by index, not String.prototype methods: the program may have replaced them.
                if (typeof key === "symbol")
                    path += `[${P.String(key)}]`;
                else if (path === "" || path[path.length - 1] === ">")
                    path += key;
                else if (key[0] === "[" || key[0] === "<")
                    path += key;
                else if (isIdentifier(key))
                    path += `.${key}`;
                else if (`${+key}` === key)
                    path += `[${key}]`;
                else
                    path += `[${P.jsonStringify(key)}]`;
            }
            return path;
        }

        fail(index, reason) {
            throw new CaptureError(this.pathOf(index), reason);
        }

        isPlainIntrinsic(value) {
            return this.intrinsics.pathOf.has(value) && !this.changedIntrinsics.has(value);
        }

        // Discovery: gives every reachable object and symbol its record index, in walk order. Each reference to a
        // record reached before is also noted with its index, in the order the walk meets them: usually the order
        // the records' bytes hold them in, so that writing looks none of them up again (referenceIndex).
        reach(value, parent, key) {
            if (!isObject(value) && typeof value !== "symbol")
                return;
            // Most references are to objects already reached: look that up first (plain built-ins never get an index).
            const known = this.indexOf.get(value);
            if (known !== undefined) {
                this.reachedAgain[this.reachedAgain.length] = known;
                return;
            }
            if (typeof value !== "symbol" && this.isPlainIntrinsic(value))
                return;
            this.indexOf.set(value, this.objects.length);
            this.objects[this.objects.length] = value;
            this.parents[this.parents.length] = parent;
            this.parentKeys[this.parentKeys.length] = key;
        }

        // The record index of an object or symbol being written, or undefined for a built-in. Records are numbered
        // by first reference in writing order, as the walk found them: a first reference is usually to the next
        // record by number, and a later one usually the next the walk noted (reach). The walk notes a few references
        // that no record writes where it meets them (the class that code made inside it belongs to, the values of
        // weak entries found after the walk): the next few noted ones are tried. A candidate is the value's index
        // exactly when that record is the value, so these guesses are checked, never trusted, and stay right after
        // the records are numbered again.
        referenceIndex(value) {
            const objects = this.objects;
            const next = this.numbered;
            if (next < objects.length && objects[next] === value)
                return next;
            const noted = this.reachedAgain;
            const end = this.reachedNext + 4 < noted.length ? this.reachedNext + 4 : noted.length;
            for (let k = this.reachedNext; k < end; ++k) {
                const index = noted[k];
                if (objects[index] === value) {
                    this.reachedNext = k + 1;
                    return index;
                }
            }
            return this.indexOf.get(value);
        }

        indexFor(value) {
            return this.indexOf.get(value);
        }

        // `first` is the position in `keys` to start at: an array's dense elements are a prefix of its keys.
        describeProperties(object, index, skip, keys = P.ownKeys(object), first = 0) {
            const properties = [];
            for (let i = first; i < keys.length; ++i) {
                const key = keys[i];
                if (skip && skip(key))
                    continue;
                const descriptor = P.getOwnPropertyDescriptor(object, key);
                if (typeof key === "symbol")
                    this.reach(key, index, `[${P.String(key)}]`);
                let attributes = (descriptor.enumerable ? PropertyAttribute.Enumerable : 0) | (descriptor.configurable ? PropertyAttribute.Configurable : 0);
                if ("value" in descriptor) {
                    attributes |= descriptor.writable ? PropertyAttribute.Writable : 0;
                    this.reach(descriptor.value, index, key);
                    // Appended by index, one value per statement: the program may have replaced Array.prototype.push,
                    // and JavaScriptCore compiles this as fast as a push of one value.
                    properties[properties.length] = key;
                    properties[properties.length] = attributes;
                    properties[properties.length] = descriptor.value;
                    properties[properties.length] = undefined;
                } else {
                    attributes |= PropertyAttribute.Accessor;
                    this.reach(descriptor.get, index, typeof key === "symbol" ? key : `<get ${key}>`);
                    this.reach(descriptor.set, index, typeof key === "symbol" ? key : `<set ${key}>`);
                    properties[properties.length] = key;
                    properties[properties.length] = attributes;
                    properties[properties.length] = descriptor.get;
                    properties[properties.length] = descriptor.set;
                }
            }
            return properties;
        }

        describeBody(object, index, skip, keys, first) {
            const prototype = P.getPrototypeOf(object);
            // Reaching a value twice changes nothing but the noted references: the last prototype's is noted again.
            if (prototype !== this.lastPrototype || prototype === null) {
                this.reach(prototype, index, "<prototype>");
                this.lastPrototype = prototype;
                this.lastPrototypeIndex = this.indexOf.get(prototype);
            } else if (this.lastPrototypeIndex !== undefined)
                this.reachedAgain[this.reachedAgain.length] = this.lastPrototypeIndex;
            const properties = this.describeProperties(object, index, skip, keys, first);
            return { prototype, extensible: P.isExtensible(object), properties, privates: this.describePrivates(object, index) };
        }

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

        // JavaScriptCore lists the global object's properties in an order that depends on when its built-ins were
        // first touched, so the order is made canonical: the fresh engine's own keys first, in its order, then the
        // program's, in the engine's order.
        globalKeys() {
            const baseline = this.intrinsics.baselines.get(globalThis).keys;
            const current = P.ownKeys(globalThis);
            const present = P.ownedSet(current);
            const builtin = P.ownedSet(baseline);
            const keys = [];
            for (let i = 0; i < baseline.length; ++i) {
                if (present.has(baseline[i]))
                    keys[keys.length] = baseline[i];
            }
            for (let i = 0; i < current.length; ++i) {
                if (!builtin.has(current[i]))
                    keys[keys.length] = current[i];
            }
            return keys;
        }

        // What an object's prototype chain says about it, found once per prototype in a capture: the reason its
        // instances are refused (nearest first), and whether reading @@toStringTag along it could run program code
        // or give a tag that hides an instance's kind (the program defined or changed a tag on it, replaced a
        // prototype in it, or put a Proxy in it). Prototypes are few and shared, objects are many.
        chainFacts(prototype) {
            if (prototype === null)
                return emptyChainFacts;
            let facts = this.chainCache.get(prototype);
            if (facts)
                return facts;
            if (registry.proxies.has(prototype))
                facts = proxyChainFacts;
            else {
                // Only replaced prototypes can make the chains followed here cycle: this entry stands until it is known.
                this.chainCache.set(prototype, emptyChainFacts);
                const above = this.chainFacts(P.getPrototypeOf(prototype));
                const tag = P.getOwnPropertyDescriptor(prototype, toStringTag);
                const replaced = this.replacedPrototypeFacts(prototype);
                facts = {
                    refusal: this.refused.get(prototype) || above.refusal || (replaced && replaced.refusal),
                    hidesKind: above.hidesKind || !!replaced || !!(tag && !this.isPlainIntrinsic(prototype)),
                };
            }
            this.chainCache.set(prototype, facts);
            return facts;
        }

        // The facts of the chain an object came from, when the program replaced its prototype since (null if not).
        replacedPrototypeFacts(object) {
            const original = registry.reprototyped.get(object);
            return original === undefined ? null : this.chainFacts(original);
        }

        // The tag Object.prototype.toString gives an object from its internal slots alone, when its own or inherited
        // @@toStringTag could hide its kind or run a getter of the program: the own tag is replaced by an undefined
        // value and the chain detached for the call, then both are put back as they were (redefining keeps the
        // property's place in the key order). The tag is then the built-in one, which says "Object" for kinds whose
        // tag lives on their prototype: those are told apart by brand checks. An object that cannot be changed so is
        // told by brand checks alone. (Kinds without a brand check, such as generators, are refused by the chain they
        // have or had: chainFacts and replacedPrototypeFacts.)
        builtinTag(object, prototype, ownTag, index) {
            if (!P.isExtensible(object) || (ownTag && !ownTag.configurable))
                return this.tagByBrand(object, ownTag, index);
            let tag;
            if (ownTag)
                P.defineProperty(object, toStringTag, { value: undefined, writable: false, enumerable: ownTag.enumerable, configurable: true });
            try {
                if (prototype !== null)
                    P.setPrototypeOf(object, null);
                try {
                    tag = P.objectToString(object);
                } finally {
                    if (prototype !== null)
                        P.setPrototypeOf(object, prototype);
                }
            } finally {
                if (ownTag)
                    P.defineProperty(object, toStringTag, ownTag);
            }
            return tag === "[object Object]" ? this.taggedKindByBrand(object, tag) : tag;
        }

        // The tag of a kind whose brand check `object` passes, or `otherwise`.
        taggedKindByBrand(object, otherwise) {
            for (let i = 0; i < taggedKinds.length; ++i) {
                if (hasBrand(object, taggedKinds[i][2]))
                    return taggedKinds[i][0];
            }
            return otherwise;
        }

        // builtinTag for an object whose tag cannot be neutralised for a moment: every kind with a brand check is
        // tried. Only an arguments object has none; an object that has a `callee` like one is refused.
        tagByBrand(object, ownTag, index) {
            for (let i = 0; i < slotKinds.length; ++i) {
                if (hasBrand(object, slotKinds[i][1]))
                    return slotKinds[i][0];
            }
            if (P.getOwnPropertyDescriptor(object, "callee"))
                this.fail(index, ownTag && !ownTag.configurable ? "its Symbol.toStringTag cannot be changed, so whether it is an arguments object cannot be checked" : "it is not extensible and its @@toStringTag could hide whether it is an arguments object");
            return this.taggedKindByBrand(object, "[object Object]");
        }

        // Classifies an object by its brand, without calling user code (the caller ruled out proxies).
        classify(object, index) {
            if (typeof object === "function")
                return "function";
            if (P.isArray(object))
                return "array";
            const prototype = P.getPrototypeOf(object);
            const facts = this.chainFacts(prototype);
            // The program replaced this object's prototype: the chain it had says whether its kind is refused.
            const replaced = this.replacedPrototypeFacts(object);
            const refusal = facts.refusal || (replaced && replaced.refusal && `${replaced.refusal} (its prototype was replaced)`);
            if (refusal && !isClassPrototype(object) && !this.generatorPrototypes.has(object)) {
                if (prototype === P.Promise.prototype)
                    return "engine promise";
                this.fail(index, refusal);
            }
            if (P.arrayBufferIsView(object))
                return P.typedArrayTag(object) === undefined ? "dataview" : "typedarray";
            // Object.prototype.toString reads @@toStringTag, own or inherited: a getter or a proxy trap of the program
            // must not run, and a tag the program defined or a prototype it replaced could make one kind look like
            // another.
            const ownTag = P.getOwnPropertyDescriptor(object, toStringTag);
            const tagMayHideKind = facts.hidesKind || replaced !== null || (ownTag !== undefined && !("value" in ownTag && typeof ownTag.value !== "string"));
            const tag = tagMayHideKind ? this.builtinTag(object, prototype, ownTag, index) : P.objectToString(object);
            switch (tag) {
            case "[object Object]":
                return "object";
            case "[object Date]":
                return "date";
            case "[object RegExp]":
                return "regexp";
            case "[object Error]":
                return "error";
            case "[object Boolean]":
            case "[object Number]":
            case "[object String]":
                return "wrapper";
            case "[object Arguments]":
                return "arguments";
            }
            // Tags below come from @@toStringTag; confirm with a brand check that throws on impostors.
            for (let i = 0; i < taggedKinds.length; ++i) {
                if (tag === taggedKinds[i][0] && hasBrand(object, taggedKinds[i][2]))
                    return taggedKinds[i][1];
            }
            if (tag === "[object SharedArrayBuffer]")
                this.fail(index, "a SharedArrayBuffer is shared with other threads");
            return "object";
        }

        describe(index) {
            const value = this.objects[index];
            if (typeof value === "symbol")
                return this.describeSymbol(value);
            if (value === globalThis)
                return { kind: RecordKind.Global, body: this.describeBody(value, index, (key) => offload.Intrinsics.isRuntimeGlobal(key), this.globalKeys()) };
            if (this.changedIntrinsics.has(value))
                return { kind: RecordKind.Intrinsic, path: this.intrinsics.pathOf.get(value), body: this.describeBody(value, index) };
            if (registry.ScopeHandle.is(value))
                return this.describeScope(value, index);
            if (registry.runtimeObjects.has(value))
                this.fail(index, "an object of the offload runtime is reachable from the program");

            // Resolving and combinator element functions are functions; tracked promises and combinator states are
            // not: each object is looked up only in the tables that can hold it.
            if (typeof value === "function") {
                const resolving = registry.resolvingFunctions.get(value);
                if (resolving) {
                    this.reach(resolving.record.promise, index, "<promise>");
                    return { kind: RecordKind.ResolvingFunction, promise: resolving.record.promise, which: resolving.which };
                }
                const element = registry.combinatorElements.get(value);
                if (element) {
                    this.reach(element.state, index, "<combinator>");
                    return { kind: RecordKind.PromiseCombinatorElement, state: element.state, which: element.which, elementIndex: element.index, body: this.describeBody(value, index) };
                }
            } else {
                const promise = registry.promises.get(value);
                if (promise)
                    return this.describePromise(value, promise, index);
                if (registry.combinatorStates.has(value))
                    return this.describeCombinator(value, index);
            }

            const proxy = registry.proxies.get(value);
            if (proxy) {
                for (let infoIndex = 0, infoList = this.brandedClasses; infoIndex < infoList.length; ++infoIndex) {
                    const info = infoList[infoIndex][1];
                    if (info.brand(value))
                        this.fail(index, `a Proxy that carries the private names of ${this.className(info.literal)} cannot be captured`);
                }
                if (proxy.revokes) {
                    // The revoke function of Proxy.revocable: the runtime's proxy of the engine's, which has no
                    // traps but apply, so describing its body runs no code.
                    const revocable = proxy.revokes.proxy || null;
                    this.reach(revocable, index, "<revocable proxy>");
                    return { kind: RecordKind.ProxyRevoke, proxy: revocable, body: this.describeBody(value, index) };
                }
                if (proxy.revoked)
                    return { kind: RecordKind.Proxy, target: null, handler: null, callable: typeof value === "function" };
                this.reach(proxy.target, index, "<proxy target>");
                this.reach(proxy.handler, index, "<proxy handler>");
                return { kind: RecordKind.Proxy, target: proxy.target, handler: proxy.handler, callable: typeof value === "function" };
            }

            switch (this.classify(value, index)) {
            case "function":
                return this.describeFunction(value, index);
            case "array":
                return this.describeArray(value, index);
            case "object":
                return { kind: RecordKind.Object, body: this.describeBody(value, index) };
            case "date":
                return { kind: RecordKind.Date, time: P.apply(dateGetTimeMethod, value, noArguments), body: this.describeBody(value, index) };
            case "regexp":
                return { kind: RecordKind.RegExp, source: P.regExpSource(value), flags: P.regExpFlags(value), body: this.describeBody(value, index) };
            case "error":
                return { kind: RecordKind.Error, errorName: this.errorConstructorName(value), body: this.describeBody(value, index) };
            case "wrapper":
                return this.describeWrapper(value, index);
            case "map":
                return this.describeMap(value, index);
            case "set":
                return this.describeSet(value, index);
            case "weakmap":
                return this.describeWeakCollection(value, index, RecordKind.WeakMap);
            case "weakset":
                return this.describeWeakCollection(value, index, RecordKind.WeakSet);
            case "arraybuffer":
                return this.describeArrayBuffer(value, index);
            case "intl":
                return this.describeIntl(value, index);
            case "typedarray":
                return this.describeTypedArray(value, index);
            case "dataview":
                return this.describeDataView(value, index);
            case "arguments":
                return this.describeArguments(value, index);
            case "engine promise":
                return this.describeEnginePromise(value, index);
            }
            this.fail(index, "unknown kind of object");
        }

        // A promise's state as the program sees it now: one that was resolved with another promise has that one's.
        settledState(record, index, depth = 0) {
            if (record.state !== PromiseState.Locked)
                return [record.state, record.result];
            const target = record.result;
            const followed = registry.promises.get(target);
            if (followed && depth < 1000) {
                const settled = this.settledState(followed, index, depth + 1);
                const state = settled[0];
                const result = settled[1];
                // Still waiting: it stays locked to the promise it follows.
                if (state === PromiseState.Pending || state === PromiseState.Locked)
                    return [PromiseState.Locked, target];
                return [state, result];
            }
            // Resolved with an object: fulfilled with it, unless it was a thenable whose progress cannot be seen.
            for (let holder = target; holder; holder = P.getPrototypeOf(holder)) {
                if (registry.proxies.has(holder))
                    this.fail(index, "a promise resolved with a proxy cannot be captured");
                if (P.getOwnPropertyDescriptor(holder, "then"))
                    this.fail(index, "a promise resolved with a thenable that is not a tracked promise cannot be captured");
            }
            return [PromiseState.Fulfilled, target];
        }

        describePromise(promise, record, index) {
            const settled = this.settledState(record, index);
            const state = settled[0];
            const result = settled[1];
            this.reach(result, index, "<promise result>");
            const waiting = state === PromiseState.Pending || state === PromiseState.Locked;
            const reactions = waiting ? record.reactions : [];
            for (let i = 0; i < reactions.length; ++i) {
                // The engine's own functions in a reaction link an await (or a promise of its own) to this one.
                if (registry.isEngineHandler(reactions[i][1]) && registry.isEngineHandler(reactions[i][2]))
                    this.fail(index, "an async function (or another promise the engine made) is waiting for it, and a suspended async function cannot be captured yet");
                this.reach(reactions[i][0], index, `<reaction ${i} promise>`);
                this.reach(reactions[i][1], index, `<reaction ${i} fulfilled>`);
                this.reach(reactions[i][2], index, `<reaction ${i} rejected>`);
            }
            // Promises still waiting on this one may be held by nothing else: they travel as extra roots, and restoring
            // them (resolved with this promise) links them again.
            if (waiting) {
                for (let followerIndex = 0, followerList = record.followers; followerIndex < followerList.length; ++followerIndex) {
                    const follower = followerList[followerIndex];
                    if (this.settledState(follower, index)[0] === PromiseState.Locked && !this.indexOf.has(follower.promise)) {
                        this.reach(follower.promise, index, "<follower>");
                        this.followers[this.followers.length] = follower.promise;
                    }
                }
            }
            return { kind: RecordKind.Promise, state, result, reactions, body: this.describeBody(promise, index) };
        }

        // A promise the engine made (an async function's result): settled ones travel like the runtime's own, once a
        // probe has seen their settlement (registry.js, probeEnginePromise). The first capture that meets one starts
        // the probe and asks the host for another pass after the engine has run its microtasks.
        describeEnginePromise(promise, index) {
            const settlement = registry.engineSettlements.get(promise);
            if (settlement) {
                this.reach(settlement[1], index, "<promise result>");
                return { kind: RecordKind.Promise, state: settlement[0], result: settlement[1], reactions: [], body: this.describeBody(promise, index) };
            }
            switch (registry.probeEnginePromise(promise)) {
            case registry.ProbeResult.Started:
                this.needsAnotherPass = true;
                return { kind: RecordKind.Promise, state: PromiseState.Pending, result: undefined, reactions: [], body: this.describeBody(promise, index) };
            case registry.ProbeResult.Pending:
                this.fail(index, "a promise made by the engine (for example by an async function that is still running) is pending, and its progress cannot be captured yet");
                break;
            case registry.ProbeResult.NotPromise:
                return { kind: RecordKind.Object, body: this.describeBody(promise, index) };
            default:
                this.fail(index, "a promise made by the engine whose constructor or prototype the program changed cannot be checked without running its code");
            }
        }

        // What Promise.all, allSettled or any still waits for (registry.js).
        describeCombinator(state, index) {
            this.reach(state.resolve, index, "<combinator resolve>");
            this.reach(state.reject, index, "<combinator reject>");
            const elements = [];
            for (let i = 0; i < state.values.length; ++i) {
                this.reach(state.values[i], index, `<combinator value ${i}>`);
                appendPair(elements, !!state.called[i], state.values[i]);
            }
            return { kind: RecordKind.PromiseCombinator, type: state.type, remaining: state.remaining, resolve: state.resolve, reject: state.reject, elements };
        }

        describeSymbol(symbol) {
            const wellKnown = this.intrinsics.wellKnownSymbols.get(symbol);
            if (wellKnown !== undefined)
                return { kind: RecordKind.WellKnownSymbol, name: wellKnown };
            const key = P.symbolKeyFor(symbol);
            if (key !== undefined)
                return { kind: RecordKind.RegisteredSymbol, key };
            return { kind: RecordKind.Symbol, description: P.symbolDescription(symbol) };
        }

        describeScope(handle, index) {
            const template = registry.templates.get(handle.template);
            if (!template)
                this.fail(index, `scope template ${handle.template} belongs to no registered script`);
            const evalRefusal = registry.evalRefusalOf(handle);
            if (evalRefusal !== undefined)
                this.fail(index, evalRefusal);
            if (template.privateClass >= 0)
                this.reachClassEvaluation(handle.parent, template.script.sid, template.privateClass, index);
            // A parameter scope's handles that belong to one call are one record (paramsScopeOf): its bindings are
            // those any of them can read.
            const paramsGroup = template.kind === "params" ? this.paramsGroups.get(handle) : undefined;
            const parent = this.canonicalScope(handle.parent);
            // The parent first, as the record is written (the numbering of records follows the encoding).
            if (parent)
                this.reach(parent, index, "<parent scope>");
            const bindings = [];
            for (let bindingIndex = 0; bindingIndex < template.bindings.length; ++bindingIndex) {
                const name = template.bindings[bindingIndex][0];
                const kind = template.bindings[bindingIndex][1];
                if (kind === "home") {
                    const owner = this.homeOwner(handle, template, index);
                    this.reach(owner, index, "<home object>");
                    bindings[bindings.length] = owner;
                    continue;
                }
                let value = readBinding(handle, bindingIndex);
                if (value === uninitialized) {
                    bindings[bindings.length] = uninitialized;
                    continue;
                }
                if (value === registry.hiddenBinding || (paramsGroup !== undefined && value === paramsGroup.tag)) {
                    // A tagged parameter (paramsScopeOf), or one this handle cannot see: read by another handle of
                    // the call, or filled in if one that can read it is found later (learnParamsValue); else no
                    // closure can read it.
                    const known = paramsGroup !== undefined ? paramsGroup.values[bindingIndex] : registry.hiddenBinding;
                    if (known === uninitialized) {
                        bindings[bindings.length] = uninitialized;
                        continue;
                    }
                    value = known === registry.hiddenBinding ? undefined : known;
                }
                // The restore constructs the scope's synthesized function with the captured new.target
                // (Restore.enterScope), as a derived class whose super() returns the captured `this`: strict code only.
                if (kind === "new.target" && value !== undefined)
                    this.checkNewTarget(value, template, index);
                this.reach(value, index, name);
                bindings[bindings.length] = value;
            }
            const plan = { kind: RecordKind.Scope, template: handle.template, parent: parent || null, bindings };
            if (paramsGroup !== undefined) {
                paramsGroup.plan = plan;
                paramsGroup.planIndex = index;
            }
            return plan;
        }

        // The handle whose record stands for a scope instance. Closures made in a parameter list where the call's
        // arguments object cannot keep the parameter scope's handle (an arrow's, a function's nested in a parameter
        // list, code below a binding named `arguments`) each get a handle of their own (Instrumentation.md,
        // "Parameter scopes"): those of one call are found here and stand for one record, so that the closures share
        // the parameters again after a restore.
        canonicalScope(handle) {
            if (!handle)
                return handle;
            const template = registry.templates.get(handle.template);
            if (!template || template.kind !== "params")
                return handle;
            const known = this.paramsCanonical.get(handle);
            if (known !== undefined)
                return known;
            const canonical = this.paramsScopeOf(handle, template);
            this.paramsCanonical.set(handle, canonical);
            return canonical;
        }

        // A parameter scope's getters can also write its parameters (Rewriter::getter). The first handle of a call
        // that the walk meets writes a tag of its own (a fresh object) into every parameter it can see; a later
        // handle that reads a tag belongs to that call. Handles of one call that see no parameter in common (each
        // hides the others' under a declaration of the same name) share no parameter either, so keeping them apart
        // loses nothing; nor do parameters in their temporal dead zone for good (the parameter list threw), which
        // cannot be written. No program code runs during the walk, and every parameter gets its value back when it
        // ends (untagParameters), before anything else runs.
        paramsScopeOf(handle, template) {
            const hidden = registry.hiddenBinding;
            const bindings = template.bindings;
            const values = [];
            let group;
            for (let i = 0; i < bindings.length; ++i) {
                const value = readBinding(handle, i);
                values[values.length] = value;
                const tagged = isObject(value) ? this.paramsTags.get(value) : undefined;
                if (tagged === undefined)
                    continue;
                if (group !== undefined && group !== tagged)
                    this.fail(this.indexFor(group.handle) ?? -1, "closures made in a parameter list read its parameters through scopes of one call that the capture took for two calls");
                group = tagged;
            }
            if (group === undefined) {
                const known = [];
                for (let i = 0; i < bindings.length; ++i)
                    known[known.length] = hidden;
                group = { handle, tag: {}, values: known, plan: null, planIndex: -1 };
                this.paramsTags.set(group.tag, group);
                this.paramsGroups.set(handle, group);
            }
            for (let i = 0; i < bindings.length; ++i) {
                const value = values[i];
                if (value === hidden || value === group.tag || group.values[i] !== hidden)
                    continue;
                this.learnParamsValue(group, i, value);
                if (bindings[i][1] === "param" && value !== uninitialized && handle.getter(-1 - i, group.tag) === true) {
                    appendPair(this.paramsUndo, handle, i);
                    this.paramsUndo[this.paramsUndo.length] = value;
                }
            }
            return group.handle;
        }

        // A binding value of a call's parameter scope, read through a handle that sees it: it completes the record if
        // that was already described with the binding hidden.
        learnParamsValue(group, i, value) {
            group.values[i] = value;
            if (group.plan === null)
                return;
            group.plan.bindings[i] = value;
            if (value !== uninitialized)
                this.reach(value, group.planIndex, registry.templates.get(group.handle.template).bindings[i][0]);
        }

        untagParameters() {
            const undo = this.paramsUndo;
            this.paramsUndo = [];
            for (let i = undo.length - 3; i >= 0; i -= 3)
                undo[i].getter(-1 - undo[i + 1], undo[i + 2]);
        }

        // A method's home object cannot be read from its code: it is the object (or class) that the evaluation of its
        // object literal (or class) made in the scope instance the method was made in. That evaluation is told by the
        // scope instance, so it must be the only live one there. Returns the object literal's object, or the class
        // (the home object is then the class, or its prototype, as the template says).
        homeOwner(handle, template, index) {
            const ownerId = `${template.script.sid}:${template.home.literal}`;
            const live = registry.classEvaluationsIn(handle.parent, ownerId);
            if (live.length === 1)
                return live[0];
            const owner = registry.literals.get(ownerId);
            const what = owner && owner.kind === "class" ? this.className(ownerId) : `the object literal of method ${(owner && owner.name) || ownerId}`;
            this.fail(index, live.length
                ? `closures here use super, and ${what} was evaluated ${live.length} times in the same scope, so which home object super reads cannot be told`
                : `closures here use super, and the home object made by ${what} is not known in the scope its method was made in`);
        }

        // new.target travels when the restore can construct the scope's synthesized function with it without running
        // user code: a derived class constructor (strict code only) whose super() returns the captured `this`, with
        // new.target an instrumented or built-in function (not a proxy, whose traps are user code).
        checkNewTarget(value, template, index) {
            if (!template.strict)
                this.fail(index, "new.target of a sloppy-mode function called as a constructor cannot be given back to the closures made in it");
            if (typeof value !== "function" || registry.proxies.has(value))
                this.fail(index, "new.target of a function called as a constructor is a proxy, which cannot be given back to the closures made in it");
            if (template.home)
                this.fail(index, "closures made here use both new.target and super, which one rebuilt scope cannot give them together");
        }

        // The scope whose home object an arrow's super reads: the first enclosing function-like scope, which lists a
        // `home` binding when the instrumenter saw the arrow use super.
        hasHomeScope(handle) {
            for (let scope = handle; scope; scope = scope.parent) {
                const template = registry.templates.get(scope.template);
                if (!template)
                    return false;
                if (template.home)
                    return true;
                if ((template.kind === "function" || template.kind === "params" || template.kind === "field" || template.kind === "staticBlock") && !template.arrow)
                    return false;
            }
            return false;
        }

        describeFunction(fn, index) {
            const info = registry.functionInfo(fn);
            if (info) {
                const literal = registry.literals.get(info.literal);
                if (!literal)
                    this.fail(index, `function literal ${info.literal} belongs to no registered script`);
                // A class member is made with its class (its home); other code inside a class with private names is
                // made inside the class's evaluation in a restore.
                // A computed field key is evaluated once, when the class is made, and kept inside the class: the
                // instrumented class hands over the keys of each evaluation, which travel as its home (registry.f).
                if (literal.computedFields && !info.home)
                    this.fail(index, `class ${literal.name || info.literal} has a computed field name whose value was not recorded (a yield or await in the class's computed keys or heritage)`);
                if (literal.privateClass >= 0 && !(literal.method && literal.owner >= 0))
                    this.reachClassEvaluation(info.scope, literal.script.sid, literal.privateClass, index);
                // An arrow's `super` reads the home object of the method it was made in, which the scope of that
                // method's call carries (a `home` binding); `super()` in an arrow would need the constructor's call
                // itself (Instrumentation.md, "Home objects").
                if (literal.arrow && literal.callsSuper)
                    this.fail(index, `arrow function ${info.literal} calls super(), which cannot be rebuilt: super() runs the parent constructor for one constructor call and binds that call's this, and a restore cannot make that call again (its rebuilt scope constructs through a stand-in for the parent, whose code would not run)`);
                if (literal.arrow && literal.usesSuper && !this.hasHomeScope(info.scope))
                    this.fail(index, `arrow function ${info.literal} uses super, and the scope it was made in does not carry its home object`);
                this.noteGeneratorPrototype(fn, index);
                const scope = this.canonicalScope(info.scope);
                if (scope)
                    this.reach(scope, index, "<scope>");
                if (info.home)
                    this.reach(info.home, index, "<home object>");
                return { kind: RecordKind.Function, literal: info.literal, scope: scope || null, home: info.home, body: this.describeBody(fn, index) };
            }
            const bound = registry.boundFunctions.get(fn);
            if (bound) {
                this.reach(bound.target, index, "<bound target>");
                this.reach(bound.boundThis, index, "<bound this>");
                for (let i = 0; i < bound.args.length; ++i)
                    this.reach(bound.args[i], index, `<bound argument ${i}>`);
                return { kind: RecordKind.BoundFunction, target: bound.target, boundThis: bound.boundThis, args: bound.args, body: this.describeBody(fn, index) };
            }
            const name = P.getOwnPropertyDescriptor(fn, "name");
            const label = name && typeof name.value === "string" && name.value ? ` "${name.value}"` : "";
            // Anonymous native functions are the engine's own: the resolving functions it hands to a thenable's then
            // (for an await or a promise resolved with the thenable).
            if (!label && registry.isEngineHandler(fn))
                this.fail(index, "a resolving function the engine made for a promise of its own (an await or a promise resolved with a thenable) cannot be captured yet");
            const uninstrumented = registry.uninstrumentedReasonOf(fn);
            if (uninstrumented !== undefined)
                this.fail(index, `function${label} was made by code that could not be instrumented and ran as written: ${uninstrumented}`);
            this.fail(index, `function${label} was not created by instrumented code (a host function, code of a script that could not be instrumented, or code run by an eval reached through a property such as globalThis.eval)`);
        }

        // An arguments object is unmapped when its callee is the %ThrowTypeError% accessor (strict functions, and
        // functions with non-simple parameters); otherwise it was made by a sloppy function and may still be mapped to
        // its parameters: which indices are, and to which call's scope, is found once the walk is done
        // (linkMappedArguments). A sloppy function that is not instrumented (or whose callee property the program
        // replaced) cannot be told: refused when the object has indices.
        describeArguments(object, index) {
            const callee = P.getOwnPropertyDescriptor(object, "callee");
            const isUnmapped = !!callee && !("value" in callee) && !callee.configurable && callee.get === this.intrinsics.byPath.get("%ThrowTypeError%");
            if (!isUnmapped) {
                const info = callee && "value" in callee && typeof callee.value === "function" ? registry.functionInfo(callee.value) : undefined;
                const literal = info && registry.literals.get(info.literal);
                if (literal && literal.parameters)
                    appendPair(this.sloppyArguments, index, literal);
                else if (this.hasIndexKey(object))
                    this.fail(index, "the arguments object of a sloppy-mode function that is not its callee's any more may stay tied to parameters closures read, which cannot be told");
            }
            // JavaScriptCore lists `callee` and @@iterator of an arguments object lazily, before or after added keys
            // depending on its history, which a rebuilt one cannot repeat: the order is made canonical instead.
            // FIXME: keep the engine's order (Reflect.ownKeys of a restored arguments object may differ).
            const own = P.ownKeys(object);
            const keys = [];
            const add = (test) => {
                for (let i = 0; i < own.length; ++i) {
                    if (test(own[i]))
                        keys[keys.length] = own[i];
                }
            };
            add((key) => typeof key === "string" && `${+key}` === key);
            add((key) => key === "length");
            add((key) => key === "callee");
            add((key) => typeof key === "string" && `${+key}` !== key && key !== "length" && key !== "callee");
            add((key) => typeof key === "symbol");
            return { kind: RecordKind.Arguments, mapped: isUnmapped ? Format.ArgumentsMapping.Unmapped : Format.ArgumentsMapping.Mapped, scope: null, aliased: [], body: this.describeBody(object, index, null, keys) };
        }

        hasIndexKey(object) {
            const keys = P.ownKeys(object);
            for (let i = 0; i < keys.length; ++i) {
                if (typeof keys[i] === "string" && `${+keys[i]}` === keys[i])
                    return true;
            }
            return false;
        }

        // A sloppy function's arguments object keeps index i mapped to its i-th parameter (the last of that name)
        // until the index is deleted or redefined. Only parameters that closures read (those its scope template
        // lists) can tell: for each, the captured scope instances of the callee's function template whose binding
        // holds the same value are probed by writing a fresh object through the arguments object and reading the
        // binding back through the handle (then the value is written back). Neither the write nor the getter can run
        // user code: the index is the object's own writable data property, and the getter is the instrumenter's.
        linkMappedArguments() {
            if (!this.sloppyArguments.length)
                return;
            const scopesOf = P.ownedMap();
            for (let i = 0; i < this.plans.length; ++i) {
                if (this.plans[i].kind !== RecordKind.Scope)
                    continue;
                const list = scopesOf.get(this.plans[i].template);
                if (list)
                    list[list.length] = i;
                else
                    scopesOf.set(this.plans[i].template, [i]);
            }
            for (let n = 0; n < this.sloppyArguments.length; n += 2) {
                const index = this.sloppyArguments[n];
                const literal = this.sloppyArguments[n + 1];
                const object = this.objects[index];
                const templates = literal.script.metadata.templates;
                let templateIndex = -1;
                for (let t = 0; t < templates.length && templateIndex < 0; ++t)
                    templateIndex = templates[t].function === literal.index && templates[t].kind === "function" ? t : -1;
                const candidates = templateIndex >= 0 ? scopesOf.get(`${literal.script.sid}:${templateIndex}`) : undefined;
                if (!candidates)
                    continue;
                // [argument index, binding index] of the parameters closures read, each the last of its name.
                const parameters = literal.parameters;
                const bindings = templates[templateIndex].bindings;
                const pairs = [];
                for (let i = 0; i < parameters.length; ++i) {
                    let isLast = true;
                    for (let j = i + 1; j < parameters.length && isLast; ++j)
                        isLast = parameters[j] !== parameters[i];
                    if (!isLast)
                        continue;
                    for (let b = 0; b < bindings.length; ++b) {
                        if (bindings[b][0] === parameters[i] && bindings[b][1] === "param")
                            appendPair(pairs, i, b);
                    }
                }
                for (let c = 0; c < candidates.length; ++c) {
                    const handle = this.objects[candidates[c]];
                    const aliased = [];
                    for (let p = 0; p < pairs.length; p += 2) {
                        const descriptor = P.getOwnPropertyDescriptor(object, `${pairs[p]}`);
                        if (!descriptor || !("value" in descriptor) || !descriptor.writable || descriptor.value !== handle.getter(pairs[p + 1]))
                            continue;
                        const probe = {};
                        object[pairs[p]] = probe;
                        const seen = handle.getter(pairs[p + 1]);
                        object[pairs[p]] = descriptor.value;
                        if (seen === probe)
                            aliased[aliased.length] = pairs[p];
                    }
                    if (aliased.length) {
                        const plan = this.plans[index];
                        plan.scope = handle;
                        // In ascending order: the parameters were probed in order.
                        plan.aliased = aliased;
                        break;
                    }
                }
            }
        }

        // A generator function's `prototype` object inherits from %GeneratorPrototype% like the generators it makes,
        // but is an ordinary object: it is told apart as the function's own `prototype` (its generators inherit from
        // it, not from %GeneratorPrototype% directly). The function is described before what it reaches.
        // When the program replaced the function's `prototype`, the generators it made since inherit from an object
        // that says nothing of them: objects inheriting from it are refused once the walk is done
        // (checkReplacedGeneratorPrototypes).
        noteGeneratorPrototype(fn, index) {
            const kind = P.getPrototypeOf(fn);
            if (kind !== generatorFunctionPrototype && kind !== asyncGeneratorFunctionPrototype)
                return;
            const descriptor = P.getOwnPropertyDescriptor(fn, "prototype");
            const prototype = descriptor && descriptor.value;
            if (!isObject(prototype))
                return;
            if (registry.proxies.has(prototype))
                appendPair(this.replacedGeneratorPrototypes, prototype, index);
            else if (P.getPrototypeOf(prototype) === kind.prototype && !this.indexOf.has(prototype))
                this.generatorPrototypes.add(prototype);
            else if (!this.chainFacts(prototype).refusal)
                appendPair(this.replacedGeneratorPrototypes, prototype, index);
        }

        // FIXME: a generator made while its function's `prototype` was replaced is found only while that function is
        // reachable and still holds that prototype; the instrumenter could report generator objects as they are made.
        checkReplacedGeneratorPrototypes() {
            const list = this.replacedGeneratorPrototypes;
            if (!list.length)
                return;
            for (let index = 0; index < this.objects.length; ++index) {
                const object = this.objects[index];
                if (typeof object !== "object" || this.isPlainIntrinsic(object))
                    continue;
                // The chain is followed up to a proxy, whose prototype only its trap could tell.
                for (let prototype = P.getPrototypeOf(object); prototype !== null; prototype = P.getPrototypeOf(prototype)) {
                    for (let i = 0; i < list.length; i += 2) {
                        if (prototype === list[i])
                            this.fail(index, `it may be a suspended generator of ${this.pathOf(list[i + 1])}, whose \`prototype\` the program replaced with the object it inherits from`);
                    }
                    if (registry.proxies.has(prototype))
                        break;
                }
            }
        }

        describeArray(array, index) {
            // A tagged template's strings object is cached by its call site: it travels as the array it is and as an
            // extra root naming the site, whose runtime call gives it again after a restore (registry.ts). One made
            // by a site the instrumenter did not route (in eval code, or tagged by `eval`) cannot be given again.
            const raw = P.getOwnPropertyDescriptor(array, "raw");
            if (raw && "value" in raw && P.isArray(raw.value) && !P.isExtensible(array)) {
                const site = registry.templateSiteOf(array);
                if (site === undefined)
                    this.fail(index, "the strings object of a tagged template in code made at run time (or tagged by eval) cannot be captured: its call site keeps it");
                this.templateObjects[this.templateObjects.length] = array;
            }
            const length = array.length;
            // The dense part is canonical (SnapshotFormat.md): the longest prefix of plain elements that ends with
            // an element and is at least half full. Index keys come first, in ascending order, so when key
            // `length - 1` is at position `length - 1` every element exists: the common case, read without
            // converting keys to numbers and back.
            const keys = P.ownKeys(array);
            const elements = [];
            let denseCount = 0;
            let denseKeys = 0;
            if (length > 0 && keys.length > length && keys[length - 1] === `${length - 1}`) {
                for (; denseCount < length; ++denseCount) {
                    const descriptor = P.getOwnPropertyDescriptor(array, denseCount);
                    if (!("value" in descriptor) || !descriptor.writable || !descriptor.enumerable || !descriptor.configurable)
                        break;
                    // Reached in order, as below: there is no hole in this part.
                    this.reach(descriptor.value, index, denseCount);
                    elements[elements.length] = descriptor.value;
                }
                denseKeys = denseCount;
            } else {
                let present = 0;
                for (let keyIndex = 0, keyList = keys; keyIndex < keyList.length; ++keyIndex) {
                    const key = keyList[keyIndex];
                    if (typeof key !== "string" || `${+key}` !== key || +key >= length)
                        break;
                    const descriptor = P.getOwnPropertyDescriptor(array, key);
                    if (!("value" in descriptor) || !descriptor.writable || !descriptor.enumerable || !descriptor.configurable)
                        break;
                    if (2 * ++present >= +key + 1) {
                        denseCount = +key + 1;
                        denseKeys = present;
                    }
                }
                for (let i = 0; i < denseCount; ++i) {
                    const descriptor = P.getOwnPropertyDescriptor(array, i);
                    elements[elements.length] = descriptor ? descriptor.value : offload.hole;
                }
                for (let i = 0; i < denseCount; ++i) {
                    if (elements[i] !== offload.hole)
                        this.reach(elements[i], index, i);
                }
            }
            // A read-only length (a frozen array) is a flag of the record, not a property.
            const lengthIsWritable = P.getOwnPropertyDescriptor(array, "length").writable;
            // The elements below denseCount are the first denseKeys keys; `length` is skipped wherever it is listed.
            return { kind: RecordKind.Array, length, lengthIsWritable, elements, body: this.describeBody(array, index, isLengthKey, keys, denseKeys) };
        }

        errorConstructorName(error) {
            const prototypeSuffix = ".prototype";
            for (let prototype = P.getPrototypeOf(error); prototype; prototype = P.getPrototypeOf(prototype)) {
                // String and array methods through primordials: the program may have replaced the built-in ones.
                const path = this.intrinsics.pathOf.get(prototype);
                if (path && P.stringSlice(path, -prototypeSuffix.length) === prototypeSuffix) {
                    const name = P.stringSlice(path, 0, -prototypeSuffix.length);
                    if (P.listIncludes(Format.errorConstructors, name))
                        return name;
                }
            }
            return "Error";
        }

        describeWrapper(object, index) {
            const unwrappers = [P.numberValueOf, P.stringValueOf, P.booleanValueOf, P.symbolValueOf, P.bigIntValueOf];
            for (let unwrapIndex = 0, unwrapList = unwrappers; unwrapIndex < unwrapList.length; ++unwrapIndex) {
                const unwrap = unwrapList[unwrapIndex];
                let primitive;
                try {
                    primitive = unwrap(object);
                } catch {
                    continue;
                }
                this.reach(primitive, index, "<primitive>");
                // A String wrapper's index properties are the string's own; they are not stored.
                const skip = typeof primitive === "string" ? (key) => key === "length" || (typeof key === "string" && `${+key}` === key && +key < primitive.length) : undefined;
                return { kind: RecordKind.PrimitiveWrapper, primitive, body: this.describeBody(object, index, skip) };
            }
            return { kind: RecordKind.Object, body: this.describeBody(object, index) };
        }

        // An Intl object travels as its kind and the options it resolved, which make it again on the other side. That
        // is checked here, on an object made from them: the same options resolved, and the same text for a fixed value.
        describeIntl(object, index) {
            let kind = null;
            for (let i = 0; i < P.intlKinds.length && !kind; ++i)
                kind = hasBrand(object, P.intlKinds[i].brand) ? P.intlKinds[i] : null;
            const options = P.jsonStringify(kind.options(object));
            let again;
            try {
                again = kind.make(P.jsonParse(options));
            } catch (error) {
                this.fail(index, `this Intl.${kind.name} cannot be made again from its resolved options: ${error}`);
            }
            if (P.jsonStringify(kind.options(again)) !== options || (kind.probe && kind.probe(again) !== kind.probe(object)))
                this.fail(index, `this Intl.${kind.name} made again from its resolved options would not behave the same`);
            return { kind: RecordKind.IntlObject, constructorName: kind.name, options, body: this.describeBody(object, index) };
        }

        describeMap(map, index) {
            // forEach makes no result object or [key, value] pair per entry, unlike an iterator.
            const entries = [];
            P.mapForEach(map, (value, key) => {
                this.reach(key, index, "<map key>");
                this.reach(value, index, "<map value>");
                entries[entries.length] = key;
                entries[entries.length] = value;
            });
            return { kind: RecordKind.Map, entries, body: this.describeBody(map, index) };
        }

        describeSet(set, index) {
            const values = [];
            P.setForEach(set, (value) => {
                this.reach(value, index, "<set value>");
                values[values.length] = value;
            });
            return { kind: RecordKind.Set, values, body: this.describeBody(set, index) };
        }

        // Weak collections are filled after the walk: an entry travels only if its key is reachable otherwise.
        describeWeakCollection(collection, index, kind) {
            const plan = { kind, collection, entries: [], keysTaken: P.ownedSet(), body: this.describeBody(collection, index) };
            this.weakCollections[this.weakCollections.length] = [plan, index];
            return plan;
        }

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

        describeArrayBuffer(buffer, index) {
            return {
                kind: RecordKind.ArrayBuffer,
                buffer,
                byteLength: P.arrayBufferByteLength(buffer),
                maxByteLength: P.arrayBufferResizable(buffer) ? P.arrayBufferMaxByteLength(buffer) + 1 : Format.noLength,
                detached: P.arrayBufferDetached(buffer),
                body: this.describeBody(buffer, index),
            };
        }

        // A view's byte offset, its length (elements; bytes for a DataView) and whether it tracks its buffer's length.
        // On a resizable buffer neither whether a view tracks nor, once it is out of bounds, its offset and length
        // can be read: when the view ends within one element of the buffer's end, or is out of bounds, the buffer is
        // resized for a moment and put back byte for byte (SnapshotFormat.md, "Views on resizable buffers"). No
        // program code runs meanwhile.
        describeView(view, buffer, elementSize, isDataView, index) {
            let resizable;
            let detached;
            try {
                resizable = P.arrayBufferResizable(buffer);
                detached = P.arrayBufferDetached(buffer);
            } catch {
                // Only a SharedArrayBuffer is a buffer without ArrayBuffer's internal slots.
                this.fail(index, "a view on a SharedArrayBuffer, which is shared with other threads");
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
                    this.fail(index, `a view on a resizable ArrayBuffer whose length could not be probed (${error})`);
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
                        this.fail(index, "a view out of the bounds of its resizable ArrayBuffer even at its maximum length");
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

        describeTypedArray(view, index) {
            const buffer = P.typedArrayBuffer(view);
            this.reach(buffer, index, "<buffer>");
            const length = P.typedArrayLength(view);
            const type = typedArrayTypeIndex.get(P.typedArrayTag(view));
            if (type === undefined)
                this.fail(index, `a ${P.typedArrayTag(view)} has no type in the snapshot format`);
            const shape = this.describeView(view, buffer, typedArrayElementSizes[type], false, index);
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
                body: this.describeBody(view, index, skip, keys),
            };
        }

        describeDataView(view, index) {
            const buffer = P.dataViewBuffer(view);
            this.reach(buffer, index, "<buffer>");
            const shape = this.describeView(view, buffer, 1, true, index);
            return {
                kind: RecordKind.DataView,
                buffer,
                byteOffset: shape.byteOffset,
                byteLength: shape.tracks ? Format.noLength : shape.length + 1,
                body: this.describeBody(view, index),
            };
        }

        // Pass 1: the walk. Roots first, in the order the Roots section lists them.
        discover() {
            // A script that ran as written may hold global lexical bindings and closures no handle can read.
            const asWritten = registry.uninstrumentedScripts;
            if (asWritten.length)
                throw new CaptureError(`script ${asWritten[0][0]}`, `it could not be instrumented and ran as written (${asWritten[0][1]}), so its state cannot be captured`);
            this.reach(globalThis, -1, "globalThis");
            this.lexicalScopes = [];
            const scripts = P.valuesOf(registry.scripts);
            for (let i = 0; i < scripts.length; ++i) {
                const script = scripts[i];
                const handle = this.runtime.scriptScope(script);
                this.lexicalScopes[this.lexicalScopes.length] = handle;
                if (handle)
                    this.reach(handle, -1, "");
            }
            this.reach(this.runtime.pending, -1, "<pending turns>");
            for (let i = 0; i < this.changedIntrinsicList.length; ++i)
                this.reach(this.changedIntrinsicList[i], -1, this.intrinsics.pathOf.get(this.changedIntrinsicList[i]));
            this.walk();
        }

        // A capture of a synthetic object graph instead of the program's heap (runtime.js, warmUp): `root` stands where
        // the global object does, and it is the only root.
        discoverSynthetic(root) {
            this.syntheticRoot = root;
            this.lexicalScopes = [];
            this.changedIntrinsicList = [];
            this.changedIntrinsics = P.ownedSet();
            this.reach(root, -1, "<synthetic root>");
            this.walk();
        }

        walk() {
            try {
                let grew = false;
                do {
                    for (let index = this.plans.length; index < this.objects.length; ++index) {
                        const plan = this.describe(index);
                        if (plan.body && plan.body.privates)
                            this.checkPrivates(plan, index);
                        this.plans[this.plans.length] = plan;
                    }
                    grew = this.growWeakCollections();
                    this.foundWeakEntries ||= grew;
                } while (grew || this.plans.length < this.objects.length);
            } finally {
                // Parameters tagged to tell calls apart (paramsScopeOf) get their values back, also after a refusal.
                this.untagParameters();
            }
            this.linkMappedArguments();
            this.checkReplacedGeneratorPrototypes();
        }

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

        // Pass 2: the records, in index order.
        writeRecord(writer, plan, index) {
            writer.varint(plan.kind);
            writer.varint(this.runtime.idFor(this.objects[index]));
            switch (plan.kind) {
            case RecordKind.Global:
            case RecordKind.Object:
                break;
            case RecordKind.Intrinsic:
                writer.varint(this.stringIndex(plan.path));
                break;
            case RecordKind.Array:
                writer.varint(plan.length);
                writer.varint(plan.elements.length);
                for (let elementIndex = 0, elementList = plan.elements; elementIndex < elementList.length; ++elementIndex) {
                    const element = elementList[elementIndex];
                    this.writeValue(writer, element);
                }
                break;
            case RecordKind.Function:
                writer.varint(this.stringIndex(plan.literal));
                this.writeValue(writer, plan.scope);
                this.writeValue(writer, plan.home);
                break;
            case RecordKind.BoundFunction:
                this.writeValue(writer, plan.target);
                this.writeValue(writer, plan.boundThis);
                writer.varint(plan.args.length);
                for (let argumentIndex = 0, argumentList = plan.args; argumentIndex < argumentList.length; ++argumentIndex) {
                    const argument = argumentList[argumentIndex];
                    this.writeValue(writer, argument);
                }
                break;
            case RecordKind.Scope:
                writer.varint(this.stringIndex(plan.template));
                this.writeValue(writer, plan.parent);
                writer.varint(plan.bindings.length);
                for (let bindingIndex = 0, bindingList = plan.bindings; bindingIndex < bindingList.length; ++bindingIndex) {
                    const binding = bindingList[bindingIndex];
                    this.writeValue(writer, binding);
                }
                return;
            case RecordKind.Date:
                this.writeValue(writer, plan.time);
                break;
            case RecordKind.RegExp:
                writer.varint(this.stringIndex(plan.source));
                writer.varint(this.stringIndex(plan.flags));
                break;
            case RecordKind.Error:
                writer.varint(this.stringIndex(plan.errorName));
                break;
            case RecordKind.IntlObject:
                writer.varint(this.stringIndex(plan.constructorName));
                writer.varint(this.stringIndex(plan.options));
                break;
            case RecordKind.PrimitiveWrapper:
                this.writeValue(writer, plan.primitive);
                break;
            case RecordKind.Map:
                writer.varint(plan.entries.length / 2);
                for (let itemIndex = 0, itemList = plan.entries; itemIndex < itemList.length; ++itemIndex) {
                    const item = itemList[itemIndex];
                    this.writeValue(writer, item);
                }
                break;
            case RecordKind.Set:
                writer.varint(plan.values.length);
                for (let itemIndex = 0, itemList = plan.values; itemIndex < itemList.length; ++itemIndex) {
                    const item = itemList[itemIndex];
                    this.writeValue(writer, item);
                }
                break;
            case RecordKind.WeakMap:
                writer.varint(plan.entries.length / 2);
                for (let itemIndex = 0, itemList = plan.entries; itemIndex < itemList.length; ++itemIndex) {
                    const item = itemList[itemIndex];
                    this.writeValue(writer, item);
                }
                break;
            case RecordKind.WeakSet:
                writer.varint(plan.entries.length);
                for (let itemIndex = 0, itemList = plan.entries; itemIndex < itemList.length; ++itemIndex) {
                    const item = itemList[itemIndex];
                    this.writeValue(writer, item);
                }
                break;
            case RecordKind.ArrayBuffer: {
                writer.varint(plan.byteLength);
                writer.varint(plan.maxByteLength);
                if (plan.detached) {
                    writer.u8(BufferStorage.Detached);
                    break;
                }
                const bytes = new P.Uint8Array(plan.buffer, 0, plan.byteLength);
                if (plan.byteLength < Format.blobThreshold) {
                    writer.u8(BufferStorage.Inline);
                    writer.byteString(bytes);
                } else {
                    writer.u8(BufferStorage.Blob);
                    this.pendingBlobRefs[this.pendingBlobRefs.length] = [writer.length, this.blobIndexFor(bytes)];
                    writer.varint(0); // Patched with the blob's index once all blobs are known.
                }
                break;
            }
            case RecordKind.TypedArray:
                writer.u8(plan.type);
                this.writeValue(writer, plan.buffer);
                writer.varint(plan.byteOffset);
                writer.varint(plan.length);
                break;
            case RecordKind.DataView:
                this.writeValue(writer, plan.buffer);
                writer.varint(plan.byteOffset);
                writer.varint(plan.byteLength);
                break;
            case RecordKind.Proxy:
                this.writeValue(writer, plan.target);
                this.writeValue(writer, plan.handler);
                writer.bool(plan.callable);
                return;
            case RecordKind.Promise:
                writer.u8(plan.state);
                this.writeValue(writer, plan.result);
                writer.varint(plan.reactions.length);
                for (let i = 0; i < plan.reactions.length; ++i) {
                    this.writeValue(writer, plan.reactions[i][0]);
                    this.writeValue(writer, plan.reactions[i][1]);
                    this.writeValue(writer, plan.reactions[i][2]);
                }
                break;
            case RecordKind.ResolvingFunction:
                this.writeValue(writer, plan.promise);
                writer.u8(plan.which);
                return;
            case RecordKind.PromiseCombinator:
                writer.u8(plan.type);
                writer.varint(plan.remaining);
                this.writeValue(writer, plan.resolve);
                this.writeValue(writer, plan.reject);
                writer.varint(plan.elements.length / 2);
                for (let itemIndex = 0, itemList = plan.elements; itemIndex < itemList.length; ++itemIndex) {
                    const item = itemList[itemIndex];
                    this.writeValue(writer, item);
                }
                return;
            case RecordKind.PromiseCombinatorElement:
                this.writeValue(writer, plan.state);
                writer.u8(plan.which);
                writer.varint(plan.elementIndex);
                break;
            case RecordKind.ProxyRevoke:
                this.writeValue(writer, plan.proxy);
                break;
            case RecordKind.Arguments:
                writer.u8(plan.mapped);
                this.writeValue(writer, plan.scope);
                writer.varint(plan.aliased.length);
                for (let i = 0; i < plan.aliased.length; ++i)
                    this.writeValue(writer, plan.aliased[i]);
                break;
            case RecordKind.Symbol:
                this.writeValue(writer, plan.description);
                return;
            case RecordKind.RegisteredSymbol:
                writer.varint(this.stringIndex(plan.key));
                return;
            case RecordKind.WellKnownSymbol:
                writer.varint(this.stringIndex(plan.name));
                return;
            }
            this.writeBody(writer, plan.body, plan.kind === RecordKind.Array && !plan.lengthIsWritable ? ObjectFlag.ArrayLengthNotWritable : 0);
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
    }

    // A class's or function's prototype object (`C.prototype`, holding `constructor` that points back to it) is an
    // ordinary object even when it inherits from Promise.prototype or another built-in's prototype.
    function isClassPrototype(object) {
        const constructor = P.getOwnPropertyDescriptor(object, "constructor");
        if (!constructor || !("value" in constructor) || typeof constructor.value !== "function")
            return false;
        const prototype = P.getOwnPropertyDescriptor(constructor.value, "prototype");
        return !!prototype && prototype.value === object;
    }

    // A loop rather than Array.prototype.forEach, which the program may have replaced.
    function visitAll(values, visit) {
        for (let i = 0; i < values.length; ++i)
            visit(values[i]);
    }

    // Calls `visit` with every value a plan's record refers to, in the order the record's bytes hold them.
    function forEachReference(plan, visit) {
        switch (plan.kind) {
        case RecordKind.Array:
            visitAll(plan.elements, visit);
            break;
        case RecordKind.Function:
            visit(plan.scope);
            visit(plan.home);
            break;
        case RecordKind.BoundFunction:
            visit(plan.target);
            visit(plan.boundThis);
            visitAll(plan.args, visit);
            break;
        case RecordKind.Scope:
            visit(plan.parent);
            visitAll(plan.bindings, visit);
            return;
        case RecordKind.PrimitiveWrapper:
            visit(plan.primitive);
            break;
        case RecordKind.Map:
        case RecordKind.WeakMap:
        case RecordKind.WeakSet:
            visitAll(plan.entries, visit);
            break;
        case RecordKind.Set:
            visitAll(plan.values, visit);
            break;
        case RecordKind.TypedArray:
        case RecordKind.DataView:
            visit(plan.buffer);
            break;
        case RecordKind.Proxy:
            visit(plan.target);
            visit(plan.handler);
            return;
        case RecordKind.Promise:
            visit(plan.result);
            for (let i = 0; i < plan.reactions.length; ++i)
                visitAll(plan.reactions[i], visit);
            break;
        case RecordKind.ResolvingFunction:
            visit(plan.promise);
            return;
        case RecordKind.PromiseCombinator:
            visit(plan.resolve);
            visit(plan.reject);
            visitAll(plan.elements, visit);
            return;
        case RecordKind.PromiseCombinatorElement:
            visit(plan.state);
            break;
        case RecordKind.ProxyRevoke:
            visit(plan.proxy);
            break;
        case RecordKind.Arguments:
            visit(plan.scope);
            break;
        case RecordKind.Symbol:
        case RecordKind.RegisteredSymbol:
        case RecordKind.WellKnownSymbol:
            return;
        }
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

    const uninitialized = Object.freeze({ uninitialized: true });

    // A binding's value through its scope handle, or `uninitialized` while it is in its temporal dead zone.
    function readBinding(handle, bindingIndex) {
        try {
            return handle.getter(bindingIndex);
        } catch (error) {
            if (!(error instanceof P.ReferenceError))
                throw error;
            return uninitialized;
        }
    }

    offload.CaptureError = CaptureError;
    offload.Capture = Capture;
    offload.uninitialized = uninitialized;
})
