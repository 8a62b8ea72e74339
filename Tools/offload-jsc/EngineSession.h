/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Common/GRefPtr.h"
#include "Snapshot/SnapshotModel.h"

#include <cstdint>
#include <glib.h>
#include <jsc/jsc.h>
#include <memory>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

namespace Offload {

class BlobStore;

// A script as the engine runs it: instrumented code and metadata, or the author's code when it could not be
// instrumented (it then runs, but a capture of it is refused).
struct EngineScript {
    std::string sid;
    std::string url;
    std::string code;
    std::string metadataJSON;
    bool isInstrumented { false };
    // Why a script runs as written (the instrumenter's error); the runtime then refuses every capture, naming it.
    std::string refusal;
};

// What a capture produced: the snapshot bytes and the bodies of the blobs it names, with their hashes as the runtime
// computed them (Bundle::write checks each body against the snapshot again).
struct CapturedState {
    std::vector<uint8_t> snapshot;
    std::vector<std::vector<uint8_t>> blobs;
    std::vector<ContentHash> blobHashes;
    // Code the program made at run time (eval, new Function); the other side needs it to restore.
    std::vector<EngineScript> dynamicScripts;
};

// One JavaScriptCore virtual machine and global object with the offload runtime and the engine-test globals
// (`print`, `step`). Destroying the session destroys the VM: nothing of the program survives it.
class EngineSession {
public:
    static std::unique_ptr<EngineSession> create(GError**);
    ~EngineSession();

    // Declares the script to the runtime and runs its top level (turn 0). An uncaught exception is program output.
    bool runScript(const EngineScript&, GError**);
    // Declares the script without running it, before a restore. A script declared already is skipped.
    bool declareScript(const EngineScript&, GError**);
    // Runs the runtime's capture and restore code on a synthetic heap, so that a restore made later runs compiled
    // code. For an engine prepared ahead of a migration, before any program runs in it.
    bool warmUp(GError**);

    // Runs the next pending turn; sets `ranTurn` to false when none is left.
    bool runTurn(bool& ranTurn, GError**);
    bool hasPendingTurns();
    // The runtime's own account of its last capture or restore ("lastCaptureTimings", "lastRestoreTimings"), as JSON.
    std::string runtimeTimings(const char* which);

    bool capture(CapturedState&, GError**);
    // Hands the runtime the snapshot and, from the store, the bodies of the blobs it lists.
    bool restore(
        const std::vector<uint8_t>& snapshot, std::span<const BlobEntry> listedBlobs, const BlobStore&, GError**);

    JSCContext* context() const { return m_context.get(); }

private:
    EngineSession() = default;
    bool initialize(GError**);
    GRefPtr<JSCValue> callRuntime(
        const char* name, GError**, GRefPtr<JSCValue> first = nullptr, GRefPtr<JSCValue> second = nullptr);
    void reportUncaughtException();

    GRefPtr<JSCVirtualMachine> m_virtualMachine;
    GRefPtr<JSCContext> m_context;
    GRefPtr<JSCValue> m_runtime;
    std::unordered_set<std::string> m_declaredScripts;
};

} // namespace Offload
