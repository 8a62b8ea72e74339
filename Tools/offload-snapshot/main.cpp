/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// offload-snapshot: reads snapshots and bundles outside any engine.
//   offload-snapshot dump FILE        prints the snapshot (or bundle) in readable form
//   offload-snapshot validate FILE...   checks each file completely; exit status 0 only if all are valid

#include "Common/GUniquePtr.h"
#include "Snapshot/BlobStore.h"
#include "Snapshot/Bundle.h"
#include "Snapshot/SnapshotDumper.h"
#include "Snapshot/SnapshotError.h"
#include "Snapshot/SnapshotReader.h"

#include <cstdio>
#include <cstring>
#include <glib.h>

using namespace Offload;

static char* s_blobDirectory;
static gboolean s_json;

static const GOptionEntry s_options[] = {
    { "blob-dir", 0, 0, G_OPTION_ARG_FILENAME, &s_blobDirectory,
        "Blob store directory holding the blobs a bundle does not carry (validate)", "DIR" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &s_json, "Print the dump as JSON (dump)", nullptr },
    { nullptr, 0, 0, G_OPTION_ARG_NONE, nullptr, nullptr, nullptr },
};

struct MappedFileDeleter {
    void operator()(GMappedFile* file) const { g_mapped_file_unref(file); }
};
using MappedFile = std::unique_ptr<GMappedFile, MappedFileDeleter>;

static MappedFile mapFile(const char* path)
{
    GError* error = nullptr;
    MappedFile file(g_mapped_file_new(path, FALSE, &error));
    if (!file) {
        g_printerr("%s: %s\n", path, error->message);
        g_error_free(error);
    }
    return file;
}

static std::span<const uint8_t> contents(GMappedFile* file)
{
    return { reinterpret_cast<const uint8_t*>(g_mapped_file_get_contents(file)), g_mapped_file_get_length(file) };
}

static int dump(const char* path)
{
    auto file = mapFile(path);
    if (!file)
        return 2;
    std::string output;
    GError* error = nullptr;
    bool isValid = SnapshotDumper::dumpBytes(
        contents(file.get()), output, &error, s_json ? SnapshotDumper::Format::Json : SnapshotDumper::Format::Text);
    fputs(output.c_str(), stdout);
    if (!isValid) {
        g_printerr("%s: INVALID (%s): %s\n", path, snapshotErrorName(error->code), error->message);
        g_error_free(error);
        return 1;
    }
    return 0;
}

static int validate(const char* path)
{
    auto file = mapFile(path);
    if (!file)
        return 2;
    auto bytes = contents(file.get());
    GError* error = nullptr;
    bool isValid;
    std::string what;
    if (Bundle::hasMagic(bytes)) {
        std::unique_ptr<BlobStore> store
            = s_blobDirectory ? BlobStore::createWithDirectory(s_blobDirectory, &error) : std::make_unique<BlobStore>();
        std::vector<uint8_t> snapshot;
        isValid = store && Bundle::read(bytes, snapshot, *store, &error);
        what = "bundle";
    } else {
        isValid = SnapshotReader::validate(bytes, &error);
        what = "snapshot";
    }
    if (!isValid) {
        g_print("%s: INVALID %s (%s): %s\n", path, what.c_str(),
            error->domain == OFFLOAD_SNAPSHOT_ERROR ? snapshotErrorName(error->code) : "Io", error->message);
        g_error_free(error);
        return 1;
    }
    g_print("%s: valid %s (%zu bytes)\n", path, what.c_str(), bytes.size());
    return 0;
}

int main(int argc, char** argv)
{
    GUniquePtr<GOptionContext> context(g_option_context_new("dump [--json] FILE | validate [--blob-dir DIR] FILE..."));
    g_option_context_add_main_entries(context.get(), s_options, nullptr);
    g_option_context_set_summary(context.get(),
        "Reads WebKit Offload snapshots (WKOFSNAP) and bundles (WKOFBNDL), told apart by their magic.\n"
        "  dump FILE       print the header, scripts, blobs, strings, every record, the roots and sizes\n"
        "  validate FILE...  check every rule of Documentation/SnapshotFormat.md; exit status 1 if one is broken");
    GError* error = nullptr;
    if (!g_option_context_parse(context.get(), &argc, &argv, &error)) {
        g_printerr("%s\n", error->message);
        g_error_free(error);
        return 2;
    }
    if (argc >= 3 && !strcmp(argv[1], "dump") && argc == 3)
        return dump(argv[2]);
    if (argc >= 3 && !strcmp(argv[1], "validate")) {
        int status = 0;
        for (int i = 2; i < argc; ++i)
            status = std::max(status, validate(argv[i]));
        return status;
    }
    GUniquePtr<char> help(g_option_context_get_help(context.get(), TRUE, nullptr));
    g_printerr("%s", help.get());
    return 2;
}
