/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// What the engine keeps out of reach and the capture needs: for each function the literal it came from and the
// scope instance it was created in (reported by the instrumented code through hooks.js), and for built-in objects
// whose internals are hidden (proxies, bound functions, weak collections, promises) what they were made from
// (reported by the wrapped built-ins of builtin-wrappers.js and promise-tracking.js). The declared scripts, with
// their literals and scope templates, are kept here too.
(function (offload) {
    "use strict";

    const P = offload.primordials;

    // Scope instance: the template it instantiates, a getter for its bindings and the enclosing instance.
    class ScopeHandle {
        // A brand rather than `instanceof`, which would read the prototype of a proxy through its trap.
        #isScopeHandle = true;

        constructor(template, getter, parent) {
            this.template = template;
            this.getter = getter;
            this.parent = parent;
        }

        static is(value) {
            return #isScopeHandle in value;
        }
    }

    class FunctionInfo {
        constructor(literal, scope, home) {
            this.literal = literal;
            this.scope = scope;
            this.home = home;
        }
    }

    // Where each function came from is kept in private fields added to the function itself (a base class whose
    // constructor returns the object it is given lets a subclass add its fields to any object). They are invisible to
    // the program — no reflection lists private fields — and cost about a tenth of a WeakMap entry on every closure
    // creation, which instrumented code does often. The home object, which few functions have, is a stamp of its
    // own, so that a closure creation adds two fields, not three.
    class ReturnsItsArgument {
        constructor(object) {
            return object;
        }
    }
    class FunctionStamp extends ReturnsItsArgument {
        #literal;
        #scope;
        constructor(fn, literal, scope) {
            super(fn);
            this.#literal = literal;
            this.#scope = scope;
        }

        static infoOf(fn) {
            return #literal in fn ? new FunctionInfo(fn.#literal, fn.#scope, HomeStamp.homeOf(fn)) : undefined;
        }

        static isStamped(fn) {
            return #literal in fn;
        }
    }
    class HomeStamp extends ReturnsItsArgument {
        #home;
        constructor(fn, home) {
            super(fn);
            this.#home = home;
        }

        static homeOf(fn) {
            return #home in fn ? fn.#home : undefined;
        }

        static set(fn, home) {
            if (#home in fn)
                fn.#home = home;
            else if (home !== undefined)
                new HomeStamp(fn, home);
        }
    }
    const functions = {
        get: (fn) => FunctionStamp.infoOf(fn),
        has: (fn) => FunctionStamp.isStamped(fn),
        set: (fn, info) => {
            if (FunctionStamp.isStamped(fn))
                return;
            new FunctionStamp(fn, info.literal, info.scope);
            HomeStamp.set(fn, info.home);
        },
    };
    const boundFunctions = P.ownedWeakMap();
    const proxies = P.ownedWeakMap();
    const weakCollectionKeys = P.ownedWeakMap();
    const runtimeObjects = P.ownedWeakSet();
    // Objects whose prototype the program replaced, or made with another constructor's prototype, each with the
    // prototype it had before (null when made so): a Map or a generator no longer inheriting its kind's @@toStringTag
    // would look like a plain object, so the capture checks these by brand or by the chain they came from.
    const reprototyped = P.ownedWeakMap();
    const promises = P.ownedWeakMap();
    const evalVars = P.ownedWeakMap();
    const uninstrumentedFunctions = P.ownedWeakMap();
    const uninstrumentedSources = [];
    const uninstrumentedSourceLimit = 64;
    // Marks the scope handles from a direct eval's caller up to its function scope (the one its `var`s go to).
    const markEvalScopes = (scope, reason) => {
        const chain = [];
        for (let handle = scope; handle; handle = handle.parent) {
            const template = templates.get(handle.template);
            if (!template || template.kind === "script")
                return;
            chain[chain.length] = handle;
            if (template.kind === "function")
                break;
        }
        for (let i = 0; i < chain.length; ++i)
            evalVars.set(chain[i], reason);
    };
    const resolvingFunctions = P.ownedWeakMap();
    const literals = P.ownedMap();
    const templates = P.ownedMap();
    // The handle of each call's parameter scope, by the call's arguments object (Rewriter::paramsHandleExpression).
    const paramsHandles = P.ownedWeakMap();
    // The strings object of each tagged template site ("sid:K", Rewriter::emitTaggedTemplates), and the site of each.
    const templateObjects = P.ownedMap();
    const templateSites = P.ownedWeakMap();
    // The computed field keys of each class evaluation that has some (`fc`), until `f` makes them the class's home.
    const classFieldKeys = P.ownedWeakMap();
    const scripts = P.ownedMap();

    // Classes with private names hand over, from a static block the instrumenter adds (Rewriter::emitPrivateNames),
    // arrows that test for their instance names and read and write their private fields. The capture tests every
    // object against the live classes whose instances carry names; closures made inside such a class must be made
    // inside the same class evaluation again, which the capture finds through the scope the class was evaluated in.
    class PrivateClass {
        constructor(literal, evaluator, brand, get, set, staticGet, staticSet) {
            this.literal = literal;
            this.evaluator = evaluator;
            this.brand = brand;
            this.get = get;
            this.set = set;
            this.staticGet = staticGet;
            this.staticSet = staticSet;
        }
    }
    const privateClasses = P.ownedWeakMap();
    let brandedClasses = [];
    let brandedClassesPruned = 0;
    // Class evaluations by the scope instance they were evaluated in (a scope handle, or `topLevel` for a script's
    // top level without a handle) and literal: WeakRefs, so that a capture can tell one evaluation from several.
    const classEvaluations = P.ownedWeakMap();
    const topLevel = {};

    const trackWeakKey = (collection, key) => {
        let keys = weakCollectionKeys.get(collection);
        if (!keys) {
            keys = [];
            weakCollectionKeys.set(collection, keys);
        }
        // Not push: this runs in the program's calls of WeakMap.prototype.set and during a restore, when
        // Array.prototype.push may be the program's own.
        keys[keys.length] = new P.WeakRef(key);
    };

    // What a parameter scope's getter gives for a parameter that a declaration where the getter is written hides
    // (Rewriter::getter): not the binding's value, which another handle of the same call may read.
    const hiddenBinding = { hidden: true };

    const registry = {
        trackWeakKey,
        hiddenBinding,
        ScopeHandle,
        FunctionInfo,
        FunctionStamp,
        HomeStamp,
        functions,
        boundFunctions,
        proxies,
        weakCollectionKeys,
        runtimeObjects,
        reprototyped,
        promises,
        resolvingFunctions,
        literals,
        templates,
        scripts,
        paramsHandles,
        templateObjects,
        templateSites,
        classFieldKeys,

        // Declares a script the program runs (or ran, before a migration): its instrumented text and parsed metadata.
        registerScript(sid, text, metadata) {
            if (scripts.has(sid))
                return;
            const script = { sid, text, metadata };
            scripts.set(sid, script);
            // Index loops over the runtime's arrays: the app may have replaced Array.prototype's methods and iterator,
            // and this runs while its code runs (eval, new Function).
            for (let index = 0; index < metadata.templates.length; ++index)
                templates.set(`${sid}:${index}`, { script, index, ...metadata.templates[index] });
            // Classes and object-literal methods whose evaluations must be told apart later: an arrow inside one of
            // their methods uses super, and the capture finds the home object through the evaluation
            // (Instrumentation.md, "Home objects").
            const homeOwners = P.ownedSet();
            for (let index = 0; index < metadata.templates.length; ++index) {
                if (metadata.templates[index].home)
                    homeOwners.add(metadata.templates[index].home.literal);
            }
            for (let index = 0; index < metadata.literals.length; ++index) {
                const literal = metadata.literals[index];
                // The instrumenter keeps an inferred name by standing the function in an object literal (Rewriter.cpp),
                // except for the name __proto__, which an object literal would take as the prototype.
                const needsName = literal.name === "__proto__" && !literal.declaration;
                const tracksHome = homeOwners.has(index);
                literals.set(`${sid}:${index}`, { script, index, id: `${sid}:${index}`, needsCreationWork: needsName || literal.kind === "class", tracksHome, ...literal });
            }
        },

        // Puts the declared scripts in the order a snapshot lists them, the others after: the host may have declared
        // them in another order than the program ran them (code made at run time comes with the snapshot, after the
        // scripts the host knew), and a capture lists them in declaration order, which must not change by a restore.
        orderScripts(sids) {
            const declared = P.valuesOf(scripts);
            const listed = P.ownedSet();
            const ordered = [];
            for (let i = 0; i < sids.length; ++i) {
                const script = scripts.get(sids[i]);
                if (script && !listed.has(sids[i])) {
                    listed.add(sids[i]);
                    ordered[ordered.length] = script;
                }
            }
            for (let i = 0; i < declared.length; ++i) {
                if (!listed.has(declared[i].sid))
                    ordered[ordered.length] = declared[i];
            }
            scripts.clear();
            for (let i = 0; i < ordered.length; ++i)
                scripts.set(ordered[i].sid, ordered[i]);
        },

        functionInfo(fn) {
            return functions.get(fn);
        },

        // The site whose strings object `object` is, or undefined.
        templateSiteOf(object) {
            return templateSites.get(object);
        },

        // A restore gives a site its captured strings object back: the site gives it from then on.
        adoptTemplateObject(site, object) {
            templateObjects.set(site, object);
            templateSites.set(object, site);
        },

        // A restore makes each parameter scope instance in a synthesized function: code re-created there finds the
        // instance's handle by that function's arguments object.
        adoptParamsHandle(args, handle) {
            paramsHandles.set(args, handle);
        },

        setHome(fn, home) {
            HomeStamp.set(fn, home);
        },

        register(fn, literal, scope, home) {
            functions.set(fn, new FunctionInfo(literal, scope, home));
        },

        privateClasses,

        // A class with private names hands over what reads them (hooks.pc). `evaluator` is null except when a restore
        // re-creates the class: then it evaluates code inside the class body.
        registerPrivateClass(cls, evaluator, literalId, brand, get, set, staticGet, staticSet) {
            privateClasses.set(cls, new PrivateClass(literalId, evaluator, brand, get, set, staticGet, staticSet));
            if (brand) {
                brandedClasses[brandedClasses.length] = new P.WeakRef(cls);
                // Classes made in a loop would grow the list without end: drop the dead ones now and then.
                if (brandedClasses.length > 2 * brandedClassesPruned + 64)
                    registry.liveBrandedClasses();
            }
        },

        // The live classes whose instances carry private names, with what reads them.
        liveBrandedClasses() {
            const live = [];
            const kept = [];
            for (let i = 0; i < brandedClasses.length; ++i) {
                const reference = brandedClasses[i];
                const cls = P.weakRefDeref(reference);
                if (cls === undefined)
                    continue;
                kept[kept.length] = reference;
                live[live.length] = [cls, privateClasses.get(cls)];
            }
            brandedClasses = kept;
            brandedClassesPruned = kept.length;
            return live;
        },

        // A sloppy direct eval called with `scope` declared `names` in its caller's function scope: that scope and the
        // ones between it and the eval's call site hold bindings a restore could not declare (the capture refuses them).
        noteEvalVars(scope, names) {
            markEvalScopes(scope, `a sloppy direct eval declared ${P.arrayJoin(names, ", ")} in this function's scope, which a restore cannot declare yet`);
        },

        // A sloppy direct eval called with `scope` ran code that could not be instrumented: which `var`s it declared in
        // its caller's function scope is unknown.
        noteUninstrumentedEval(scope, reason) {
            markEvalScopes(scope, `a sloppy direct eval ran code that could not be instrumented in this function's scope (${reason}), so the variables it may have declared there are unknown`);
        },

        // [url, reason] of each script the host ran as written because it could not be instrumented.
        uninstrumentedScripts: [],

        noteUninstrumentedScript(url, reason) {
            this.uninstrumentedScripts[this.uninstrumentedScripts.length] = [url, reason];
        },

        // Code made at run time that could not be instrumented runs as written: the functions it makes are not
        // registered, and the capture refuses them. `made` is the function `new Function` made, or null for eval code.
        // The reason is kept for the function itself, and for a bounded number of recent sources, so that the refusal
        // of a function made inside them can say why.
        noteUninstrumentedCode(source, reason, made) {
            if (made)
                uninstrumentedFunctions.set(made, reason);
            if (uninstrumentedSources.length === uninstrumentedSourceLimit)
                P.arrayShift(uninstrumentedSources);
            uninstrumentedSources[uninstrumentedSources.length] = [source, reason];
        },

        // Why `fn`, which no instrumented code registered, was made by code that ran as written; undefined when that is
        // not known. Only called when a capture is refused.
        uninstrumentedReasonOf(fn) {
            const reason = uninstrumentedFunctions.get(fn);
            if (reason !== undefined)
                return reason;
            let text;
            try {
                text = P.functionToString(fn);
            } catch {
                return undefined;
            }
            for (let i = uninstrumentedSources.length - 1; i >= 0; --i) {
                if (P.stringIndexOf(uninstrumentedSources[i][0], text) >= 0)
                    return uninstrumentedSources[i][1];
            }
            return undefined;
        },

        // Why the capture must refuse the scope: a sloppy direct eval changed its bindings (noteEvalVars,
        // noteUninstrumentedEval); undefined when none did.
        evalRefusalOf(scope) {
            return evalVars.get(scope);
        },

        noteClassEvaluation(scope, literalId, cls) {
            const key = scope || topLevel;
            let byLiteral = classEvaluations.get(key);
            if (!byLiteral) {
                byLiteral = P.ownedMap();
                classEvaluations.set(key, byLiteral);
            }
            const list = byLiteral.get(literalId);
            if (!list) {
                byLiteral.set(literalId, [new P.WeakRef(cls)]);
                return;
            }
            // A class expression evaluated in a loop would grow the list without end: drop the dead ones first.
            if (list.length >= 8) {
                let kept = 0;
                for (let i = 0; i < list.length; ++i) {
                    if (P.weakRefDeref(list[i]) !== undefined)
                        list[kept++] = list[i];
                }
                list.length = kept;
            }
            list[list.length] = new P.WeakRef(cls);
        },

        // The live evaluations of a class literal in a scope instance (also of an object literal, under the literal
        // id of its method whose arrows use super: then the objects it made).
        classEvaluationsIn(scope, literalId) {
            const byLiteral = classEvaluations.get(scope || topLevel);
            const list = byLiteral && byLiteral.get(literalId);
            const live = [];
            for (const reference of list || []) {
                const cls = P.weakRefDeref(reference);
                if (cls !== undefined)
                    live[live.length] = cls;
            }
            return live;
        },
    };

    offload.registry = registry;
})
