/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Scope records (5): a scope instance's template, its parent instance and its bindings, read through the scope
// handle the instrumented code made (registry.ScopeHandle). The handles of one call's parameter scope are joined into
// one record, and a method's home object is found through the evaluation of its class or object literal. The
// restore makes scopes again in the synthesized scripts (scope-synthesis.js); they have no ObjectBody.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, kinds, isObject, appendPair, visitAll, uninitialized } = offload;
    const { RecordKind } = Format;
    const registry = offload.registry;

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

    kinds.define(RecordKind.Scope, {
        hasBody: false,
        describe(capture, handle, index) {
            const template = registry.templates.get(handle.template);
            if (!template)
                capture.fail(index, `scope template ${handle.template} belongs to no registered script`);
            const evalRefusal = registry.evalRefusalOf(handle);
            if (evalRefusal !== undefined)
                capture.fail(index, evalRefusal);
            if (template.privateClass >= 0)
                capture.reachClassEvaluation(handle.parent, template.script.sid, template.privateClass, index);
            // A parameter scope's handles that belong to one call are one record (paramsScopeOf): its bindings are
            // those any of them can read.
            const paramsGroup = template.kind === "params" ? capture.paramsGroups.get(handle) : undefined;
            const parent = capture.canonicalScope(handle.parent);
            // The parent first, as the record is written (the numbering of records follows the encoding).
            if (parent)
                capture.reach(parent, index, "<parent scope>");
            const bindings = [];
            for (let bindingIndex = 0; bindingIndex < template.bindings.length; ++bindingIndex) {
                const name = template.bindings[bindingIndex][0];
                const kind = template.bindings[bindingIndex][1];
                if (kind === "home") {
                    const owner = capture.homeOwner(handle, template, index);
                    capture.reach(owner, index, "<home object>");
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
                // (Restore.s), as a derived class whose super() returns the captured `this`: strict code only.
                if (kind === "new.target" && value !== undefined)
                    capture.checkNewTarget(value, template, index);
                capture.reach(value, index, name);
                bindings[bindings.length] = value;
            }
            const plan = { kind: RecordKind.Scope, template: handle.template, parent: parent || null, bindings };
            if (paramsGroup !== undefined) {
                paramsGroup.plan = plan;
                paramsGroup.planIndex = index;
            }
            return plan;
        },
        write(capture, writer, plan) {
            writer.varint(capture.stringIndex(plan.template));
            capture.writeValue(writer, plan.parent);
            writer.varint(plan.bindings.length);
            for (let bindingIndex = 0, bindingList = plan.bindings; bindingIndex < bindingList.length; ++bindingIndex) {
                const binding = bindingList[bindingIndex];
                capture.writeValue(writer, binding);
            }
        },
        references(plan, visit) {
            visit(plan.parent);
            visitAll(plan.bindings, visit);
        },
        read(decoder, reader, kind, id) {
            return { kind, id, template: decoder.string(reader), parent: decoder.readValue(reader), bindings: decoder.readValues(reader, reader.varint()) };
        },
        // Made by the synthesized scripts (Restore.createFunctions).
        restoreList: kinds.RestoreList.Scopes,
    });

    offload.addMethods(offload.Capture, class ScopeReading {
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
    });
})
