/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Restores snapshots that are valid bytes but not a state any program had: a real capture of a program with many
// kinds of objects, mutated at the model level (SnapshotTestSupport's mutateRecords), kept when Source/Snapshot
// accepts it, then handed to the runtime in a fresh engine, as an edge receives a snapshot from a client it cannot
// trust. The restore must either succeed (the program then goes on and can be captured again) or fail with the
// runtime's own error saying what is wrong; never crash, and never fail deep inside the runtime with an engine error
// (a TypeError from reading what is not there), which would mean the restore trusted what it should have checked.
// The seed is fixed, so a failure reproduces; OFFLOAD_RESTORE_FUZZ_ITERATIONS changes the count,
// OFFLOAD_FUZZ_SEED the seed.

#include "Instrumenter/Instrumenter.h"
#include "Snapshot/BlobStore.h"
#include "Snapshot/SnapshotReader.h"
#include "Snapshot/SnapshotWriter.h"
#include "SnapshotTestSupport.h"
#include "Tools/offload-jsc/EngineSession.h"

#include <gtest/gtest.h>
#include <map>
#include <random>
#include <string>

using namespace Offload;

namespace {

// One of each kind the capture knows, sharing objects and closures, with work left for later turns.
constexpr char seedProgram[] = R"JS("use strict";
class Counter {
    #count = 0;
    constructor(start) { this.#count = start; }
    increment() { return ++this.#count; }
}
class Special extends Array {}
function makeAdder(base) {
    let calls = 0;
    return (x) => base + x + ++calls;
}
const shared = { name: "shared" };
const state = {
    list: [1, "two", 3n, -0, NaN, [4, 5], { six: 6 }, , shared],
    map: new Map([["a", 1], [shared, new Set([1, 2])]]),
    when: new Date(0),
    pattern: /ab+c/gi,
    bytes: new Uint8Array([1, 2, 3, 4]),
    view: null,
    counter: new Counter(5),
    special: Special.from([7, 8]),
    add: makeAdder(10),
    bound: makeAdder(1).bind(null, 2),
    symbol: Symbol("tag"),
    registered: Symbol.for("registered"),
    weak: new WeakMap([[shared, "held"]]),
    proxy: new Proxy({ target: 1 }, { get: (target, key) => target[key] }),
    error: Object.assign(new TypeError("bad"), { extra: 1 }),
    boxed: Object(42),
    later: new Promise((resolve) => step(() => resolve("settled"))),
    done: Promise.reject(new Error("no")),
};
state.done.catch(() => {});
state.view = new DataView(state.bytes.buffer, 1, 2);
Object.defineProperty(state, "size", { get() { return state.list.length; }, enumerable: false });
Object.freeze(state.list[5]);
Object.seal(shared);
state.self = state;
step(() => print(state.add(1), state.counter.increment(), state.map.size, state.size, state.bound(3)));
step(() => state.later.then((value) => print(value, state.special.length, state.view.getUint8(0))));
)JS";

uint64_t environmentNumber(const char* name, uint64_t fallback)
{
    const char* value = g_getenv(name);
    return value ? g_ascii_strtoull(value, nullptr, 10) : fallback;
}

EngineScript instrumentedSeed()
{
    InstrumentOptions options;
    options.sourceURL = "restore-fuzz-seed.js";
    GError* error = nullptr;
    auto result = Instrumenter::instrument(seedProgram, options, &error);
    EXPECT_TRUE(result) << (error ? error->message : "");
    EngineScript script;
    if (!result)
        return script;
    script.url = options.sourceURL;
    script.code = std::move(result->code);
    script.metadataJSON = std::move(result->metadataJson);
    script.sid = std::move(result->scriptId);
    script.isInstrumented = true;
    return script;
}

// A refusal is the runtime's answer to bad input; an internal error (an engine error inside the runtime) is a bug.
bool isInternalError(const GError* error)
{
    return isRuntimeError(error, RuntimeError::Internal);
}

} // namespace

TEST(RuntimeRestoreFuzz, MutatedSnapshotsRestoreOrFailWithTheRuntimesOwnError)
{
    const uint64_t iterations = environmentNumber("OFFLOAD_RESTORE_FUZZ_ITERATIONS", 400);
    std::mt19937_64 random(environmentNumber("OFFLOAD_FUZZ_SEED", 20261207));
    auto script = instrumentedSeed();
    ASSERT_TRUE(script.isInstrumented);

    GError* error = nullptr;
    auto original = EngineSession::create(&error);
    ASSERT_TRUE(original) << error->message;
    ASSERT_TRUE(original->runScript(script, &error)) << error->message;
    CapturedState state;
    ASSERT_TRUE(original->capture(state, &error)) << error->message;
    ASSERT_TRUE(state.blobs.empty());
    original.reset();
    Snapshot seed;
    ASSERT_TRUE(SnapshotReader::read(state.snapshot, seed, &error)) << error->message;
    BlobStore noBlobs;

    uint64_t rejected = 0;
    uint64_t restored = 0;
    uint64_t refused = 0;
    std::map<std::string, uint64_t> reasons;
    for (uint64_t iteration = 0; iteration < iterations; ++iteration) {
        auto mutated = seed;
        Offload::Test::mutateRecords(mutated, random);
        auto bytes = SnapshotWriter::write(mutated);
        Snapshot accepted;
        if (!SnapshotReader::read(bytes, accepted, &error)) {
            g_clear_error(&error);
            ++rejected;
            continue;
        }
        auto session = EngineSession::create(&error);
        ASSERT_TRUE(session) << error->message;
        ASSERT_TRUE(session->declareScript(script, &error)) << error->message;
        if (!session->restore(bytes, accepted.blobs, noBlobs, &error)) {
            ASSERT_FALSE(isInternalError(error)) << "iteration " << iteration << ": " << error->message;
            std::string reason(error->message);
            reasons[reason.substr(0, reason.find_first_of("0123456789"))]++;
            g_clear_error(&error);
            ++refused;
            continue;
        }
        ++restored;
        // A restored state is a program state: it runs on and is captured again, or the capture says why not.
        bool ranTurn = true;
        while (ranTurn) {
            ASSERT_TRUE(session->runTurn(ranTurn, &error)) << "iteration " << iteration << ": " << error->message;
        }
        CapturedState again;
        if (!session->capture(again, &error)) {
            ASSERT_FALSE(isInternalError(error)) << "iteration " << iteration << ": " << error->message;
            g_clear_error(&error);
        }
    }
    printf("restore fuzz: %llu mutated snapshots: %llu rejected by the reader, %llu restored, %llu refused by the "
           "runtime\n",
        static_cast<unsigned long long>(iterations), static_cast<unsigned long long>(rejected),
        static_cast<unsigned long long>(restored), static_cast<unsigned long long>(refused));
    for (auto& [reason, count] : reasons)
        printf("  %llu x %s\n", static_cast<unsigned long long>(count), reason.c_str());
    EXPECT_GT(restored + refused, iterations / 10) << "too few mutated snapshots reached the runtime";
}
