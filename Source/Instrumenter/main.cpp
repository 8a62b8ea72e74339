/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// offload-instrument IN.js [-o OUT.js] [--meta OUT.json]: rewrites a script for capture (see
// Documentation/Instrumentation.md). Without -o the instrumented script goes to standard output.

#include "Common/GUniquePtr.h"
#include "Instrumenter/InstrumentationCache.h"
#include "Instrumenter/Instrumenter.h"
#include <cstdio>

using namespace Offload;

int main(int argc, char** argv)
{
    char* outputPath = nullptr;
    char* metadataPath = nullptr;
    char* cacheDirectory = nullptr;
    char* sourceURL = nullptr;
    gboolean isEval = FALSE;
    gboolean isStrictEval = FALSE;
    gboolean isFunctionConstructor = FALSE;
    gboolean verify = FALSE;
    gboolean noVerify = FALSE;
    GOptionEntry entries[] = { { "output", 'o', 0, G_OPTION_ARG_FILENAME, &outputPath,
                                   "Write the instrumented script to FILE", "FILE" },
        { "meta", 'm', 0, G_OPTION_ARG_FILENAME, &metadataPath, "Write the metadata JSON to FILE", "FILE" },
        { "eval", 0, 0, G_OPTION_ARG_NONE, &isEval, "Instrument direct eval code", nullptr },
        { "strict-eval", 0, 0, G_OPTION_ARG_NONE, &isStrictEval, "Instrument direct eval code of a strict caller",
            nullptr },
        { "function-constructor", 0, 0, G_OPTION_ARG_NONE, &isFunctionConstructor, "Instrument a new Function() source",
            nullptr },
        { "url", 0, 0, G_OPTION_ARG_STRING, &sourceURL, "Name the script URL in messages (default: the input path)",
            "URL" },
        { "cache", 0, 0, G_OPTION_ARG_FILENAME, &cacheDirectory, "Use (and fill) an on-disk cache in DIR", "DIR" },
        { "verify", 0, 0, G_OPTION_ARG_NONE, &verify, "Check the output with JavaScriptCore (the default)", nullptr },
        { "no-verify", 0, 0, G_OPTION_ARG_NONE, &noVerify,
            "Do not check the output with JavaScriptCore (to time the rewrite alone)", nullptr },
        { nullptr, 0, 0, G_OPTION_ARG_NONE, nullptr, nullptr, nullptr } };
    GUniquePtr<GOptionContext> context(g_option_context_new("IN.js - rewrite a script for WebKit Offload capture"));
    g_option_context_add_main_entries(context.get(), entries, nullptr);
    GError* rawError = nullptr;
    if (!g_option_context_parse(context.get(), &argc, &argv, &rawError)) {
        GUniquePtr<GError> error(rawError);
        std::fprintf(stderr, "offload-instrument: %s\n", error->message);
        return 2;
    }
    GUniquePtr<char> output(outputPath);
    GUniquePtr<char> metadata(metadataPath);
    GUniquePtr<char> cache(cacheDirectory);
    GUniquePtr<char> url(sourceURL);
    if (argc != 2) {
        std::fprintf(stderr, "Usage: offload-instrument IN.js [-o OUT.js] [--meta OUT.json]\n");
        return 2;
    }

    char* contents = nullptr;
    gsize length = 0;
    if (!g_file_get_contents(argv[1], &contents, &length, &rawError)) {
        GUniquePtr<GError> error(rawError);
        std::fprintf(stderr, "offload-instrument: %s\n", error->message);
        return 1;
    }
    GUniquePtr<char> source(contents);

    InstrumentOptions options;
    options.kind = isEval || isStrictEval ? SourceKind::DirectEval
        : isFunctionConstructor           ? SourceKind::FunctionConstructor
                                          : SourceKind::Script;
    options.isStrictCaller = isStrictEval;
    options.sourceURL = url ? url.get() : argv[1];
    options.verifyOutput = verify || !noVerify;

    // Without --cache there is nothing to look up or fill: hashing the key and keeping a copy of the result in
    // memory would only cost time.
    std::optional<InstrumentationResult> result;
    if (cache) {
        InstrumentationCache instrumentationCache(cache.get());
        result = instrumentationCache.instrument(std::string_view(contents, length), options, &rawError);
    } else
        result = Instrumenter::instrument(std::string_view(contents, length), options, &rawError);
    if (!result) {
        GUniquePtr<GError> error(rawError);
        std::fprintf(stderr, "offload-instrument: %s\n", error->message);
        return 1;
    }

    if (output) {
        if (!g_file_set_contents(output.get(), result->code.data(), result->code.size(), &rawError)) {
            GUniquePtr<GError> error(rawError);
            std::fprintf(stderr, "offload-instrument: %s\n", error->message);
            return 1;
        }
    } else
        std::fwrite(result->code.data(), 1, result->code.size(), stdout);
    if (metadata
        && !g_file_set_contents(metadata.get(), result->metadataJson.data(), result->metadataJson.size(), &rawError)) {
        GUniquePtr<GError> error(rawError);
        std::fprintf(stderr, "offload-instrument: %s\n", error->message);
        return 1;
    }
    return 0;
}
