/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace Offload {

// Appends the snapshot format's primitive encodings to a byte vector. Varints are always written in their shortest
// form, which is what the canonical form requires and what ByteReader insists on.
class ByteWriter {
public:
    explicit ByteWriter(std::vector<uint8_t>& output)
        : m_output(output)
    {
    }

    size_t size() const { return m_output.size(); }

    void appendU8(uint8_t value) { m_output.push_back(value); }

    void appendVarint(uint64_t value)
    {
        while (value >= 0x80) {
            m_output.push_back(static_cast<uint8_t>(value | 0x80));
            value >>= 7;
        }
        m_output.push_back(static_cast<uint8_t>(value));
    }

    void appendSvarint(int64_t value)
    {
        appendVarint((static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63));
    }

    void appendU64LittleEndian(uint64_t value)
    {
        for (unsigned i = 0; i < 8; ++i)
            m_output.push_back(static_cast<uint8_t>(value >> (8 * i)));
    }

    void appendRaw(std::span<const uint8_t> bytes) { m_output.insert(m_output.end(), bytes.begin(), bytes.end()); }

    // `bytes` in the format: a varint length, then the bytes.
    void appendBytes(std::span<const uint8_t> bytes)
    {
        appendVarint(bytes.size());
        appendRaw(bytes);
    }

    static size_t varintSize(uint64_t value)
    {
        size_t size = 1;
        while (value >= 0x80) {
            value >>= 7;
            ++size;
        }
        return size;
    }

private:
    std::vector<uint8_t>& m_output;
};

} // namespace Offload
