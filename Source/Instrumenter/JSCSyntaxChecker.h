/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace Offload {

// Asks JavaScriptCore whether a script is valid (jsc_context_check_syntax). JavaScriptCore, not tree-sitter, is the
// authority on validity: tree-sitter accepts many invalid programs. One JSCContext is kept per thread because
// creating a virtual machine for every check would dominate the cost of instrumenting small eval strings.
class JSCSyntaxChecker {
public:
    struct Failure {
        std::string message;
        unsigned line { 0 };
        unsigned column { 0 };
    };

    // Returns std::nullopt when the script is valid, else JavaScriptCore's message and line.
    static std::optional<Failure> check(std::string_view source, std::string_view sourceURL);
};

} // namespace Offload
