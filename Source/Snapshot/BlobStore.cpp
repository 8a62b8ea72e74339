/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/BlobStore.h"

#include "Snapshot/SnapshotError.h"

#include <cerrno>
#include <glib/gstdio.h>

namespace Offload {

// GUniquePtr (Source/Common) has no deleters for these two; they are only needed here.
struct MappedFileDeleter {
    void operator()(GMappedFile* file) const { g_mapped_file_unref(file); }
};
struct DirDeleter {
    void operator()(GDir* dir) const { g_dir_close(dir); }
};

static std::span<const uint8_t> bytesSpan(GBytes* bytes)
{
    gsize size = 0;
    auto* data = static_cast<const uint8_t*>(g_bytes_get_data(bytes, &size));
    return { data, size };
}

std::unique_ptr<BlobStore> BlobStore::createWithDirectory(const std::string& directory, GError** error)
{
    if (g_mkdir_with_parents(directory.c_str(), 0700) < 0) {
        int savedErrno = errno;
        g_set_error(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::Io),
            "Cannot create the blob directory %s: %s", directory.c_str(), g_strerror(savedErrno));
        return nullptr;
    }
    auto store = std::make_unique<BlobStore>();
    store->m_directory = directory;
    return store;
}

std::string BlobStore::pathFor(const ContentHash& hash) const
{
    GUniquePtr<char> path(g_build_filename(m_directory.c_str(), hash.toHex().c_str(), nullptr));
    return path.get();
}

bool BlobStore::has(const ContentHash& hash) const
{
    if (m_blobs.contains(hash))
        return true;
    return !m_directory.empty() && g_file_test(pathFor(hash).c_str(), G_FILE_TEST_IS_REGULAR);
}

GUniquePtr<GBytes> BlobStore::get(const ContentHash& hash, GError** error) const
{
    auto it = m_blobs.find(hash);
    if (it != m_blobs.end())
        return GUniquePtr<GBytes>(g_bytes_ref(it->second.get()));
    if (m_directory.empty())
        return nullptr;

    auto path = pathFor(hash);
    if (!g_file_test(path.c_str(), G_FILE_TEST_IS_REGULAR))
        return nullptr;
    std::unique_ptr<GMappedFile, MappedFileDeleter> file(g_mapped_file_new(path.c_str(), FALSE, error));
    if (!file) {
        if (error && *error) {
            (*error)->domain = OFFLOAD_SNAPSHOT_ERROR;
            (*error)->code = static_cast<int>(SnapshotError::Io);
        }
        return nullptr;
    }
    GUniquePtr<GBytes> bytes(g_mapped_file_get_bytes(file.get()));
    // A file can be damaged or replaced behind the store's back; a blob is only ever handed out under its name.
    if (ContentHash::compute(bytesSpan(bytes.get())) != hash) {
        g_set_error(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::HashMismatch),
            "The blob file %s does not have the hash it is named by", path.c_str());
        return nullptr;
    }
    m_blobs.emplace(hash, GUniquePtr<GBytes>(g_bytes_ref(bytes.get())));
    return bytes;
}

bool BlobStore::put(const ContentHash& hash, GBytes* bytes, GError** error)
{
    g_return_val_if_fail(bytes, false);
    if (m_blobs.contains(hash))
        return true;
    if (ContentHash::compute(bytesSpan(bytes)) != hash) {
        g_set_error(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::HashMismatch),
            "The bytes given for blob %s have another hash", hash.toHex().c_str());
        return false;
    }
    return putVerified(hash, bytes, error);
}

bool BlobStore::putVerified(const ContentHash& hash, GBytes* bytes, GError** error)
{
    if (m_blobs.contains(hash))
        return true;
    auto data = bytesSpan(bytes);
    if (!m_directory.empty()) {
        auto path = pathFor(hash);
        // g_file_set_contents() writes a temporary file and renames it over the target, so a reader never sees a
        // partial blob, even if this process dies mid-write.
        GError* writeError = nullptr;
        if (!g_file_test(path.c_str(), G_FILE_TEST_IS_REGULAR)
            && !g_file_set_contents(
                path.c_str(), reinterpret_cast<const char*>(data.data()), data.size(), &writeError)) {
            g_set_error(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::Io), "Cannot write blob %s: %s",
                path.c_str(), writeError->message);
            g_error_free(writeError);
            return false;
        }
    }
    m_blobs.emplace(hash, GUniquePtr<GBytes>(g_bytes_ref(bytes)));
    return true;
}

bool BlobStore::put(GBytes* bytes, ContentHash& hash, GError** error)
{
    g_return_val_if_fail(bytes, false);
    hash = ContentHash::compute(bytesSpan(bytes));
    return putVerified(hash, bytes, error);
}

bool BlobStore::put(std::span<const uint8_t> data, ContentHash& hash, GError** error)
{
    GUniquePtr<GBytes> bytes(g_bytes_new(data.data(), data.size()));
    return put(bytes.get(), hash, error);
}

std::vector<ContentHash> BlobStore::hashes() const
{
    std::map<ContentHash, bool> all;
    for (auto& entry : m_blobs)
        all[entry.first] = true;
    if (!m_directory.empty()) {
        if (std::unique_ptr<GDir, DirDeleter> dir { g_dir_open(m_directory.c_str(), 0, nullptr) }) {
            while (const char* name = g_dir_read_name(dir.get())) {
                ContentHash hash;
                if (ContentHash::fromHex(name, hash))
                    all[hash] = true;
            }
        }
    }
    std::vector<ContentHash> result;
    for (auto& entry : all)
        result.push_back(entry.first);
    return result;
}

} // namespace Offload
