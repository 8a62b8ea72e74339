/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Common/ContentHash.h"

#include <cstdint>
#include <string>
#include <vector>

namespace Offload {

// A script as a page or a test runs it: instrumented code and metadata, or the author's code when it could not be
// instrumented (it then runs as written, and every capture is refused, naming it).
struct RuntimeScript {
    std::string sid;
    std::string url;
    std::string code;
    std::string metadataJSON;
    bool isInstrumented { false };
    // Why the script runs as written (the instrumenter's error).
    std::string refusal;
};

// What a capture produced: the snapshot bytes and the bodies of the blobs it names, with their hashes as the runtime
// computed them (Bundle::write checks each body against the snapshot again).
struct CapturedState {
    std::vector<uint8_t> snapshot;
    std::vector<std::vector<uint8_t>> blobs;
    std::vector<ContentHash> blobHashes;
    // Code the program made at run time (eval, new Function); the other side needs it to restore.
    std::vector<RuntimeScript> dynamicScripts;
};

} // namespace Offload
