/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Common/ContentHash.h"
#include "Common/GUniquePtr.h"

#include <glib.h>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace Offload {

// Content-addressed bytes: the bodies of the blobs snapshots name by SHA-256 (large strings, large ArrayBuffers,
// model files). Every blob that enters the store is checked against its name, so a blob read back is always the
// one that was named. A store is either in memory only or backed by a directory (one file per blob, named by its
// hex hash, written atomically), which the edge uses to keep pre-sent models across sessions. A store is used from
// one thread; files written by another process show up through has() and get().
class BlobStore {
public:
    // An empty in-memory store.
    BlobStore() = default;

    // A store backed by `directory` (created if missing); blobs already there are found on demand. Returns nullptr
    // and sets `error` (OFFLOAD_SNAPSHOT_ERROR, Io) when the directory cannot be created.
    static std::unique_ptr<BlobStore> createWithDirectory(const std::string& directory, GError** error);

    BlobStore(const BlobStore&) = delete;
    BlobStore& operator=(const BlobStore&) = delete;

    bool has(const ContentHash&) const;

    // A new reference to the blob's bytes, or nullptr when the store does not hold it. A directory-backed store
    // reads the file and checks its hash (a corrupt file gives nullptr and HashMismatch in `error`).
    GUniquePtr<GBytes> get(const ContentHash&, GError** error = nullptr) const;

    // Stores `bytes` (a new reference is taken) under `hash` after checking that SHA-256(bytes) is `hash`; fails
    // with HashMismatch otherwise, or Io when the directory write fails. Storing a blob already held is a no-op.
    bool put(const ContentHash& hash, GBytes* bytes, GError** error);
    // Stores `bytes` under their own hash, which is returned in `hash`.
    bool put(GBytes* bytes, ContentHash& hash, GError** error);
    bool put(std::span<const uint8_t> bytes, ContentHash& hash, GError** error);

    // The hashes held in memory (for a directory store, also the blobs found in the directory), sorted.
    std::vector<ContentHash> hashes() const;

    const std::string& directory() const { return m_directory; }

private:
    // Bundle::read() has just checked the hashes of what it stores.
    friend class Bundle;

    std::string pathFor(const ContentHash&) const;
    bool putVerified(const ContentHash&, GBytes*, GError**);

    std::string m_directory; // Empty for an in-memory store.
    mutable std::map<ContentHash, GUniquePtr<GBytes>> m_blobs;
};

} // namespace Offload
