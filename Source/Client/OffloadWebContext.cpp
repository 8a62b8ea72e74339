/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Source/Client/OffloadWebContext.h"

#include "Common/GUniquePtr.h"

namespace Offload {

std::string OffloadWebContext::extensionDirectory()
{
    if (const char* directory = g_getenv("OFFLOAD_EXTENSION_DIRECTORY"))
        return directory;
    return OFFLOAD_BUILT_EXTENSION_DIRECTORY;
}

OffloadWebContext::OffloadWebContext(const Options& options)
    : m_options(options)
    , m_scripts(options.instrumentationCacheDirectory)
{
}

OffloadWebContext::~OffloadWebContext() = default;

static void initializeWebProcessExtensions(WebKitWebContext* context, gpointer userData)
{
    auto* options = static_cast<OffloadWebContext::Options*>(userData);
    webkit_web_context_set_web_process_extensions_directory(context, OffloadWebContext::extensionDirectory().c_str());
    GVariantBuilder builder;
    g_variant_builder_init(&builder, G_VARIANT_TYPE_VARDICT);
    g_variant_builder_add(&builder, "{sv}", "testGlobals", g_variant_new_boolean(options->definesTestGlobals));
    g_variant_builder_add(&builder, "{sv}", "runtime", g_variant_new_boolean(options->offloads));
    webkit_web_context_set_web_process_extensions_initialization_user_data(context, g_variant_builder_end(&builder));
}

std::unique_ptr<OffloadWebContext> OffloadWebContext::create(const Options& options, GError** error)
{
    std::unique_ptr<OffloadWebContext> context(new OffloadWebContext(options));
    context->m_proxy = std::make_unique<InstrumentingProxy>(context->m_scripts);
    context->m_proxy->setInstruments(options.offloads);
    if (!context->m_proxy->start(error))
        return nullptr;
    context->m_webContext = adoptGRef(webkit_web_context_new());
    // The web process runs in WebKit's sandbox (bubblewrap), which only shows it the paths it is given; a path added
    // once a web process has started would not be seen by that process.
    webkit_web_context_add_path_to_sandbox(context->m_webContext.get(), extensionDirectory().c_str(), TRUE);
    g_signal_connect(context->m_webContext.get(), "initialize-web-process-extensions",
        G_CALLBACK(initializeWebProcessExtensions), &context->m_options);
    context->m_sharedSession = adoptGRef(context->newNetworkSession());
    return context;
}

WebKitNetworkSession* OffloadWebContext::newNetworkSession()
{
    // Ephemeral: nothing of a session is written to disk.
    auto* session = webkit_network_session_new_ephemeral();
    auto* settings = webkit_network_proxy_settings_new(m_proxy->uri().c_str(), nullptr);
    webkit_network_session_set_proxy_settings(session, WEBKIT_NETWORK_PROXY_MODE_CUSTOM, settings);
    webkit_network_proxy_settings_free(settings);
    return session;
}

WebKitWebView* OffloadWebContext::createView(bool hasOwnSession)
{
    GRefPtr<WebKitNetworkSession> session = hasOwnSession ? adoptGRef(newNetworkSession()) : m_sharedSession;
    return WEBKIT_WEB_VIEW(g_object_new(
        WEBKIT_TYPE_WEB_VIEW, "web-context", m_webContext.get(), "network-session", session.get(), nullptr));
}

} // namespace Offload
