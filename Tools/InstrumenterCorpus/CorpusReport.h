/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Instrumenter/Instrumenter.h"

#include <glib.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace Offload {

// The counts of one part of the corpus test, printed as its summary line and written to the JSON summary that
// Tools/Scripts/run-instrumenter-corpus reads.
struct CorpusReport {
    std::string name;
    size_t files { 0 };
    size_t bytes { 0 };
    double seconds { 0 };
    size_t passed { 0 };
    size_t failed { 0 };
    // Refusals that the manifest or the kind of file allows, by error kind.
    std::map<std::string, size_t> refusals;
    // Files JavaScriptCore rejects, which the instrumenter rejected too.
    size_t rejectedAsExpected { 0 };
    // Files run plainly and instrumented and compared (the others were only instrumented and checked).
    size_t compared { 0 };

    size_t refused() const;
    void printSummary() const;
    static bool writeJSON(const std::vector<CorpusReport>&, const char* path, GError**);
};

// Reads a whole file.
std::optional<std::string> readCorpusFile(const std::string& path, GError**);

// The name of an instrumenter error code ("UnsupportedSyntax", …), as manifests and reports spell it.
const char* instrumenterErrorName(int code);

// Instruments a classic script as the engine would (InstrumentOptions::verifyOutput on). On failure sets
// `errorCode` and `message`.
std::optional<InstrumentationResult> instrumentCorpusFile(
    const std::string& source, const std::string& url, int& errorCode, std::string& message);

// For an output JavaScriptCore rejected (InternalError): instruments again without the check and returns what the
// token comparison finds wrong with that output ("; tokens: …"), or an empty string.
std::string diagnoseRejectedOutput(const std::string& source, const std::string& url);

} // namespace Offload
