/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Scope synthesis: the restore rebuilds the scope tree by evaluating one synthesized script per app script, in which
// each scope instance is a function nested in its parent's that declares the captured bindings, makes the instance's
// handle, makes the functions created in it (function-synthesis.js, home-objects.js) and enters its children. Scope
// instances of one template that agree on which bindings are uninitialized or const share one synthesized function
// (a shape). The synthesized code calls back into the restore through `__offload.rc` (h, s, cv, …). Also the order
// in which the scripts make functions (for the const bindings that can stay const) and the bindings' values.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Ref, IndexMap } = offload;
    const { RecordKind } = Format;
    const registry = offload.registry;
    const kinds = offload.kinds.table;

    // A binding name as the script writes it, before it goes into synthesized code: Unicode letters and digits, `$`,
    // `_`, ZWNJ/ZWJ, and \u escapes, nothing else (matched with the built-in exec).
    const identifierPart = "(?:[\\p{ID_Continue}$\\u200c\\u200d]|\\\\u[0-9a-fA-F]{4}|\\\\u\\{[0-9a-fA-F]+\\})";
    const identifierPattern = new P.RegExp(`^(?:[\\p{ID_Start}$_]|\\\\u[0-9a-fA-F]{4}|\\\\u\\{[0-9a-fA-F]+\\})${identifierPart}*$`, "u");

    offload.addMethods(offload.Restore, class ScopeSynthesis {
        // The key of the scope a function record was made in (a scope record's index, or the script's global key).
        scopeKeyOf(scope, id) {
            return scope === null ? `global:${P.stringSlice(id, 0, P.stringIndexOf(id, ":"))}` : scope.index;
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
            // Code re-created in a parameter list finds its scope's handle by the arguments object (hooks.pa). An
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

        isReadyFor(value, scopeIndex) {
            if (!(value instanceof Ref))
                return true;
            const record = this.records[value.index];
            // Objects made on first use (createDeferred) may come later. A combinator's state, made so too, is never a
            // binding's value (the program cannot reach it), and is left out as it always was.
            if (kinds[record.kind].createDeferred !== null && record.kind !== RecordKind.PromiseCombinator)
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

        // Code to make inside the class literal `privateClass` (an index in `script`, or -1): an entry for inClass().
        inClassEntry(script, privateClass, code) {
            if (privateClass === undefined || privateClass < 0)
                return code;
            return `{c:${P.jsonStringify(`${script.sid}:${privateClass}`)},t:${P.jsonStringify(`(${code})`)}}`;
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
    });
})
