/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Common/ContentHash.h"

#include <openssl/sha.h>

namespace Offload {

ContentHash ContentHash::compute(std::span<const uint8_t> data)
{
    std::array<uint8_t, size> digest;
    SHA256(data.data(), data.size(), digest.data());
    return ContentHash(digest);
}

ContentHash ContentHash::compute(std::string_view text)
{
    return compute(std::span(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
}

static int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool ContentHash::fromHex(std::string_view hex, ContentHash& result)
{
    if (hex.size() != 2 * size)
        return false;
    for (size_t i = 0; i < size; ++i) {
        int high = hexValue(hex[2 * i]);
        int low = hexValue(hex[2 * i + 1]);
        if (high < 0 || low < 0)
            return false;
        result.m_digest[i] = static_cast<uint8_t>(high << 4 | low);
    }
    return true;
}

std::string ContentHash::toHex() const
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * size);
    for (uint8_t byte : m_digest) {
        hex.push_back(digits[byte >> 4]);
        hex.push_back(digits[byte & 0xf]);
    }
    return hex;
}

} // namespace Offload
