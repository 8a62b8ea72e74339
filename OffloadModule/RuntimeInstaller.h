/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <functional>
#include <glib.h>
#include <jsc/jsc.h>
#include <string>

namespace Offload {

// Installs the in-engine runtime (OffloadModule/runtime/*.js, embedded as a GResource) into a JavaScriptCore context,
// with the native functions only the host can provide: SHA-256 of bytes, evaluating a global script, and
// instrumenting code at run time (direct eval, new Function).
class RuntimeInstaller {
public:
    enum class DynamicCodeKind { DirectEval, StrictDirectEval, FunctionConstructor };

    // Instruments code made at run time: returns the instrumented code and its metadata JSON, or false with an error.
    using EvalInstrumenter = std::function<bool(const std::string& source, DynamicCodeKind, std::string& code,
        std::string& metadataJSON, std::string& sid, GError**)>;

    // Evaluates every runtime file in the manifest's order. Returns false and sets `error` if one fails.
    static bool install(JSCContext*, EvalInstrumenter, GError**);
};

} // namespace Offload
