/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Tools/InstrumenterCorpus/BundleCorpus.h"

#include "Common/GUniquePtr.h"
#include "Instrumenter/JSCSyntaxChecker.h"
#include "Tools/InstrumenterCorpus/DifferentialLoad.h"
#include "Tools/InstrumenterCorpus/TokenComparison.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <glib/gstdio.h>

namespace {

using namespace Offload;

// The first line where two outputs differ, quoted from both.
std::string firstDifferentLine(const std::string& plain, const std::string& instrumented)
{
    auto plainLines = g_strsplit(plain.c_str(), "\n", -1);
    auto instrumentedLines = g_strsplit(instrumented.c_str(), "\n", -1);
    GUniquePtr<char*> plainHolder(plainLines);
    GUniquePtr<char*> instrumentedHolder(instrumentedLines);
    for (size_t line = 0;; ++line) {
        const char* left = plainLines[line];
        const char* right = instrumentedLines[line];
        if (!left && !right)
            return {};
        if (!left || !right || strcmp(left, right)) {
            auto quote = [](const char* text) {
                if (!text)
                    return std::string("(end of output)");
                std::string quoted(text);
                if (quoted.size() > 160)
                    quoted = quoted.substr(0, 160) + "…";
                return "`" + quoted + "`";
            };
            return "load output line " + std::to_string(line + 1) + ": plain " + quote(left) + ", instrumented "
                + quote(right);
        }
    }
}

void writeFailureFile(
    const std::string& directory, const std::string& file, const char* suffix, const std::string& text)
{
    if (directory.empty())
        return;
    std::string name = file;
    std::replace(name.begin(), name.end(), '/', '_');
    GUniquePtr<char> path(g_build_filename(directory.c_str(), (name + suffix).c_str(), nullptr));
    g_mkdir_with_parents(directory.c_str(), 0755);
    g_file_set_contents(path.get(), text.c_str(), text.size(), nullptr);
}

std::string pathIn(const std::string& nodeModules, const std::string& file)
{
    GUniquePtr<char> path(g_build_filename(nodeModules.c_str(), file.c_str(), nullptr));
    return path.get();
}

} // namespace

namespace Offload {

CorpusReport BundleCorpus::check(const CorpusManifest& manifest, const Options& options)
{
    CorpusReport report;
    report.name = "Bundles";
    auto start = std::chrono::steady_clock::now();
    for (const auto& package : manifest.packages) {
        if (!options.packages.empty()
            && std::find(options.packages.begin(), options.packages.end(), package.name) == options.packages.end())
            continue;

        auto fail = [&](const std::string& file, const std::string& reason) {
            ++report.failed;
            std::printf("FAIL %s: %s\n", file.c_str(), reason.c_str());
            std::fflush(stdout);
        };

        // Prerequisites run as they would in a page: instrumented in the instrumented run.
        std::vector<EngineScript> plainPrerequisites;
        std::vector<EngineScript> instrumentedPrerequisites;
        bool prerequisitesReady = true;
        for (const auto& file : package.prerequisites) {
            GError* rawError = nullptr;
            auto source = readCorpusFile(pathIn(options.nodeModules, file), &rawError);
            GUniquePtr<GError> error(rawError);
            int code = 0;
            std::string message;
            auto result = source ? instrumentCorpusFile(*source, file, code, message) : std::nullopt;
            if (!result) {
                prerequisitesReady = false;
                for (const auto& checked : package.files)
                    fail(checked, "prerequisite " + file + ": " + (error ? error->message : message));
                break;
            }
            plainPrerequisites.push_back({ result->scriptId, file, *source, {}, false, {} });
            instrumentedPrerequisites.push_back(
                { result->scriptId, file, result->code, result->metadataJson, true, {} });
        }
        if (!prerequisitesReady)
            continue;

        for (const auto& file : package.files) {
            auto fileStart = std::chrono::steady_clock::now();
            ++report.files;
            GError* rawError = nullptr;
            auto source = readCorpusFile(pathIn(options.nodeModules, file), &rawError);
            GUniquePtr<GError> readError(rawError);
            if (!source) {
                fail(file,
                    std::string("cannot read it: ") + readError->message + " (run Tools/Scripts/install-dependencies)");
                continue;
            }
            report.bytes += source->size();

            int code = 0;
            std::string message;
            auto result = instrumentCorpusFile(*source, file, code, message);
            auto expected = manifest.expectedRefusals.find(file);
            if (!result) {
                if (expected != manifest.expectedRefusals.end()
                    && expected->second.kind == instrumenterErrorName(code)) {
                    ++report.refusals[expected->second.kind];
                    std::printf("REFUSED-AS-EXPECTED %s: %s (%s)\n", file.c_str(), message.c_str(),
                        expected->second.reason.c_str());
                    continue;
                }
                std::string reason = std::string("refused (") + instrumenterErrorName(code) + "): " + message;
                if (code == static_cast<int>(InstrumenterError::InternalError))
                    reason += diagnoseRejectedOutput(*source, file);
                fail(file, reason);
                continue;
            }
            if (expected != manifest.expectedRefusals.end()) {
                fail(file,
                    "instrumented, but corpus.json expects a refusal (" + expected->second.kind + ": "
                        + expected->second.reason + "); update the manifest");
                continue;
            }

            std::vector<std::string> problems;
            if (auto syntaxError = JSCSyntaxChecker::check(result->code, file))
                problems.push_back("JavaScriptCore rejects the output: " + syntaxError->message + " (line "
                    + std::to_string(syntaxError->line) + ")");
            if (auto difference = TokenComparison::firstDifference(*source, result->code))
                problems.push_back("tokens: " + *difference);

            DifferentialLoad::Page plainPage { plainPrerequisites, { result->scriptId, file, *source, {}, false, {} },
                package.smoke, package.withDocument };
            DifferentialLoad::Page instrumentedPage { instrumentedPrerequisites,
                { result->scriptId, file, result->code, result->metadataJson, true, {} }, package.smoke,
                package.withDocument };
            GError* plainError = nullptr;
            GError* instrumentedError = nullptr;
            auto plainOutput = DifferentialLoad::run(options.harness, plainPage, &plainError);
            auto instrumentedOutput = DifferentialLoad::run(options.harness, instrumentedPage, &instrumentedError);
            GUniquePtr<GError> plainHolder(plainError);
            GUniquePtr<GError> instrumentedHolder(instrumentedError);
            ++report.compared;
            if (!plainOutput || !instrumentedOutput)
                problems.push_back(std::string("harness: ") + (plainError ? plainError->message : "")
                    + (instrumentedError ? instrumentedError->message : ""));
            else if (auto difference = firstDifferentLine(*plainOutput, *instrumentedOutput); !difference.empty())
                problems.push_back(difference);

            double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - fileStart).count();
            if (options.dumpsEveryFile && plainOutput && instrumentedOutput) {
                writeFailureFile(options.failureDirectory, file, ".instrumented.js", result->code);
                writeFailureFile(options.failureDirectory, file, ".plain.txt", *plainOutput);
                writeFailureFile(options.failureDirectory, file, ".instrumented.txt", *instrumentedOutput);
            }
            if (problems.empty()) {
                ++report.passed;
                std::printf("PASS %s (%zu KB, %.2f s)\n", file.c_str(), source->size() / 1024, seconds);
                std::fflush(stdout);
                continue;
            }
            std::string reason;
            for (auto& problem : problems)
                reason += (reason.empty() ? "" : "; ") + problem;
            fail(file, reason);
            writeFailureFile(options.failureDirectory, file, ".instrumented.js", result->code);
            if (plainOutput && instrumentedOutput) {
                writeFailureFile(options.failureDirectory, file, ".plain.txt", *plainOutput);
                writeFailureFile(options.failureDirectory, file, ".instrumented.txt", *instrumentedOutput);
            }
        }
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

} // namespace Offload
