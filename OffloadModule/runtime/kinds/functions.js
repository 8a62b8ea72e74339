/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Function (3) and BoundFunction (4) records. A function travels as its literal id, the scope record it was made in
// and its home object, never as code: the restore makes it again from the app's own script text inside its rebuilt
// scope (function-synthesis.js, scope-synthesis.js). A bound function travels as its target, `this` and arguments
// (registry.boundFunctions), and is bound again on first use.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Decoder, kinds, isObject, appendPair, visitAll } = offload;
    const { RecordKind } = Format;
    const { noValues } = Decoder;
    const registry = offload.registry;

    const generatorFunctionPrototype = P.getPrototypeOf(function* () {});
    const asyncGeneratorFunctionPrototype = P.getPrototypeOf(async function* () {});

    // The scope whose home object an arrow's super reads: the first enclosing function-like scope, which lists a
    // `home` binding when the instrumenter saw the arrow use super.
    function hasHomeScope(handle) {
        for (let scope = handle; scope; scope = scope.parent) {
            const template = registry.templates.get(scope.template);
            if (!template)
                return false;
            if (template.home)
                return true;
            if ((template.kind === "function" || template.kind === "params" || template.kind === "field" || template.kind === "staticBlock") && !template.arrow)
                return false;
        }
        return false;
    }

    // A generator function's `prototype` object inherits from %GeneratorPrototype% like the generators it makes,
    // but is an ordinary object: it is told apart as the function's own `prototype` (its generators inherit from
    // it, not from %GeneratorPrototype% directly). The function is described before what it reaches.
    // When the program replaced the function's `prototype`, the generators it made since inherit from an object
    // that says nothing of them: objects inheriting from it are refused once the walk is done
    // (checkReplacedGeneratorPrototypes).
    function noteGeneratorPrototype(capture, fn, index) {
        const kind = P.getPrototypeOf(fn);
        if (kind !== generatorFunctionPrototype && kind !== asyncGeneratorFunctionPrototype)
            return;
        const descriptor = P.getOwnPropertyDescriptor(fn, "prototype");
        const prototype = descriptor && descriptor.value;
        if (!isObject(prototype))
            return;
        if (registry.proxies.has(prototype))
            appendPair(capture.replacedGeneratorPrototypes, prototype, index);
        else if (P.getPrototypeOf(prototype) === kind.prototype && !capture.indexOf.has(prototype))
            capture.generatorPrototypes.add(prototype);
        else if (!capture.chainFacts(prototype).refusal)
            appendPair(capture.replacedGeneratorPrototypes, prototype, index);
    }

    // Stamped functions are Function records, functions the runtime's `bind` made are BoundFunction records; any other
    // function is refused, with what is known of where it came from.
    function describeFunction(capture, fn, index) {
        const info = registry.functionInfo(fn);
        if (info) {
            const literal = registry.literals.get(info.literal);
            if (!literal)
                capture.fail(index, `function literal ${info.literal} belongs to no registered script`);
            // A class member is made with its class (its home); other code inside a class with private names is
            // made inside the class's evaluation in a restore.
            // A computed field key is evaluated once, when the class is made, and kept inside the class: the
            // instrumented class hands over the keys of each evaluation, which travel as its home (hooks.fw).
            if (literal.computedFields && !info.home)
                capture.fail(index, `class ${literal.name || info.literal} has a computed field name whose value was not recorded (a yield or await in the class's computed keys or heritage)`);
            if (literal.privateClass >= 0 && !(literal.method && literal.owner >= 0))
                capture.reachClassEvaluation(info.scope, literal.script.sid, literal.privateClass, index);
            // An arrow's `super` reads the home object of the method it was made in, which the scope of that
            // method's call carries (a `home` binding); `super()` in an arrow would need the constructor's call
            // itself (Instrumentation.md, "Home objects").
            if (literal.arrow && literal.callsSuper)
                capture.fail(index, `arrow function ${info.literal} calls super(), which cannot be rebuilt: super() runs the parent constructor for one constructor call and binds that call's capture, and a restore cannot make that call again (its rebuilt scope constructs through a stand-in for the parent, whose code would not run)`);
            if (literal.arrow && literal.usesSuper && !hasHomeScope(info.scope))
                capture.fail(index, `arrow function ${info.literal} uses super, and the scope it was made in does not carry its home object`);
            noteGeneratorPrototype(capture, fn, index);
            const scope = capture.canonicalScope(info.scope);
            if (scope)
                capture.reach(scope, index, "<scope>");
            if (info.home)
                capture.reach(info.home, index, "<home object>");
            return { kind: RecordKind.Function, literal: info.literal, scope: scope || null, home: info.home, body: capture.describeBody(fn, index) };
        }
        const bound = registry.boundFunctions.get(fn);
        if (bound) {
            capture.reach(bound.target, index, "<bound target>");
            capture.reach(bound.boundThis, index, "<bound this>");
            for (let i = 0; i < bound.args.length; ++i)
                capture.reach(bound.args[i], index, `<bound argument ${i}>`);
            return { kind: RecordKind.BoundFunction, target: bound.target, boundThis: bound.boundThis, args: bound.args, body: capture.describeBody(fn, index) };
        }
        const name = P.getOwnPropertyDescriptor(fn, "name");
        const label = name && typeof name.value === "string" && name.value ? ` "${name.value}"` : "";
        // Anonymous native functions are the engine's own: the resolving functions it hands to a thenable's then
        // (for an await or a promise resolved with the thenable).
        if (!label && registry.isEngineHandler(fn))
            capture.fail(index, "a resolving function the engine made for a promise of its own (an await or a promise resolved with a thenable) cannot be captured yet");
        const uninstrumented = registry.uninstrumentedReasonOf(fn);
        if (uninstrumented !== undefined)
            capture.fail(index, `function${label} was made by code that could not be instrumented and ran as written: ${uninstrumented}`);
        capture.fail(index, `function${label} was not created by instrumented code (a host function, code of a script that could not be instrumented, or code run by an eval reached through a property such as globalThis.eval)`);
    }

    kinds.define(RecordKind.Function, {
        hasBody: true,
        describe: describeFunction,
        write(capture, writer, plan) {
            writer.varint(capture.stringIndex(plan.literal));
            capture.writeValue(writer, plan.scope);
            capture.writeValue(writer, plan.home);
        },
        references(plan, visit) {
            visit(plan.scope);
            visit(plan.home);
        },
        read(decoder, reader, kind, id) {
            return decoder.readBody(reader, {
                kind, id, literal: decoder.string(reader), scope: decoder.readValue(reader), home: decoder.readValue(reader),
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        // Made by the synthesized scripts (Restore.createFunctions).
        restoreList: kinds.RestoreList.Functions,
        fill(restore, index, record) {
            if (record.home !== undefined && registry.functionInfo(restore.objects[index]))
                registry.setHome(restore.objects[index], restore.resolve(record.home));
        },
    });

    kinds.define(RecordKind.BoundFunction, {
        hasBody: true,
        describe: describeFunction,
        write(capture, writer, plan) {
            capture.writeValue(writer, plan.target);
            capture.writeValue(writer, plan.boundThis);
            writer.varint(plan.args.length);
            for (let argumentIndex = 0, argumentList = plan.args; argumentIndex < argumentList.length; ++argumentIndex) {
                const argument = argumentList[argumentIndex];
                capture.writeValue(writer, argument);
            }
        },
        references(plan, visit) {
            visit(plan.target);
            visit(plan.boundThis);
            visitAll(plan.args, visit);
        },
        read(decoder, reader, kind, id) {
            return decoder.readBody(reader, {
                kind,
                id,
                target: decoder.readValue(reader),
                boundThis: decoder.readValue(reader),
                args: decoder.readValues(reader, reader.varint()),
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        createDeferred(restore, index, record) {
            const target = restore.resolve(record.target);
            if (typeof target !== "function")
                restore.fail(`bound function record ${index} has a target that is not a function`);
            const args = record.args.map((argument) => restore.resolve(argument));
            const bound = P.apply(P.functionBind, target, [restore.resolve(record.boundThis), ...args]);
            registry.boundFunctions.set(bound, { target, boundThis: restore.resolve(record.boundThis), args });
            restore.set(index, bound, true);
        },
    });

    offload.addMethods(offload.Capture, class GeneratorChecks {
        // FIXME: a generator made while its function's `prototype` was replaced is found only while that function is
        // reachable and still holds that prototype; the instrumenter could report generator objects as they are made.
        checkReplacedGeneratorPrototypes() {
            const list = this.replacedGeneratorPrototypes;
            if (!list.length)
                return;
            for (let index = 0; index < this.objects.length; ++index) {
                const object = this.objects[index];
                if (typeof object !== "object" || this.isPlainIntrinsic(object))
                    continue;
                // The chain is followed up to a proxy, whose prototype only its trap could tell.
                for (let prototype = P.getPrototypeOf(object); prototype !== null; prototype = P.getPrototypeOf(prototype)) {
                    for (let i = 0; i < list.length; i += 2) {
                        if (prototype === list[i])
                            this.fail(index, `it may be a suspended generator of ${this.pathOf(list[i + 1])}, whose \`prototype\` the program replaced with the object it inherits from`);
                    }
                    if (registry.proxies.has(prototype))
                        break;
                }
            }
        }
    });
})
