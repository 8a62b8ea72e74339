/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <string>

namespace Offload {

// Runs scripts in a fresh JavaScriptCore context with `print()` and a stub `__offload` runtime whose hooks check
// their arguments, remember every function's handle and read every binding through each new handle's getter.
class JSCTestHarness {
public:
    struct Run {
        std::string output; // print() lines joined by '\n'.
        std::string exception; // Empty when the script completed.
        std::string stubErrors; // Misuse of the hooks detected by the stub, joined by '\n'.
        std::string hookCounts; // JSON {"f":…,"s":…,"d":…,"o":…,"ev":…}.
    };

    // Runs `code` (original or instrumented). `metadataJson` (may be empty) tells the stub the templates' bindings;
    // `epilogue` runs afterwards in the same context (e.g. print(JSON.stringify(__offload.scopeOf(f)))).
    static Run run(const std::string& code, const std::string& metadataJson = {}, const std::string& epilogue = {});

    // Evaluates `expression` with `code` (a string) and `meta` (the parsed metadata) in scope; returns String(value).
    static std::string query(const std::string& code, const std::string& metadataJson, const std::string& expression);
};

} // namespace Offload
