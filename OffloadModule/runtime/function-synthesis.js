/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Function synthesis: each function record is made again from its literal's own text in the app's instrumented
// script (never from the snapshot), by a factory evaluated inside the synthesized scope it was made in
// (scope-synthesis.js). A class is made with its prototype object and its methods (prebound records), without its
// heritage and with its computed keys given back rather than evaluated; a method alone is made in an object literal
// with the key its home object holds it under.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Ref, IndexSet, RestoreError } = offload;
    const { listIncludes } = P;
    const { RecordKind } = Format;
    const registry = offload.registry;

    // Returns the class text with its heritage expression replaced by `null`: evaluating `extends X` would read
    // bindings that are not restored yet. The prototypes are set from the snapshot afterwards. The instrumenter gives
    // where the expression is (metadata `heritage`), so no comment, string or regular expression in it can mislead.
    function withoutHeritage(literal, text) {
        if (!literal.heritage)
            return text;
        const [start, end] = literal.heritage;
        return `${P.stringSlice(text, 0, start - literal.start)} null ${P.stringSlice(text, end - literal.start)}`;
    }

    // A class with private names is rebuilt with an evaluator in its static block (Rewriter::emitPrivateNames), which
    // runs code inside the class body, where the private names can be used.
    function withEvaluator(text) {
        const call = "__offload.pc(this,null,";
        const at = P.stringIndexOf(text, call);
        if (at < 0)
            throw new RestoreError(`Cannot restore snapshot: a class with private names lacks its registration`);
        return `${P.stringSlice(text, 0, at)}__offload.pc(this,(__ofc)=>eval(__ofc),${P.stringSlice(text, at + call.length)}`;
    }

    offload.addMethods(offload.Restore, class FunctionSynthesis {
        // Objects made by evaluating a class: its prototype object and its methods. Objects that carry the private
        // names of a class without an extends clause are made by constructing that class (`madeByClass`).
        findPrebound() {
            this.prebound = new IndexSet(this.records.length);
            this.madeByClass = P.ownedMap();
            this.classMade = new IndexSet(this.records.length);
            for (let i = 0; i < this.privateIndices.length; ++i) {
                const index = this.privateIndices[i];
                const record = this.records[index];
                const privates = record.body.privates;
                for (let entry = 0; entry < privates.length; ++entry) {
                    const classRef = privates[entry][0];
                    const isStatic = privates[entry][1];
                    const names = this.privateNamesOf(classRef, index);
                    if (isStatic) {
                        if (classRef.index !== index)
                            this.fail(`record ${index} holds the static private fields of another record`);
                        continue;
                    }
                    if (names.derived)
                        continue;
                    if (record.kind !== RecordKind.Object || this.classMade.has(index))
                        this.fail(`record ${index} cannot be made by constructing class record ${classRef.index}`);
                    this.classMade.add(index);
                    const list = this.madeByClass.get(classRef.index);
                    if (list)
                        list[list.length] = index;
                    else
                        this.madeByClass.set(classRef.index, [index]);
                }
            }
            for (let i = 0; i < this.functionIndices.length; ++i) {
                const index = this.functionIndices[i];
                const record = this.records[index];
                const literal = this.literal(record.literal);
                if (literal.kind === "class") {
                    const prototype = this.propertyValue(record, "prototype");
                    if (prototype instanceof Ref)
                        this.prebound.add(prototype.index);
                }
                if (this.isClassMember(literal))
                    this.prebound.add(index);
            }
        }

        isClassMember(literal) {
            return !!(literal.method && this.classOf(literal));
        }

        classOf(literal) {
            if (!this.memberClasses) {
                this.memberClasses = P.ownedMap();
                for (const [, candidate] of registry.literals) {
                    for (const member of candidate.members || [])
                        this.memberClasses.set(`${candidate.script.sid}:${member}`, candidate);
                }
            }
            return this.memberClasses.get(literal.id);
        }

        // {literal id: factory} for every literal a function was made from in the given scopes (or global keys).
        // Also {signature: factory} for the object literals that make home objects (findHomes). `children` are the
        // scope instances made in these scopes: the scopes of calls of methods whose arrows use super become methods
        // of the class or object literal made here (homeShapeText); `strict` is the strictness of the code around.
        factoriesFor(keys, children, strict) {
            const literalIds = P.ownedSet();
            const factories = [];
            const classShapes = P.ownedMap();
            for (const child of children) {
                const shapeId = this.shapeOf(child);
                const template = this.shapes[shapeId].template;
                if (this.shapes[shapeId].homeIndex < 0)
                    continue;
                const ownerId = `${template.script.sid}:${template.home.literal}`;
                if (this.literal(ownerId).kind !== "class")
                    continue;
                const list = classShapes.get(ownerId);
                if (!list)
                    classShapes.set(ownerId, [shapeId]);
                else if (!listIncludes(list, shapeId))
                    list[list.length] = shapeId;
            }
            for (const key of keys) {
                for (const home of this.homeGroupsOf.get(key) || []) {
                    const group = this.homeGroups.get(home);
                    const shapeIds = this.groupShapes(group);
                    group.signature = `home:${group.members.map((member) => this.records[member].literal).join(",")}|${shapeIds.join(",")}`;
                    if (!literalIds.has(group.signature)) {
                        literalIds.add(group.signature);
                        factories[factories.length] = `${P.jsonStringify(group.signature)}:${this.inClassEntry(group.script, group.privateClass, this.groupFactory(group, shapeIds, strict))}`;
                    }
                }
                for (const index of this.functionsOf.get(key) || []) {
                    const literalId = this.records[index].literal;
                    if (!literalIds.has(literalId)) {
                        literalIds.add(literalId);
                        const literal = this.literal(literalId);
                        factories[factories.length] = `${P.jsonStringify(literalId)}:${this.inClassEntry(literal.script, literal.privateClass, this.factory(index, classShapes.get(literalId)))}`;
                    }
                }
            }
            return `{${factories.join(",")}}`;
        }

        literalText(literal) {
            return P.stringSlice(literal.script.text, literal.start, literal.end);
        }

        // An arrow that returns a fresh function object made from the literal's own text.
        // `homeShapes`: for a class, the scope shapes to make as its methods (homeShapeText).
        factory(index, homeShapes) {
            const record = this.records[index];
            const literal = this.literal(record.literal);
            const text = this.literalText(literal);
            if (literal.kind === "class") {
                // Member keys first: they come after the heritage, whose offsets stay right.
                let classText = withoutHeritage(literal, this.withMemberKeys(literal, text));
                if (homeShapes) {
                    // Before the closing brace; the `;` ends a last field that has no semicolon of its own.
                    const methods = homeShapes.map((shapeId) => this.homeShapeText(shapeId, true)).join("");
                    classText = `${P.stringSlice(classText, 0, classText.length - 1)};${methods}}`;
                }
                classText = literal.privateNames ? withEvaluator(classText) : classText;
                // Its computed field keys are the recorded ones (hooks.fk), not evaluated again.
                if (literal.computedFields)
                    return `()=>{const __ofk=__offload.rc.fieldKeys();return(${classText})}`;
                return `()=>(${classText})`;
            }
            if (literal.method)
                return `()=>({${this.methodText(literal, text, "__offload.rc.currentKey()")}})`;
            return `()=>(${text})`;
        }

        // The literal's text starts at its key; the accessor keyword and the async/generator prefix come first.
        // A computed key is not evaluated again: `keyExpression` gives the key the home object holds the method under.
        methodText(literal, text, keyExpression) {
            const method = literal.method;
            const prefix = `${method.kind === "get" ? "get " : method.kind === "set" ? "set " : ""}${method.prefix || ""}`;
            if (!method.computed)
                return `${prefix}${text}`;
            return `${prefix}[${keyExpression}]${P.stringSlice(literal.script.text, literal.paramsStart, literal.end)}`;
        }

        // A class's computed member keys are not evaluated again (the bindings they read are not set yet when the class
        // is made): each becomes the key its home object holds the member under.
        withMemberKeys(literal, text) {
            const computed = [];
            for (const memberIndex of literal.members || []) {
                const member = this.literal(`${literal.script.sid}:${memberIndex}`);
                if (member.method && member.method.computed)
                    computed[computed.length] = member;
            }
            computed.sort((a, b) => b.start - a.start);
            for (const member of computed) {
                const keyStart = member.start - literal.start;
                const keyEnd = member.paramsStart - literal.start;
                text = `${P.stringSlice(text, 0, keyStart)}[__offload.rc.classMemberKey(${P.jsonStringify(member.id)})]${P.stringSlice(text, keyEnd)}`;
            }
            return text;
        }

        // Called by synthesized code: the key of a computed member of the class being made. A member the snapshot
        // does not hold gets a key of its own, removed with the other extra properties when the bodies are filled.
        classMemberKey(memberLiteralId) {
            const classIndex = this.currentFunction;
            if (!this.classMemberRecords) {
                this.classMemberRecords = P.ownedMap();
                this.records.forEach((record, index) => {
                    if (record.kind === RecordKind.Function && record.home instanceof Ref)
                        this.classMemberRecords.set(`${record.home.index}|${record.literal}`, index);
                });
            }
            const memberIndex = this.classMemberRecords.get(`${classIndex}|${memberLiteralId}`);
            if (memberIndex === undefined)
                return P.Symbol("offload: a member the snapshot does not hold");
            const member = this.literal(memberLiteralId);
            const prototype = this.propertyValue(this.records[classIndex], "prototype");
            return this.keyHolding(member.method.static ? classIndex : prototype instanceof Ref ? prototype.index : -1, memberIndex);
        }

        // Called by synthesized code: the computed field keys of the class being made, which travel as its home (an
        // Array record of strings and symbols, made before any function), for hooks.fk to give back in order.
        fieldKeys() {
            const home = this.records[this.currentFunction].home;
            const list = home instanceof Ref ? this.records[home.index] : null;
            if (!list || list.kind !== RecordKind.Array || list.properties.length)
                this.fail(`class record ${this.currentFunction} has computed field names but no list of their keys`);
            const keys = [];
            for (let i = 0; i < list.elements.length; ++i) {
                const key = this.resolve(list.elements[i]);
                if (typeof key !== "string" && typeof key !== "symbol")
                    this.fail(`class record ${this.currentFunction} has a computed field key that is not a string or a symbol`);
                keys[keys.length] = key;
            }
            return { keys, next: 0 };
        }

        // Called by synthesized code: the key of the computed method being made.
        currentKey() {
            return this.methodKey(this.currentFunction);
        }

        // A computed method's key is the key its home object holds it under.
        methodKey(index) {
            const home = this.records[index].home;
            return this.keyHolding(home instanceof Ref ? home.index : -1, index);
        }

        keyHolding(holderIndex, functionIndex) {
            const holder = holderIndex >= 0 ? this.records[holderIndex] : null;
            if (holder && holder.body) {
                const properties = holder.body.properties;
                const isIt = (value) => value instanceof Ref && value.index === functionIndex;
                for (let i = 0; i < properties.length; i += 4) {
                    if (isIt(properties[i + 2]) || isIt(properties[i + 3]))
                        return properties[i] instanceof Ref ? this.resolve(properties[i]) : properties[i];
                }
            }
            this.fail(`the computed key of method record ${functionIndex} is not found on the object that holds it`);
        }

        // The prebound method records of each class record, found once.
        membersOf(classIndex) {
            if (!this.classMembers) {
                this.classMembers = P.ownedMap();
                this.records.forEach((record, member) => {
                    if (record.kind !== RecordKind.Function || !(record.home instanceof Ref) || !this.prebound.has(member))
                        return;
                    const list = this.classMembers.get(record.home.index);
                    if (list)
                        list[list.length] = member;
                    else
                        this.classMembers.set(record.home.index, [member]);
                });
            }
            return this.classMembers.get(classIndex) || [];
        }

        makeFunction(index, made, scope) {
            const record = this.records[index];
            const literal = this.literal(record.literal);
            let fn = made;
            if (literal.method) {
                const key = literal.method.computed ? this.methodKey(index) : literal.method.key;
                const descriptor = P.getOwnPropertyDescriptor(made, key);
                fn = literal.method.kind === "get" ? descriptor.get : literal.method.kind === "set" ? descriptor.set : descriptor.value;
            }
            this.set(index, fn, true);
            registry.register(fn, record.literal, scope, undefined);
            if (literal.kind === "class") {
                this.bindClass(index, fn, literal, scope);
                this.takeHomeShapes(index, fn);
                this.takeHomeShapes(index, fn.prototype);
            }
            if (literal.privateNames || literal.tracksHome)
                registry.noteClassEvaluation(scope, record.literal, fn);
            if (literal.privateNames) {
                for (const made of this.madeByClass.get(index) || [])
                    this.set(made, this.construct(fn, null));
            }
        }

        // The class's prototype object and its methods were made with it; bind their records to them.
        bindClass(index, cls, literal, scope) {
            const record = this.records[index];
            const prototype = this.propertyValue(record, "prototype");
            if (prototype instanceof Ref)
                this.set(prototype.index, cls.prototype, true);
            for (const memberIndex of this.membersOf(index)) {
                const member = this.records[memberIndex];
                const memberLiteral = this.literal(member.literal);
                const target = memberLiteral.method.static ? cls : cls.prototype;
                let key = memberLiteral.method.key;
                if (memberLiteral.method.computed) {
                    const holder = memberLiteral.method.static ? index : prototype instanceof Ref ? prototype.index : -1;
                    key = this.keyHolding(holder, memberIndex);
                }
                const descriptor = P.getOwnPropertyDescriptor(target, key);
                const kind = memberLiteral.method.kind;
                const fn = descriptor && (kind === "get" ? descriptor.get : kind === "set" ? descriptor.set : descriptor.value);
                if (typeof fn !== "function")
                    this.fail(`class member ${member.literal} is not on the rebuilt class`);
                this.set(memberIndex, fn, true);
                registry.register(fn, member.literal, scope, cls);
            }
        }
    });
})
