/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Installs `__offload` on the global object: the hooks instrumented code calls, and the entry points the host (the
// engine runner, later the web process extension) uses to run turns, capture and restore. `native` holds what only
// the host can do: hash bytes, evaluate a global script, instrument code at run time.
(function (offload, native) {
    "use strict";

    const P = offload.primordials;
    const registry = offload.registry;
    offload.native = native;

    const runtime = {
        intrinsics: new offload.Intrinsics(),
        pending: [],
        turn: 0,
        nextObjectId: 1,
        objectIds: P.ownedWeakMap(),
        symbolIds: P.ownedMap(),
        // Long strings the last capture carried as blobs, with their code units and hash (Capture.encode).
        blobStrings: P.ownedMap(),
        restoreContext: null,

        idFor(value) {
            const table = typeof value === "symbol" ? this.symbolIds : this.objectIds;
            let id = table.get(value);
            if (id === undefined) {
                id = this.nextObjectId++;
                table.set(value, id);
            }
            return id;
        },

        setId(value, id) {
            if (typeof value === "symbol")
                this.symbolIds.set(value, id);
            else
                this.objectIds.set(value, id);
        },

        // The handle of a script's top-level lexical scope. The script makes it when it first creates a closure;
        // otherwise it is made here, at the global scope, so that the bindings travel all the same.
        scriptScope(script) {
            const template = script.metadata.templates[0];
            if (!template || template.kind !== "script")
                return null;
            let cases = "";
            for (let i = 0; i < template.bindings.length; ++i)
                cases += `case ${i}:return ${template.bindings[i][0]};`;
            const code = `${template.handle}||(${template.handle}=__offload.s(${P.jsonStringify(`${script.sid}:0`)},(__ofi)=>{switch(__ofi){${cases}}},null))`;
            return P.eval(code);
        },
    };

    // Code made at run time (direct eval, new Function) is instrumented by the host, declared like a script and
    // remembered: unlike the app's scripts, the other side cannot have it already.
    // The same source evaluated again (a `new Function` or an eval in a loop) is instrumented once: the output depends
    // on the source and its kind only, and a declared script stays registered for the program's lifetime anyway.
    // Code that makes no function and no scope a closure could reach (an expression, a JSON text, `var`s for the
    // global or the caller's scope) leaves nothing a capture could name once it has run: it is not declared, and such
    // sources are cached apart, in a cache emptied when it holds 256, so a program that evaluates a new one at every
    // event holds no more memory and sends no bigger snapshots for it.
    const dynamicScripts = [];
    const instrumented = P.ownedMap();
    const transientInstrumented = P.ownedMap();
    const transientCacheSize = 256;
    // Counted here: Map.prototype.size is a getter the program may replace.
    let transientCount = 0;
    const rememberTransient = (key, made) => {
        if (transientCount === transientCacheSize) {
            transientInstrumented.clear();
            transientCount = 0;
        }
        transientInstrumented.set(key, made);
        ++transientCount;
    };
    // The host takes the text as UTF-8 and C strings: a NUL character would cut it short and a lone surrogate would be
    // replaced, so the instrumented program would not be the author's.
    const unpassableText = (source) => {
        if (P.stringIndexOf(source, "\0") >= 0)
            return "it contains a NUL character";
        if (!P.stringIsWellFormed(source))
            return "it contains a lone surrogate";
        return undefined;
    };
    // Returns { sid, code, callerVars }, or { refusal } when the code cannot be instrumented: it then runs as written.
    const instrumentDynamic = (source, kind) => {
        const key = `${kind}:${source}`;
        const known = instrumented.get(key) || transientInstrumented.get(key);
        if (known)
            return known;
        const unpassable = unpassableText(source);
        const result = unpassable === undefined ? native.instrument(source, kind) : { refusal: unpassable };
        if (result.refusal !== undefined) {
            const made = { refusal: result.refusal };
            rememberTransient(key, made);
            return made;
        }
        const metadata = P.jsonParse(result.metadata);
        const made = { sid: result.sid, code: result.code, callerVars: metadata.callerVars };
        if (!metadata.literals.length && !metadata.templates.length) {
            rememberTransient(key, made);
            return made;
        }
        if (!registry.scripts.has(result.sid)) {
            registry.registerScript(result.sid, result.code, metadata);
            dynamicScripts[dynamicScripts.length] = [result.sid, result.code, result.metadata];
        }
        instrumented.set(key, made);
        return made;
    };

    offload.instrumentEval = (source, scope, isStrict) => {
        const made = instrumentDynamic(source, isStrict ? "strict-eval" : "eval");
        if (made.refusal !== undefined) {
            // The eval runs the author's text (an invalid one throws the engine's own SyntaxError). Functions it makes
            // are not registered; `var`s a sloppy one adds to its caller's function scope are unknown.
            registry.noteUninstrumentedCode(source, made.refusal, null);
            if (scope && !isStrict)
                registry.noteUninstrumentedEval(scope, made.refusal);
            return source;
        }
        // `var`s a sloppy eval adds to its caller's function scope are bindings no template lists (Instrumentation.md).
        if (made.callerVars && scope)
            registry.noteEvalVars(scope, made.callerVars);
        // The eval code reads its parent scope from here once, at its start (Documentation/Instrumentation.md).
        offload.hooks.evh = scope;
        return made.code;
    };

    // An indirect eval runs its code at the global scope, as if the caller were a sloppy top level: the code is
    // instrumented as eval code whose parent scope is the global one, then evaluated indirectly. A proxy of the
    // engine's eval, like the Function wrapper below: its name, length, prototype and string form stay the built-in's.
    // It stays the same function for the program's lifetime and is a built-in for the capture (intrinsics.js).
    offload.indirectEval = registry.standsFor(new P.Proxy(P.eval, {
        apply(target, thisArgument, args) {
            const source = args[0];
            if (typeof source !== "string")
                return source;
            return P.apply(P.eval, undefined, [offload.instrumentEval(source, null, false)]);
        },
    }), P.eval);

    // new Function(…) and Function(…): the source the engine would assemble, instrumented, evaluated globally.
    const functionTraps = {
        apply(target, thisArgument, args) {
            return makeFunction(args);
        },
        construct(target, args) {
            return makeFunction(args);
        },
    };
    function makeFunction(args) {
        // Each argument is converted to a string once, as the constructor does, and by index: the program may have
        // replaced Array.prototype.map and pop, or given an argument a toString that counts its calls.
        const parts = [];
        for (let i = 0; i < args.length; ++i)
            parts[i] = `${args[i]}`;
        // Validate first, with the real constructor on the same strings: it throws the engine's own SyntaxError.
        const asWritten = P.apply(P.Function, undefined, parts);
        const body = parts.length ? parts[parts.length - 1] : "";
        // What is left are the parameters (an own length, set without calling anything).
        parts.length = parts.length ? parts.length - 1 : 0;
        const source = `(function anonymous(${P.arrayJoin(parts, ",")}\n) {\n${body}\n})`;
        const made = instrumentDynamic(source, "function");
        if (made.refusal !== undefined) {
            // The function the engine made of the author's text runs; the capture refuses it while it lives.
            registry.noteUninstrumentedCode(source, made.refusal, asWritten);
            return asWritten;
        }
        return P.eval(made.code);
    }

    const api = offload.hooks;
    const define = (name, value) => P.defineProperty(api, name, { value, writable: false, enumerable: false, configurable: false });

    define("registerScript", (sid, text, metadataJSON) => registry.registerScript(sid, text, P.jsonParse(metadataJSON)));
    // The host runs a script that could not be instrumented as written: captures are refused from then on, naming it.
    define("noteUninstrumentedScript", (url, reason) => registry.noteUninstrumentedScript(`${url}`, `${reason}`));

    // Called by the host once its own globals exist and before any app script runs: everything reachable now is a
    // built-in.
    define("start", () => {
        runtime.intrinsics.build();
    });

    define("queue", (fn) => {
        if (typeof fn !== "function")
            throw new P.TypeError("step() takes a function");
        runtime.pending[runtime.pending.length] = fn;
    });

    // Runs the next pending turn; false when there is none.
    define("runTurn", () => {
        if (!runtime.pending.length)
            return false;
        const fn = P.arrayShift(runtime.pending);
        ++runtime.turn;
        fn();
        return true;
    });

    define("lastCaptureTimings", () => runtime.lastCaptureTimings);
    define("lastRestoreTimings", () => runtime.lastRestoreTimings);

    define("pendingTurns", () => runtime.pending.length);

    // [sid, code, metadata] of every script made at run time, for the host to send along with a snapshot.
    // A copy made by a loop: the host calls this after a restore, when Array.prototype.slice may be the program's.
    define("dynamicScripts", () => {
        const copy = [];
        for (let i = 0; i < dynamicScripts.length; ++i)
            copy[i] = dynamicScripts[i];
        return copy;
    });

    // Returns [snapshot, hash, bytes, hash, bytes, …] or throws an OffloadCaptureError naming the object. Returns null
    // when the capture met promises the engine made and started watching them: the host lets the engine run its
    // microtasks (returns from this call) and captures again.
    define("capture", () => {
        const start = P.dateNow();
        const capture = new offload.Capture(runtime);
        const prepared = P.dateNow();
        capture.discover();
        if (capture.needsAnotherPass)
            return null;
        const discovered = P.dateNow();
        const { snapshot, blobs } = capture.encode();
        // Where a capture spends its time, for benchmarks and the runner's --stats: encode includes write (the records'
        // bytes; the rest is the string table and the framing) and order (numbering the records again and writing them
        // again, when the walk did not number them canonically; usually 0).
        const encoded = P.dateNow();
        runtime.lastCaptureTimings = { prepare: prepared - start, walk: discovered - prepared, order: capture.timings.order, encode: encoded - discovered, write: capture.timings.write, records: capture.objects.length };
        const result = [snapshot];
        for (let i = 0; i < blobs.length; ++i) {
            result[result.length] = blobs[i][0];
            result[result.length] = blobs[i][1];
        }
        return result;
    });

    // `blobs` maps a blob's hex hash to its bytes.
    define("restore", (snapshot, blobs) => {
        const lookup = (hash) => (P.hasOwn(blobs, hash) ? blobs[hash] : undefined);
        const start = P.dateNow();
        const restore = new offload.Restore(runtime, snapshot, lookup);
        const decoded = P.dateNow();
        restore.run();
        runtime.blobStrings = restore.decoded.blobStrings;
        // Where a restore spends its time: decode includes strings (the string table's share).
        runtime.lastRestoreTimings = { decode: decoded - start, strings: restore.decoded.stringsTime, ...restore.timings, records: restore.records.length };
    });

    // Runs the capture, encoding, decoding and rebuilding code on a synthetic heap of plain data, so that a migration
    // made later in this engine runs compiled code: JavaScriptCore compiles per engine, and only code that has run a
    // while. A host calls it on an engine it prepares ahead of a migration, the way the edge prepares the twin context
    // of an app before a snapshot arrives (Documentation/Architecture.md). It is called before any program runs in the
    // engine, and leaves no trace: its objects become garbage, no id is given out, no state of the runtime changes.
    define("warmUp", () => {
        const nextObjectId = runtime.nextObjectId;
        try {
            const root = syntheticHeap(400);
            let snapshot;
            for (let round = 0; round < 3; ++round) {
                const capture = new offload.Capture(runtime);
                capture.discoverSynthetic(root);
                snapshot = capture.encode().snapshot;
            }
            for (let round = 0; round < 4; ++round) {
                const rebuilt = new offload.Restore(runtime, snapshot, () => undefined).runSynthetic();
                if (!rebuilt || rebuilt.items.length !== root.items.length)
                    throw new P.Error("Offload warm-up: the synthetic heap did not come back");
            }
        } finally {
            runtime.nextObjectId = nextObjectId;
        }
    });

    // Objects, arrays, Maps, Sets and Dates holding strings, numbers and each other, as application state does.
    function syntheticHeap(count) {
        const shared = { kind: "shared", list: [1, 2.5, "three", null, true] };
        const prototype = { describe: null, version: 1 };
        const byName = new P.Map();
        const groups = new P.Set();
        const items = [];
        for (let i = 0; i < count; ++i) {
            const item = P.objectCreate(prototype);
            item.id = i;
            item.name = `item-${i}`;
            item.score = i / 7;
            item.active = i % 3 !== 0;
            item.parent = i ? items[(i - 1) >> 1] : null;
            item.tags = [`t${i % 13}`, `t${i % 7}`];
            item.when = new P.Date(1577836800000 + i * 3600000);
            item.point = { x: i % 97, y: i % 89, shared };
            items[i] = item;
            P.mapSet(byName, item.name, item);
            if (i % 8 === 0)
                P.setAdd(groups, item.point);
        }
        // A property with other attributes than an assignment gives, on an object that cannot grow.
        const frozen = { label: "fixed" };
        const readOnly = P.objectCreate(null);
        readOnly.value = 10;
        readOnly.enumerable = true;
        P.defineProperty(frozen, "limit", readOnly);
        P.preventExtensions(frozen);
        return { items, byName, groups, frozen, prototype };
    }

    P.defineProperty(api, "rc", { get: () => runtime.restoreContext, enumerable: false, configurable: false });

    offload.installBuiltinHooks();
    const FunctionWrapper = registry.standsFor(new P.Proxy(P.Function, functionTraps), P.Function);
    P.defineProperty(globalThis, "Function", { ...P.getOwnPropertyDescriptor(globalThis, "Function"), value: FunctionWrapper });
    P.defineProperty(P.Function.prototype, "constructor", { ...P.getOwnPropertyDescriptor(P.Function.prototype, "constructor"), value: FunctionWrapper });
    P.defineProperty(globalThis, "__offload", { value: api, writable: false, enumerable: false, configurable: false });
    // A program that keeps a reference to the runtime's object is refused rather than given a copy of it.
    registry.runtimeObjects.add(api);
    offload.runtime = runtime;
    // Every file is installed: each record kind must have its handler (kinds/*.js).
    offload.kinds.checkComplete();
})
