/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace Offload {

// A SHA-256 digest: the name of a piece of content (a blob, a script) on both sides of an offload.
class ContentHash {
public:
    static constexpr size_t size = 32;

    ContentHash() = default;
    explicit ContentHash(const std::array<uint8_t, size>& digest)
        : m_digest(digest)
    {
    }

    static ContentHash compute(std::span<const uint8_t>);
    static ContentHash compute(std::string_view);
    // The digest of the parts one after the other, without copying them into one buffer (a script can be megabytes).
    static ContentHash computeConcatenation(std::initializer_list<std::string_view> parts);
    // Parses 64 lowercase or uppercase hex digits; returns false on anything else.
    static bool fromHex(std::string_view, ContentHash& result);

    const std::array<uint8_t, size>& bytes() const { return m_digest; }
    std::string toHex() const;

    friend bool operator==(const ContentHash&, const ContentHash&) = default;
    friend auto operator<=>(const ContentHash&, const ContentHash&) = default;

private:
    std::array<uint8_t, size> m_digest {};
};

} // namespace Offload
