/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/BlobStore.h"
#include "Tools/offload-jsc/EngineSession.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace Offload {

struct RunnerOptions {
    // Capture after every turn that leaves work pending, destroy the engine and restore into a new one.
    bool migrate { false };
    // Each migration continues in a fresh child process, fed through a pipe.
    bool processHops { false };
    // After every restore, capture again and require the same bytes.
    bool checkIdempotent { false };
    // Run scripts as written (for measuring the instrumentation's cost).
    bool instrument { true };
    // Print what travelled and how long each step took, on standard error.
    bool stats { false };
    // Write each migration's bundle there.
    std::string dumpDirectory;
    // Names dumped bundles; a hop's child learns it from its parent.
    std::string testName;
    // Fault injection for tests: the receiver of this migration (1 is the first) fails its restore, as a receiver that
    // rejects a snapshot or crashes would; the sender must go on with the program. 0: never.
    uint64_t failRestoreOf { 0 };
    // A hop's child writes one byte to this descriptor once it holds the program (restored, checked): until then its
    // parent keeps its engine. -1: not a hop's child.
    int acknowledgementDescriptor { -1 };
    // Where the blobs that reached a receiver are kept, shared by the processes of a hop chain (a hop's child learns it
    // from its parent). Empty: the runner keeps them in memory, or in a directory of its own for a hop chain.
    std::string blobCacheDirectory;
};

enum ExitCode : int {
    ExitSuccess = 0,
    ExitUsage = 1,
    ExitMigrationFailed = 2,
    ExitIdempotencyFailed = 3,
};

// Runs an engine test (LayoutTests/js): the script's top level is turn 0, then the turns queued with step(), first
// in first out, each followed by its microtasks. With migration, the program moves to a new engine between turns.
class EngineTestRunner {
public:
    explicit EngineTestRunner(RunnerOptions options)
        : m_options(std::move(options))
    {
    }
    ~EngineTestRunner();

    // Runs `paths` in order as the program's scripts (the last one names the test), then its turns.
    int run(const std::vector<std::string>& paths);
    int printInstrumented(const std::string& path);
    // Continues a program handed over by the previous process of a hop chain (payload read from standard input).
    int continueFromPayload(std::span<const uint8_t>);

private:
    bool loadScript(const std::string& path, EngineScript&, GError**);
    int runTurns();
    // Returns false when the program now continues in another process.
    bool migrate();
    void prepareNextSession();
    // Returns false when the child holds the program now (the run goes on there); true when it failed to restore it
    // and the program goes on here.
    bool hopToChildProcess(const std::vector<uint8_t>& bundle);
    void acknowledgeRestore();
    bool restoreInto(std::unique_ptr<EngineSession>&, const std::vector<uint8_t>& bundle, GError**);
    // With --stats: how long the restore took (in the same line format the benchmarks parse) and its phases.
    void reportRestore(double milliseconds, bool inNewProcess);
    void dump(const std::vector<uint8_t>& bytes, const char* suffix = "bundle");
    // The blobs the receiving side already holds, as an edge keeps what it received: a blob crosses once per run,
    // and later bundles carry only the blobs that are new. Null (and an error set) when no store can be made.
    BlobStore* receivedBlobs(GError**);

    RunnerOptions m_options;
    std::unique_ptr<EngineSession> m_session;
    std::unique_ptr<EngineSession> m_preparedSession;
    std::vector<EngineScript> m_scripts;
    std::string m_testName;
    uint64_t m_migrationIndex { 0 };
    double m_engineSetupTime { 0 };
    std::unique_ptr<BlobStore> m_receivedBlobs;
    // The first process of a hop chain made the chain's blob directory and removes it when the chain has ended.
    std::string m_ownedBlobDirectory;
    int m_exitCode { ExitSuccess };
    bool m_reportedRefusal { false };
};

} // namespace Offload
