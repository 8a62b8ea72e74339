/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Feeds the reader, the bundle reader and the dumper a large number of mutated snapshots and bundles. Decoding
// untrusted bytes must never crash or read out of bounds (run this test under ASan or valgrind to see the second
// half), and must either fail with an OFFLOAD_SNAPSHOT_ERROR or give a model that re-encodes to exactly the input:
// the reader accepts only canonical bytes. The seed is fixed, so a failure reproduces; OFFLOAD_FUZZ_ITERATIONS
// changes the count (e.g. smaller under valgrind), OFFLOAD_FUZZ_SEED the seed.

#include "Snapshot/BlobStore.h"
#include "Snapshot/Bundle.h"
#include "Snapshot/ByteWriter.h"
#include "Snapshot/SnapshotDumper.h"
#include "Snapshot/SnapshotError.h"
#include "Snapshot/SnapshotReader.h"
#include "Snapshot/SnapshotWriter.h"
#include "SnapshotSections.h"
#include "SnapshotTestSupport.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <gtest/gtest.h>
#include <map>
#include <random>

using namespace Offload;
using namespace Offload::Test;

namespace {

class Mutator {
public:
    explicit Mutator(uint64_t seed)
        : m_random(seed)
    {
    }

    size_t below(size_t bound) { return bound ? std::uniform_int_distribution<size_t>(0, bound - 1)(m_random) : 0; }

    void mutate(std::vector<uint8_t>& bytes)
    {
        switch (below(9)) {
        case 0: // Bit flips.
            for (size_t i = below(4) + 1; i-- && !bytes.empty();)
                bytes[below(bytes.size())] ^= 1 << below(8);
            break;
        case 1: // A random byte.
            if (!bytes.empty())
                bytes[below(bytes.size())] = static_cast<uint8_t>(below(256));
            break;
        case 2: { // A byte every decoder treats specially.
            static constexpr uint8_t interesting[] = { 0x00, 0x01, 0x02, 0x7f, 0x80, 0xff, 0x10, 0x18, 0x0b, 0x0c };
            if (!bytes.empty())
                bytes[below(bytes.size())] = interesting[below(std::size(interesting))];
            break;
        }
        case 3: // Truncation.
            bytes.resize(below(bytes.size() + 1));
            break;
        case 4: { // Insertion of random bytes.
            size_t at = below(bytes.size() + 1);
            std::vector<uint8_t> inserted(below(8) + 1);
            for (auto& byte : inserted)
                byte = static_cast<uint8_t>(below(256));
            bytes.insert(bytes.begin() + at, inserted.begin(), inserted.end());
            break;
        }
        case 5: { // Deletion of a range.
            size_t at = below(bytes.size() + 1);
            size_t length = std::min(bytes.size() - at, below(16) + 1);
            bytes.erase(bytes.begin() + at, bytes.begin() + at + length);
            break;
        }
        case 6: { // A varint at a boundary over one to three bytes.
            static const uint64_t boundaries[]
                = { 0, 1, 127, 128, 255, 16383, 16384, uint64_t(1) << 31, (uint64_t(1) << 53) - 1, uint64_t(1) << 53 };
            std::vector<uint8_t> varint;
            if (below(4))
                ByteWriter(varint).appendVarint(boundaries[below(std::size(boundaries))]);
            else
                varint = { 0x80, 0x00 }; // Not in shortest form.
            size_t at = below(bytes.size() + 1);
            size_t replaced = std::min(bytes.size() - at, below(3) + 1);
            bytes.erase(bytes.begin() + at, bytes.begin() + at + replaced);
            bytes.insert(bytes.begin() + at, varint.begin(), varint.end());
            break;
        }
        case 7: // A section length edit (on snapshots; elsewhere a copy of a chunk).
            if (SnapshotReader::hasMagic(bytes) && editSectionLength(bytes))
                break;
            [[fallthrough]];
        case 8: { // A chunk copied over another place.
            if (bytes.size() < 2)
                break;
            size_t from = below(bytes.size());
            size_t to = below(bytes.size());
            size_t length = std::min({ bytes.size() - from, bytes.size() - to, below(32) + 1 });
            std::copy_n(std::vector<uint8_t>(bytes.begin() + from, bytes.begin() + from + length).begin(), length,
                bytes.begin() + to);
            break;
        }
        }
    }

private:
    // Re-frames the file with one section's declared length changed (the payload itself is unchanged).
    bool editSectionLength(std::vector<uint8_t>& bytes)
    {
        Snapshot ignored;
        if (!SnapshotReader::read(bytes, ignored, nullptr))
            return false;
        auto sections = SnapshotSections::split(bytes);
        size_t victim = below(sections.sections.size());
        std::vector<uint8_t> result = sections.header;
        ByteWriter writer(result);
        for (size_t i = 0; i < sections.sections.size(); ++i) {
            auto& [tag, payload] = sections.sections[i];
            uint64_t length = payload.size();
            if (i == victim) {
                static const int64_t deltas[] = { -8, -2, -1, 1, 2, 8, 1 << 20 };
                length = static_cast<uint64_t>(
                    std::max<int64_t>(0, static_cast<int64_t>(length) + deltas[below(std::size(deltas))]));
            }
            writer.appendVarint(tag);
            writer.appendVarint(length);
            writer.appendRaw(payload);
        }
        bytes = std::move(result);
        return true;
    }

    std::mt19937_64 m_random;
};

uint64_t environmentNumber(const char* name, uint64_t fallback)
{
    const char* value = g_getenv(name);
    return value ? g_ascii_strtoull(value, nullptr, 10) : fallback;
}

// Whether the validator rejected a DomNode record: the seeds' nodes must be mutated into breaking their own rules.
bool isAboutDomNode(const GError* error)
{
    return strstr(error->message, " DomNode");
}

} // namespace

TEST(SnapshotFuzz, MutatedSnapshotsAndBundlesFailCleanlyOrReencodeExactly)
{
    const uint64_t iterations = environmentNumber("OFFLOAD_FUZZ_ITERATIONS", 150000);
    const uint64_t seed = environmentNumber("OFFLOAD_FUZZ_SEED", 20261123);

    std::vector<std::vector<uint8_t>> seeds;
    std::vector<std::vector<uint8_t>> richBodies;
    seeds.push_back(SnapshotWriter::write(buildRichSnapshot(&richBodies)));
    seeds.push_back(SnapshotWriter::write(buildMinimalSnapshot()));
    std::vector<std::vector<uint8_t>> appBodies;
    seeds.push_back(SnapshotWriter::write(buildAppSnapshot(40, &appBodies)));
    auto bundleOf = [](const std::vector<uint8_t>& snapshot, const std::vector<std::vector<uint8_t>>& bodies) {
        std::vector<std::span<const uint8_t>> spans(bodies.begin(), bodies.end());
        std::vector<uint8_t> bundle;
        EXPECT_TRUE(Bundle::write(snapshot, spans, bundle, nullptr));
        return bundle;
    };
    seeds.push_back(bundleOf(seeds[0], richBodies));
    seeds.push_back(bundleOf(seeds[2], appBodies));
    // A page's document: most of its records are DomNode records.
    seeds.push_back(SnapshotWriter::write(buildDocumentSnapshot()));

    // Small limits keep a mutated size from making the test allocate much; they are far above the seeds' needs.
    BundleLimits limits;
    limits.maxBlobSize = 1 << 20;
    limits.maxTotalBlobSize = 4 << 20;

    Mutator mutator(seed);
    std::map<int, uint64_t> errorCodes;
    uint64_t accepted = 0;
    uint64_t dumped = 0;
    uint64_t domErrors = 0;
    auto start = std::chrono::steady_clock::now();
    for (uint64_t iteration = 0; iteration < iterations; ++iteration) {
        auto bytes = seeds[iteration % seeds.size()];
        for (size_t count = mutator.below(3) + 1; count--;)
            mutator.mutate(bytes);

        GError* error = nullptr;
        bool ok;
        if (Bundle::hasMagic(bytes)) {
            BlobStore store;
            std::vector<uint8_t> snapshot;
            ok = Bundle::read(bytes, snapshot, store, &error, limits);
            if (ok) {
                Snapshot model;
                ASSERT_TRUE(SnapshotReader::read(snapshot, model, nullptr)) << "iteration " << iteration;
                for (auto& blob : model.blobs)
                    ASSERT_TRUE(store.has(blob.hash)) << "iteration " << iteration;
            }
        } else {
            Snapshot model;
            ok = SnapshotReader::read(bytes, model, &error);
            if (ok) {
                ASSERT_EQ(SnapshotWriter::write(model), bytes)
                    << "iteration " << iteration << ": an accepted snapshot must be canonical";
            }
        }
        if (ok)
            ++accepted;
        else {
            ASSERT_NE(error, nullptr) << "iteration " << iteration;
            ASSERT_EQ(error->domain, OFFLOAD_SNAPSHOT_ERROR) << error->message;
            ASSERT_GT(strlen(error->message), 10u);
            errorCodes[error->code]++;
            domErrors += isAboutDomNode(error);
            g_error_free(error);
        }
        // The dumper shows broken input too, so it must survive it; a sample is enough to cover its paths.
        if (!(iteration % 16)) {
            std::string output;
            SnapshotDumper::dumpBytes(bytes, output, nullptr);
            ++dumped;
        }
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::string summary;
    for (auto [code, count] : errorCodes)
        summary += std::string(" ") + snapshotErrorName(code) + "=" + std::to_string(count);
    printf("fuzz: %llu mutated inputs (seed %llu) in %.2f s: %llu accepted, %llu dumped; errors:%s (%llu about a "
           "DomNode)\n",
        static_cast<unsigned long long>(iterations), static_cast<unsigned long long>(seed), seconds,
        static_cast<unsigned long long>(accepted), static_cast<unsigned long long>(dumped), summary.c_str(),
        static_cast<unsigned long long>(domErrors));
    // Mutations must reach deep: beyond framing errors, the validator's own checks must fire.
    if (iterations >= 10000) {
        EXPECT_GT(errorCodes[static_cast<int>(SnapshotError::Malformed)], 0u);
        EXPECT_GT(errorCodes[static_cast<int>(SnapshotError::NonCanonical)], 0u);
        EXPECT_GT(errorCodes[static_cast<int>(SnapshotError::DanglingReference)], 0u);
        EXPECT_GT(errorCodes[static_cast<int>(SnapshotError::HashMismatch)]
                + errorCodes[static_cast<int>(SnapshotError::Compression)],
            0u);
        EXPECT_GT(domErrors, 0u);
    }
}

// Byte mutations mostly break the framing; mutations of the model keep it well-framed and wrong in meaning (a ref
// to the wrong kind, a field out of range, a kind changed under its fields), which is what the validator is for.
// The writer must also encode such models without reading outside them.
TEST(SnapshotFuzz, MutatedModelsFailCleanlyOrReencodeExactly)
{
    const uint64_t iterations = environmentNumber("OFFLOAD_FUZZ_MODEL_ITERATIONS", 50000);
    std::mt19937_64 random(environmentNumber("OFFLOAD_FUZZ_SEED", 20261123));
    const std::vector<Snapshot> seeds { buildRichSnapshot(), buildAppSnapshot(20), buildDocumentSnapshot() };

    uint64_t accepted = 0;
    uint64_t domErrors = 0;
    std::map<int, uint64_t> errorCodes;
    for (uint64_t iteration = 0; iteration < iterations; ++iteration) {
        auto snapshot = seeds[iteration % seeds.size()];
        mutateRecords(snapshot, random);
        auto bytes = SnapshotWriter::write(snapshot);
        Snapshot read;
        GError* error = nullptr;
        if (SnapshotReader::read(bytes, read, &error)) {
            ++accepted;
            ASSERT_EQ(SnapshotWriter::write(read), bytes) << "iteration " << iteration;
        } else {
            ASSERT_EQ(error->domain, OFFLOAD_SNAPSHOT_ERROR);
            errorCodes[error->code]++;
            domErrors += isAboutDomNode(error);
            g_error_free(error);
        }
    }
    std::string summary;
    for (auto [code, count] : errorCodes)
        summary += std::string(" ") + snapshotErrorName(code) + "=" + std::to_string(count);
    printf("model fuzz: %llu mutated models: %llu accepted; errors:%s (%llu about a DomNode)\n",
        static_cast<unsigned long long>(iterations), static_cast<unsigned long long>(accepted), summary.c_str(),
        static_cast<unsigned long long>(domErrors));
    if (iterations >= 10000) {
        EXPECT_GT(domErrors, 0u);
    }
}
