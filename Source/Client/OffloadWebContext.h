/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Common/GRefPtr.h"
#include "Source/Client/InstrumentingProxy.h"
#include "Source/Client/ScriptStore.h"

#include <memory>
#include <string>
#include <webkit/webkit.h>

namespace Offload {

// What the views of an offloading browser share (UI process; no widget): a WebKitWebContext that loads the
// OffloadModule web process extension into every web process, and a network session whose traffic goes through the
// instrumenting proxy, so that every script of every page runs instrumented. Ports (the MiniBrowser, the edge's
// twins) and the layout-test runner make their views here.
class OffloadWebContext {
public:
    struct Options {
        // Layout tests: pages get `step(fn)` (PageAgent).
        bool definesTestGlobals { false };
        // False for a plain browser (layout tests' reference runs): scripts run as served, without the runtime.
        bool offloads { true };
        // Where instrumented scripts are cached on disk; empty: in memory only.
        std::string instrumentationCacheDirectory;
    };

    static std::unique_ptr<OffloadWebContext> create(const Options&, GError**);
    ~OffloadWebContext();

    // A new view of this context (a floating reference, as webkit_web_view_new() gives). Each view has a network
    // session of its own when `hasOwnSession` (as a twin on another machine would: no shared storage or cookies).
    WebKitWebView* createView(bool hasOwnSession = false);

    WebKitWebContext* webContext() const { return m_webContext.get(); }
    ScriptStore& scripts() { return m_scripts; }
    InstrumentingProxy& proxy() { return *m_proxy; }

    // Where the web process extension is: OFFLOAD_EXTENSION_DIRECTORY in the environment, else the build's.
    static std::string extensionDirectory();

private:
    explicit OffloadWebContext(const Options&);
    WebKitNetworkSession* newNetworkSession();

    Options m_options;
    ScriptStore m_scripts;
    std::unique_ptr<InstrumentingProxy> m_proxy;
    GRefPtr<WebKitWebContext> m_webContext;
    GRefPtr<WebKitNetworkSession> m_sharedSession;
};

} // namespace Offload
