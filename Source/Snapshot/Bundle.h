/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Common/ContentHash.h"
#include "Snapshot/SnapshotModel.h"

#include <functional>
#include <glib.h>
#include <span>
#include <vector>

namespace Offload {

class BlobStore;

// Limits on what a bundle may make the reader allocate, so that a small hostile bundle cannot claim (or
// decompress to) gigabytes. The defaults fit real ML apps (multi-MB models) with a wide margin.
struct BundleLimits {
    uint64_t maxBlobSize { uint64_t(1) << 30 };
    uint64_t maxTotalBlobSize { uint64_t(4) << 30 };
    uint64_t maxSnapshotSize { uint64_t(1) << 30 };
};

enum class BlobCodec : uint8_t {
    Raw = 0,
    Zstd = 1,
};

// A bundle (Documentation/SnapshotFormat.md, "Bundle") is what travels between processes or machines: a snapshot
// and the bodies of the blobs the receiver does not hold yet, each zstd-compressed when that saves at least 1/8.
class Bundle {
public:
    struct BlobInfo {
        ContentHash hash;
        BlobCodec codec { BlobCodec::Raw };
        uint64_t size { 0 }; // Uncompressed.
        uint64_t storedSize { 0 }; // As carried in the bundle.
        size_t offset { 0 }; // Of the blob's hash in the bundle, for error messages.
    };

    // True when `bytes` start with the bundle magic "WKOFBNDL".
    static bool hasMagic(std::span<const uint8_t> bytes);

    // Encodes a bundle of `snapshot` (validated first) and `blobBodies` (in any order; duplicates are carried once).
    // Every body must be a blob the snapshot lists, with the listed size; otherwise fails with Malformed. Returns
    // false and sets `error` on failure; `output` is then unspecified.
    static bool write(std::span<const uint8_t> snapshot, std::span<const std::span<const uint8_t>> blobBodies,
        std::vector<uint8_t>& output, GError** error);

    // Encodes a bundle of `snapshot` carrying, from `store`, every blob the snapshot lists for which
    // `receiverHas` (may be empty: carry all) is false. Fails with BlobMissing when the store lacks one.
    static bool writeFromStore(std::span<const uint8_t> snapshot, const BlobStore& store,
        const std::function<bool(const ContentHash&)>& receiverHas, std::vector<uint8_t>& output, GError** error);

    // Decodes `bundle`: validates the snapshot (SnapshotReader), decompresses each blob within `limits`, checks it
    // against its hash and against the snapshot's Blobs section, then checks that every blob the snapshot lists is
    // either carried or already in `store`. Only when everything holds are the carried blobs put into `store` and
    // the snapshot bytes copied to `snapshot`: a bad bundle leaves the store as it was. `listedBlobs`, if not null,
    // receives the snapshot's Blobs section (carried or not), so that a receiver whose store holds more than this
    // snapshot needs can hand over just these.
    static bool read(std::span<const uint8_t> bundle, std::vector<uint8_t>& snapshot, BlobStore& store, GError** error,
        const BundleLimits& limits = {}, std::vector<BlobEntry>* listedBlobs = nullptr);

    // Parses the bundle's framing only (no decompression, no snapshot validation): where the snapshot is and what
    // blobs are carried. For the dumper.
    static bool inspect(std::span<const uint8_t> bundle, std::span<const uint8_t>& snapshot,
        std::vector<BlobInfo>& blobs, GError** error);
};

} // namespace Offload
