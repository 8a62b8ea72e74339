/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <glib.h>
#include <string>
#include <string_view>

namespace Offload {

// The error domain of the instrumenter. Every message names the script, the line and column (1-based) and the reason.
#define OFFLOAD_INSTRUMENTER_ERROR (Offload::instrumenterErrorQuark())
GQuark instrumenterErrorQuark();

enum class InstrumenterError {
    // JavaScriptCore rejects the input; the message is JavaScriptCore's.
    SyntaxError,
    // Valid JavaScript that cannot be captured (sloppy-mode `with`).
    UnsupportedSyntax,
    // Valid JavaScript (JavaScriptCore accepts it) that tree-sitter cannot parse without an ERROR or MISSING node.
    // The script must run uninstrumented (locally); it is never rewritten from a broken tree.
    ParserLimitation,
    // The script uses an identifier reserved for the runtime (one starting with `__of`).
    ReservedIdentifier,
    // The rewritten script was rejected by JavaScriptCore: a bug in the instrumenter, reported rather than run.
    InternalError,
    // The input or an option is malformed (for example, not UTF-8).
    InvalidArgument,
};

// Sets *error (if error is non-null) to "URL:LINE:COLUMN: REASON" in OFFLOAD_INSTRUMENTER_ERROR.
void setInstrumenterError(
    GError**, InstrumenterError, std::string_view sourceURL, unsigned line, unsigned column, std::string_view reason);

// Returns the 1-based line and column (in UTF-16 code units, as JavaScript engines count them) of a byte offset.
std::pair<unsigned, unsigned> lineAndColumnForOffset(std::string_view source, size_t byteOffset);

} // namespace Offload
