/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>

namespace Offload {

// A bounds-checked cursor over untrusted bytes. It never reads past its span; every read reports why it failed so
// that the caller can turn it into an error naming the section and offset. Offsets are absolute (relative to the
// start of the whole input), so that sub-readers over one section still report positions a developer can find
// with a hex dump.
class ByteReader {
public:
    enum class Status : uint8_t {
        Ok,
        Truncated,
        // A varint with redundant trailing zero groups (e.g. 0x80 0x00 for 0).
        NonShortest,
        // A varint whose value is 2^53 or more.
        TooLarge,
    };

    // Varints are limited to 53 bits so that the JavaScript runtime, which decodes them with doubles, reads exactly
    // the same values.
    static constexpr uint64_t maxVarint = (uint64_t(1) << 53) - 1;

    explicit ByteReader(std::span<const uint8_t> data, size_t baseOffset = 0)
        : m_data(data)
        , m_baseOffset(baseOffset)
    {
    }

    size_t offset() const { return m_baseOffset + m_position; }
    size_t remaining() const { return m_data.size() - m_position; }
    bool atEnd() const { return m_position == m_data.size(); }

    Status readU8(uint8_t& result)
    {
        if (!remaining())
            return Status::Truncated;
        result = m_data[m_position++];
        return Status::Ok;
    }

    Status readVarint(uint64_t& result)
    {
        uint64_t value = 0;
        for (unsigned shift = 0;; shift += 7) {
            if (!remaining())
                return Status::Truncated;
            uint8_t byte = m_data[m_position++];
            // 8 groups of 7 bits hold 56 bits; a ninth byte can only make the value too large.
            if (shift >= 56)
                return Status::TooLarge;
            value |= uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80)) {
                if (!byte && shift)
                    return Status::NonShortest;
                if (value > maxVarint)
                    return Status::TooLarge;
                result = value;
                return Status::Ok;
            }
        }
    }

    // Zigzag-decoded varint: 0, -1, 1, -2, ... map to 0, 1, 2, 3, ...
    Status readSvarint(int64_t& result)
    {
        uint64_t value;
        auto status = readVarint(value);
        if (status == Status::Ok)
            result = static_cast<int64_t>(value >> 1) ^ -static_cast<int64_t>(value & 1);
        return status;
    }

    Status readU64LittleEndian(uint64_t& result)
    {
        if (remaining() < 8)
            return Status::Truncated;
        uint64_t value = 0;
        for (unsigned i = 0; i < 8; ++i)
            value |= uint64_t(m_data[m_position + i]) << (8 * i);
        m_position += 8;
        result = value;
        return Status::Ok;
    }

    Status readSpan(uint64_t length, std::span<const uint8_t>& result)
    {
        if (length > remaining())
            return Status::Truncated;
        result = m_data.subspan(m_position, length);
        m_position += length;
        return Status::Ok;
    }

    // A reader over the next `length` bytes (which it skips in this reader).
    Status readSubReader(uint64_t length, ByteReader& result)
    {
        size_t start = offset();
        std::span<const uint8_t> span;
        auto status = readSpan(length, span);
        if (status == Status::Ok)
            result = ByteReader(span, start);
        return status;
    }

private:
    std::span<const uint8_t> m_data;
    size_t m_baseOffset { 0 };
    size_t m_position { 0 };
};

} // namespace Offload
