/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Instrumenter/SyntaxTree.h"
#include <optional>
#include <string>

namespace Offload {

// The property key of a non-computed property name node (identifier, private name, string or number), as the
// engine would compute it; std::nullopt for computed keys and for numbers whose canonical form is not obvious.
std::optional<std::string> propertyKeyName(const SyntaxTree&, TSNode key);

// A JavaScript expression that evaluates to the key (for the __offload.o() method list): a string or number
// literal, or `null` for a computed key.
std::string propertyKeyExpression(const SyntaxTree&, TSNode key);

// Quotes a UTF-8 string as a JSON (and JavaScript) string literal.
std::string quoteString(std::string_view);

} // namespace Offload
