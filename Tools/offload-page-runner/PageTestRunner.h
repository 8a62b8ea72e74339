/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Common/GRefPtr.h"
#include "Source/Client/OffloadWebContext.h"
#include "Source/Client/PageOffloader.h"

#include <functional>
#include <gtk/gtk.h>
#include <memory>
#include <string>

namespace Offload {

// Runs one page test (LayoutTests/README.md, "Page tests"): loads the page in an offloading view, waits for its load
// event, runs the turns it queued with step(), each as a task of its own, waits 400 ms, and prints the body's text.
class PageTestRunner {
public:
    struct Options {
        // Move the page to a fresh view (another web process) between every two turns and after the last one.
        bool migrate { false };
        // A plain browser: no instrumentation, no runtime (the reference a page test's offloaded runs must match).
        bool plain { false };
        unsigned timeoutSeconds { 30 };
        // Write each migration's bundle there (NAME-NNN.bundle), for `offload-snapshot dump`.
        std::string dumpDirectory;
        // Where instrumented scripts are cached across runs; empty: in memory, for this run only.
        std::string instrumentationCacheDirectory;
    };

    explicit PageTestRunner(Options);
    ~PageTestRunner();

    // Returns the exit status: 0, or 2 when the test could not run or a migration failed.
    int run(const std::string& testPath);

private:
    void loadPage(WebKitWebView*);
    // Restores `capture` into a fresh view that loaded the page without running its scripts, then shows that view.
    void restoreIntoNewView(PageOffloader::Capture&&, std::function<void()> then);
    void didLoad();
    void nextTurn();
    void runTurn();
    void finish();
    void fail(const std::string&);
    void call(const char* body, std::function<void(JSCValue*, const GError*)>);
    void migrateThen(std::function<void()>);

    Options m_options;
    std::unique_ptr<OffloadWebContext> m_context;
    GtkWidget* m_window { nullptr };
    GRefPtr<WebKitWebView> m_view;
    std::string m_url;
    GMainLoop* m_loop { nullptr };
    int m_exitCode { 0 };
    bool m_isDone { false };
    unsigned m_turn { 0 };
    unsigned m_migrations { 0 };
};

} // namespace Offload
