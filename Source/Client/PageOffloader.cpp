/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Source/Client/PageOffloader.h"

#include "Common/GUniquePtr.h"
#include "OffloadModule/PageMessages.h"
#include "OffloadModule/RuntimeError.h"
#include "Snapshot/BlobStore.h"
#include "Snapshot/Bundle.h"
#include "Snapshot/SnapshotReader.h"
#include "Source/Client/ScriptStore.h"

#include <memory>

namespace Offload {

PageOffloader::PageOffloader(WebKitWebView* view, ScriptStore& scripts)
    : m_view(view)
    , m_scripts(scripts)
{
}

// Sends `message` to the view's page and hands the reply's parameters (or the failure to deliver it) to `handler`.
using ReplyHandler = std::function<void(GVariant* parameters, const GError*)>;
static void sendToPage(WebKitWebView* view, WebKitUserMessage* message, ReplyHandler handler)
{
    webkit_web_view_send_message_to_page(
        view, message, nullptr,
        [](GObject* view, GAsyncResult* result, gpointer data) {
            std::unique_ptr<ReplyHandler> handler(static_cast<ReplyHandler*>(data));
            GError* rawError = nullptr;
            auto reply
                = adoptGRef(webkit_web_view_send_message_to_page_finish(WEBKIT_WEB_VIEW(view), result, &rawError));
            GUniquePtr<GError> error(rawError);
            (*handler)(reply ? webkit_user_message_get_parameters(reply.get()) : nullptr, error.get());
        },
        new ReplyHandler(std::move(handler)));
}

void PageOffloader::capture(CaptureHandler handler)
{
    auto* message = webkit_user_message_new(PageMessages::capture, PageMessages::success());
    sendToPage(m_view.get(), message, [handler = std::move(handler)](GVariant* parameters, const GError* error) {
        Capture capture;
        GError* readError = nullptr;
        if (!error && !PageMessages::readCaptured(parameters, capture.bundle, capture.dynamicScripts, &readError))
            error = readError;
        handler(error, std::move(capture));
        if (readError)
            g_error_free(readError);
    });
}

void PageOffloader::restore(
    const std::vector<uint8_t>& bundle, const std::vector<RuntimeScript>& dynamicScripts, RestoreHandler handler)
{
    // The scripts the snapshot names, read from the snapshot itself (Bundle::read validates it on the way).
    GError* rawError = nullptr;
    std::vector<uint8_t> snapshotBytes;
    BlobStore blobs;
    Snapshot snapshot;
    if (!Bundle::read(bundle, snapshotBytes, blobs, &rawError)
        || !SnapshotReader::read(snapshotBytes, snapshot, &rawError)) {
        GUniquePtr<GError> error(rawError);
        GError* refusal = g_error_new(OFFLOAD_RUNTIME_ERROR, static_cast<int>(RuntimeError::RestoreRefused),
            "the bundle cannot be restored: %s", error->message);
        handler(refusal);
        g_error_free(refusal);
        return;
    }
    std::vector<RuntimeScript> scripts;
    for (const auto& sid : snapshot.scripts) {
        RuntimeScript script;
        if (m_scripts.find(sid, script)) {
            scripts.push_back(std::move(script));
            continue;
        }
        auto dynamic
            = std::find_if(dynamicScripts.begin(), dynamicScripts.end(), [&](auto& known) { return known.sid == sid; });
        if (dynamic == dynamicScripts.end()) {
            GError* refusal = g_error_new(OFFLOAD_RUNTIME_ERROR, static_cast<int>(RuntimeError::RestoreRefused),
                "the snapshot names script %s, which this browser has not loaded", sid.c_str());
            handler(refusal);
            g_error_free(refusal);
            return;
        }
        scripts.push_back(*dynamic);
    }
    auto* message = webkit_user_message_new(PageMessages::restore, PageMessages::restoreParameters(scripts, bundle));
    sendToPage(m_view.get(), message, [handler = std::move(handler)](GVariant* parameters, const GError* error) {
        GError* readError = nullptr;
        if (!error && !PageMessages::readReply(parameters, &readError))
            error = readError;
        handler(error);
        if (readError)
            g_error_free(readError);
    });
}

} // namespace Offload
