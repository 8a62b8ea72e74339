/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "OffloadModule/RuntimeInstaller.h"

#include "Common/ContentHash.h"
#include "Common/GRefPtr.h"
#include "Common/GUniquePtr.h"

#include <gio/gio.h>
#include <span>
#include <vector>

extern "C" GResource* offload_runtime_get_resource(void);

namespace Offload {

static constexpr char resourcePrefix[] = "/org/webkit/offload/runtime/";

static GBytes* lookupRuntimeFile(const std::string& name, GError** error)
{
    static GResource* resource = offload_runtime_get_resource();
    std::string path = std::string(resourcePrefix) + name;
    return g_resource_lookup_data(resource, path.c_str(), G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

static JSCValue* sha256(JSCValue* bytes, gpointer)
{
    GRefPtr<JSCContext> context(jsc_value_get_context(bytes));
    if (!jsc_value_is_typed_array(bytes)) {
        jsc_context_throw_with_name(context.get(), "TypeError", "sha256 takes a Uint8Array");
        return jsc_value_new_undefined(context.get());
    }
    gsize length = 0;
    auto* data = static_cast<const uint8_t*>(jsc_value_typed_array_get_data(bytes, &length));
    gsize size = jsc_value_typed_array_get_size(bytes);
    auto hash = ContentHash::compute(std::span(data, size));
    return jsc_value_new_string(context.get(), hash.toHex().c_str());
}

// Evaluates code as a global script (top-level let/const become global lexical bindings, unlike with an indirect
// eval) and rethrows its exception into the caller.
static JSCValue* evaluateScript(JSCValue* code, JSCValue* url, gpointer)
{
    GRefPtr<JSCContext> context(jsc_value_get_context(code));
    GUniquePtr<char> source(jsc_value_to_string(code));
    GUniquePtr<char> uri(jsc_value_to_string(url));
    auto result = adoptGRef(jsc_context_evaluate_with_source_uri(context.get(), source.get(), -1, uri.get(), 1));
    if (auto* exception = jsc_context_get_exception(context.get())) {
        GRefPtr<JSCException> pending(exception);
        jsc_context_clear_exception(context.get());
        jsc_context_throw_exception(context.get(), pending.get());
        return jsc_value_new_undefined(context.get());
    }
    return result.leakRef();
}

static JSCValue* instrumentEval(JSCValue* source, JSCValue* kind, gpointer userData)
{
    auto& instrumenter = *static_cast<RuntimeInstaller::EvalInstrumenter*>(userData);
    GRefPtr<JSCContext> context(jsc_value_get_context(source));
    GUniquePtr<char> text(jsc_value_to_string(source));
    std::string code, metadata, sid;
    GUniquePtr<GError> error;
    GError* rawError = nullptr;
    GUniquePtr<char> kindName(jsc_value_to_string(kind));
    auto codeKind = RuntimeInstaller::DynamicCodeKind::DirectEval;
    if (g_str_equal(kindName.get(), "function"))
        codeKind = RuntimeInstaller::DynamicCodeKind::FunctionConstructor;
    else if (g_str_equal(kindName.get(), "strict-eval"))
        codeKind = RuntimeInstaller::DynamicCodeKind::StrictDirectEval;
    auto result = adoptGRef(jsc_value_new_object(context.get(), nullptr, nullptr));
    auto set = [&](const char* name, const std::string& value) {
        auto string = adoptGRef(jsc_value_new_string(context.get(), value.c_str()));
        jsc_value_object_set_property(result.get(), name, string.get());
    };
    // Code that cannot be instrumented still runs, as written (the runtime evaluates the author's text, so a real
    // syntax error is the engine's own SyntaxError); the runtime only learns why, to refuse captures that need it.
    if (!instrumenter || !instrumenter(text.get(), codeKind, code, metadata, sid, &rawError)) {
        error.reset(rawError);
        set("refusal", error ? error->message : "no instrumenter is installed for code made at run time");
        return result.leakRef();
    }
    set("code", code);
    set("metadata", metadata);
    set("sid", sid);
    return result.leakRef();
}

static void destroyInstrumenter(gpointer data)
{
    delete static_cast<RuntimeInstaller::EvalInstrumenter*>(data);
}

bool RuntimeInstaller::install(JSCContext* context, EvalInstrumenter evalInstrumenter, GError** error)
{
    GUniquePtr<GBytes> manifest(lookupRuntimeFile("runtime.manifest", error));
    if (!manifest)
        return false;
    gsize manifestSize = 0;
    auto* manifestData = static_cast<const char*>(g_bytes_get_data(manifest.get(), &manifestSize));
    GUniquePtr<char*> files(g_strsplit(std::string(manifestData, manifestSize).c_str(), "\n", -1));

    auto namespaceObject = adoptGRef(jsc_value_new_object(context, nullptr, nullptr));
    auto native = adoptGRef(jsc_value_new_object(context, nullptr, nullptr));
    auto addNative = [&](const char* name, GCallback callback, gpointer data, GDestroyNotify destroy,
                         unsigned parameterCount) {
        GRefPtr<JSCValue> function;
        if (parameterCount == 1)
            function = adoptGRef(
                jsc_value_new_function(context, name, callback, data, destroy, JSC_TYPE_VALUE, 1, JSC_TYPE_VALUE));
        else
            function = adoptGRef(jsc_value_new_function(
                context, name, callback, data, destroy, JSC_TYPE_VALUE, 2, JSC_TYPE_VALUE, JSC_TYPE_VALUE));
        jsc_value_object_set_property(native.get(), name, function.get());
    };
    addNative("sha256", G_CALLBACK(sha256), nullptr, nullptr, 1);
    addNative("evaluateScript", G_CALLBACK(evaluateScript), nullptr, nullptr, 2);
    addNative("instrument", G_CALLBACK(instrumentEval), new EvalInstrumenter(std::move(evalInstrumenter)),
        destroyInstrumenter, 2);

    for (char** file = files.get(); *file; ++file) {
        if (!**file)
            continue;
        GUniquePtr<GBytes> bytes(lookupRuntimeFile(*file, error));
        if (!bytes)
            return false;
        gsize size = 0;
        auto* data = static_cast<const char*>(g_bytes_get_data(bytes.get(), &size));
        std::string uri = std::string("offload-runtime:///") + *file;
        auto function = adoptGRef(jsc_context_evaluate_with_source_uri(context, data, size, uri.c_str(), 1));
        if (auto* exception = jsc_context_get_exception(context)) {
            GUniquePtr<char> report(jsc_exception_report(exception));
            g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "Offload runtime file %s failed to load: %s", *file,
                report.get());
            jsc_context_clear_exception(context);
            return false;
        }
        auto result = adoptGRef(jsc_value_function_call(
            function.get(), JSC_TYPE_VALUE, namespaceObject.get(), JSC_TYPE_VALUE, native.get(), G_TYPE_NONE));
        if (auto* exception = jsc_context_get_exception(context)) {
            GUniquePtr<char> report(jsc_exception_report(exception));
            g_set_error(
                error, G_IO_ERROR, G_IO_ERROR_FAILED, "Offload runtime file %s failed to run: %s", *file, report.get());
            jsc_context_clear_exception(context);
            return false;
        }
    }
    return true;
}

} // namespace Offload
