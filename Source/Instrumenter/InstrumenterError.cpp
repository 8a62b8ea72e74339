/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Instrumenter/InstrumenterError.h"

namespace Offload {

GQuark instrumenterErrorQuark()
{
    return g_quark_from_static_string("offload-instrumenter-error-quark");
}

void setInstrumenterError(GError** error, InstrumenterError code, std::string_view sourceURL, unsigned line,
    unsigned column, std::string_view reason)
{
    if (!error)
        return;
    std::string url = sourceURL.empty() ? std::string("<script>") : std::string(sourceURL);
    g_set_error(error, OFFLOAD_INSTRUMENTER_ERROR, static_cast<int>(code), "%s:%u:%u: %.*s", url.c_str(), line, column,
        static_cast<int>(reason.size()), reason.data());
}

std::pair<unsigned, unsigned> lineAndColumnForOffset(std::string_view source, size_t byteOffset)
{
    unsigned line = 1;
    unsigned column = 1;
    size_t end = std::min(byteOffset, source.size());
    for (size_t i = 0; i < end; ++i) {
        auto byte = static_cast<unsigned char>(source[i]);
        if (byte == '\n' || (byte == '\r' && (i + 1 >= source.size() || source[i + 1] != '\n'))) {
            ++line;
            column = 1;
            continue;
        }
        // Count UTF-16 code units: one per lead byte, two for four-byte sequences (a surrogate pair).
        if ((byte & 0xc0) == 0x80)
            continue;
        column += byte >= 0xf0 ? 2 : 1;
    }
    return { line, column };
}

} // namespace Offload
