/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Common/GRefPtr.h"
#include "OffloadModule/RuntimeSession.h"

#include <glib.h>
#include <jsc/jsc.h>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace Offload {

// The engine runner's name for a program's script (the runtime's RuntimeScript).
using EngineScript = RuntimeScript;

// One JavaScriptCore virtual machine and global object with the offload runtime (a RuntimeSession) and the
// engine-test globals (`print`, `step`). Destroying the session destroys the VM: nothing of the program survives it.
class EngineSession {
public:
    static std::unique_ptr<EngineSession> create(GError**);
    ~EngineSession();

    // Declares the script to the runtime and runs its top level (turn 0). An uncaught exception is program output.
    // A script that could not be instrumented runs as written, and the runtime refuses captures from then on.
    bool runScript(const EngineScript&, GError**);
    // Declares the script without running it, before a restore. A script declared already is skipped.
    bool declareScript(const EngineScript& script, GError** error) { return m_runtime->declareScript(script, error); }
    bool warmUp(GError** error) { return m_runtime->warmUp(error); }

    // Runs the next pending turn; sets `ranTurn` to false when none is left.
    bool runTurn(bool& ranTurn, GError**);
    bool hasPendingTurns();
    std::string runtimeTimings(const char* which) { return m_runtime->timings(which); }

    bool capture(CapturedState& state, GError** error) { return m_runtime->capture(state, error); }
    bool restore(const std::vector<uint8_t>& snapshot, std::span<const BlobEntry> listedBlobs, const BlobStore& store,
        GError** error)
    {
        return m_runtime->restore(snapshot, listedBlobs, store, error);
    }

    JSCContext* context() const { return m_context.get(); }

private:
    EngineSession() = default;
    bool initialize(GError**);
    void reportUncaughtException();

    GRefPtr<JSCVirtualMachine> m_virtualMachine;
    GRefPtr<JSCContext> m_context;
    std::unique_ptr<RuntimeSession> m_runtime;
};

} // namespace Offload
