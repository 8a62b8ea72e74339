/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "JSCTestHarness.h"

#include "Common/GRefPtr.h"
#include "Common/GUniquePtr.h"
#include "Instrumenter/Instrumenter.h"
#include <jsc/jsc.h>

namespace Offload {

static const char* stubRuntime = R"JS(
var __out = [];
function print(...args) { __out.push(args.map(String).join(' ')); }
var __offload = (function () {
    const meta = {};
    const names = {};
    const kinds = {};
    const handles = new Map();
    const paramsHandles = new WeakMap();
    const templates = new Map();
    let substitutions = null;
    const errors = [];
    const isHandle = (h) => h === null || (typeof h === 'object' && h.__isHandle === true);
    const realEval = eval;
    // Like the runtime's: eval code at the global scope, instrumented, run by an indirect call.
    const indirectEval = new Proxy(realEval, { apply(target, self, args) { return realEval(api.ev(args[0], null, false)); } });
    const api = {
        r: false, evh: null, errors, counts: { f: 0, s: 0, d: 0, o: 0, ev: 0, ie: 0, pc: 0 },
        register(json) {
            const m = JSON.parse(json);
            m.templates.forEach((t, i) => { meta[m.sid + ':' + i] = t.bindings.map((b) => b[0]); });
            m.literals.forEach((l, i) => { names[m.sid + ':' + i] = l.name; kinds[m.sid + ':' + i] = l.kind; });
        },
        s(id, getter, parent) {
            api.counts.s++;
            if (!(id in meta)) errors.push('unknown template ' + id);
            if (typeof getter !== 'function') errors.push('getter of ' + id + ' is not a function');
            if (!isHandle(parent)) errors.push('bad parent handle for ' + id + ': ' + String(parent));
            (meta[id] || []).forEach((name, i) => {
                try { getter(i); } catch (e) { if (!(e instanceof ReferenceError)) errors.push('getter ' + id + '[' + i + '] threw ' + e); }
            });
            return { __isHandle: true, id, getter, parent };
        },
        pa(args, id, getter, parent) {
            if (typeof args !== 'object' || args === null || !('length' in args)) errors.push('pa() got no arguments object for ' + id);
            else if (paramsHandles.has(args)) return paramsHandles.get(args);
            const handle = api.s(id, getter, parent);
            if (typeof args === 'object' && args !== null) paramsHandles.set(args, handle);
            return handle;
        },
        // Classes and functions named __proto__ need more than a stamp: they come through fw(), all others through f().
        fw(fn, id, h) {
            if (kinds[id] !== 'class' && names[id] !== '__proto__') errors.push('fw() for a plain function ' + id);
            return api.fl(fn, id, h);
        },
        f(fn, id, h) {
            if (kinds[id] === 'class' || names[id] === '__proto__') errors.push('f() for a class or __proto__ ' + id);
            return api.fl(fn, id, h);
        },
        fl(fn, id, h) {
            api.counts.f++;
            if (typeof fn !== 'function') errors.push('f() got a ' + typeof fn + ' for ' + id);
            if (!isHandle(h)) errors.push('bad handle for ' + id + ': ' + String(h));
            handles.set(fn, h);
            // Named evaluation is lost inside the hook call; restore it from the metadata as the runtime does.
            if (typeof fn === 'function' && fn.name === '' && typeof names[id] === 'string')
                Object.defineProperty(fn, 'name', { value: names[id], configurable: true });
            return fn;
        },
        pc(cls, evaluator, id, brand, get, set, staticGet, staticSet) {
            api.counts.pc++;
            if (typeof cls !== 'function') errors.push('pc() got a ' + typeof cls + ' for ' + id);
            if (evaluator !== null) errors.push('pc() got an evaluator outside a restore for ' + id);
            if (!(id in names)) errors.push('pc(): unknown literal ' + id);
            for (const fn of [brand, get, set, staticGet, staticSet])
                if (fn !== null && typeof fn !== 'function') errors.push('pc(): a ' + typeof fn + ' for ' + id);
            if ((get === null) !== (set === null) || (staticGet === null) !== (staticSet === null))
                errors.push('pc(): a reader without a writer for ' + id);
            // The static block runs first: the class's static fields do not exist yet.
            if (brand && brand(cls)) errors.push('pc(): the class carries its own instance names ' + id);
        },
        // A computed field key: converted to a property key once and added to the class evaluation's list.
        fk(list, value) {
            if (!Array.isArray(list)) errors.push('fk() got no key list');
            if (api.r) errors.push('fk() called while restoring');
            const key = Reflect.ownKeys({ [value]: 0 })[0];
            list.push(key);
            return key;
        },
        fc(cls, list) {
            if (typeof cls !== 'function' || !Array.isArray(list)) errors.push('fc() got a bad class or key list');
            return cls;
        },
        d(h, ...rest) {
            api.counts.d++;
            if (!isHandle(h)) errors.push('bad handle in d(): ' + String(h));
            for (let i = 0; i < rest.length; i += 2) {
                if (typeof rest[i] !== 'function') errors.push('d() got a ' + typeof rest[i] + ' for ' + rest[i + 1]);
                handles.set(rest[i], h);
            }
        },
        o(object, h, list) {
            api.counts.o++;
            if (!isHandle(h)) errors.push('bad handle in o(): ' + String(h));
            for (let i = 0; i < list.length; i += 2) {
                const key = list[i + 1];
                if (key === null) continue;
                const desc = Object.getOwnPropertyDescriptor(object, key);
                if (!desc) errors.push('o(): no property ' + String(key));
                else for (const fn of [desc.value, desc.get, desc.set]) if (typeof fn === 'function') handles.set(fn, h);
            }
            return object;
        },
        ev(x, h, strict) {
            api.counts.ev++;
            if (typeof x !== 'string') return x;
            if (!isHandle(h)) errors.push('bad handle in ev(): ' + String(h));
            api.evh = h;
            const code = __instrumentEval(x, !!strict);
            if (code === null) return x;
            api.register(__lastEvalMetadata());
            return code;
        },
        ie(value) {
            api.counts.ie++;
            return value === realEval ? indirectEval : value;
        },
        ts(site, strings) {
            if (typeof site !== 'string' || !Array.isArray(strings) || !Object.isFrozen(strings)) errors.push('ts() got a bad site or strings object');
            if (!templates.has(site)) templates.set(site, strings);
            return templates.get(site);
        },
        tq(strings) {
            substitutions = arguments;
            return strings;
        },
        tv(index) {
            return substitutions[index + 1];
        },
        handleOf(fn) {
            return handles.get(fn);
        },
        scopeOf(fn) {
            const out = {};
            for (let h = handles.get(fn); h; h = h.parent) {
                (meta[h.id] || []).forEach((name, i) => {
                    if (name in out) return;
                    try { out[name] = h.getter(i); } catch (e) { out[name] = '<uninitialized>'; }
                });
            }
            return out;
        },
    };
    return api;
})();
)JS";

static std::string s_lastEvalMetadata;

static char* instrumentEval(const char* source, gboolean isStrict, gpointer)
{
    InstrumentOptions options;
    options.kind = SourceKind::DirectEval;
    options.isStrictCaller = isStrict;
    options.verifyOutput = true;
    GError* error = nullptr;
    auto result = Instrumenter::instrument(source ? source : "", options, &error);
    if (!result) {
        g_error_free(error);
        return nullptr;
    }
    s_lastEvalMetadata = result->metadataJson;
    return g_strdup(result->code.c_str());
}

static char* lastEvalMetadata(gpointer)
{
    return g_strdup(s_lastEvalMetadata.c_str());
}

static std::string evaluateToString(JSCContext* context, const std::string& code)
{
    GRefPtr<JSCValue> value = adoptGRef(jsc_context_evaluate(context, code.c_str(), code.size()));
    GUniquePtr<char> text(jsc_value_to_string(value.get()));
    return text ? text.get() : "";
}

JSCTestHarness::Run JSCTestHarness::run(
    const std::string& code, const std::string& metadataJson, const std::string& epilogue)
{
    GRefPtr<JSCContext> context = adoptGRef(jsc_context_new());
    GRefPtr<JSCValue> instrument = adoptGRef(jsc_value_new_function(context.get(), "__instrumentEval",
        G_CALLBACK(instrumentEval), nullptr, nullptr, G_TYPE_STRING, 2, G_TYPE_STRING, G_TYPE_BOOLEAN));
    jsc_context_set_value(context.get(), "__instrumentEval", instrument.get());
    GRefPtr<JSCValue> metadata = adoptGRef(jsc_value_new_function(context.get(), "__lastEvalMetadata",
        G_CALLBACK(lastEvalMetadata), nullptr, nullptr, G_TYPE_STRING, 0, G_TYPE_NONE));
    jsc_context_set_value(context.get(), "__lastEvalMetadata", metadata.get());
    GRefPtr<JSCValue> prelude = adoptGRef(jsc_context_evaluate(context.get(), stubRuntime, -1));
    if (!metadataJson.empty()) {
        GRefPtr<JSCValue> json = adoptGRef(jsc_value_new_string(context.get(), metadataJson.c_str()));
        jsc_context_set_value(context.get(), "__meta", json.get());
        GRefPtr<JSCValue> ignored = adoptGRef(jsc_context_evaluate(context.get(), "__offload.register(__meta)", -1));
    }

    Run run;
    GRefPtr<JSCValue> result
        = adoptGRef(jsc_context_evaluate_with_source_uri(context.get(), code.c_str(), code.size(), "test.js", 1));
    if (JSCException* exception = jsc_context_get_exception(context.get())) {
        // Name and message only: columns may legitimately differ after the rewrite.
        const char* name = jsc_exception_get_name(exception);
        const char* message = jsc_exception_get_message(exception);
        run.exception = std::string(name ? name : "") + ": " + (message ? message : "");
        jsc_context_clear_exception(context.get());
    }
    if (!epilogue.empty()) {
        GRefPtr<JSCValue> ignored = adoptGRef(jsc_context_evaluate(context.get(), epilogue.c_str(), epilogue.size()));
        if (JSCException* exception = jsc_context_get_exception(context.get())) {
            GUniquePtr<char> report(jsc_exception_to_string(exception));
            run.exception += std::string(" epilogue: ") + (report ? report.get() : "exception");
            jsc_context_clear_exception(context.get());
        }
    }
    run.output = evaluateToString(context.get(), "__out.join('\\n')");
    run.stubErrors = evaluateToString(context.get(), "__offload.errors.map(String).join('\\n')");
    run.hookCounts = evaluateToString(context.get(), "JSON.stringify(__offload.counts)");
    return run;
}

std::string JSCTestHarness::query(
    const std::string& code, const std::string& metadataJson, const std::string& expression)
{
    GRefPtr<JSCContext> context = adoptGRef(jsc_context_new());
    GRefPtr<JSCValue> codeValue = adoptGRef(jsc_value_new_string(context.get(), code.c_str()));
    jsc_context_set_value(context.get(), "code", codeValue.get());
    GRefPtr<JSCValue> metaValue = adoptGRef(jsc_value_new_string(context.get(), metadataJson.c_str()));
    jsc_context_set_value(context.get(), "metaText", metaValue.get());
    std::string program = "var meta = JSON.parse(metaText); String(" + expression + ")";
    std::string value = evaluateToString(context.get(), program);
    if (JSCException* exception = jsc_context_get_exception(context.get())) {
        GUniquePtr<char> report(jsc_exception_to_string(exception));
        return std::string("<exception: ") + (report ? report.get() : "") + ">";
    }
    return value;
}

} // namespace Offload
