/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/SnapshotModel.h"

namespace Offload {

// Puts a model's tables into canonical order (Documentation/SnapshotFormat.md, "Canonical form"): records numbered
// in the capture walk's order (unreachable records and weak entries whose key is not otherwise reachable are
// dropped), strings merged when equal and
// numbered by first use (unused ones dropped), blobs sorted by hash, merged when equal, unused ones dropped. Every
// index in the model is rewritten to match. It does not change what the model means, and it does not make an
// invalid model valid (a bad kind or a dangling index stays bad): run SnapshotValidator afterwards.
class SnapshotCanonicalizer {
public:
    // The model's indices must be in range (a dangling index is left as it is).
    static void canonicalize(Snapshot&);
};

} // namespace Offload
