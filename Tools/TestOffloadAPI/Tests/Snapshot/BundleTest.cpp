/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/Bundle.h"

#include "Snapshot/BlobStore.h"
#include "Snapshot/ByteWriter.h"
#include "Snapshot/SnapshotError.h"
#include "Snapshot/SnapshotWriter.h"
#include "SnapshotTestSupport.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <random>
#include <zstd.h>

using namespace Offload;
using namespace Offload::Test;

namespace {

// A snapshot with a compressible blob (a long string) and an incompressible one (random buffer bytes).
struct Fixture {
    Fixture()
    {
        ModelBuilder builder;
        std::string text;
        for (int i = 0; text.size() < 20000; ++i)
            text += "tensor " + std::to_string(i % 97) + "; ";
        builder.global("model", Value::string(builder.blobString(text)));
        std::vector<uint8_t> noise(10000);
        std::mt19937 random(7);
        for (auto& byte : noise)
            byte = static_cast<uint8_t>(random());
        uint64_t buffer = builder.add(RecordKind::ArrayBuffer, { noise.size(), 0, 1, builder.blob(noise) });
        builder.global("weights", Value::ref(buffer));
        snapshot = SnapshotWriter::write(builder.finish());
        bodies = builder.blobBodies;
        compressible = ContentHash::compute(bodies[0]);
        incompressible = ContentHash::compute(bodies[1]);
    }

    std::vector<std::span<const uint8_t>> spans() const { return { bodies[0], bodies[1] }; }

    std::vector<uint8_t> snapshot;
    std::vector<std::vector<uint8_t>> bodies;
    ContentHash compressible;
    ContentHash incompressible;
};

SnapshotError errorCode(GError* error)
{
    return static_cast<SnapshotError>(error ? error->code : -1);
}

} // namespace

TEST(Bundle, CarriesBlobsCompressedOnlyWhereItPays)
{
    Fixture fixture;
    std::vector<uint8_t> bundle;
    GError* error = nullptr;
    ASSERT_TRUE(Bundle::write(fixture.snapshot, fixture.spans(), bundle, &error)) << error->message;
    EXPECT_TRUE(Bundle::hasMagic(bundle));

    std::span<const uint8_t> snapshot;
    std::vector<Bundle::BlobInfo> blobs;
    ASSERT_TRUE(Bundle::inspect(bundle, snapshot, blobs, nullptr));
    ASSERT_EQ(blobs.size(), 2u);
    for (auto& blob : blobs) {
        if (blob.hash == fixture.compressible) {
            EXPECT_EQ(blob.codec, BlobCodec::Zstd);
            EXPECT_LE(blob.storedSize * 8, blob.size * 7);
        } else {
            EXPECT_EQ(blob.codec, BlobCodec::Raw);
            EXPECT_EQ(blob.storedSize, blob.size);
        }
    }

    BlobStore store;
    std::vector<uint8_t> received;
    ASSERT_TRUE(Bundle::read(bundle, received, store, &error)) << error->message;
    EXPECT_EQ(received, fixture.snapshot);
    for (auto& body : fixture.bodies) {
        auto stored = store.get(ContentHash::compute(body));
        ASSERT_TRUE(stored);
        gsize size = 0;
        auto* data = static_cast<const uint8_t*>(g_bytes_get_data(stored.get(), &size));
        EXPECT_EQ(std::vector<uint8_t>(data, data + size), body);
    }
}

TEST(Bundle, BlobsTheReceiverHoldsStayHome)
{
    Fixture fixture;
    BlobStore sender;
    ContentHash hash;
    for (auto& body : fixture.bodies)
        ASSERT_TRUE(sender.put(body, hash, nullptr));
    std::vector<uint8_t> bundle;
    // The receiver already holds the compressible (pre-sent) blob.
    ASSERT_TRUE(Bundle::writeFromStore(
        fixture.snapshot, sender, [&](const ContentHash& hash) { return hash == fixture.compressible; }, bundle,
        nullptr));
    std::span<const uint8_t> snapshot;
    std::vector<Bundle::BlobInfo> blobs;
    ASSERT_TRUE(Bundle::inspect(bundle, snapshot, blobs, nullptr));
    ASSERT_EQ(blobs.size(), 1u);
    EXPECT_EQ(blobs[0].hash, fixture.incompressible);

    // A receiver without the pre-sent blob refuses the bundle and keeps its store as it was.
    BlobStore empty;
    std::vector<uint8_t> received;
    GError* error = nullptr;
    EXPECT_FALSE(Bundle::read(bundle, received, empty, &error));
    EXPECT_EQ(errorCode(error), SnapshotError::BlobMissing);
    g_clear_error(&error);
    EXPECT_TRUE(empty.hashes().empty());

    BlobStore receiver;
    ASSERT_TRUE(receiver.put(fixture.bodies[0], hash, nullptr));
    std::vector<BlobEntry> listed;
    EXPECT_TRUE(Bundle::read(bundle, received, receiver, &error, {}, &listed));
    EXPECT_TRUE(receiver.has(fixture.incompressible));
    // The snapshot's own list names both blobs, the one carried and the one the receiver held.
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_TRUE(std::ranges::any_of(listed, [&](auto& blob) { return blob.hash == fixture.compressible; }));
    EXPECT_TRUE(std::ranges::any_of(listed, [&](auto& blob) { return blob.hash == fixture.incompressible; }));
}

TEST(Bundle, DetectsDamagedBlobs)
{
    Fixture fixture;
    std::vector<uint8_t> bundle;
    ASSERT_TRUE(Bundle::write(fixture.snapshot, fixture.spans(), bundle, nullptr));
    // The raw blob is carried verbatim: damage one byte of it.
    auto at = std::search(bundle.begin(), bundle.end(), fixture.bodies[1].begin(), fixture.bodies[1].begin() + 64);
    ASSERT_NE(at, bundle.end());
    at[100] ^= 0x40;
    BlobStore store;
    std::vector<uint8_t> received;
    GError* error = nullptr;
    EXPECT_FALSE(Bundle::read(bundle, received, store, &error));
    EXPECT_EQ(errorCode(error), SnapshotError::HashMismatch);
    g_clear_error(&error);
    EXPECT_TRUE(store.hashes().empty());
}

TEST(Bundle, RespectsDecompressionLimits)
{
    Fixture fixture;
    std::vector<uint8_t> bundle;
    ASSERT_TRUE(Bundle::write(fixture.snapshot, fixture.spans(), bundle, nullptr));
    BlobStore store;
    std::vector<uint8_t> received;
    GError* error = nullptr;
    BundleLimits limits;
    limits.maxBlobSize = 15000;
    EXPECT_FALSE(Bundle::read(bundle, received, store, &error, limits));
    EXPECT_EQ(errorCode(error), SnapshotError::LimitExceeded);
    g_clear_error(&error);
    limits = {};
    limits.maxTotalBlobSize = 25000;
    EXPECT_FALSE(Bundle::read(bundle, received, store, &error, limits));
    EXPECT_EQ(errorCode(error), SnapshotError::LimitExceeded);
    g_clear_error(&error);
}

TEST(Bundle, RefusesBlobsTheSnapshotDoesNotName)
{
    Fixture fixture;
    std::vector<uint8_t> stranger { 1, 2, 3 };
    std::vector<std::span<const uint8_t>> bodies { stranger };
    std::vector<uint8_t> bundle;
    GError* error = nullptr;
    EXPECT_FALSE(Bundle::write(fixture.snapshot, bodies, bundle, &error));
    EXPECT_EQ(errorCode(error), SnapshotError::Malformed);
    g_clear_error(&error);
}

TEST(Bundle, RejectsBadFraming)
{
    Fixture fixture;
    std::vector<uint8_t> bundle;
    ASSERT_TRUE(Bundle::write(fixture.snapshot, fixture.spans(), bundle, nullptr));
    BlobStore store;
    std::vector<uint8_t> received;
    GError* error = nullptr;
    auto wrongMagic = bundle;
    wrongMagic[3] = 'X';
    EXPECT_FALSE(Bundle::read(wrongMagic, received, store, &error));
    EXPECT_EQ(errorCode(error), SnapshotError::BadMagic);
    g_clear_error(&error);
    for (size_t length : { size_t(0), size_t(5), size_t(9), bundle.size() / 2, bundle.size() - 1 }) {
        std::vector<uint8_t> prefix(bundle.begin(), bundle.begin() + length);
        EXPECT_FALSE(Bundle::read(prefix, received, store, &error));
        EXPECT_EQ(errorCode(error), SnapshotError::Truncated) << length << ": " << error->message;
        g_clear_error(&error);
    }
    auto wrongVersion = bundle;
    wrongVersion[8] = 9;
    EXPECT_FALSE(Bundle::read(wrongVersion, received, store, &error));
    EXPECT_EQ(errorCode(error), SnapshotError::UnsupportedVersion);
    g_clear_error(&error);
    EXPECT_TRUE(store.hashes().empty());
}

TEST(Bundle, ReportsBrokenZstdFrames)
{
    Fixture fixture;
    std::vector<uint8_t> bundle;
    ASSERT_TRUE(Bundle::write(fixture.snapshot, fixture.spans(), bundle, nullptr));
    // Every zstd frame starts with the magic 28 b5 2f fd: break it.
    std::vector<uint8_t> frameMagic { 0x28, 0xb5, 0x2f, 0xfd };
    auto at = std::search(bundle.begin(), bundle.end(), frameMagic.begin(), frameMagic.end());
    ASSERT_NE(at, bundle.end());
    at[1] ^= 0xff;
    BlobStore store;
    std::vector<uint8_t> received;
    GError* error = nullptr;
    EXPECT_FALSE(Bundle::read(bundle, received, store, &error));
    EXPECT_EQ(errorCode(error), SnapshotError::Compression) << error->message;
    g_clear_error(&error);
}

// A frame that decompresses to far more than the size it is carried under (a decompression bomb) is stopped as
// soon as it passes that size.
TEST(Bundle, StopsFramesThatDecompressBeyondTheirSize)
{
    constexpr uint64_t claimedSize = 5000;
    std::vector<uint8_t> zeros(8 << 20);
    auto hash = ContentHash::compute(zeros);
    ModelBuilder builder;
    builder.snapshot().blobs.push_back({ hash, claimedSize });
    builder.global("buffer", Value::ref(builder.add(RecordKind::ArrayBuffer, { claimedSize, 0, 1, 0 })));
    auto snapshot = SnapshotWriter::write(builder.finish());

    std::vector<uint8_t> compressed(ZSTD_compressBound(zeros.size()));
    compressed.resize(ZSTD_compress(compressed.data(), compressed.size(), zeros.data(), zeros.size(), 3));
    std::vector<uint8_t> bundle { 'W', 'K', 'O', 'F', 'B', 'N', 'D', 'L' };
    ByteWriter writer(bundle);
    writer.appendVarint(1);
    writer.appendBytes(snapshot);
    writer.appendVarint(1);
    writer.appendRaw(hash.bytes());
    writer.appendU8(static_cast<uint8_t>(BlobCodec::Zstd));
    writer.appendVarint(claimedSize);
    writer.appendBytes(compressed);

    BlobStore store;
    std::vector<uint8_t> received;
    GError* error = nullptr;
    EXPECT_FALSE(Bundle::read(bundle, received, store, &error));
    EXPECT_EQ(errorCode(error), SnapshotError::Compression);
    EXPECT_NE(std::string(error->message).find("more than its size 5000"), std::string::npos) << error->message;
    g_clear_error(&error);
}
