/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/SnapshotModel.h"

#include <string>

namespace Offload {

struct SnapshotLayoutInfo;

// The dump as JSON, for scripts (`offload-snapshot dump --json FILE | jq …`): meta, sections, scripts, blobs,
// strings (JSON strings; blob strings as {"blob", "unitSize"}), records with their kind's named fields, prototype,
// extensibility and properties, and roots. Values that JSON has no literal for are one-key objects: {"ref": 3},
// {"string": 7}, {"intrinsic": "Math.max"}, {"bigint": "-42"}, {"number": "NaN"}, {"undefined": true},
// {"hole": true}, {"uninitialized": true}. Like SnapshotDumper, it tolerates dangling indices.
class SnapshotJsonDumper {
public:
    static std::string dump(const Snapshot&, const SnapshotLayoutInfo* layout);
};

} // namespace Offload
