/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/ByteReader.h"
#include "Snapshot/ByteWriter.h"

#include <gtest/gtest.h>

using namespace Offload;

static ByteReader::Status readVarint(std::vector<uint8_t> bytes, uint64_t& value)
{
    ByteReader reader(bytes);
    return reader.readVarint(value);
}

TEST(ByteReader, VarintsRoundTripAtEveryBoundary)
{
    for (uint64_t value : { uint64_t(0), uint64_t(1), uint64_t(127), uint64_t(128), uint64_t(16383), uint64_t(16384),
             uint64_t(1) << 35, ByteReader::maxVarint }) {
        std::vector<uint8_t> bytes;
        ByteWriter(bytes).appendVarint(value);
        EXPECT_EQ(bytes.size(), ByteWriter::varintSize(value));
        uint64_t decoded = 0;
        ByteReader reader(bytes);
        ASSERT_EQ(reader.readVarint(decoded), ByteReader::Status::Ok) << value;
        EXPECT_EQ(decoded, value);
        EXPECT_TRUE(reader.atEnd());
    }
}

TEST(ByteReader, RejectsNonShortestVarints)
{
    uint64_t value = 0;
    EXPECT_EQ(readVarint({ 0x80, 0x00 }, value), ByteReader::Status::NonShortest);
    EXPECT_EQ(readVarint({ 0xff, 0x80, 0x00 }, value), ByteReader::Status::NonShortest);
    EXPECT_EQ(readVarint({ 0x00 }, value), ByteReader::Status::Ok);
}

TEST(ByteReader, RejectsVarintsOf53BitsOrMore)
{
    uint64_t value = 0;
    // 2^53 exactly: eight bytes, the last holding bit 53.
    EXPECT_EQ(readVarint({ 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10 }, value), ByteReader::Status::TooLarge);
    EXPECT_EQ(readVarint({ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 }, value),
        ByteReader::Status::TooLarge);
    EXPECT_EQ(readVarint({ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f }, value), ByteReader::Status::Ok);
    EXPECT_EQ(value, ByteReader::maxVarint);
}

TEST(ByteReader, ReportsTruncation)
{
    uint64_t value = 0;
    EXPECT_EQ(readVarint({}, value), ByteReader::Status::Truncated);
    EXPECT_EQ(readVarint({ 0x80 }, value), ByteReader::Status::Truncated);
    std::vector<uint8_t> bytes { 1, 2, 3 };
    ByteReader reader(bytes, 100);
    std::span<const uint8_t> span;
    EXPECT_EQ(reader.readSpan(4, span), ByteReader::Status::Truncated);
    EXPECT_EQ(reader.offset(), 100u);
    uint64_t word = 0;
    EXPECT_EQ(reader.readU64LittleEndian(word), ByteReader::Status::Truncated);
}

TEST(ByteReader, ZigzagSvarints)
{
    for (int64_t value :
        { int64_t(0), int64_t(-1), int64_t(1), int64_t(INT32_MIN), int64_t(INT32_MAX), -(int64_t(1) << 52) }) {
        std::vector<uint8_t> bytes;
        ByteWriter(bytes).appendSvarint(value);
        int64_t decoded = 0;
        ByteReader reader(bytes);
        ASSERT_EQ(reader.readSvarint(decoded), ByteReader::Status::Ok);
        EXPECT_EQ(decoded, value);
    }
    std::vector<uint8_t> bytes;
    ByteWriter(bytes).appendSvarint(-1);
    EXPECT_EQ(bytes, std::vector<uint8_t> { 1 });
}
