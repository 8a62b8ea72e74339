/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/SnapshotModel.h"

#include <glib.h>

namespace Offload {

struct SnapshotLayoutInfo;

// Checks a Snapshot model against every rule of Documentation/SnapshotFormat.md that the model can show: index
// ranges, record kinds of referenced records, per-kind field rules, ids, and the canonical order of records, strings
// and blobs. SnapshotReader runs it on everything it decodes; a producer of hand-built models runs it before
// SnapshotWriter::write(), whose output is only meaningful for a valid model.
class SnapshotValidator {
public:
    // Returns false and sets `error` (OFFLOAD_SNAPSHOT_ERROR) at the first broken rule. `layout`, if not null, is
    // used to add byte offsets to messages about records.
    static bool validate(const Snapshot&, GError** error, const SnapshotLayoutInfo* layout = nullptr);
};

} // namespace Offload
