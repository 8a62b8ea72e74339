/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Instrumenter/Instrumenter.h"
#include <mutex>
#include <string>
#include <unordered_map>

namespace Offload {

// Caches instrumented scripts by content: the key is the SHA-256 of the source, the source kind, the options that
// change the output and Instrumenter::version. Entries live in memory and, when a directory is given, on disk as
// KEY.js and KEY.json (written atomically, so concurrent processes can share the directory). Failures are not
// cached. Thread-safe.
class InstrumentationCache {
public:
    // `directory` may be empty (memory only); it is created if needed.
    explicit InstrumentationCache(std::string directory = {});

    std::optional<InstrumentationResult> instrument(std::string_view source, const InstrumentOptions&, GError**);

    static std::string key(std::string_view source, const InstrumentOptions&);

    size_t hitCount() const { return m_hitCount; }
    size_t missCount() const { return m_missCount; }

private:
    std::optional<InstrumentationResult> readFromDisk(const std::string& key) const;
    void writeToDisk(const std::string& key, const InstrumentationResult&) const;

    std::string m_directory;
    std::mutex m_lock;
    std::unordered_map<std::string, InstrumentationResult> m_entries;
    size_t m_hitCount { 0 };
    size_t m_missCount { 0 };
};

} // namespace Offload
