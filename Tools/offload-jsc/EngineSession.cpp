/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Tools/offload-jsc/EngineSession.h"

#include "Common/GUniquePtr.h"
#include "Instrumenter/Instrumenter.h"
#include "OffloadModule/RuntimeInstaller.h"
#include "Snapshot/BlobStore.h"

#include <cstdio>
#include <cstring>
#include <gio/gio.h>

namespace Offload {

static void setJSError(GError** error, JSCException* exception, const char* what)
{
    // The runtime's own errors (a refused capture, a snapshot that cannot be restored) are meant for people: their
    // message says it all. Anything else is a bug, and its stack is what a developer needs.
    const char* name = jsc_exception_get_name(exception);
    if (name && g_str_has_prefix(name, "Offload")) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", jsc_exception_get_message(exception));
        return;
    }
    GUniquePtr<char> report(jsc_exception_report(exception));
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", what, report.get());
}

// print() and step() are written in JavaScript over one native write(): String() must apply to symbols too, which
// the native conversion refuses. They are built before the runtime takes its inventory of built-ins, so that a
// program holding `print` holds a built-in.
static constexpr char hostGlobals[] = R"JS((function (write) {
    "use strict";
    const toString = String;
    const join = Function.prototype.call.bind(Array.prototype.join);
    const queue = __offload.queue;
    globalThis.print = function print(...args) {
        // An index loop: the program may replace the array iterator, and print must not call it.
        const parts = [];
        for (let i = 0; i < args.length; ++i)
            parts[i] = toString(args[i]);
        write(join(parts, " ") + "\n");
    };
    globalThis.step = function step(fn) {
        queue(fn);
    };
}))JS";

static void writeToStandardOutput(const char* text, gpointer)
{
    fputs(text, stdout);
}

std::unique_ptr<EngineSession> EngineSession::create(GError** error)
{

    std::unique_ptr<EngineSession> session(new EngineSession);
    if (!session->initialize(error))
        return nullptr;
    return session;
}

EngineSession::~EngineSession()
{
    m_runtime.clear();
    m_context.clear();
    m_virtualMachine.clear();
}

bool EngineSession::initialize(GError** error)
{
    m_virtualMachine = adoptGRef(jsc_virtual_machine_new());
    m_context = adoptGRef(jsc_context_new_with_virtual_machine(m_virtualMachine.get()));

    auto evalInstrumenter = [](const std::string& source, RuntimeInstaller::DynamicCodeKind kind, std::string& code,
                                std::string& metadata, std::string& sid, GError** error) {
        InstrumentOptions options;
        bool isFunction = kind == RuntimeInstaller::DynamicCodeKind::FunctionConstructor;
        options.kind = isFunction ? SourceKind::FunctionConstructor : SourceKind::DirectEval;
        options.isStrictCaller = kind == RuntimeInstaller::DynamicCodeKind::StrictDirectEval;
        options.sourceURL = isFunction ? "Function" : "eval";
        auto result = Instrumenter::instrument(source, options, error);
        if (!result)
            return false;
        code = std::move(result->code);
        metadata = std::move(result->metadataJson);
        sid = std::move(result->scriptId);
        return true;
    };
    if (!RuntimeInstaller::install(m_context.get(), evalInstrumenter, error))
        return false;
    m_runtime = adoptGRef(jsc_context_get_value(m_context.get(), "__offload"));

    auto installer = adoptGRef(
        jsc_context_evaluate_with_source_uri(m_context.get(), hostGlobals, -1, "offload-jsc:///host-globals.js", 1));
    auto write = adoptGRef(jsc_value_new_function(
        m_context.get(), "write", G_CALLBACK(writeToStandardOutput), nullptr, nullptr, G_TYPE_NONE, 1, G_TYPE_STRING));
    auto ignored = adoptGRef(jsc_value_function_call(installer.get(), JSC_TYPE_VALUE, write.get(), G_TYPE_NONE));
    if (auto* exception = jsc_context_get_exception(m_context.get())) {
        setJSError(error, exception, "Installing the engine-test globals failed");
        return false;
    }
    return !!callRuntime("start", error);
}

GRefPtr<JSCValue> EngineSession::callRuntime(
    const char* name, GError** error, GRefPtr<JSCValue> first, GRefPtr<JSCValue> second)
{
    auto function = adoptGRef(jsc_value_object_get_property(m_runtime.get(), name));
    GRefPtr<JSCValue> result;
    if (second)
        result = adoptGRef(jsc_value_function_call(
            function.get(), JSC_TYPE_VALUE, first.get(), JSC_TYPE_VALUE, second.get(), G_TYPE_NONE));
    else if (first)
        result = adoptGRef(jsc_value_function_call(function.get(), JSC_TYPE_VALUE, first.get(), G_TYPE_NONE));
    else
        result = adoptGRef(jsc_value_function_call(function.get(), G_TYPE_NONE));
    if (auto* exception = jsc_context_get_exception(m_context.get())) {
        setJSError(error, exception, name);
        jsc_context_clear_exception(m_context.get());
        return nullptr;
    }
    return result;
}

void EngineSession::reportUncaughtException()
{
    auto* exception = jsc_context_get_exception(m_context.get());
    if (!exception)
        return;
    GUniquePtr<char> text(jsc_exception_to_string(exception));
    printf("Uncaught %s\n", text.get());
    jsc_context_clear_exception(m_context.get());
}

bool EngineSession::declareScript(const EngineScript& script, GError** error)
{
    if (!script.isInstrumented || m_declaredScripts.contains(script.sid))
        return true;
    auto sid = adoptGRef(jsc_value_new_string(m_context.get(), script.sid.c_str()));
    auto code = adoptGRef(jsc_value_new_string(m_context.get(), script.code.c_str()));
    auto metadata = adoptGRef(jsc_value_new_string(m_context.get(), script.metadataJSON.c_str()));
    auto function = adoptGRef(jsc_value_object_get_property(m_runtime.get(), "registerScript"));
    auto result = adoptGRef(jsc_value_function_call(function.get(), JSC_TYPE_VALUE, sid.get(), JSC_TYPE_VALUE,
        code.get(), JSC_TYPE_VALUE, metadata.get(), G_TYPE_NONE));
    if (auto* exception = jsc_context_get_exception(m_context.get())) {
        setJSError(error, exception, "Declaring the script failed");
        jsc_context_clear_exception(m_context.get());
        return false;
    }
    m_declaredScripts.insert(script.sid);
    return true;
}

bool EngineSession::warmUp(GError** error)
{
    return !!callRuntime("warmUp", error);
}

bool EngineSession::runScript(const EngineScript& script, GError** error)
{
    if (!declareScript(script, error))
        return false;
    if (!script.isInstrumented) {
        auto url = adoptGRef(jsc_value_new_string(m_context.get(), script.url.c_str()));
        auto reason = adoptGRef(jsc_value_new_string(m_context.get(), script.refusal.c_str()));
        if (!callRuntime("noteUninstrumentedScript", error, url, reason))
            return false;
    }
    auto result = adoptGRef(jsc_context_evaluate_with_source_uri(
        m_context.get(), script.code.c_str(), script.code.size(), script.url.c_str(), 1));
    reportUncaughtException();
    return true;
}

bool EngineSession::runTurn(bool& ranTurn, GError** error)
{
    auto function = adoptGRef(jsc_value_object_get_property(m_runtime.get(), "runTurn"));
    auto result = adoptGRef(jsc_value_function_call(function.get(), G_TYPE_NONE));
    if (jsc_context_get_exception(m_context.get())) {
        // The turn threw: that is the program's behaviour, printed like an uncaught exception in a page.
        reportUncaughtException();
        ranTurn = true;
        return true;
    }
    ranTurn = jsc_value_to_boolean(result.get());
    return true;
}

std::string EngineSession::runtimeTimings(const char* which)
{
    auto function = adoptGRef(jsc_value_object_get_property(m_runtime.get(), which));
    auto result = adoptGRef(jsc_value_function_call(function.get(), G_TYPE_NONE));
    if (jsc_context_get_exception(m_context.get())) {
        jsc_context_clear_exception(m_context.get());
        return {};
    }
    GUniquePtr<char> json(jsc_value_to_json(result.get(), 0));
    return json ? json.get() : "";
}

bool EngineSession::hasPendingTurns()
{
    auto function = adoptGRef(jsc_value_object_get_property(m_runtime.get(), "pendingTurns"));
    auto result = adoptGRef(jsc_value_function_call(function.get(), G_TYPE_NONE));
    return jsc_value_to_int32(result.get()) > 0;
}

static std::vector<uint8_t> copyTypedArray(JSCValue* value)
{
    gsize length = 0;
    auto* data = static_cast<const uint8_t*>(jsc_value_typed_array_get_data(value, &length));
    gsize size = jsc_value_typed_array_get_size(value);
    return std::vector<uint8_t>(data, data + size);
}

bool EngineSession::capture(CapturedState& state, GError** error)
{
    // A capture that meets promises the engine made returns null after asking them to report their state: returning
    // to the engine runs those reports (microtasks run when a call from the API ends), and the next pass sees them.
    // Each pass probes promises the previous ones could not reach, so the number of passes is bounded by the
    // nesting of such promises; the limit only guards against a runtime bug.
    constexpr unsigned maximumPasses = 64;
    GRefPtr<JSCValue> result;
    for (unsigned pass = 0; pass < maximumPasses; ++pass) {
        result = callRuntime("capture", error);
        if (!result)
            return false;
        if (!jsc_value_is_null(result.get()))
            break;
    }
    if (jsc_value_is_null(result.get())) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "capture did not settle after %u passes", maximumPasses);
        return false;
    }
    auto length = adoptGRef(jsc_value_object_get_property(result.get(), "length"));
    int count = jsc_value_to_int32(length.get());
    auto snapshot = adoptGRef(jsc_value_object_get_property_at_index(result.get(), 0));
    state.snapshot = copyTypedArray(snapshot.get());
    state.blobs.clear();
    state.blobHashes.clear();
    for (int i = 1; i + 1 < count; i += 2) {
        auto hash = adoptGRef(jsc_value_object_get_property_at_index(result.get(), i));
        GUniquePtr<char> hex(jsc_value_to_string(hash.get()));
        ContentHash contentHash;
        if (!ContentHash::fromHex(hex.get(), contentHash)) {
            g_set_error(
                error, G_IO_ERROR, G_IO_ERROR_FAILED, "the capture named a blob by a malformed hash %s", hex.get());
            return false;
        }
        auto bytes = adoptGRef(jsc_value_object_get_property_at_index(result.get(), i + 1));
        state.blobs.push_back(copyTypedArray(bytes.get()));
        state.blobHashes.push_back(contentHash);
    }
    state.dynamicScripts.clear();
    auto scripts = callRuntime("dynamicScripts", error);
    if (!scripts)
        return false;
    auto scriptCount = adoptGRef(jsc_value_object_get_property(scripts.get(), "length"));
    for (int i = 0; i < jsc_value_to_int32(scriptCount.get()); ++i) {
        auto entry = adoptGRef(jsc_value_object_get_property_at_index(scripts.get(), i));
        auto field = [&](unsigned index) {
            auto value = adoptGRef(jsc_value_object_get_property_at_index(entry.get(), index));
            GUniquePtr<char> text(jsc_value_to_string(value.get()));
            return std::string(text.get());
        };
        state.dynamicScripts.push_back({ field(0), "dynamic", field(1), field(2), true, {} });
    }
    return true;
}

static GRefPtr<JSCValue> newUint8Array(JSCContext* context, const uint8_t* data, size_t size)
{
    auto array = adoptGRef(jsc_value_new_typed_array(context, JSC_TYPED_ARRAY_UINT8, size));
    gsize length = 0;
    if (size)
        memcpy(jsc_value_typed_array_get_data(array.get(), &length), data, size);
    return array;
}

bool EngineSession::restore(const std::vector<uint8_t>& snapshot, std::span<const BlobEntry> listedBlobs,
    const BlobStore& store, GError** error)
{
    auto bytes = newUint8Array(m_context.get(), snapshot.data(), snapshot.size());
    auto blobs = adoptGRef(jsc_value_new_object(m_context.get(), nullptr, nullptr));
    for (const auto& blob : listedBlobs) {
        auto body = store.get(blob.hash, error);
        if (!body) {
            if (error && !*error)
                g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "blob %s of the snapshot is not in the blob store",
                    blob.hash.toHex().c_str());
            return false;
        }
        gsize size = 0;
        auto* data = static_cast<const uint8_t*>(g_bytes_get_data(body.get(), &size));
        auto array = newUint8Array(m_context.get(), data, size);
        jsc_value_object_set_property(blobs.get(), blob.hash.toHex().c_str(), array.get());
    }
    return !!callRuntime("restore", error, bytes, blobs);
}

} // namespace Offload
