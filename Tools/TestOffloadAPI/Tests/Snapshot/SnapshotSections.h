/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/ByteReader.h"
#include "Snapshot/ByteWriter.h"

#include <vector>

namespace Offload::Test {

// A valid snapshot split into its sections, so that a test can change one payload and re-frame the file with a
// correct length (or a wrong one, on purpose).
struct SnapshotSections {
    std::vector<uint8_t> header; // Magic and version.
    std::vector<std::pair<uint64_t, std::vector<uint8_t>>> sections;

    static SnapshotSections split(const std::vector<uint8_t>& bytes)
    {
        SnapshotSections result;
        ByteReader reader(bytes);
        std::span<const uint8_t> span;
        uint64_t version = 0;
        reader.readSpan(8, span);
        reader.readVarint(version);
        result.header.assign(bytes.begin(), bytes.begin() + reader.offset());
        while (!reader.atEnd()) {
            uint64_t tag = 0, length = 0;
            reader.readVarint(tag);
            reader.readVarint(length);
            reader.readSpan(length, span);
            result.sections.emplace_back(tag, std::vector<uint8_t>(span.begin(), span.end()));
        }
        return result;
    }

    std::vector<uint8_t>& payload(uint64_t tag)
    {
        for (auto& section : sections) {
            if (section.first == tag)
                return section.second;
        }
        return sections.front().second;
    }

    std::vector<uint8_t> join() const
    {
        std::vector<uint8_t> bytes = header;
        ByteWriter writer(bytes);
        for (auto& [tag, payload] : sections) {
            writer.appendVarint(tag);
            writer.appendBytes(payload);
        }
        return bytes;
    }
};

} // namespace Offload::Test
