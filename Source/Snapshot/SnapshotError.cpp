/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/SnapshotError.h"

#include <iterator>

namespace Offload {

GQuark snapshotErrorQuark()
{
    return g_quark_from_static_string("offload-snapshot-error-quark");
}

const char* snapshotErrorName(int code)
{
    static constexpr const char* names[] = { "Truncated", "BadMagic", "UnsupportedVersion", "Malformed", "NonCanonical",
        "DanglingReference", "LimitExceeded", "BlobMissing", "HashMismatch", "Compression", "Io" };
    return code >= 0 && code < static_cast<int>(std::size(names)) ? names[code] : "Unknown";
}

} // namespace Offload
