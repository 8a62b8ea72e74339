/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/SnapshotModel.h"

#include <array>
#include <glib.h>
#include <span>

namespace Offload {

// Where the parts of a snapshot are in its bytes, for error messages and for the dumper's size breakdown.
struct SnapshotLayoutInfo {
    struct Span {
        size_t offset { 0 }; // Of the payload, after the section's tag and length.
        size_t length { 0 };
    };
    std::array<Span, sectionCount> sections; // Indexed by tag − 1.
    std::vector<uint32_t> recordOffsets; // Of each record's kind byte; one more entry holds the end of the last.
    size_t totalSize { 0 };
};

// Limits that keep a hostile snapshot from costing more than its size suggests. Every count in the format is also
// bounded by the bytes left, so memory stays linear in the input.
struct SnapshotReadLimits {
    uint64_t maxSnapshotSize { uint64_t(1) << 30 };
    // An estimate of the model's memory (records, values, properties, strings), checked before each allocation.
    // A 50 000-object heap decodes to about 10 MB.
    uint64_t maxDecodedSize { uint64_t(1) << 30 };
};

// Decodes snapshot bytes into a Snapshot and validates them completely (SnapshotValidator): structure, index
// ranges, kinds, canonical form. On success, SnapshotWriter::write() of the result gives back exactly the input.
class SnapshotReader {
public:
    // True when `bytes` start with the snapshot magic "WKOFSNAP".
    static bool hasMagic(std::span<const uint8_t> bytes);

    // Decodes and validates `bytes` into `snapshot` (overwritten). On failure returns false and sets `error`
    // (OFFLOAD_SNAPSHOT_ERROR) naming the section, byte offset and record; `snapshot` is then unspecified.
    // `layout`, if not null, receives where each section and record lies.
    static bool read(std::span<const uint8_t> bytes, Snapshot& snapshot, GError** error,
        SnapshotLayoutInfo* layout = nullptr, const SnapshotReadLimits& = {});

    // Same checks as read(), for a caller that only needs the verdict.
    static bool validate(std::span<const uint8_t> bytes, GError** error);
};

} // namespace Offload
