/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// offload-corpus-check: the instrumenter's differential corpus test (Documentation/Instrumentation.md,
// "Verification"). Run by Tools/Scripts/run-instrumenter-corpus.

#include "Common/GUniquePtr.h"
#include "Instrumenter/ParseArena.h"
#include "Tools/InstrumenterCorpus/BundleCorpus.h"
#include "Tools/InstrumenterCorpus/MinifiedCorpus.h"

#include <cstdio>
#include <jsc/jsc.h>

using namespace Offload;

int main(int argc, char** argv)
{
    // As offload-jsc: options before anything creates a JavaScriptCore object. tree-sitter's allocator is
    // process-wide and must be routed before the first parse, which may be the token comparison's.
    jsc_options_set_boolean("useSharedArrayBuffer", TRUE);
    ParseArena::install();

    char* manifestPath = nullptr;
    char* nodeModules = nullptr;
    char* minifiedDirectory = nullptr;
    char* summaryPath = nullptr;
    char* failureDirectory = nullptr;
    char** packages = nullptr;
    gboolean isVerbose = FALSE;
    gboolean noRun = FALSE;
    gboolean dumpsEveryFile = FALSE;
    GOptionEntry entries[] = {
        { "manifest", 0, 0, G_OPTION_ARG_FILENAME, &manifestPath, "Check the bundles listed in corpus.json FILE",
            "FILE" },
        { "node-modules", 0, 0, G_OPTION_ARG_FILENAME, &nodeModules, "Where the manifest's packages are", "DIR" },
        { "package", 0, 0, G_OPTION_ARG_STRING_ARRAY, &packages, "Check only this package (repeatable)", "NAME" },
        { "minified", 0, 0, G_OPTION_ARG_FILENAME, &minifiedDirectory, "Check the minified scripts in DIR", "DIR" },
        { "no-run", 0, 0, G_OPTION_ARG_NONE, &noRun, "Do not run the minified scripts, only instrument and compare",
            nullptr },
        { "dump-failures", 0, 0, G_OPTION_ARG_FILENAME, &failureDirectory,
            "Write the output and both load outputs of failing bundles into DIR", "DIR" },
        { "dump-all", 0, 0, G_OPTION_ARG_NONE, &dumpsEveryFile, "With --dump-failures, write them for every bundle",
            nullptr },
        { "json-summary", 0, 0, G_OPTION_ARG_FILENAME, &summaryPath, "Write the counts as JSON to FILE", "FILE" },
        { "verbose", 'v', 0, G_OPTION_ARG_NONE, &isVerbose, "Print a line for every minified script", nullptr },
        { nullptr, 0, 0, G_OPTION_ARG_NONE, nullptr, nullptr, nullptr },
    };
    GUniquePtr<GOptionContext> context(g_option_context_new("- the instrumenter's differential corpus test"));
    g_option_context_add_main_entries(context.get(), entries, nullptr);
    GError* rawError = nullptr;
    if (!g_option_context_parse(context.get(), &argc, &argv, &rawError)) {
        GUniquePtr<GError> error(rawError);
        std::fprintf(stderr, "offload-corpus-check: %s\n", error->message);
        return 2;
    }
    if (!manifestPath && !minifiedDirectory) {
        std::fprintf(stderr, "offload-corpus-check: give --manifest, --minified or both\n");
        return 2;
    }

    // The harness lives beside this program's sources, as corpus.json does.
    GUniquePtr<char> harnessPath(g_build_filename(OFFLOAD_CORPUS_DIRECTORY, "harness.js", nullptr));
    auto harness = readCorpusFile(harnessPath.get(), &rawError);
    if (!harness) {
        GUniquePtr<GError> error(rawError);
        std::fprintf(stderr, "offload-corpus-check: %s\n", error->message);
        return 2;
    }

    std::vector<CorpusReport> reports;
    if (manifestPath) {
        auto manifest = CorpusManifest::load(manifestPath, &rawError);
        if (!manifest) {
            GUniquePtr<GError> error(rawError);
            std::fprintf(stderr, "offload-corpus-check: %s\n", error->message);
            return 2;
        }
        BundleCorpus::Options options;
        options.nodeModules = nodeModules ? nodeModules : OFFLOAD_NODE_MODULES;
        options.harness = *harness;
        for (char** name = packages; name && *name; ++name)
            options.packages.push_back(*name);
        if (failureDirectory)
            options.failureDirectory = failureDirectory;
        options.dumpsEveryFile = dumpsEveryFile;
        reports.push_back(BundleCorpus::check(*manifest, options));
        reports.back().printSummary();
    }
    if (minifiedDirectory) {
        MinifiedCorpus::Options options;
        options.directory = minifiedDirectory;
        options.harness = *harness;
        options.isVerbose = isVerbose;
        options.runsScripts = !noRun;
        reports.push_back(MinifiedCorpus::check(options));
        reports.back().printSummary();
    }
    if (summaryPath && !CorpusReport::writeJSON(reports, summaryPath, &rawError)) {
        GUniquePtr<GError> error(rawError);
        std::fprintf(stderr, "offload-corpus-check: %s\n", error->message);
        return 2;
    }
    g_strfreev(packages);
    for (auto& report : reports) {
        if (report.failed)
            return 1;
    }
    return 0;
}
