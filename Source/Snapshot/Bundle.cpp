/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/Bundle.h"

#include "Common/GUniquePtr.h"
#include "Snapshot/BlobStore.h"
#include "Snapshot/ByteReader.h"
#include "Snapshot/ByteWriter.h"
#include "Snapshot/SnapshotError.h"
#include "Snapshot/SnapshotReader.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <zstd.h>

namespace Offload {

static constexpr char bundleMagic[8] = { 'W', 'K', 'O', 'F', 'B', 'N', 'D', 'L' };
static constexpr uint64_t bundleVersion = 1;
// Level 3 is zstd's default: most of the gain at a speed that keeps a multi-MB model blob well under 100 ms.
static constexpr int zstdLevel = 3;

static bool fail(GError** error, SnapshotError code, size_t offset, const std::string& message)
{
    g_set_error(
        error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(code), "bundle, offset %zu: %s", offset, message.c_str());
    return false;
}

static bool failRead(GError** error, ByteReader::Status status, size_t offset, const char* what)
{
    switch (status) {
    case ByteReader::Status::Ok:
        return true;
    case ByteReader::Status::Truncated:
        return fail(error, SnapshotError::Truncated, offset, std::string("truncated while reading ") + what);
    case ByteReader::Status::NonShortest:
        return fail(
            error, SnapshotError::NonCanonical, offset, std::string("varint ") + what + " is not in shortest form");
    case ByteReader::Status::TooLarge:
        return fail(error, SnapshotError::Malformed, offset, std::string("varint ") + what + " is 2^53 or more");
    }
    return false;
}

bool Bundle::hasMagic(std::span<const uint8_t> bytes)
{
    return bytes.size() >= sizeof(bundleMagic) && !std::memcmp(bytes.data(), bundleMagic, sizeof(bundleMagic));
}

bool Bundle::write(std::span<const uint8_t> snapshotBytes, std::span<const std::span<const uint8_t>> blobBodies,
    std::vector<uint8_t>& output, GError** error)
{
    Snapshot snapshot;
    if (!SnapshotReader::read(snapshotBytes, snapshot, error))
        return false;
    std::map<ContentHash, uint64_t> listed;
    for (auto& blob : snapshot.blobs)
        listed.emplace(blob.hash, blob.size);

    std::map<ContentHash, std::span<const uint8_t>> bodies;
    for (auto body : blobBodies) {
        auto hash = ContentHash::compute(body);
        auto it = listed.find(hash);
        if (it == listed.end() || it->second != body.size()) {
            g_set_error(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::Malformed),
                "Blob %s (%zu bytes) is not listed with that size in the snapshot's Blobs section",
                hash.toHex().c_str(), body.size());
            return false;
        }
        bodies.emplace(hash, body);
    }

    output.clear();
    ByteWriter writer(output);
    writer.appendRaw(std::span(reinterpret_cast<const uint8_t*>(bundleMagic), sizeof(bundleMagic)));
    writer.appendVarint(bundleVersion);
    writer.appendBytes(snapshotBytes);
    writer.appendVarint(bodies.size());
    std::vector<uint8_t> compressed;
    for (auto& [hash, body] : bodies) {
        writer.appendRaw(hash.bytes());
        compressed.resize(ZSTD_compressBound(body.size()));
        size_t compressedSize
            = ZSTD_compress(compressed.data(), compressed.size(), body.data(), body.size(), zstdLevel);
        if (ZSTD_isError(compressedSize)) {
            g_set_error(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::Compression),
                "zstd could not compress blob %s: %s", hash.toHex().c_str(), ZSTD_getErrorName(compressedSize));
            return false;
        }
        // zstd only where it saves at least 1/8: below that, the receiver's decompression time is not worth it.
        bool useZstd = compressedSize * 8 <= body.size() * 7 && compressedSize < body.size();
        writer.appendU8(static_cast<uint8_t>(useZstd ? BlobCodec::Zstd : BlobCodec::Raw));
        writer.appendVarint(body.size());
        writer.appendBytes(useZstd ? std::span<const uint8_t>(compressed.data(), compressedSize) : body);
    }
    return true;
}

bool Bundle::writeFromStore(std::span<const uint8_t> snapshotBytes, const BlobStore& store,
    const std::function<bool(const ContentHash&)>& receiverHas, std::vector<uint8_t>& output, GError** error)
{
    Snapshot snapshot;
    if (!SnapshotReader::read(snapshotBytes, snapshot, error))
        return false;
    std::vector<GUniquePtr<GBytes>> held;
    std::vector<std::span<const uint8_t>> bodies;
    for (auto& blob : snapshot.blobs) {
        if (receiverHas && receiverHas(blob.hash))
            continue;
        GUniquePtr<GBytes> bytes = store.get(blob.hash, error);
        if (!bytes) {
            if (error && !*error)
                g_set_error(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::BlobMissing),
                    "Blob %s of the snapshot is not in the blob store", blob.hash.toHex().c_str());
            return false;
        }
        gsize size = 0;
        auto* data = static_cast<const uint8_t*>(g_bytes_get_data(bytes.get(), &size));
        bodies.emplace_back(data, size);
        held.push_back(std::move(bytes));
    }
    return write(snapshotBytes, bodies, output, error);
}

// Parses the framing. Stops before anything is decompressed, so that inspect() and read() share it.
static bool parseFraming(std::span<const uint8_t> bundle, std::span<const uint8_t>& snapshot,
    std::vector<Bundle::BlobInfo>& blobs, std::vector<std::span<const uint8_t>>& bodies, GError** error)
{
    ByteReader reader(bundle);
    std::span<const uint8_t> magic;
    if (reader.readSpan(sizeof(bundleMagic), magic) != ByteReader::Status::Ok
        || std::memcmp(magic.data(), bundleMagic, sizeof(bundleMagic))) {
        if (bundle.size() < sizeof(bundleMagic)
            && (bundle.empty() || !std::memcmp(bundle.data(), bundleMagic, bundle.size())))
            return fail(error, SnapshotError::Truncated, 0, "the input ends inside the magic");
        return fail(error, SnapshotError::BadMagic, 0, "the input does not start with \"WKOFBNDL\"");
    }
    uint64_t version = 0;
    uint64_t length = 0;
    size_t offset = reader.offset();
    if (!failRead(error, reader.readVarint(version), offset, "version"))
        return false;
    if (version != bundleVersion)
        return fail(error, SnapshotError::UnsupportedVersion, offset,
            "bundle version " + std::to_string(version) + " is not supported (this reader reads version 1)");
    offset = reader.offset();
    if (!failRead(error, reader.readVarint(length), offset, "snapshot length")
        || !failRead(error, reader.readSpan(length, snapshot), reader.offset(), "snapshot"))
        return false;
    uint64_t count = 0;
    offset = reader.offset();
    if (!failRead(error, reader.readVarint(count), offset, "blob count"))
        return false;
    if (count > reader.remaining() / (ContentHash::size + 3))
        return fail(error, SnapshotError::Truncated, offset,
            "blob count " + std::to_string(count) + " needs more than the bytes left");
    blobs.resize(count);
    bodies.resize(count);
    for (uint64_t i = 0; i < count; ++i) {
        auto& blob = blobs[i];
        offset = reader.offset();
        blob.offset = offset;
        std::span<const uint8_t> hashBytes;
        uint8_t codec = 0;
        if (!failRead(error, reader.readSpan(ContentHash::size, hashBytes), offset, "blob hash")
            || !failRead(error, reader.readU8(codec), reader.offset(), "blob codec")
            || !failRead(error, reader.readVarint(blob.size), reader.offset(), "blob size")
            || !failRead(error, reader.readVarint(length), reader.offset(), "blob body length")
            || !failRead(error, reader.readSpan(length, bodies[i]), reader.offset(), "blob body"))
            return false;
        std::array<uint8_t, ContentHash::size> digest;
        std::copy(hashBytes.begin(), hashBytes.end(), digest.begin());
        blob.hash = ContentHash(digest);
        blob.storedSize = length;
        if (codec > 1)
            return fail(error, SnapshotError::Malformed, offset,
                "blob #" + std::to_string(i) + " has unknown codec " + std::to_string(codec));
        blob.codec = static_cast<BlobCodec>(codec);
        if (blob.codec == BlobCodec::Raw && blob.storedSize != blob.size)
            return fail(error, SnapshotError::Malformed, offset,
                "raw blob #" + std::to_string(i) + " carries " + std::to_string(blob.storedSize)
                    + " bytes but its size is " + std::to_string(blob.size));
        if (i && !(blobs[i - 1].hash < blob.hash))
            return fail(error, SnapshotError::NonCanonical, offset,
                "blob #" + std::to_string(i) + " is not sorted after blob #" + std::to_string(i - 1)
                    + " (or repeats it)");
    }
    if (!reader.atEnd())
        return fail(error, SnapshotError::Malformed, reader.offset(),
            std::to_string(reader.remaining()) + " bytes after the last blob");
    return true;
}

bool Bundle::inspect(
    std::span<const uint8_t> bundle, std::span<const uint8_t>& snapshot, std::vector<BlobInfo>& blobs, GError** error)
{
    std::vector<std::span<const uint8_t>> bodies;
    return parseFraming(bundle, snapshot, blobs, bodies, error);
}

// Decompresses one zstd frame of exactly `size` bytes. The output grows with what zstd really produces, never
// beyond size + 1, so a frame that lies about its size costs at most what the limits allow.
static bool decompress(std::span<const uint8_t> body, uint64_t size, std::vector<uint8_t>& output, std::string& problem)
{
    struct DecompressionContextDeleter {
        void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
    };
    std::unique_ptr<ZSTD_DCtx, DecompressionContextDeleter> context(ZSTD_createDCtx());
    // 2^27 is zstd's own default cap on the window; saying it makes the bound explicit.
    ZSTD_DCtx_setParameter(context.get(), ZSTD_d_windowLogMax, 27);
    uint64_t capacity = size + 1;
    output.resize(std::min<uint64_t>(capacity, std::max<uint64_t>(64 * 1024, 4 * body.size())));
    ZSTD_inBuffer input { body.data(), body.size(), 0 };
    size_t produced = 0;
    while (true) {
        ZSTD_outBuffer out { output.data(), output.size(), produced };
        size_t result = ZSTD_decompressStream(context.get(), &out, &input);
        produced = out.pos;
        if (ZSTD_isError(result)) {
            problem = ZSTD_getErrorName(result);
            return false;
        }
        if (produced > size) {
            problem = "it decompresses to more than its size " + std::to_string(size);
            return false;
        }
        if (!result)
            break;
        if (produced == output.size()) {
            output.resize(std::min<uint64_t>(capacity, 2 * output.size()));
            continue;
        }
        if (input.pos == input.size) {
            problem = "the zstd frame is truncated";
            return false;
        }
    }
    if (input.pos != input.size) {
        problem = "bytes follow the zstd frame";
        return false;
    }
    if (produced != size) {
        problem = "it decompresses to " + std::to_string(produced) + " bytes, not its size " + std::to_string(size);
        return false;
    }
    output.resize(produced);
    return true;
}

bool Bundle::read(std::span<const uint8_t> bundle, std::vector<uint8_t>& snapshotOutput, BlobStore& store,
    GError** error, const BundleLimits& limits, std::vector<BlobEntry>* listedBlobs)
{
    std::span<const uint8_t> snapshotBytes;
    std::vector<BlobInfo> blobs;
    std::vector<std::span<const uint8_t>> bodies;
    if (!parseFraming(bundle, snapshotBytes, blobs, bodies, error))
        return false;

    Snapshot snapshot;
    if (!SnapshotReader::read(snapshotBytes, snapshot, error, nullptr, { limits.maxSnapshotSize }))
        return false;
    std::map<ContentHash, uint64_t> listed;
    for (auto& blob : snapshot.blobs)
        listed.emplace(blob.hash, blob.size);

    std::vector<GUniquePtr<GBytes>> decoded;
    uint64_t total = 0;
    for (size_t i = 0; i < blobs.size(); ++i) {
        auto& blob = blobs[i];
        std::string name = "blob " + blob.hash.toHex();
        auto it = listed.find(blob.hash);
        if (it == listed.end() || it->second != blob.size)
            return fail(error, SnapshotError::Malformed, blob.offset,
                name + " is not listed with size " + std::to_string(blob.size) + " in the snapshot");
        if (blob.size > limits.maxBlobSize
            || blob.size > limits.maxTotalBlobSize - std::min(total, limits.maxTotalBlobSize))
            return fail(error, SnapshotError::LimitExceeded, blob.offset,
                name + " of " + std::to_string(blob.size) + " bytes is above the reader's limits");
        total += blob.size;
        GUniquePtr<GBytes> bytes;
        if (blob.codec == BlobCodec::Zstd) {
            auto* buffer = new std::vector<uint8_t>;
            std::string problem;
            if (!decompress(bodies[i], blob.size, *buffer, problem)) {
                delete buffer;
                return fail(error, SnapshotError::Compression, blob.offset, name + ": " + problem);
            }
            bytes.reset(g_bytes_new_with_free_func(
                buffer->data(), buffer->size(), [](gpointer data) { delete static_cast<std::vector<uint8_t>*>(data); },
                buffer));
        } else
            bytes.reset(g_bytes_new(bodies[i].data(), bodies[i].size()));
        gsize size = 0;
        auto* data = static_cast<const uint8_t*>(g_bytes_get_data(bytes.get(), &size));
        if (ContentHash::compute(std::span(data, size)) != blob.hash)
            return fail(
                error, SnapshotError::HashMismatch, blob.offset, name + ": the carried bytes have another hash");
        decoded.push_back(std::move(bytes));
    }

    for (auto& blob : snapshot.blobs) {
        bool isCarried
            = std::binary_search(blobs.begin(), blobs.end(), blob, [](auto& a, auto& b) { return a.hash < b.hash; });
        if (!isCarried && !store.has(blob.hash))
            return fail(error, SnapshotError::BlobMissing, 0,
                "blob " + blob.hash.toHex() + " of the snapshot is neither in the bundle nor in the blob store");
    }
    for (size_t i = 0; i < blobs.size(); ++i) {
        if (!store.putVerified(blobs[i].hash, decoded[i].get(), error))
            return false;
    }
    snapshotOutput.assign(snapshotBytes.begin(), snapshotBytes.end());
    if (listedBlobs)
        *listedBlobs = std::move(snapshot.blobs);
    return true;
}

} // namespace Offload
