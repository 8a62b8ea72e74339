/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Tools/InstrumenterCorpus/MinifiedCorpus.h"

#include "Common/GUniquePtr.h"
#include "Instrumenter/JSCSyntaxChecker.h"
#include "Tools/InstrumenterCorpus/DifferentialLoad.h"
#include "Tools/InstrumenterCorpus/TokenComparison.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace Offload {

static std::vector<std::string> scriptsIn(const std::string& directory)
{
    std::vector<std::string> files;
    GDir* dir = g_dir_open(directory.c_str(), 0, nullptr);
    if (!dir)
        return files;
    while (const char* name = g_dir_read_name(dir)) {
        if (g_str_has_suffix(name, ".js"))
            files.push_back(name);
    }
    g_dir_close(dir);
    std::sort(files.begin(), files.end());
    return files;
}

// Scripts with a loop may not end (test262 has `while (true)` scripts); like ParserCorpusTest, run only the others.
static bool isLoopFree(const std::string& source)
{
    for (const char* keyword : { "while", "for", "do" }) {
        if (source.find(keyword) != std::string::npos)
            return false;
    }
    return true;
}

CorpusReport MinifiedCorpus::check(const Options& options)
{
    CorpusReport report;
    report.name = "Minified test262";
    auto start = std::chrono::steady_clock::now();
    auto files = scriptsIn(options.directory);
    if (files.empty()) {
        std::printf("FAIL %s: no minified scripts (minify-test262.mjs wrote none)\n", options.directory.c_str());
        report.failed = 1;
        return report;
    }
    for (const auto& file : files) {
        ++report.files;
        GUniquePtr<char> path(g_build_filename(options.directory.c_str(), file.c_str(), nullptr));
        auto source = readCorpusFile(path.get(), nullptr);
        if (!source) {
            ++report.failed;
            std::printf("FAIL %s: cannot read it\n", file.c_str());
            continue;
        }
        report.bytes += source->size();
        std::string url = "minified/" + file;
        auto fail = [&](const std::string& reason) {
            ++report.failed;
            std::printf("FAIL %s: %s\n", url.c_str(), reason.c_str());
            std::fflush(stdout);
        };

        bool isValid = !JSCSyntaxChecker::check(*source, url);
        int code = 0;
        std::string message;
        auto result = instrumentCorpusFile(*source, url, code, message);
        if (!isValid) {
            if (result)
                fail("JavaScriptCore rejects the original, yet it was instrumented");
            else if (code != static_cast<int>(InstrumenterError::SyntaxError))
                fail(std::string("JavaScriptCore rejects the original; the instrumenter said ")
                    + instrumenterErrorName(code) + " instead of SyntaxError: " + message);
            else
                ++report.rejectedAsExpected;
            continue;
        }
        if (!result) {
            std::string kind = instrumenterErrorName(code);
            if (kind == "UnsupportedSyntax" || kind == "ParserLimitation" || kind == "ReservedIdentifier") {
                ++report.refusals[kind];
                if (options.isVerbose)
                    std::printf("REFUSED-AS-EXPECTED %s: %s\n", url.c_str(), message.c_str());
                continue;
            }
            std::string diagnosis = code == static_cast<int>(InstrumenterError::InternalError)
                ? diagnoseRejectedOutput(*source, url)
                : std::string();
            fail("refused (" + kind + "): " + message + diagnosis);
            continue;
        }

        std::vector<std::string> problems;
        if (auto syntaxError = JSCSyntaxChecker::check(result->code, url))
            problems.push_back("JavaScriptCore rejects the output: " + syntaxError->message);
        if (auto difference = TokenComparison::firstDifference(*source, result->code))
            problems.push_back("tokens: " + *difference);
        if (options.runsScripts && isLoopFree(*source)) {
            ++report.compared;
            // As ParserCorpusTest: exception messages may quote the (rewritten) source, so only their type counts.
            auto detail = DifferentialLoad::ExceptionDetail::NameOnly;
            DifferentialLoad::Page plainPage { {}, { result->scriptId, url, *source, {}, false, {} }, {}, false,
                detail };
            DifferentialLoad::Page instrumentedPage { {},
                { result->scriptId, url, result->code, result->metadataJson, true, {} }, {}, false, detail };
            auto plainOutput = DifferentialLoad::run(options.harness, plainPage, nullptr);
            auto instrumentedOutput = DifferentialLoad::run(options.harness, instrumentedPage, nullptr);
            if (!plainOutput || !instrumentedOutput)
                problems.push_back("the harness failed to run");
            else if (*plainOutput != *instrumentedOutput)
                problems.push_back(
                    "load output differs: plain `" + *plainOutput + "`, instrumented `" + *instrumentedOutput + "`");
        }
        if (!problems.empty()) {
            std::string reason;
            for (auto& problem : problems)
                reason += (reason.empty() ? "" : "; ") + problem;
            fail(reason);
            continue;
        }
        ++report.passed;
        if (options.isVerbose)
            std::printf("PASS %s\n", url.c_str());
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

} // namespace Offload
