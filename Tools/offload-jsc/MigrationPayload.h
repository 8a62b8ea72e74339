/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Tools/offload-jsc/EngineSession.h"

#include <cstdint>
#include <glib.h>
#include <span>
#include <vector>

namespace Offload {

// What crosses the pipe of a process hop: the program's scripts (code both sides hold; in the product the edge
// caches them by hash) and the bundle (the snapshot and its blobs).
//
//   "WKOFHOP1" turn:u64 scriptCount:u32 (sid url code metadata instrumented:u8)* bundle
//   where each string is u32 length + bytes, and the bundle is u64 length + bytes (little-endian).
struct MigrationPayload {
    uint64_t migrationIndex { 0 };
    std::vector<EngineScript> scripts;
    std::vector<uint8_t> bundle;

    std::vector<uint8_t> serialize() const;
    static bool deserialize(std::span<const uint8_t>, MigrationPayload&, GError**);
};

} // namespace Offload
