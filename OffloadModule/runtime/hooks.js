/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// The hooks instrumented code calls (Documentation/Instrumentation.md), installed as `__offload` by runtime.js: they
// report each function's literal and scope instance, scope handles, class evaluations, tagged template sites and
// eval code to the registry. They run in the program's own calls, often (every closure creation), so they stay small
// and call none of the program's methods.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const registry = offload.registry;
    const { FunctionStamp, HomeStamp, FunctionInfo, ScopeHandle, functions, literals, classFieldKeys, templateObjects, templateSites, paramsHandles, hiddenBinding } = registry;
    let substitutions = null;

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

    // The hooks.
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
            registry.registerPrivateClass(cls, evaluator, literalId, brand, get, set, staticGet, staticSet);
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

    offload.hooks = hooks;
})
