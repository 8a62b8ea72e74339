/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/SnapshotModel.h"

#include <vector>

namespace Offload {

// Encodes a Snapshot model into the bytes of Documentation/SnapshotFormat.md. The encoding of each value is always
// canonical (shortest varints, int32-valued doubles as int, the one NaN, BigInts without trailing zero bytes,
// latin1 for strings whose code units all fit); the *order* of records, strings and blobs is the model's own, so a
// model that SnapshotValidator accepts is written canonically, and SnapshotReader::read() of canonical bytes followed
// by write() gives the same bytes. SnapshotCanonicalizer puts a hand-built model into canonical order.
class SnapshotWriter {
public:
    // The model must be valid (SnapshotValidator::validate); for an invalid one the output is unspecified but
    // writing never reads outside the model.
    static std::vector<uint8_t> write(const Snapshot&);
};

} // namespace Offload
