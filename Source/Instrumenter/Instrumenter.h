/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Instrumenter/InstrumenterError.h"
#include <glib.h>
#include <optional>
#include <string>
#include <string_view>

namespace Offload {

// What kind of source text is instrumented (Documentation/Instrumentation.md, "Direct eval and new Function").
enum class SourceKind {
    // A classic script (<script>, an engine test, a worker's importScripts()).
    Script,
    // The string given to a direct eval: its scopes hang below the caller's handle (see parentHandleExpression).
    DirectEval,
    // The source JavaScriptCore assembles for `new Function(…)`: `(function anonymous(PARAMS\n) {\nBODY\n})`,
    // evaluated in the global scope.
    FunctionConstructor,
};

struct InstrumentOptions {
    SourceKind kind { SourceKind::Script };
    // Names the script in error messages (a URL or a file name); may be empty.
    std::string sourceURL;
    // DirectEval only: a JavaScript expression, evaluated once at the start of the eval code, that gives the handle
    // of the caller's scope (the HANDLE passed to __offload.ev). The runtime stores it in `__offload.evh` in ev().
    std::string parentHandleExpression { "__offload.evh" };
    // DirectEval only: the caller is strict-mode code, so the eval code is strict too.
    bool isStrictCaller { false };
    // Check the rewritten script with JavaScriptCore and fail with InternalError if it is rejected: a script whose
    // rewrite does not parse must run as written instead. Costs a second parse; only measurements of the rewrite
    // itself turn it off.
    bool verifyOutput { true };
};

struct InstrumentationResult {
    // The rewritten script: the author's text with hook calls inserted, no newline added.
    std::string code;
    // The metadata document, JSON version 1 (templates and literals; offsets in UTF-16 units of `code`).
    std::string metadataJson;
    // The first 16 hex digits of the SHA-256 of the original text.
    std::string scriptId;
    // Where code may run before the script's own (after a hashbang line and the directive prologue): a byte offset of
    // `code`, and whether such code must start with `;`. A page's script declares itself to the runtime there
    // (Source/Client/ScriptDeclaration); nothing placed there moves the metadata's offsets, which stay those of `code`.
    size_t entryOffset { 0 };
    bool entryNeedsSemicolon { false };
};

class Instrumenter {
public:
    // Changes whenever the output for a given input changes; part of every cache key.
    static constexpr const char* version = "13";

    // Rewrites `source` (UTF-8) for capture. On failure returns std::nullopt and sets *error (nullable) in
    // OFFLOAD_INSTRUMENTER_ERROR with a message "URL:LINE:COLUMN: reason". Thread-safe; uses one JavaScriptCore
    // context per thread for syntax checks.
    static std::optional<InstrumentationResult> instrument(std::string_view source, const InstrumentOptions&, GError**);

    // The script id of a source text (16 hex digits).
    static std::string scriptId(std::string_view source);
};

} // namespace Offload
