/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "OffloadModule/RuntimeSession.h"

#include "Common/GUniquePtr.h"
#include "Instrumenter/Instrumenter.h"
#include "OffloadModule/RuntimeInstaller.h"
#include "Snapshot/BlobStore.h"

#include <cstring>
#include <gio/gio.h>

namespace Offload {

// The runtime's own errors are meant for people: their message says it all, and their name says what the host must
// do. Anything else the runtime throws is a bug, and its report (with the stack) is what a developer needs.
static void setRuntimeError(GError** error, JSCException* exception, const char* what)
{
    const char* name = jsc_exception_get_name(exception);
    std::string_view kind(name ? name : "");
    if (kind == "OffloadCaptureError") {
        g_set_error(error, OFFLOAD_RUNTIME_ERROR, static_cast<int>(RuntimeError::CaptureRefused), "%s",
            jsc_exception_get_message(exception));
        return;
    }
    if (kind == "OffloadRestoreError" || kind == "OffloadCorruptSnapshotError") {
        g_set_error(error, OFFLOAD_RUNTIME_ERROR, static_cast<int>(RuntimeError::RestoreRefused), "%s",
            jsc_exception_get_message(exception));
        return;
    }
    GUniquePtr<char> report(jsc_exception_report(exception));
    g_set_error(error, OFFLOAD_RUNTIME_ERROR, static_cast<int>(RuntimeError::Internal), "%s: %s", what, report.get());
}

static bool instrumentDynamicCode(const std::string& source, RuntimeInstaller::DynamicCodeKind kind, std::string& code,
    std::string& metadata, std::string& sid, GError** error)
{
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
}

std::unique_ptr<RuntimeSession> RuntimeSession::install(JSCContext* context, GError** error)
{
    GError* installError = nullptr;
    if (!RuntimeInstaller::install(context, instrumentDynamicCode, &installError)) {
        GUniquePtr<GError> owned(installError);
        g_set_error(error, OFFLOAD_RUNTIME_ERROR, static_cast<int>(RuntimeError::Internal), "%s", owned->message);
        return nullptr;
    }
    std::unique_ptr<RuntimeSession> session(new RuntimeSession(context));
    session->m_runtime = adoptGRef(jsc_context_get_value(context, "__offload"));
    return session;
}

GRefPtr<JSCValue> RuntimeSession::call(const char* name, std::initializer_list<JSCValue*> arguments, GError** error)
{
    auto function = adoptGRef(jsc_value_object_get_property(m_runtime.get(), name));
    std::vector<JSCValue*> parameters(arguments);
    auto result = adoptGRef(jsc_value_function_callv(function.get(), parameters.size(), parameters.data()));
    if (auto* exception = jsc_context_get_exception(m_context)) {
        setRuntimeError(error, exception, name);
        jsc_context_clear_exception(m_context);
        return nullptr;
    }
    return result;
}

bool RuntimeSession::start(GError** error)
{
    return !!call("start", {}, error);
}

bool RuntimeSession::declareScript(const RuntimeScript& script, GError** error)
{
    if (!script.isInstrumented || m_declaredScripts.contains(script.sid))
        return true;
    auto sid = adoptGRef(jsc_value_new_string(m_context, script.sid.c_str()));
    auto code = adoptGRef(jsc_value_new_string(m_context, script.code.c_str()));
    auto metadata = adoptGRef(jsc_value_new_string(m_context, script.metadataJSON.c_str()));
    if (!call("registerScript", { sid.get(), code.get(), metadata.get() }, error))
        return false;
    m_declaredScripts.insert(script.sid);
    return true;
}

bool RuntimeSession::noteScriptRunsAsWritten(const RuntimeScript& script, GError** error)
{
    auto url = adoptGRef(jsc_value_new_string(m_context, script.url.c_str()));
    auto reason = adoptGRef(jsc_value_new_string(m_context, script.refusal.c_str()));
    return !!call("noteUninstrumentedScript", { url.get(), reason.get() }, error);
}

bool RuntimeSession::warmUp(GError** error)
{
    return !!call("warmUp", {}, error);
}

std::string RuntimeSession::timings(const char* which)
{
    auto result = call(which, {}, nullptr);
    if (!result)
        return {};
    GUniquePtr<char> json(jsc_value_to_json(result.get(), 0));
    return json ? json.get() : "";
}

static std::vector<uint8_t> copyTypedArray(JSCValue* value)
{
    gsize length = 0;
    auto* data = static_cast<const uint8_t*>(jsc_value_typed_array_get_data(value, &length));
    gsize size = jsc_value_typed_array_get_size(value);
    return std::vector<uint8_t>(data, data + size);
}

bool RuntimeSession::capture(CapturedState& state, GError** error)
{
    // A capture that meets promises the engine made returns null after asking them to report their state: returning
    // to the engine runs those reports (microtasks run when a call from the API ends), and the next pass sees them.
    // Each pass probes promises the previous ones could not reach, so the number of passes is bounded by the
    // nesting of such promises; the limit only guards against a runtime bug.
    constexpr unsigned maximumPasses = 64;
    GRefPtr<JSCValue> result;
    for (unsigned pass = 0; pass < maximumPasses; ++pass) {
        result = call("capture", {}, error);
        if (!result)
            return false;
        if (!jsc_value_is_null(result.get()))
            break;
    }
    if (jsc_value_is_null(result.get())) {
        g_set_error(error, OFFLOAD_RUNTIME_ERROR, static_cast<int>(RuntimeError::Internal),
            "capture did not settle after %u passes", maximumPasses);
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
            g_set_error(error, OFFLOAD_RUNTIME_ERROR, static_cast<int>(RuntimeError::Internal),
                "the capture named a blob by a malformed hash %s", hex.get());
            return false;
        }
        auto bytes = adoptGRef(jsc_value_object_get_property_at_index(result.get(), i + 1));
        state.blobs.push_back(copyTypedArray(bytes.get()));
        state.blobHashes.push_back(contentHash);
    }
    state.dynamicScripts.clear();
    auto scripts = call("dynamicScripts", {}, error);
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

bool RuntimeSession::restore(const std::vector<uint8_t>& snapshot, std::span<const BlobEntry> listedBlobs,
    const BlobStore& store, GError** error)
{
    auto bytes = newUint8Array(m_context, snapshot.data(), snapshot.size());
    auto blobs = adoptGRef(jsc_value_new_object(m_context, nullptr, nullptr));
    for (const auto& blob : listedBlobs) {
        GError* storeError = nullptr;
        auto body = store.get(blob.hash, &storeError);
        if (!body) {
            GUniquePtr<GError> owned(storeError);
            g_set_error(error, OFFLOAD_RUNTIME_ERROR, static_cast<int>(RuntimeError::RestoreRefused),
                "blob %s of the snapshot is not in the blob store%s%s", blob.hash.toHex().c_str(), owned ? ": " : "",
                owned ? owned->message : "");
            return false;
        }
        gsize size = 0;
        auto* data = static_cast<const uint8_t*>(g_bytes_get_data(body.get(), &size));
        auto array = newUint8Array(m_context, data, size);
        jsc_value_object_set_property(blobs.get(), blob.hash.toHex().c_str(), array.get());
    }
    return !!call("restore", { bytes.get(), blobs.get() }, error);
}

} // namespace Offload
