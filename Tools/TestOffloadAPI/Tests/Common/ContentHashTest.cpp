/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Common/ContentHash.h"

#include <gtest/gtest.h>

using Offload::ContentHash;

// The FIPS 180-2 test vectors pin the digest to real SHA-256.
TEST(ContentHash, MatchesKnownVectors)
{
    EXPECT_EQ(ContentHash::compute(std::string_view("")).toHex(),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(ContentHash::compute(std::string_view("abc")).toHex(),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ContentHash, HexRoundTrips)
{
    auto hash = ContentHash::compute(std::string_view("WebKit Offload"));
    ContentHash parsed;
    ASSERT_TRUE(ContentHash::fromHex(hash.toHex(), parsed));
    EXPECT_EQ(parsed, hash);
}

TEST(ContentHash, RejectsMalformedHex)
{
    ContentHash parsed;
    EXPECT_FALSE(ContentHash::fromHex("abc", parsed));
    EXPECT_FALSE(ContentHash::fromHex(std::string(64, 'g'), parsed));
}
