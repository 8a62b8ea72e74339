/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// offload-jsc: runs an engine test straight, or migrating between turns (optionally across processes).

#include "Common/GUniquePtr.h"
#include "Tools/offload-jsc/EngineTestRunner.h"

#include <csignal>
#include <cstdio>
#include <gio/gio.h>
#include <jsc/jsc.h>
#include <vector>

using namespace Offload;

static std::vector<uint8_t> readStandardInput()
{
    std::vector<uint8_t> bytes;
    uint8_t buffer[1 << 16];
    size_t count;
    while ((count = fread(buffer, 1, sizeof(buffer), stdin)) > 0)
        bytes.insert(bytes.end(), buffer, buffer + count);
    return bytes;
}

int main(int argc, char** argv)
{
    // Programs may use SharedArrayBuffer (the capture refuses it), which JavaScriptCore's GLib API leaves off. Options
    // must be set before anything creates a JavaScriptCore object, the instrumenter's syntax checker included.
    jsc_options_set_boolean("useSharedArrayBuffer", TRUE);
    // A hop's child that dies before reading its input must not kill the parent, which then goes on with the program.
    signal(SIGPIPE, SIG_IGN);

    gboolean migrate = FALSE;
    gboolean processHops = FALSE;
    gboolean checkIdempotent = FALSE;
    gboolean noInstrument = FALSE;
    gboolean stats = FALSE;
    gboolean receiveMigration = FALSE;
    gboolean printInstrumented = FALSE;
    char* dumpDirectory = nullptr;
    char* testName = nullptr;
    char* blobCacheDirectory = nullptr;
    gint64 failRestoreOf = 0;
    int acknowledgementDescriptor = -1;
    GOptionEntry entries[] = {
        { "migrate", 0, 0, G_OPTION_ARG_NONE, &migrate, "Migrate the program to a new engine between turns", nullptr },
        { "process-hops", 0, 0, G_OPTION_ARG_NONE, &processHops, "Each migration continues in a fresh child process",
            nullptr },
        { "check-idempotent", 0, 0, G_OPTION_ARG_NONE, &checkIdempotent,
            "Require capture after restore to give the same bytes", nullptr },
        { "dump-snapshot", 0, 0, G_OPTION_ARG_FILENAME, &dumpDirectory, "Write each migration's bundle into DIR",
            "DIR" },
        { "no-instrument", 0, 0, G_OPTION_ARG_NONE, &noInstrument, "Run the script as written (no migration possible)",
            nullptr },
        { "stats", 0, 0, G_OPTION_ARG_NONE, &stats, "Print sizes and times of each migration on standard error",
            nullptr },
        { "print-instrumented", 0, 0, G_OPTION_ARG_NONE, &printInstrumented,
            "Print the instrumented script and its metadata, then exit", nullptr },
        { "fail-restore", 0, 0, G_OPTION_ARG_INT64, &failRestoreOf,
            "Make the restore of migration N fail, to test that the program goes on where it was", "N" },
        { "receive-migration", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &receiveMigration, nullptr, nullptr },
        { "acknowledge-fd", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &acknowledgementDescriptor, nullptr, nullptr },
        { "test-name", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &testName, nullptr, nullptr },
        { "blob-cache", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &blobCacheDirectory, nullptr, nullptr },
        { nullptr, 0, 0, G_OPTION_ARG_NONE, nullptr, nullptr, nullptr },
    };
    GUniquePtr<GOptionContext> context(
        g_option_context_new("TEST.js - run an engine test, optionally migrating it between turns"));
    g_option_context_add_main_entries(context.get(), entries, nullptr);
    GError* rawError = nullptr;
    if (!g_option_context_parse(context.get(), &argc, &argv, &rawError)) {
        GUniquePtr<GError> error(rawError);
        fprintf(stderr, "offload-jsc: %s\n", error->message);
        return ExitUsage;
    }

    RunnerOptions options;
    options.migrate = migrate || processHops;
    options.processHops = processHops;
    options.checkIdempotent = checkIdempotent;
    options.instrument = !noInstrument;
    options.stats = stats;
    if (dumpDirectory)
        options.dumpDirectory = dumpDirectory;
    if (testName)
        options.testName = testName;
    if (blobCacheDirectory)
        options.blobCacheDirectory = blobCacheDirectory;
    options.failRestoreOf = failRestoreOf > 0 ? failRestoreOf : 0;
    options.acknowledgementDescriptor = acknowledgementDescriptor;
    EngineTestRunner runner(options);

    if (receiveMigration) {
        auto payload = readStandardInput();
        return runner.continueFromPayload(payload);
    }
    if (argc < 2) {
        fprintf(stderr,
            "usage: offload-jsc [--migrate] [--process-hops] [--check-idempotent] [--dump-snapshot DIR] "
            "[--fail-restore N] [SCRIPT.js…] TEST.js\n");
        return ExitUsage;
    }
    if (printInstrumented)
        return runner.printInstrumented(argv[argc - 1]);
    // Scripts before the test run first, each as a script of its own (like a page's script elements).
    return runner.run(std::vector<std::string>(argv + 1, argv + argc));
}
