/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Tools/InstrumenterCorpus/CorpusReport.h"

#include <string>

namespace Offload {

// Minified scripts (test262-parser-tests' pass/ files put through terser by minify-test262.mjs): the instrumented
// output parses exactly when the original does, or the script is refused for a reason its kind allows (sloppy
// `with`, a tree-sitter limitation, a reserved `__of` identifier); an invalid script is reported as a SyntaxError.
// Each output also passes the token comparison, and loop-free scripts (which surely end) are run plainly and
// instrumented and must print and throw the same. Only unexpected outcomes get a line of their own.
class MinifiedCorpus {
public:
    struct Options {
        std::string directory;
        std::string harness;
        bool isVerbose { false };
        bool runsScripts { true };
    };

    static CorpusReport check(const Options&);
};

} // namespace Offload
