/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Instrumenter/InstrumentationCache.h"
#include "OffloadModule/RuntimeScript.h"

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace Offload {

// The scripts the client's pages ran, instrumented, by script id: the text the runtime slices to re-create functions
// (a restoring view declares them; an edge gets them from here), and the text a page is served, which declares the
// script to the runtime before its own code runs. Scripts are instrumented once per content (InstrumentationCache).
// Thread-safe: the proxy instruments on its own thread.
class ScriptStore {
public:
    explicit ScriptStore(std::string cacheDirectory = {});

    struct Served {
        // What the page runs: the instrumented script with its declaration at its entry, or the author's text with a
        // note that makes the runtime refuse captures (the script runs as written).
        std::string text;
        bool isInstrumented { false };
        // Why it runs as written.
        std::string refusal;
    };
    // Instruments a classic script (external or inline) that `url` names, and keeps it.
    Served serve(std::string_view source, const std::string& url);

    std::vector<RuntimeScript> scripts() const;
    bool find(const std::string& sid, RuntimeScript&) const;

private:
    InstrumentationCache m_cache;
    mutable std::mutex m_lock;
    std::map<std::string, RuntimeScript> m_scripts;
};

} // namespace Offload
