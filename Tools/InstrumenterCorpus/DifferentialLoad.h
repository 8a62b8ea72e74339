/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Tools/offload-jsc/EngineSession.h"

#include <glib.h>
#include <optional>
#include <string>
#include <vector>

namespace Offload {

// Loads scripts after the corpus harness (harness.js) and returns what the harness printed about them. Scripts that
// are instrumented run in an engine session with the offload runtime installed (as offload-jsc runs them, each
// declared to the runtime first); the others run in a plain JavaScriptCore context with no runtime at all. Running a
// page both ways and comparing the two texts is the differential check.
class DifferentialLoad {
public:
    enum class ExceptionDetail { Message, NameOnly };

    struct Page {
        // Scripts the script needs (a library's dependency), run before the harness takes its baseline.
        std::vector<EngineScript> prerequisites;
        EngineScript script;
        // Statements run, as written, after the harness described the script.
        std::string smoke;
        bool withDocument { false };
        // How much of an uncaught exception to compare. JavaScriptCore quotes the source in more messages than the
        // two forms removed (`function(){…}.b is not a function`), which matters for test262's tiny scripts.
        ExceptionDetail exceptionDetail { ExceptionDetail::Message };
    };

    // Returns the harness's output: uncaught exceptions (without the expression JavaScriptCore quotes, which the
    // rewrite may change), the globals and built-ins the script added or replaced, and the smoke script's prints.
    // Fails only when the harness itself cannot run.
    static std::optional<std::string> run(const std::string& harness, const Page&, GError**);
};

} // namespace Offload
