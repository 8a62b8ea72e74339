/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// What the engine keeps out of reach and the capture needs: for each function the literal it came from and the
// scope instance it was created in (reported by the instrumented code through the hooks below), and for built-in
// objects whose internals are hidden (proxies, bound functions, weak collections) what they were made from. The
// built-ins that create such objects are wrapped in proxies of the originals, so that their name, length,
// toString and identity stay those of the real built-ins.
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
    let substitutions = null;
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
        standsFor,
        ScopeHandle,
        FunctionInfo,
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

    function setInferredName(fn, literal) {
        if (literal.name && !literal.declaration && fn.name === "")
            P.defineProperty(fn, "name", { value: literal.name, writable: false, enumerable: false, configurable: true });
    }

    function memberFunction(target, key, kind) {
        const descriptor = P.getOwnPropertyDescriptor(target, key);
        if (!descriptor)
            return undefined;
        return kind === "get" ? descriptor.get : kind === "set" ? descriptor.set : descriptor.value;
    }

    // Functions on `target` that the literal just made but nobody registered yet: the members with computed keys,
    // in the order the engine lists their keys, each with the kind of member it is.
    function unregisteredMembers(target) {
        const found = [];
        const keys = P.ownKeys(target);
        const note = (kind, fn) => {
            if (typeof fn === "function" && !functions.has(fn))
                found[found.length] = [kind, fn];
        };
        for (let i = 0; i < keys.length; ++i) {
            const descriptor = P.getOwnPropertyDescriptor(target, keys[i]);
            note("method", descriptor.value);
            note("get", descriptor.get);
            note("set", descriptor.set);
        }
        return found;
    }

    // Registers the members a literal (an object literal or a class) created on `target`. Members with a computed
    // key are matched, in order, with the functions left unregistered on the target.
    function registerMembers(target, members, scope, home) {
        let leftovers = null;
        for (let i = 0; i < members.length; ++i) {
            const literalId = members[i][0];
            const key = members[i][1];
            const kind = members[i][2];
            let fn;
            if (key !== null)
                fn = memberFunction(target, key, kind);
            else {
                // The engine lists string keys before symbols, not in source order: a function is matched by its
                // text (it ends with the member's own text, which starts at the key), then by kind alone.
                leftovers = leftovers || unregisteredMembers(target);
                const literal = literals.get(literalId);
                const text = literal ? P.stringSlice(literal.script.text, literal.start, literal.end) : null;
                const endsWithText = (candidate) => {
                    const source = P.functionToString(candidate);
                    return text !== null && source.length >= text.length && P.stringSlice(source, source.length - text.length) === text;
                };
                const find = (matches) => {
                    for (let j = 0; j < leftovers.length; ++j) {
                        if (leftovers[j] !== null && leftovers[j][0] === kind && matches(leftovers[j][1]))
                            return j;
                    }
                    return -1;
                };
                let position = find(endsWithText);
                if (position < 0)
                    position = find(() => true);
                if (position >= 0) {
                    fn = leftovers[position][1];
                    leftovers[position] = null;
                }
            }
            if (typeof fn === "function" && !functions.has(fn))
                functions.set(fn, new FunctionInfo(literalId, scope, home));
        }
    }

    // A class's methods and accessors are created with it; they are found on the fresh class by key.
    function registerClassMembers(cls, literal, scope) {
        const instanceMembers = [];
        const staticMembers = [];
        const memberIndices = literal.members || [];
        for (let i = 0; i < memberIndices.length; ++i) {
            const member = literals.get(`${literal.script.sid}:${memberIndices[i]}`);
            if (!member || !member.method)
                continue;
            const list = member.method.static ? staticMembers : instanceMembers;
            list[list.length] = [member.id, member.method.computed ? null : member.method.key, member.method.kind];
        }
        registerMembers(cls.prototype, instanceMembers, scope, cls);
        registerMembers(cls, staticMembers, scope, cls);
    }

    // Hooks called by instrumented code (see Documentation/Instrumentation.md).
    // The receiver of `globalThis.eval(…)` calls once instrumented (hooks.em): its `eval` is the runtime's indirect eval.
    const indirectEvalHolder = Object.freeze({
        __proto__: null,
        get eval() {
            return offload.indirectEval;
        },
    });

    const hooks = {
        // A function or arrow expression was evaluated. This runs at every closure creation, so it only stamps the
        // function and stays small enough for the engine to inline it into the creation site: the instrumenter calls
        // `fw` instead for the literals that need more (Rewriter::emitSites).
        f(fn, literalId, scope) {
            new FunctionStamp(fn, literalId, scope);
            return fn;
        },

        // A class (expression or declaration), or a function the engine cannot name (`__proto__`), was evaluated.
        fw(fn, literalId, scope) {
            new FunctionStamp(fn, literalId, scope);
            const literal = literals.get(literalId);
            if (literal !== undefined && literal.needsCreationWork) {
                setInferredName(fn, literal);
                if (literal.kind === "class") {
                    registerClassMembers(fn, literal, scope);
                    // A class has no home object: the list of its computed field keys takes that place, so that the
                    // keys travel with the class (the home of its Function record) and a restore gives them back.
                    if (literal.computedFields) {
                        const keys = classFieldKeys.get(fn);
                        if (keys !== undefined)
                            HomeStamp.set(fn, keys);
                    }
                    if (literal.privateNames || literal.tracksHome)
                        registry.noteClassEvaluation(scope, literalId, fn);
                }
            }
            return fn;
        },

        // A class with private names, from the static block the instrumenter put first in its body. `evaluator` is
        // null except when a restore re-creates the class: then it evaluates code inside the class body.
        pc(cls, evaluator, literalId, brand, get, set, staticGet, staticSet) {
            privateClasses.set(cls, new PrivateClass(literalId, evaluator, brand, get, set, staticGet, staticSet));
            if (brand) {
                brandedClasses[brandedClasses.length] = new P.WeakRef(cls);
                // Classes made in a loop would grow the list without end: drop the dead ones now and then.
                if (brandedClasses.length > 2 * brandedClassesPruned + 64)
                    registry.liveBrandedClasses();
            }
        },

        // A computed field key of a class being evaluated (Rewriter::emitFieldKeys): converted to a property key here,
        // once, as the engine would have (the engine's own conversion of a string or symbol runs no code), and added
        // to the evaluation's list. While restoring, `value` is not evaluated: the recorded key is given back.
        fk(list, value) {
            if (hooks.r)
                return list.keys[list.next++];
            const key = typeof value === "string" || typeof value === "symbol" ? value : P.ownKeys({ [value]: 0 })[0];
            P.defineProperty(list, list.length, { __proto__: null, value: key, writable: true, enumerable: true, configurable: true });
            return key;
        },

        // A class evaluation's computed field keys, all evaluated (`f` takes them right after).
        fc(cls, list) {
            classFieldKeys.set(cls, list);
            return cls;
        },

        // Hoisted function declarations of a scope, at its entry: d(scope, fn, literalId, fn, literalId, …).
        d(scope) {
            for (let i = 1; i < arguments.length; i += 2) {
                if (!FunctionStamp.isStamped(arguments[i]))
                    new FunctionStamp(arguments[i], arguments[i + 1], scope);
            }
        },

        // An object literal with methods or accessors: o(object, scope, [literalId, key, …]). A null key is computed:
        // that member is matched with the functions left unregistered on the object (registerMembers).
        o(object, scope, members) {
            const list = [];
            for (let i = 0; i < members.length; i += 2) {
                const literal = literals.get(members[i]);
                list[list.length] = [members[i], members[i + 1], literal && literal.method ? literal.method.kind : "method"];
                // An arrow in this method uses super: its home object (this object) is found through the evaluation.
                if (literal && literal.tracksHome)
                    registry.noteClassEvaluation(scope, members[i], object);
            }
            registerMembers(object, list, scope, object);
            return object;
        },

        // Makes a scope handle.
        s(template, getter, parent) {
            return new ScopeHandle(template, getter, parent);
        },

        // A tagged template site's strings object: the one a restore brought back, else the engine's (the first
        // the site gave, which the engine keeps giving). This runs at every evaluation of a tagged template.
        ts(site, strings) {
            const known = templateObjects.get(site);
            if (known !== undefined)
                return known;
            templateObjects.set(site, strings);
            templateSites.set(strings, site);
            return strings;
        },

        // The tag of the template the instrumenter put in place of the author's: returns the strings object and
        // keeps the substitution values for tv(), which the rewritten call reads right after (no user code runs
        // in between, so one slot is enough also for nested templates).
        tq(strings) {
            substitutions = arguments;
            return strings;
        },

        tv(index) {
            return substitutions[index + 1];
        },

        // The handle of the parameter scope of the call whose arguments object is `args`, made on first use.
        pa(args, template, getter, parent) {
            let handle = paramsHandles.get(args);
            if (handle === undefined || handle.template !== template) {
                handle = new ScopeHandle(template, getter, parent);
                if (!paramsHandles.has(args))
                    paramsHandles.set(args, handle);
            }
            return handle;
        },

        // Direct eval: the string is instrumented with the caller's scope as parent.
        ev(source, scope, isStrict) {
            if (typeof source !== "string")
                return source;
            return offload.instrumentEval(source, scope, isStrict);
        },

        // A read of the global `eval` that is not a direct call (`const run = eval`, `(0, eval)(x)`): the engine's eval
        // would run code the instrumenter never saw, so the program gets the runtime's indirect eval instead.
        ie(value) {
            return value === P.eval ? offload.indirectEval : value;
        },

        // A method call `x.eval(…)` is instrumented as `__offload.em(x).eval(…)`: the call stays a method call of x
        // (its `this`, its single read of x.eval) unless x is the global object whose own `eval` is the engine's eval
        // (`globalThis.eval(code)`, `window.eval(code)`), which is the only place the engine keeps it: then the call
        // goes to the runtime's indirect eval, which ignores its receiver as the engine's does. Reading the global
        // object's own descriptor runs no program code.
        em(receiver) {
            if (receiver !== globalThis)
                return receiver;
            const descriptor = P.getOwnPropertyDescriptor(globalThis, "eval");
            // An accessor's descriptor has no own `value`: reading it would look up Object.prototype.
            return descriptor && P.hasOwn(descriptor, "value") && descriptor.value === P.eval ? indirectEvalHolder : receiver;
        },

        // True while restoring: guards static blocks and static field initializers, which must not run again.
        r: false,

        // See hiddenBinding.
        hv: hiddenBinding,

        // The scope handle of the caller of the direct eval being instrumented (read by the eval code's prologue).
        evh: null,
    };

    // The built-in each of the runtime's proxies stands for: Function.prototype.toString shows the built-in's text
    // (JavaScriptCore shows any callable proxy as `function ProxyObject()`).
    const builtinOriginals = P.ownedWeakMap();
    function standsFor(wrapper, original) {
        builtinOriginals.set(wrapper, original);
        return wrapper;
    }

    // Wraps a built-in function in a proxy of itself that reports what it made.
    function wrapBuiltin(holder, key, traps) {
        const original = holder[key];
        const wrapper = standsFor(new P.Proxy(original, traps), original);
        P.defineProperty(holder, key, { ...P.getOwnPropertyDescriptor(holder, key), value: wrapper });
        return wrapper;
    }

    function installBuiltinHooks() {
        wrapBuiltin(Function.prototype, "toString", {
            apply(target, thisArgument, args) {
                const resolving = resolvingFunctions.get(thisArgument);
                const original = resolving !== undefined ? resolving.original : builtinOriginals.get(thisArgument);
                return P.apply(target, original === undefined ? thisArgument : original, args);
            },
        });
        installPromiseHooks();
        wrapBuiltin(Function.prototype, "bind", {
            apply(target, thisArgument, args) {
                const bound = P.apply(target, thisArgument, args);
                boundFunctions.set(bound, {
                    target: thisArgument,
                    boundThis: args[0],
                    args: P.arrayCopy(args, 1),
                });
                return bound;
            },
        });

        const ProxyWrapper = wrapBuiltin(globalThis, "Proxy", {
            construct(target, args, newTarget) {
                const proxy = P.construct(target, args, newTarget);
                proxies.set(proxy, { target: args[0], handler: args[1], revoked: false });
                return proxy;
            },
        });
        const originalRevocable = P.Proxy.revocable;
        const revocable = standsFor(new P.Proxy(originalRevocable, {
            apply(target, thisArgument, args) {
                const result = P.apply(target, thisArgument, args);
                const record = { target: args[0], handler: args[1], revoked: false, proxy: result.proxy };
                proxies.set(result.proxy, record);
                // Revoking must be seen by the capture: a revoked proxy travels as one.
                const revoke = new P.Proxy(result.revoke, {
                    apply(target, thisArgument, revokeArgs) {
                        record.revoked = true;
                        record.target = null;
                        record.handler = null;
                        record.proxy = null;
                        return P.apply(target, thisArgument, revokeArgs);
                    },
                });
                standsFor(revoke, result.revoke);
                proxies.set(revoke, { revokes: record });
                result.revoke = revoke;
                return result;
            },
        }), originalRevocable);
        // Proxy.revocable lives on the original constructor, which the wrapper forwards to.
        P.defineProperty(P.Proxy, "revocable", { ...P.getOwnPropertyDescriptor(P.Proxy, "revocable"), value: revocable });
        void ProxyWrapper;

        // Only the first replacement is kept: the prototype an object had when it was made tells its kind. A proxy
        // keeps no prototype of its own (reading it would run a trap); the capture describes its target instead.
        const noteReplacedPrototype = (object) => {
            if (((typeof object === "object" && object !== null) || typeof object === "function") && !reprototyped.has(object) && !proxies.has(object))
                reprototyped.set(object, P.getPrototypeOf(object));
        };
        const setPrototypeHook = {
            apply(target, thisArgument, args) {
                noteReplacedPrototype(args[0]);
                return P.apply(target, thisArgument, args);
            },
        };
        wrapBuiltin(Object, "setPrototypeOf", setPrototypeHook);
        wrapBuiltin(Reflect, "setPrototypeOf", setPrototypeHook);
        const protoAccessor = P.getOwnPropertyDescriptor(Object.prototype, "__proto__");
        P.defineProperty(Object.prototype, "__proto__", {
            ...protoAccessor,
            set: standsFor(new P.Proxy(protoAccessor.set, {
                apply(target, thisArgument, args) {
                    noteReplacedPrototype(thisArgument);
                    return P.apply(target, thisArgument, args);
                },
            }), protoAccessor.set),
        });
        // Reflect.construct(Map, [], F) makes a Map inheriting from F.prototype: it is noted as made with Map's
        // prototype (read only where that runs no code of the program), so that its kind is checked by brand, or
        // refused as Map's instances would be.
        wrapBuiltin(Reflect, "construct", {
            apply(target, thisArgument, args) {
                const result = P.apply(target, thisArgument, args);
                const constructor = args[0];
                if (args.length > 2 && args[2] !== constructor && !reprototyped.has(result)) {
                    const prototype = proxies.has(constructor) ? undefined : P.getOwnPropertyDescriptor(constructor, "prototype");
                    reprototyped.set(result, prototype && (typeof prototype.value === "object" || typeof prototype.value === "function") ? prototype.value : null);
                }
                return result;
            },
        });

        wrapBuiltin(WeakMap.prototype, "set", {
            apply(target, thisArgument, args) {
                const result = P.apply(target, thisArgument, args);
                trackWeakKey(thisArgument, args[0]);
                return result;
            },
        });
        wrapBuiltin(WeakSet.prototype, "add", {
            apply(target, thisArgument, args) {
                const result = P.apply(target, thisArgument, args);
                trackWeakKey(thisArgument, args[0]);
                return result;
            },
        });
    }

    // Promises made through the Promise constructor (directly, by Promise.resolve/all/…, or as the result of then)
    // are tracked: the resolve and reject functions handed to the executor are proxies that record how the promise
    // was settled, and then() records the reactions of pending promises. Promises the engine makes internally
    // (async functions) are not tracked; the capture refuses them.
    const { PromiseState, ResolvingFunctionKind, CombinatorElementKind } = offload.Format;

    class PromiseRecord {
        constructor() {
            this.state = PromiseState.Pending;
            this.result = undefined;
            this.alreadyResolved = false;
            this.reactions = [];
            this.followers = [];
            this.pendingAdoptions = 0;
            this.resolvers = null;
        }

        settle(which, value) {
            if (this.alreadyResolved)
                return;
            this.alreadyResolved = true;
            if (which === ResolvingFunctionKind.Reject)
                this.state = PromiseState.Rejected;
            else
                this.state = (typeof value === "object" && value !== null) || typeof value === "function" ? PromiseState.Locked : PromiseState.Fulfilled;
            this.result = value;
            if (this.state !== PromiseState.Locked)
                this.reactions = [];
            else {
                // The engine links this promise to the one it adopts through resolving functions of its own, which
                // the capture cannot name: the link is kept here, on the adopted promise.
                const adopted = promises.get(value);
                if (adopted) {
                    adopted.followers[adopted.followers.length] = this;
                    ++adopted.pendingAdoptions;
                }
            }
        }
    }

    function trackingExecutor(record, executor) {
        return function (resolve, reject) {
            // No Array.prototype.map: the program may have replaced it.
            const track = (original, which) => {
                const proxy = new P.Proxy(original, {
                    apply(target, thisArgument, args) {
                        record.settle(which, args[0]);
                        return P.apply(target, thisArgument, args);
                    },
                });
                resolvingFunctions.set(proxy, { record, which, original });
                return proxy;
            };
            const resolvers = [track(resolve, ResolvingFunctionKind.Resolve), track(reject, ResolvingFunctionKind.Reject)];
            record.resolvers = resolvers;
            try {
                return P.apply(executor, undefined, resolvers);
            } catch (error) {
                // The constructor rejects the promise with what the executor threw, through its own functions.
                record.settle(ResolvingFunctionKind.Reject, error);
                throw error;
            }
        };
    }

    function constructTracked(target, args, newTarget) {
        const executor = args[0];
        if (typeof executor !== "function")
            return P.construct(target, args, newTarget);
        const record = new PromiseRecord();
        const promise = P.construct(target, [trackingExecutor(record, executor)], newTarget);
        record.promise = promise;
        promises.set(promise, record);
        return promise;
    }

    // Promise.all, allSettled and any react to each input through element functions that the engine would make and
    // keep out of reach. These versions follow the same steps (ECMA-262, PerformPromiseAll and its siblings) with
    // element functions of their own, which the capture can describe: a CombinatorState (the values so far, which
    // elements were called, how many inputs are still awaited) and, per element function, its state, index and kind.
    const CombinatorType = offload.Format.PromiseCombinatorType;

    class CombinatorState {
        constructor(type, resolve, reject) {
            this.type = type;
            this.remaining = 1;
            this.resolve = resolve;
            this.reject = reject;
            this.values = [];
            this.called = [];
        }
    }
    const combinatorStates = P.ownedWeakSet();
    const combinatorElements = P.ownedWeakMap();

    function newCombinatorState(type, resolve, reject) {
        const state = new CombinatorState(type, resolve, reject);
        combinatorStates.add(state);
        runtimeObjects.add(state.values);
        runtimeObjects.add(state.called);
        return state;
    }

    function finishCombinator(state) {
        const list = P.arrayCopy(state.values);
        if (state.type === CombinatorType.Any)
            return P.apply(state.reject, undefined, [new P.AggregateError(list)]);
        return P.apply(state.resolve, undefined, [list]);
    }

    // `which` is CombinatorElementKind.Fulfilment or Rejection. Like the engine's, an element function has
    // length 1, an empty name and no prototype.
    function makeCombinatorElement(state, index, which) {
        const element = [(value) => {
            if (state.called[index])
                return undefined;
            state.called[index] = true;
            if (state.type === CombinatorType.AllSettled)
                state.values[index] = which === CombinatorElementKind.Fulfilment ? { status: "fulfilled", value } : { status: "rejected", reason: value };
            else
                state.values[index] = value;
            return --state.remaining === 0 ? finishCombinator(state) : undefined;
        }][0];
        combinatorElements.set(element, { state, index, which });
        return element;
    }

    function newPromiseCapability(C) {
        let resolve;
        let reject;
        const promise = new C((resolveFunction, rejectFunction) => {
            if (resolve !== undefined || reject !== undefined)
                throw new P.TypeError("Promise executor has already been called");
            resolve = resolveFunction;
            reject = rejectFunction;
        });
        if (typeof resolve !== "function" || typeof reject !== "function")
            throw new P.TypeError("Promise resolve or reject function is not callable");
        return { promise, resolve, reject };
    }

    function performCombinator(type, C, iterable) {
        const capability = newPromiseCapability(C);
        const state = newCombinatorState(type, capability.resolve, capability.reject);
        try {
            const promiseResolve = C.resolve;
            if (typeof promiseResolve !== "function")
                throw new P.TypeError("Promise resolve is not a function");
            let index = 0;
            // for-of closes the iterator when a step below throws, as the specification's IteratorClose does.
            for (const next of iterable) {
                state.values[index] = undefined;
                state.called[index] = false;
                const nextPromise = P.apply(promiseResolve, C, [next]);
                const onFulfilled = type === CombinatorType.Any ? capability.resolve : makeCombinatorElement(state, index, CombinatorElementKind.Fulfilment);
                const onRejected = type === CombinatorType.All ? capability.reject : makeCombinatorElement(state, index, CombinatorElementKind.Rejection);
                ++state.remaining;
                nextPromise.then(onFulfilled, onRejected);
                ++index;
            }
            if (--state.remaining === 0)
                finishCombinator(state);
        } catch (error) {
            P.apply(capability.reject, undefined, [error]);
        }
        return capability.promise;
    }

    // A function the engine made to link two promises (the resolving functions of a promise that adopts another, or
    // of an await): native code the runtime neither stamped nor made (the resolving functions of tracked promises,
    // which Promise.race hands to then, are proxies of the runtime's).
    const isEngineHandler = (fn) =>
        typeof fn === "function" && !FunctionStamp.isStamped(fn) && !resolvingFunctions.has(fn) && P.stringIndexOf(P.functionToString(fn), "[native code]") >= 0;

    // Promises the engine makes itself (an async function's result, later a host API's) are not seen when they are
    // made, and their state cannot be read synchronously. The capture asks each one it meets, once, to report its
    // settlement through a reaction of the runtime's; the host lets the engine run its microtasks and captures again
    // (see runtime.js, capture). A settled one then travels as a settled promise of the runtime's; a pending one is
    // refused. The probe marks the promise handled, as a `then` of the program would: a rejection the program never
    // handled is not reported again after that.
    const ProbeResult = Object.freeze({ Started: 0, Pending: 1, NotPromise: 2, Unsafe: 3 });
    const engineSettlements = P.ownedWeakMap();
    const probedPromises = P.ownedWeakSet();

    // `then` looks up `promise.constructor[Symbol.species]` to make its derived promise: only probe when that lookup
    // reaches the built-in getter through data properties, so that no code of the program runs.
    function speciesLookupIsSafe(promise) {
        if (P.getOwnPropertyDescriptor(promise, "constructor") || P.getPrototypeOf(promise) !== P.Promise.prototype)
            return false;
        const constructor = P.getOwnPropertyDescriptor(P.Promise.prototype, "constructor");
        if (!constructor || !("value" in constructor))
            return false;
        if (constructor.value !== P.Promise && constructor.value !== registry.PromiseWrapper)
            return false;
        const species = P.getOwnPropertyDescriptor(P.Promise, Symbol.species);
        return !!species && species.get === P.promiseSpeciesGetter;
    }

    function probeEnginePromise(promise) {
        if (probedPromises.has(promise))
            return ProbeResult.Pending;
        if (!speciesLookupIsSafe(promise))
            return ProbeResult.Unsafe;
        const settled = (state) => (result) => {
            engineSettlements.set(promise, [state, result]);
        };
        try {
            P.promiseThen(promise, settled(PromiseState.Fulfilled), settled(PromiseState.Rejected));
        } catch {
            // `then` checks that its receiver is a promise before anything else.
            return ProbeResult.NotPromise;
        }
        probedPromises.add(promise);
        return ProbeResult.Started;
    }

    function installPromiseHooks() {
        for (const [key, type] of [["all", CombinatorType.All], ["allSettled", CombinatorType.AllSettled], ["any", CombinatorType.Any]]) {
            wrapBuiltin(P.Promise, key, {
                apply(target, thisArgument, args) {
                    return performCombinator(type, thisArgument, args[0]);
                },
            });
        }
        const wrapper = wrapBuiltin(globalThis, "Promise", { construct: constructTracked });
        registry.PromiseWrapper = wrapper;
        P.defineProperty(P.Promise.prototype, "constructor", { ...P.getOwnPropertyDescriptor(P.Promise.prototype, "constructor"), value: wrapper });
        // finally() reacts through functions the engine makes around onFinally; the reaction is kept as
        // (derived, onFinally, Promise.prototype.finally) and made again with finally().
        let finallyCall = null;
        wrapBuiltin(P.Promise.prototype, "then", {
            apply(target, thisArgument, args) {
                const derived = P.apply(target, thisArgument, args);
                const record = promises.get(thisArgument);
                if (!record || (record.state !== PromiseState.Pending && record.state !== PromiseState.Locked))
                    return derived;
                if (finallyCall && finallyCall.promise === thisArgument) {
                    record.reactions[record.reactions.length] = [derived, finallyCall.onFinally, registry.finallyFunction];
                    finallyCall = null;
                } else if (record.pendingAdoptions > 0 && isEngineHandler(args[0]) && isEngineHandler(args[1])) {
                    // The engine linking a promise that adopted this one: kept as that promise's follower.
                    --record.pendingAdoptions;
                } else
                    record.reactions[record.reactions.length] = [derived, args[0], args[1]];
                return derived;
            },
        });
        registry.finallyFunction = wrapBuiltin(P.Promise.prototype, "finally", {
            apply(target, thisArgument, args) {
                const saved = finallyCall;
                finallyCall = { promise: thisArgument, onFinally: args[0] };
                try {
                    return P.apply(target, thisArgument, args);
                } finally {
                    finallyCall = saved;
                }
            },
        });
        return wrapper;
    }

    registry.ProbeResult = ProbeResult;
    registry.engineSettlements = engineSettlements;
    registry.probeEnginePromise = probeEnginePromise;
    registry.isEngineHandler = isEngineHandler;
    registry.combinatorStates = combinatorStates;
    registry.combinatorElements = combinatorElements;
    registry.newCombinatorState = newCombinatorState;
    registry.makeCombinatorElement = makeCombinatorElement;
    registry.newTrackedPromise = () => {
        const record = new PromiseRecord();
        const promise = P.construct(P.Promise, [trackingExecutor(record, () => {})], P.Promise);
        record.promise = promise;
        promises.set(promise, record);
        return record;
    };

    offload.registry = registry;
    offload.installPromiseHooks = installPromiseHooks;
    offload.hooks = hooks;
    offload.installBuiltinHooks = installBuiltinHooks;
})
