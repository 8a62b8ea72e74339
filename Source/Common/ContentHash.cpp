/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Common/ContentHash.h"

#include <memory>
#include <openssl/evp.h>
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

ContentHash ContentHash::computeConcatenation(std::initializer_list<std::string_view> parts)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::array<uint8_t, size> digest;
    bool succeeded = context && EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
    for (auto part : parts)
        succeeded = succeeded && EVP_DigestUpdate(context.get(), part.data(), part.size());
    unsigned length = 0;
    succeeded = succeeded && EVP_DigestFinal_ex(context.get(), digest.data(), &length) && length == size;
    if (!succeeded) {
        // Only an allocation failure gets here: fall back to hashing one copy.
        std::string material;
        for (auto part : parts)
            material += part;
        return compute(material);
    }
    return ContentHash(digest);
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
