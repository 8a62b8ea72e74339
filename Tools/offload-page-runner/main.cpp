/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// offload-page-runner: runs a page test (NAME.html) in an offloading WebKitGTK view and prints the body's text.
// Headless machines run it under `xvfb-run -a` (run-layout-tests does).

#include "Common/GUniquePtr.h"
#include "Tools/offload-page-runner/PageTestRunner.h"

#include <cstdio>

using namespace Offload;

int main(int argc, char** argv)
{
    gboolean migrate = FALSE;
    gboolean plain = FALSE;
    int timeout = 30;
    char* dumpDirectory = nullptr;
    char* cacheDirectory = nullptr;
    GOptionEntry entries[] = {
        { "migrate", 0, 0, G_OPTION_ARG_NONE, &migrate,
            "Move the page to a fresh view between every two turns and after the last", nullptr },
        { "plain", 0, 0, G_OPTION_ARG_NONE, &plain, "Run in a plain browser: no instrumentation and no offload runtime",
            nullptr },
        { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, "Give up after SECONDS (default 30)", "SECONDS" },
        { "instrumentation-cache", 0, 0, G_OPTION_ARG_FILENAME, &cacheDirectory,
            "Keep instrumented scripts in DIR across runs", "DIR" },
        { "dump-snapshot", 0, 0, G_OPTION_ARG_FILENAME, &dumpDirectory, "Write each migration's bundle into DIR",
            "DIR" },
        { nullptr, 0, 0, G_OPTION_ARG_NONE, nullptr, nullptr, nullptr },
    };
    GUniquePtr<GOptionContext> context(g_option_context_new("TEST.html - run a page test"));
    g_option_context_add_main_entries(context.get(), entries, nullptr);
    GError* rawError = nullptr;
    if (!g_option_context_parse(context.get(), &argc, &argv, &rawError) || argc != 2) {
        GUniquePtr<GError> error(rawError);
        fprintf(stderr, "offload-page-runner: %s\n", error ? error->message : "give one test file");
        return 1;
    }
    gtk_init();
    PageTestRunner::Options options;
    options.migrate = migrate;
    options.plain = plain;
    if (plain && migrate) {
        fprintf(stderr, "offload-page-runner: --plain views cannot migrate\n");
        return 1;
    }
    options.timeoutSeconds = timeout > 0 ? timeout : 30;
    if (dumpDirectory)
        options.dumpDirectory = dumpDirectory;
    if (cacheDirectory)
        options.instrumentationCacheDirectory = cacheDirectory;
    PageTestRunner runner(options);
    return runner.run(argv[1]);
}
