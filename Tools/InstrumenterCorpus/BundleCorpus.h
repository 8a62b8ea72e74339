/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Tools/InstrumenterCorpus/CorpusManifest.h"
#include "Tools/InstrumenterCorpus/CorpusReport.h"

#include <string>
#include <vector>

namespace Offload {

// The browser bundles of the manifest's npm packages. Each file is instrumented (or refused as the manifest
// expects), its output must pass JavaScriptCore's syntax check and the token comparison, and loading it plainly and
// instrumented must print the same (DifferentialLoad). One line per file, then the summary.
class BundleCorpus {
public:
    struct Options {
        std::string nodeModules;
        std::string harness;
        // Package names to check; all when empty.
        std::vector<std::string> packages;
        // Where to write the instrumented output and both load outputs of each failing file (empty: nowhere).
        std::string failureDirectory;
        // Write them for every file, not only failing ones.
        bool dumpsEveryFile { false };
    };

    static CorpusReport check(const CorpusManifest&, const Options&);
};

} // namespace Offload
