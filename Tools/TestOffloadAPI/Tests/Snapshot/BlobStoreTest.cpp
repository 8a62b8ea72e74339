/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/BlobStore.h"

#include "Snapshot/SnapshotError.h"

#include <glib/gstdio.h>
#include <gtest/gtest.h>

using namespace Offload;

static GUniquePtr<GBytes> bytesOf(std::string_view text)
{
    return GUniquePtr<GBytes>(g_bytes_new(text.data(), text.size()));
}

static std::string contentsOf(GBytes* bytes)
{
    gsize size = 0;
    auto* data = static_cast<const char*>(g_bytes_get_data(bytes, &size));
    return std::string(data, size);
}

// A temporary directory removed with its files at the end of the test.
class TemporaryDirectory {
public:
    TemporaryDirectory()
        : m_path(g_dir_make_tmp("offload-blobstore-XXXXXX", nullptr))
    {
    }
    ~TemporaryDirectory()
    {
        if (GDir* dir = g_dir_open(m_path.get(), 0, nullptr)) {
            while (const char* name = g_dir_read_name(dir)) {
                GUniquePtr<char> file(g_build_filename(m_path.get(), name, nullptr));
                g_unlink(file.get());
            }
            g_dir_close(dir);
        }
        g_rmdir(m_path.get());
    }
    const char* path() const { return m_path.get(); }

private:
    GUniquePtr<char> m_path;
};

TEST(BlobStore, PutThenGet)
{
    BlobStore store;
    auto bytes = bytesOf("model weights");
    ContentHash hash;
    ASSERT_TRUE(store.put(bytes.get(), hash, nullptr));
    EXPECT_EQ(hash, ContentHash::compute(std::string_view("model weights")));
    EXPECT_TRUE(store.has(hash));
    auto stored = store.get(hash);
    ASSERT_TRUE(stored);
    EXPECT_EQ(contentsOf(stored.get()), "model weights");
    EXPECT_FALSE(store.has(ContentHash::compute(std::string_view("other"))));
    EXPECT_FALSE(store.get(ContentHash::compute(std::string_view("other"))));
    EXPECT_EQ(store.hashes(), std::vector<ContentHash> { hash });
}

TEST(BlobStore, RefusesBytesUnderAnotherName)
{
    BlobStore store;
    auto bytes = bytesOf("real");
    GError* error = nullptr;
    EXPECT_FALSE(store.put(ContentHash::compute(std::string_view("claimed")), bytes.get(), &error));
    EXPECT_TRUE(g_error_matches(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::HashMismatch)));
    g_clear_error(&error);
    EXPECT_FALSE(store.has(ContentHash::compute(std::string_view("claimed"))));
}

TEST(BlobStore, DirectoryStorePersistsAcrossInstances)
{
    TemporaryDirectory directory;
    ContentHash hash;
    {
        auto store = BlobStore::createWithDirectory(directory.path(), nullptr);
        ASSERT_TRUE(store);
        ASSERT_TRUE(store->put(bytesOf("pre-sent model").get(), hash, nullptr));
    }
    auto store = BlobStore::createWithDirectory(directory.path(), nullptr);
    EXPECT_TRUE(store->has(hash));
    auto bytes = store->get(hash);
    ASSERT_TRUE(bytes);
    EXPECT_EQ(contentsOf(bytes.get()), "pre-sent model");
    EXPECT_EQ(store->hashes(), std::vector<ContentHash> { hash });
}

TEST(BlobStore, DirectoryStoreDetectsDamagedFiles)
{
    TemporaryDirectory directory;
    ContentHash hash;
    {
        auto store = BlobStore::createWithDirectory(directory.path(), nullptr);
        ASSERT_TRUE(store->put(bytesOf("intact").get(), hash, nullptr));
    }
    GUniquePtr<char> path(g_build_filename(directory.path(), hash.toHex().c_str(), nullptr));
    ASSERT_TRUE(g_file_set_contents(path.get(), "damaged", -1, nullptr));
    auto store = BlobStore::createWithDirectory(directory.path(), nullptr);
    GError* error = nullptr;
    EXPECT_FALSE(store->get(hash, &error));
    EXPECT_TRUE(g_error_matches(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::HashMismatch)));
    g_clear_error(&error);
}

TEST(BlobStore, DirectoryCreationFailureIsReported)
{
    GError* error = nullptr;
    EXPECT_FALSE(BlobStore::createWithDirectory("/proc/offload-cannot-exist/blobs", &error));
    EXPECT_TRUE(g_error_matches(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::Io)));
    g_clear_error(&error);
}
