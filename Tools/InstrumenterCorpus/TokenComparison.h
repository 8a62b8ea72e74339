/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace Offload {

// Checks, with tree-sitter's tokens, that a rewrite only inserted whole tokens: both texts are tokenized (the leaves
// of their syntax trees, comments included) and every token of the original must appear in the output, in order,
// byte for byte, as a token of its own. A token that the rewrite changed, split, or glued to inserted text (`return`
// followed by an inserted `__offload` reads as the identifier `return__offload`), or a comment that swallowed inserted
// text, has no counterpart and is reported.
class TokenComparison {
public:
    // Returns std::nullopt when `output` is `original` with tokens inserted and parses without an ERROR or MISSING
    // node, else what differs first, with its line and column in both texts.
    static std::optional<std::string> firstDifference(std::string_view original, std::string_view output);
};

} // namespace Offload
