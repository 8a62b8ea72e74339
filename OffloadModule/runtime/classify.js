/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// How the capture tells an object's kind (Capture.classify) by its brand, never by running the program and never by
// a tag the program could have changed (Architecture.md, "Known gaps"): what each prototype chain says (refused kinds,
// tags that could hide a kind), Object.prototype.toString with the tag put out of the way, and brand checks. The
// tags and brand checks of the kinds are those the kind files register (kinds.tagged, kinds.slotTagged).
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, isObject, hasBrand } = offload;
    const { RecordKind } = Format;
    const registry = offload.registry;
    const { taggedKinds, slotKinds } = offload.kinds;

    const emptyChainFacts = Object.freeze({ refusal: null, hidesKind: false });
    // Reading @@toStringTag through a Proxy would run its `get` trap: the tag is asked with the chain detached. What is
    // beyond the proxy says nothing of the object (its traps decide what the chain looks like); an object made with
    // another chain and given the proxy is known by the chain it had (replacedPrototypeFacts).
    const proxyChainFacts = Object.freeze({ refusal: null, hidesKind: true });
    // Read once, before the program can replace the global `Symbol`.
    const toStringTag = Symbol.toStringTag;
    const intlKindOf = (tag) => {
        for (let i = 0; i < P.intlKinds.length; ++i) {
            if (P.intlKinds[i].tag === tag)
                return P.intlKinds[i];
        }
        return null;
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
        // Promises made by the engine (async functions) are probed instead (kinds/promises.js); this is the reason
        // given for objects of promise subclasses the runtime did not see being made.
        add(P.Promise.prototype, "a promise not made through the Promise constructor cannot be captured");
        return refused;
    }

    // Found when the runtime is installed, before any app code runs: finding the iterator prototypes calls the
    // iterator methods, which the app may replace later.
    const refusedPrototypeReasons = refusedPrototypes();

    // A class's or function's prototype object (`C.prototype`, holding `constructor` that points back to it) is an
    // ordinary object even when it inherits from Promise.prototype or another built-in's prototype.
    function isClassPrototype(object) {
        const constructor = P.getOwnPropertyDescriptor(object, "constructor");
        if (!constructor || !("value" in constructor) || typeof constructor.value !== "function")
            return false;
        const prototype = P.getOwnPropertyDescriptor(constructor.value, "prototype");
        return !!prototype && prototype.value === object;
    }

    offload.addMethods(offload.Capture, class Classification {
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
                    refusal: refusedPrototypeReasons.get(prototype) || above.refusal || (replaced && replaced.refusal),
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
                if (slotKinds[i][2] !== null && hasBrand(object, slotKinds[i][2]))
                    return slotKinds[i][0];
            }
            if (P.getOwnPropertyDescriptor(object, "callee"))
                this.fail(index, ownTag && !ownTag.configurable ? "its Symbol.toStringTag cannot be changed, so whether it is an arguments object cannot be checked" : "it is not extensible and its @@toStringTag could hide whether it is an arguments object");
            return this.taggedKindByBrand(object, "[object Object]");
        }

        // Classifies an object by its brand, without calling user code (the caller ruled out proxies, functions and
        // arrays): its RecordKind.
        classify(object, index) {
            const prototype = P.getPrototypeOf(object);
            const facts = this.chainFacts(prototype);
            // The program replaced this object's prototype: the chain it had says whether its kind is refused.
            const replaced = this.replacedPrototypeFacts(object);
            const refusal = facts.refusal || (replaced && replaced.refusal && `${replaced.refusal} (its prototype was replaced)`);
            if (refusal && !isClassPrototype(object) && !this.generatorPrototypes.has(object)) {
                // A promise the engine made: probed (kinds/promises.js).
                if (prototype === P.Promise.prototype)
                    return RecordKind.Promise;
                this.fail(index, refusal);
            }
            if (P.arrayBufferIsView(object))
                return P.typedArrayTag(object) === undefined ? RecordKind.DataView : RecordKind.TypedArray;
            // Object.prototype.toString reads @@toStringTag, own or inherited: a getter or a proxy trap of the program
            // must not run, and a tag the program defined or a prototype it replaced could make one kind look like
            // another.
            const ownTag = P.getOwnPropertyDescriptor(object, toStringTag);
            const tagMayHideKind = facts.hidesKind || replaced !== null || (ownTag !== undefined && !("value" in ownTag && typeof ownTag.value !== "string"));
            const tag = tagMayHideKind ? this.builtinTag(object, prototype, ownTag, index) : P.objectToString(object);
            if (tag === "[object Object]")
                return RecordKind.Object;
            // Tags that come from internal slots name their kind.
            for (let i = 0; i < slotKinds.length; ++i) {
                if (tag === slotKinds[i][0])
                    return slotKinds[i][1];
            }
            // Tags below come from @@toStringTag; confirm with a brand check that throws on impostors.
            for (let i = 0; i < taggedKinds.length; ++i) {
                if (tag === taggedKinds[i][0] && hasBrand(object, taggedKinds[i][2]))
                    return taggedKinds[i][1];
            }
            if (tag === "[object SharedArrayBuffer]")
                this.fail(index, "a SharedArrayBuffer is shared with other threads");
            return RecordKind.Object;
        }
    });
})
