/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <glib.h>

namespace Offload {

// The error domain of Source/Snapshot. Every message names what failed and where: the section, the byte offset
// and, inside the Records section, the record index.
#define OFFLOAD_SNAPSHOT_ERROR (Offload::snapshotErrorQuark())
GQuark snapshotErrorQuark();

enum class SnapshotError {
    // The input ends inside a value, a section or a header.
    Truncated,
    // The input does not start with "WKOFSNAP" (or "WKOFBNDL" for a bundle).
    BadMagic,
    // The version is not one this code reads.
    UnsupportedVersion,
    // A tag, kind, attribute or field is invalid, a section is out of order, or a length does not add up.
    Malformed,
    // The input is well-formed but not in the canonical form (non-shortest varint, non-canonical NaN, string table
    // order, record order, ...). Canonical form is what makes capture ∘ restore ∘ capture byte-identical.
    NonCanonical,
    // An index (string, record, blob) points outside its table, or to an entry of the wrong kind.
    DanglingReference,
    // A count, size or decompressed size is above the reader's limits.
    LimitExceeded,
    // A blob the snapshot needs is neither in the bundle nor in the blob store.
    BlobMissing,
    // A blob's bytes do not have the SHA-256 they are named by.
    HashMismatch,
    // zstd failed to compress or decompress.
    Compression,
    // Reading or writing a file failed.
    Io,
};

// The code's name ("Truncated", "HashMismatch", …), for tools and logs.
const char* snapshotErrorName(int code);

} // namespace Offload
