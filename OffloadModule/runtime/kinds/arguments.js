/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Arguments records (23): whether the object was made by a sloppy function, and the scope record of the call whose
// parameters it still aliases, with the indices still mapped (Architecture.md, "Known gaps"). The capture finds the
// aliasing after the walk by writing through the object and reading the parameter back; the restore makes an
// arguments object that a scope's `arguments` binding holds by calling that scope's synthesized function, with the
// aliased parameters under their own names, and makes the others alone.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Decoder, Ref, kinds, appendPair } = offload;
    const { RecordKind, ArgumentsMapping } = Format;
    const { noValues } = Decoder;
    const registry = offload.registry;
    const { listIncludes } = P;

    // Arguments objects made alone (no scope's `arguments` binding holds them): unmapped, or made by a sloppy function.
    const strictArguments = function () {
        return arguments;
    };
    let sloppyArgumentsFunction = null;
    const sloppyArguments = () => {
        sloppyArgumentsFunction = sloppyArgumentsFunction || P.Function("return arguments");
        return sloppyArgumentsFunction();
    };

    function hasIndexKey(object) {
        const keys = P.ownKeys(object);
        for (let i = 0; i < keys.length; ++i) {
            if (typeof keys[i] === "string" && `${+keys[i]}` === keys[i])
                return true;
        }
        return false;
    }

    // JavaScriptCore tags arguments objects from an internal slot, with no brand check to confirm it.
    kinds.slotTagged("[object Arguments]", RecordKind.Arguments, null);

    kinds.define(RecordKind.Arguments, {
        hasBody: true,
        // An arguments object is unmapped when its callee is the %ThrowTypeError% accessor (strict functions, and
        // functions with non-simple parameters); otherwise it was made by a sloppy function and may still be mapped to
        // its parameters: which indices are, and to which call's scope, is found once the walk is done
        // (linkMappedArguments). A sloppy function that is not instrumented (or whose callee property the program
        // replaced) cannot be told: refused when the object has indices.
        describe(capture, object, index) {
            const callee = P.getOwnPropertyDescriptor(object, "callee");
            const isUnmapped = !!callee && !("value" in callee) && !callee.configurable && callee.get === capture.intrinsics.byPath.get("%ThrowTypeError%");
            if (!isUnmapped) {
                const info = callee && "value" in callee && typeof callee.value === "function" ? registry.functionInfo(callee.value) : undefined;
                const literal = info && registry.literals.get(info.literal);
                if (literal && literal.parameters)
                    appendPair(capture.sloppyArguments, index, literal);
                else if (hasIndexKey(object))
                    capture.fail(index, "the arguments object of a sloppy-mode function that is not its callee's any more may stay tied to parameters closures read, which cannot be told");
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
            return { kind: RecordKind.Arguments, mapped: isUnmapped ? Format.ArgumentsMapping.Unmapped : Format.ArgumentsMapping.Mapped, scope: null, aliased: [], body: capture.describeBody(object, index, null, keys) };
        },
        write(capture, writer, plan) {
            writer.u8(plan.mapped);
            capture.writeValue(writer, plan.scope);
            writer.varint(plan.aliased.length);
            for (let i = 0; i < plan.aliased.length; ++i)
                capture.writeValue(writer, plan.aliased[i]);
        },
        references(plan, visit) {
            visit(plan.scope);
        },
        read(decoder, reader, kind, id) {
            const mapped = reader.u8();
            if (mapped > ArgumentsMapping.Mapped)
                reader.fail("unknown arguments object kind");
            const scope = decoder.readValue(reader);
            const count = reader.varint();
            const aliased = [];
            for (let i = 0; i < count; ++i) {
                const value = decoder.readValue(reader);
                if (typeof value !== "number" || !(value >= 0) || (i && value <= aliased[i - 1]))
                    reader.fail("an aliased index of an arguments object is not an ascending index");
                aliased[i] = value;
            }
            if ((scope === null) !== !count || (scope !== null && (!(scope instanceof Ref) || !mapped)))
                reader.fail("an arguments object names a scope exactly when it is mapped and lists aliased indices");
            return decoder.readBody(reader, {
                kind, id, mapped, scope, aliased,
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        restoreList: kinds.RestoreList.Arguments,
        // One a scope's `arguments` binding holds is made by its scope's synthesized function (findShapeArguments).
        create(restore, index, record) {
            if (!restore.argumentsMaker.has(index))
                restore.set(index, record.mapped === ArgumentsMapping.Mapped ? sloppyArguments() : strictArguments(), true);
        },
        toldByBrand: true,
    });

    offload.addMethods(offload.Capture, class MappedArguments {
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
    });

    offload.addMethods(offload.Restore, class ArgumentsShapes {
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
    });
})
