/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <glib.h>
#include <optional>
#include <string>
#include <string_view>

namespace Offload::Partitioner {

// Some npm packages ship a TF.js model.json wrapped as a CommonJS/UMD module (nsfwjs's model.min.js). Those are
// JavaScript object literals, not JSON, so they are evaluated in a fresh JavaScriptCore context that has no DOM,
// no network and nothing but a `module` object, and the exported object is serialised with JSON.stringify.
class ScriptModelExtractor {
public:
    static std::optional<std::string> extractJson(std::string_view script, const std::string& sourceName, GError**);
};

} // namespace Offload::Partitioner
