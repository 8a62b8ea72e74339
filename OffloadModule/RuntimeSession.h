/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Common/GRefPtr.h"
#include "OffloadModule/RuntimeError.h"
#include "OffloadModule/RuntimeScript.h"
#include "Snapshot/SnapshotModel.h"

#include <glib.h>
#include <jsc/jsc.h>
#include <memory>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

namespace Offload {

class BlobStore;

// The host's half of the offload runtime in one JavaScriptCore context: it installs the runtime (RuntimeInstaller),
// declares the program's scripts, and runs captures and restores, turning the runtime's exceptions into
// OFFLOAD_RUNTIME_ERROR errors. The engine runner (Tools/offload-jsc) and the web process extension both use it, so a
// program is captured and restored by the same code wherever it runs. The context must outlive the session.
class RuntimeSession {
public:
    // Installs the runtime into `context` before any program code runs there. Code the program makes at run time
    // (eval, new Function) is instrumented with the C++ instrumenter.
    static std::unique_ptr<RuntimeSession> install(JSCContext*, GError**);

    // Takes the inventory of built-ins: everything reachable now is the host's, not the program's. Call it once the
    // host's own globals exist and before any program code runs.
    bool start(GError**);

    // Declares an instrumented script to the runtime before it runs (or, on a restoring side, instead of running it).
    // A script declared already, or one that is not instrumented, is skipped.
    bool declareScript(const RuntimeScript&, GError**);
    // Tells the runtime that a script that could not be instrumented runs as written: captures are refused from then
    // on, naming it.
    bool noteScriptRunsAsWritten(const RuntimeScript&, GError**);

    // Runs the runtime's capture and restore code on a synthetic heap, so that a later migration runs compiled code.
    bool warmUp(GError**);
    // Captures the program. Engine-made promises are settled first: the runtime asks them to report their state and
    // returns to the engine (microtasks run when a call from the API ends) as often as needed.
    bool capture(CapturedState&, GError**);
    // Hands the runtime the snapshot and, from the store, the bodies of the blobs it lists.
    bool restore(
        const std::vector<uint8_t>& snapshot, std::span<const BlobEntry> listedBlobs, const BlobStore&, GError**);
    // The runtime's own account of its last capture or restore ("lastCaptureTimings", "lastRestoreTimings"), as JSON.
    std::string timings(const char* which);

    // Calls `__offload[name](arguments…)`; null with an error (in OFFLOAD_RUNTIME_ERROR) when it throws.
    GRefPtr<JSCValue> call(const char* name, std::initializer_list<JSCValue*> arguments, GError**);

    JSCContext* context() const { return m_context; }
    // The runtime's object (`__offload`), for hosts that call what is theirs alone (the engine runner's turns).
    JSCValue* runtimeObject() const { return m_runtime.get(); }

private:
    explicit RuntimeSession(JSCContext* context)
        : m_context(context)
    {
    }

    JSCContext* m_context;
    GRefPtr<JSCValue> m_runtime;
    std::unordered_set<std::string> m_declaredScripts;
};

} // namespace Offload
