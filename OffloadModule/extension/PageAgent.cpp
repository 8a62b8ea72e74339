/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "OffloadModule/extension/PageAgent.h"

#include "Common/GUniquePtr.h"
#include "OffloadModule/PageMessages.h"
#include "Snapshot/BlobStore.h"
#include "Snapshot/Bundle.h"

#include <cstdio>

namespace Offload {

// The layout tests' `step(fn)`: built before the runtime takes its inventory, so that a page holding `step` holds a
// built-in; the turns it queues are the runtime's, which travel with a snapshot.
static constexpr char testGlobals[] = R"JS((function () {
    "use strict";
    const queue = __offload.queue;
    Object.defineProperty(globalThis, "step", {
        value: function step(fn) { queue(fn); },
        writable: true,
        enumerable: false,
        configurable: true,
    });
})();)JS";

// The test globals of a plain view (no offloading): the same `step(fn)`, and the two calls the page-test runner makes,
// under the runtime's name so that the runner drives both kinds of view alike.
static constexpr char plainTestGlobals[] = R"JS((function () {
    "use strict";
    const pending = [];
    const define = (object, name, value) => Object.defineProperty(object, name, { value, writable: true, configurable: true });
    define(globalThis, "step", function step(fn) { pending.push(fn); });
    define(globalThis, "__offload", {
        runTurn() {
            if (!pending.length)
                return false;
            pending.shift()();
            return true;
        },
        pendingTurns: () => pending.length,
    });
})();)JS";

PageAgent::PageAgent(WebKitWebPage* page, Options options)
    : m_page(page)
    , m_options(options)
{
    g_signal_connect(page, "user-message-received", G_CALLBACK(userMessageReceived), this);
    // Layout tests: the page's console goes to the runner's standard error, where a failing test's log shows it.
    if (m_options.definesTestGlobals) {
        g_signal_connect(page, "console-message-sent",
            G_CALLBACK(+[](WebKitWebPage*, WebKitConsoleMessage* message, gpointer) {
                fprintf(stderr, "CONSOLE %s:%u: %s\n", webkit_console_message_get_source_id(message),
                    webkit_console_message_get_line(message), webkit_console_message_get_text(message));
            }),
            nullptr);
    }
}

PageAgent::~PageAgent()
{
    g_signal_handlers_disconnect_by_data(m_page, this);
}

void PageAgent::didClearWindowObject(WebKitScriptWorld* world, WebKitFrame* frame)
{
    // FIXME: same-origin frames travel with their parent (Documentation/Pages.md); for now only the main frame has a
    // runtime, and the capture of a page with frames is refused.
    if (!webkit_frame_is_main_frame(frame))
        return;
    m_runtime.reset();
    m_installError.clear();
    auto context = adoptGRef(webkit_frame_get_js_context_for_script_world(frame, world));
    if (!m_options.installsRuntime) {
        m_installError = "offloading is off in this view";
        if (m_options.definesTestGlobals) {
            auto result = adoptGRef(jsc_context_evaluate_with_source_uri(
                context.get(), plainTestGlobals, -1, "offload-extension:///plain-test-globals.js", 1));
            jsc_context_clear_exception(context.get());
        }
        return;
    }
    GError* error = nullptr;
    auto runtime = RuntimeSession::install(context.get(), &error);
    if (runtime && m_options.definesTestGlobals) {
        auto result = adoptGRef(jsc_context_evaluate_with_source_uri(
            context.get(), testGlobals, -1, "offload-extension:///test-globals.js", 1));
        if (auto* exception = jsc_context_get_exception(context.get())) {
            GUniquePtr<char> report(jsc_exception_report(exception));
            g_set_error(&error, OFFLOAD_RUNTIME_ERROR, static_cast<int>(RuntimeError::Internal),
                "defining the test globals failed: %s", report.get());
            jsc_context_clear_exception(context.get());
            runtime.reset();
        }
    }
    if (runtime && !runtime->start(&error))
        runtime.reset();
    if (!runtime) {
        // The page runs without offloading; a capture says why.
        m_installError = error ? error->message : "the offload runtime could not be installed";
        g_warning("Offload: %s", m_installError.c_str());
        g_clear_error(&error);
        return;
    }
    m_runtime = std::move(runtime);
}

gboolean PageAgent::userMessageReceived(WebKitWebPage*, WebKitUserMessage* message, PageAgent* agent)
{
    const char* name = webkit_user_message_get_name(message);
    if (!g_strcmp0(name, PageMessages::capture)) {
        agent->capture(message);
        return TRUE;
    }
    if (!g_strcmp0(name, PageMessages::restore)) {
        agent->restore(message);
        return TRUE;
    }
    return FALSE;
}

void PageAgent::replyWithError(WebKitUserMessage* message, const GError* error)
{
    webkit_user_message_send_reply(message, webkit_user_message_new(PageMessages::reply, PageMessages::error(error)));
}

void PageAgent::replyWithoutRuntime(WebKitUserMessage* message, RuntimeError code)
{
    GUniquePtr<GError> error(g_error_new(OFFLOAD_RUNTIME_ERROR, static_cast<int>(code),
        "the page runs without the offload runtime: %s", m_installError.c_str()));
    replyWithError(message, error.get());
}

void PageAgent::capture(WebKitUserMessage* message)
{
    if (!m_runtime)
        return replyWithoutRuntime(message, RuntimeError::CaptureRefused);
    GError* error = nullptr;
    CapturedState state;
    std::vector<uint8_t> bundle;
    bool captured = m_runtime->capture(state, &error);
    if (captured) {
        std::vector<std::span<const uint8_t>> blobs(state.blobs.begin(), state.blobs.end());
        captured = Bundle::write(state.snapshot, blobs, bundle, &error);
    }
    if (!captured) {
        replyWithError(message, error);
        g_error_free(error);
        return;
    }
    webkit_user_message_send_reply(
        message, webkit_user_message_new(PageMessages::reply, PageMessages::captured(bundle, state.dynamicScripts)));
}

void PageAgent::restore(WebKitUserMessage* message)
{
    GError* error = nullptr;
    std::vector<RuntimeScript> scripts;
    std::vector<uint8_t> bundle;
    if (!PageMessages::readRestore(webkit_user_message_get_parameters(message), scripts, bundle, &error)) {
        replyWithError(message, error);
        g_error_free(error);
        return;
    }
    if (!m_runtime)
        return replyWithoutRuntime(message, RuntimeError::RestoreRefused);
    // The bundle is validated completely (every record, every blob's hash) before the runtime sees a byte.
    BlobStore store;
    std::vector<uint8_t> snapshot;
    std::vector<BlobEntry> listedBlobs;
    bool restored = Bundle::read(bundle, snapshot, store, &error, {}, &listedBlobs);
    for (size_t i = 0; restored && i < scripts.size(); ++i)
        restored = m_runtime->declareScript(scripts[i], &error);
    if (restored)
        restored = m_runtime->restore(snapshot, listedBlobs, store, &error);
    if (!restored) {
        replyWithError(message, error);
        g_error_free(error);
        return;
    }
    webkit_user_message_send_reply(message, webkit_user_message_new(PageMessages::reply, PageMessages::success()));
}

} // namespace Offload
