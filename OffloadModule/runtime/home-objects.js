/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Home objects (Instrumentation.md, "Home objects"): an object literal whose methods use super, directly or in their
// arrows, is made again by evaluating one object literal holding those methods in the scope they were made in, so
// that the restored object is their home object; scopes of calls of methods whose arrows use super are made as
// methods of the class or object literal that makes the home object.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Ref } = offload;
    const { RecordKind } = Format;
    const registry = offload.registry;
    const { listIncludes } = P;

    offload.addMethods(offload.Restore, class HomeObjects {
        // Home objects of object-literal methods that use super, directly or in their arrows. `super` reads the home
        // object's [[Prototype]] when it runs, and a method's home object is the object literal that made it, fixed
        // for good: a method rebuilt in a literal of its own would follow another object's prototype. So such an
        // object is not made empty: it is made by evaluating, in the scope its methods were made in, one object
        // literal `{__proto__: null, m() {…}, …}` holding the captured methods whose home it is (and, as methods too,
        // the synthesized functions of the scopes of calls of those methods, whose arrows use super); its properties
        // are then removed and it is filled like any plain object, its prototype set last. The restored object *is*
        // the home object, so super follows every later change of its prototype, as in the original.
        findHomes() {
            this.homeGroups = P.ownedMap();
            this.homeGroupsOf = P.ownedMap();
            const groupOf = (home, key, literal, index) => {
                if (!(home instanceof Ref))
                    this.fail(`record ${index} has no home object`);
                let group = this.homeGroups.get(home.index);
                if (!group) {
                    const homeRecord = this.records[home.index];
                    if (homeRecord.kind !== RecordKind.Object || this.classMade.has(home.index) || this.prebound.has(home.index))
                        this.fail(`record ${home.index}, the home object of methods that use super, is not a plain object`);
                    group = { home: home.index, key, members: [], shapeInstances: [], script: literal.script, privateClass: literal.privateClass, signature: null };
                    this.homeGroups.set(home.index, group);
                    this.prebound.add(home.index);
                    const list = this.homeGroupsOf.get(key);
                    if (list)
                        list[list.length] = home.index;
                    else
                        this.homeGroupsOf.set(key, [home.index]);
                }
                if (group.key !== key)
                    this.fail(`record ${index} was made in another scope than the other methods of its home object ${home.index}`);
                return group;
            };
            for (let i = 0; i < this.scopeIndices.length; ++i) {
                const index = this.scopeIndices[i];
                const record = this.records[index];
                const template = this.template(record.template);
                if (!template.home)
                    continue;
                const owner = this.literal(`${template.script.sid}:${template.home.literal}`);
                if (owner.kind === "class")
                    continue;
                const homeIndex = this.homeBindingIndex(template);
                const group = groupOf(record.bindings[homeIndex], this.scopeKeyOf(record.parent, record.template), owner, index);
                group.shapeInstances[group.shapeInstances.length] = index;
            }
            // Every object-literal method whose home object is made so is made in that literal, with or without super:
            // the methods that use super make the groups, then every object-literal method joins its home's group.
            const methods = [];
            for (let i = 0; i < this.functionIndices.length; ++i) {
                const index = this.functionIndices[i];
                const record = this.records[index];
                if (!(record.home instanceof Ref))
                    continue;
                const literal = this.literal(record.literal);
                if (!literal.method || literal.owner >= 0)
                    continue;
                methods[methods.length] = index;
                if (literal.usesSuper)
                    groupOf(record.home, this.scopeKeyOf(record.scope, record.literal), literal, index);
            }
            for (let i = 0; i < methods.length; ++i) {
                const record = this.records[methods[i]];
                if (this.homeGroups.has(record.home.index)) {
                    const members = groupOf(record.home, this.scopeKeyOf(record.scope, record.literal), this.literal(record.literal), methods[i]).members;
                    members[members.length] = methods[i];
                }
            }
            const groups = P.valuesOf(this.homeGroups);
            for (let g = 0; g < groups.length; ++g) {
                const group = groups[g];
                // One literal evaluation makes one function per method literal: members are told apart by literal.
                P.arraySort(group.members, (a, b) => (this.records[a].literal < this.records[b].literal ? -1 : this.records[a].literal > this.records[b].literal ? 1 : 0));
                for (let i = 0; i < group.members.length; ++i) {
                    if (i && this.records[group.members[i]].literal === this.records[group.members[i - 1]].literal)
                        this.fail(`records ${group.members[i - 1]} and ${group.members[i]} are made by one method literal for one home object`);
                    this.prebound.add(group.members[i]);
                }
            }
        }

        homeBindingIndex(template) {
            for (let i = 0; i < template.bindings.length; ++i) {
                if (template.bindings[i][1] === "home")
                    return i;
            }
            this.fail(`scope template ${template.script.sid}:${template.index} has a home object but no home binding`);
        }

        // The shapes of the scopes of calls of a home object's methods, in order.
        groupShapes(group) {
            const shapeIds = [];
            for (const instance of group.shapeInstances) {
                const shapeId = this.shapeOf(instance);
                if (!listIncludes(shapeIds, shapeId))
                    shapeIds[shapeIds.length] = shapeId;
            }
            return shapeIds.sort((a, b) => a - b);
        }

        // An object literal that makes a home object with its methods (findHomes): `{__proto__: null, m() {…}, …}`.
        // Computed keys are not evaluated again: each is the key the home object holds its method under.
        groupFactory(group, shapeIds, strict) {
            const parts = ["__proto__:null"];
            group.members.forEach((member, i) => {
                const literal = this.literal(this.records[member].literal);
                parts[parts.length] = this.methodText(literal, this.literalText(literal), `__offload.rc.gk(${i})`);
            });
            for (const shapeId of shapeIds)
                parts[parts.length] = this.homeShapeText(shapeId, strict);
            return `()=>({${parts.join(",")}})`;
        }

        // The synthesized function of a scope of a call of a method whose arrows use super, as a method of the class
        // or object literal that makes the home object (`static` for a class's static elements), keyed by a symbol of
        // the restore's (sk): its home object is then the method's own, and arrows made in it read super through it.
        homeShapeText(shapeId, parentStrict) {
            const shape = this.shapes[shapeId];
            const template = shape.template;
            const directive = template.strict && !parentStrict ? "\"use strict\";" : "";
            const body = `${this.scopeBody(shapeId, "__ofr", "__ofx", parentStrict || template.strict)}${this.deadZoneDeclarations(shapeId, "return;")}`;
            const head = `${template.home.static ? "static " : ""}[__offload.rc.sk(${shapeId})]`;
            if (shape.makesArguments) {
                // Like a function shape (childShapesFor): a sloppy method's mapped arguments need its parameters.
                const formals = shape.aliased ? P.arrayJoin(this.formalParameters(template, shape.aliased), ",") : "";
                return `${head}(${formals}){${directive}const __ofr=__offload.rc,__ofx=__ofr.shapeInstance;__ofr.shapeArguments(__ofx,arguments);${body}}`;
            }
            return `${head}(__ofr,__ofx){${directive}${body}}`;
        }

        // Called by synthesized code: the symbol keying a scope shape's method in a class or object literal.
        sk(shapeId) {
            let key = this.shapeKeys[shapeId];
            if (key === undefined) {
                key = P.Symbol(`offload scope shape ${shapeId}`);
                this.shapeKeys[shapeId] = key;
                this.shapeKeyIds.set(key, shapeId);
            }
            return key;
        }

        // Called by synthesized code: the key of the i-th computed method of the home object being made.
        gk(i) {
            return this.methodKey(this.currentGroup.members[i]);
        }

        // Takes the scope shapes' methods (homeShapeText) off a class, its prototype or a home object just made.
        takeHomeShapes(ownerIndex, object) {
            const keys = P.ownKeys(object);
            for (let i = 0; i < keys.length; ++i) {
                const shapeId = typeof keys[i] === "symbol" ? this.shapeKeyIds.get(keys[i]) : undefined;
                if (shapeId === undefined)
                    continue;
                this.homeShapes.set(`${ownerIndex}|${shapeId}`, P.getOwnPropertyDescriptor(object, keys[i]).value);
                P.deleteProperty(object, keys[i]);
            }
        }

        // Called by s(): makes a home object with its methods (findHomes) by evaluating its object literal.
        makeHomeGroup(home, factories, key, scope) {
            const group = this.homeGroups.get(home);
            const entry = factories[group.signature];
            this.currentGroup = group;
            const object = (typeof entry === "function" ? entry : this.inClass(key, entry))();
            this.currentGroup = null;
            const tracked = P.ownedSet();
            for (const member of group.members) {
                const literal = this.literal(this.records[member].literal);
                const method = literal.method;
                const descriptor = P.getOwnPropertyDescriptor(object, method.computed ? this.methodKey(member) : method.key);
                const fn = descriptor && (method.kind === "get" ? descriptor.get : method.kind === "set" ? descriptor.set : descriptor.value);
                if (typeof fn !== "function")
                    this.fail(`method record ${member} is not on the object literal made for its home object ${home}`);
                this.set(member, fn, true);
                registry.register(fn, literal.id, scope, object);
                if (literal.tracksHome)
                    tracked.add(literal.id);
            }
            for (const instance of group.shapeInstances) {
                const template = this.template(this.records[instance].template);
                tracked.add(`${template.script.sid}:${template.home.literal}`);
            }
            // A later capture finds this object as the home of scopes of its methods' calls (Capture.homeOwner).
            for (const literalId of tracked)
                registry.noteClassEvaluation(scope, literalId, object);
            this.takeHomeShapes(home, object);
            const keys = P.ownKeys(object);
            for (let i = 0; i < keys.length; ++i)
                P.deleteProperty(object, keys[i]);
            // Now an empty object without a prototype, filled like any plain object made here (applyBody).
            this.set(home, object);
        }
    });
})
