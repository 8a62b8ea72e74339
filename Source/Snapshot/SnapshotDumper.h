/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/SnapshotModel.h"

#include <glib.h>
#include <span>
#include <string>

namespace Offload {

struct SnapshotLayoutInfo;

// Prints a snapshot for a developer whose migration went wrong: header, scripts, blobs, the string table, every
// record as `#index id=… Kind fields proto=… {key: value, …}` (a DomNode as the DOM shows it:
// `DomNode element html:div attrs=[#5] children=[#6, #7]`, `DomNode text "Hello"`), the roots, and the bytes spent
// per section and per record kind. It never trusts the model: a dangling index prints as `#N?` rather than crashing, so
// it can show the part of a broken snapshot that was read before the error.
class SnapshotDumper {
public:
    struct Options {
        size_t maxStringPreview { 80 }; // Code units shown of each string before "…".
        size_t recordCount { SIZE_MAX }; // Records to print (fewer when a read stopped early).
    };

    static std::string dump(const Snapshot&, const SnapshotLayoutInfo* layout, const Options&);

    enum class Format : uint8_t {
        Text,
        Json, // SnapshotJsonDumper; for a bundle, {"bundle": {…}, "snapshot": {…}}.
    };

    // Dumps `bytes`, a snapshot or a bundle (told apart by their magic). Returns false when the input is not valid:
    // `error` says what is wrong and, in Text format, `output` still holds what could be read before the error.
    static bool dumpBytes(std::span<const uint8_t> bytes, std::string& output, GError** error, Format = Format::Text);
};

} // namespace Offload
