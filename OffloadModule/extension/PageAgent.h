/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Common/GRefPtr.h"
#include "OffloadModule/RuntimeSession.h"

#include <memory>
#include <webkit/webkit-web-process-extension.h>

namespace Offload {

// What the extension does for one page (one WebKitWebView in the UI process): it installs the offload runtime into
// the main frame's main world before any page script runs, and answers the UI process's messages (capture, declare
// the app's scripts, restore). Messages and their parameters are described in Documentation/Pages.md.
class PageAgent {
public:
    struct Options {
        // Layout tests: define `step(fn)`, which queues a turn (the runtime's queue, so that turns travel).
        bool definesTestGlobals { false };
        // False for the plain views that layout tests compare with: no runtime, and the test globals alone.
        bool installsRuntime { true };
    };

    PageAgent(WebKitWebPage*, Options);
    ~PageAgent();

    PageAgent(const PageAgent&) = delete;
    PageAgent& operator=(const PageAgent&) = delete;

    // A new global object for `frame` in `world` (window-object-cleared): a new document, before its scripts run.
    void didClearWindowObject(WebKitScriptWorld*, WebKitFrame*);

private:
    static gboolean userMessageReceived(WebKitWebPage*, WebKitUserMessage*, PageAgent*);
    void capture(WebKitUserMessage*);
    void restore(WebKitUserMessage*);
    void replyWithError(WebKitUserMessage*, const GError*);
    void replyWithoutRuntime(WebKitUserMessage*, RuntimeError);

    WebKitWebPage* m_page;
    Options m_options;
    std::unique_ptr<RuntimeSession> m_runtime;
    // Why the runtime is not installed in the current document, when it is not.
    std::string m_installError;
};

} // namespace Offload
