/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <glib.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace Offload {

// A refusal the manifest expects: the instrumenter's error kind ("UnsupportedSyntax", "ParserLimitation", …) and
// why the file legitimately gets it. Any other refusal is a failure.
struct ExpectedRefusal {
    std::string kind;
    std::string reason;
};

struct CorpusPackage {
    std::string name;
    // Files to check, relative to node_modules.
    std::vector<std::string> files;
    // Files, relative to node_modules, that each file needs loaded first (Backbone needs Underscore).
    std::vector<std::string> prerequisites;
    // Statements run after each file, printing what generic calls of the library return.
    std::string smoke;
    // The file needs the harness's fake DOM to load.
    bool withDocument { false };
};

// Tools/InstrumenterCorpus/corpus.json: the npm packages of the corpus and what to run for each.
struct CorpusManifest {
    std::vector<CorpusPackage> packages;
    std::map<std::string, ExpectedRefusal> expectedRefusals;

    static std::optional<CorpusManifest> load(const char* path, GError**);
};

} // namespace Offload
