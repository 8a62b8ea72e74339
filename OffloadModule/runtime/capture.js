/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Capture: walks the heap from the roots (the global object, each script's top-level lexical scope, the pending
// work and the built-ins the app changed) and encodes it as Documentation/SnapshotFormat.md describes. It runs with an
// empty JavaScript stack and never calls user code: no getter, no Proxy trap, no toString. State it cannot
// represent is refused with the object's path and the reason.
//
// This file holds the walk: reaching objects, describing each one's ObjectBody, and dispatching to the handler of its
// kind (kinds.js, kinds/*.js). The Capture's other methods are in classify.js (telling an object's kind),
// private-names.js, encode.js (the bytes), and in the kind files for the kind-specific passes the walk calls.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, isObject } = offload;
    const { RecordKind, PropertyAttribute } = Format;
    const registry = offload.registry;
    const kinds = offload.kinds.table;

    class CaptureError extends Error {
        constructor(path, reason) {
            super(`Cannot capture ${path}: ${reason}`);
            this.name = "OffloadCaptureError";
            this.path = path;
        }
    }

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

        // The plan of the record of the object or symbol at `index`: what its record holds, with every object and
        // symbol it refers to reached. Objects the registry knows (scope handles, tracked promises, proxies, …) are
        // found there; the others are told by their brand (classify). The handler of the kind describes it.
        describe(index) {
            const value = this.objects[index];
            if (typeof value === "symbol")
                return kinds[RecordKind.Symbol].describe(this, value, index);
            if (value === globalThis)
                return kinds[RecordKind.Global].describe(this, value, index);
            if (this.changedIntrinsics.has(value))
                return kinds[RecordKind.Intrinsic].describe(this, value, index);
            if (registry.ScopeHandle.is(value))
                return kinds[RecordKind.Scope].describe(this, value, index);
            if (registry.runtimeObjects.has(value))
                this.fail(index, "an object of the offload runtime is reachable from the program");

            // Resolving and combinator element functions are functions; tracked promises and combinator states are
            // not: each object is looked up only in the tables that can hold it.
            if (typeof value === "function") {
                const resolving = registry.resolvingFunctions.get(value);
                if (resolving)
                    return kinds[RecordKind.ResolvingFunction].describe(this, value, index, resolving);
                const element = registry.combinatorElements.get(value);
                if (element)
                    return kinds[RecordKind.PromiseCombinatorElement].describe(this, value, index, element);
            } else {
                const promise = registry.promises.get(value);
                if (promise)
                    return kinds[RecordKind.Promise].describe(this, value, index, promise);
                if (registry.combinatorStates.has(value))
                    return kinds[RecordKind.PromiseCombinator].describe(this, value, index);
            }

            const proxy = registry.proxies.get(value);
            if (proxy)
                return kinds[proxy.revokes ? RecordKind.ProxyRevoke : RecordKind.Proxy].describe(this, value, index, proxy);

            // Functions and arrays are told by the engine itself, and described from call sites of their own:
            // JavaScriptCore compiles a call for the functions it saw called there and leaves that code when another
            // comes, and functions, common in a program's heap, are not in the warm-up's (runtime.js, warmUp).
            if (typeof value === "function")
                return kinds[RecordKind.Function].describe(this, value, index);
            if (P.isArray(value))
                return kinds[RecordKind.Array].describe(this, value, index);
            return kinds[this.classify(value, index)].describe(this, value, index);
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

        // Describes every object reached, until no weak entry brings new ones (kinds/collections.js), then runs the
        // checks that need the whole walk (kinds/scopes.js, kinds/arguments.js, kinds/functions.js).
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
    }

    offload.CaptureError = CaptureError;
    offload.Capture = Capture;
})
