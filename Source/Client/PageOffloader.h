/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Common/GRefPtr.h"
#include "OffloadModule/RuntimeScript.h"

#include <functional>
#include <glib.h>
#include <vector>
#include <webkit/webkit.h>

namespace Offload {

class ScriptStore;

// Captures and restores one view's page through its agent in the web process (PageMessages): the UI process's half of
// a page snapshot. Callbacks run on the UI thread; an error is in OFFLOAD_RUNTIME_ERROR (a refusal says why the page
// must run locally).
class PageOffloader {
public:
    PageOffloader(WebKitWebView*, ScriptStore&);

    struct Capture {
        std::vector<uint8_t> bundle;
        // Code the page made at run time; the restoring side needs it besides the page's scripts.
        std::vector<RuntimeScript> dynamicScripts;
    };
    using CaptureHandler = std::function<void(const GError*, Capture&&)>;
    void capture(CaptureHandler);

    // Declares the scripts the bundle's snapshot names (from the store, or `dynamicScripts`) and restores it into
    // the page the view shows now, which must have loaded the same document and run none of its scripts' state.
    using RestoreHandler = std::function<void(const GError*)>;
    void restore(const std::vector<uint8_t>& bundle, const std::vector<RuntimeScript>& dynamicScripts, RestoreHandler);

    WebKitWebView* view() const { return m_view.get(); }

private:
    GRefPtr<WebKitWebView> m_view;
    ScriptStore& m_scripts;
};

} // namespace Offload
