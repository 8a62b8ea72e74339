/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/SnapshotWriter.h"

#include "Common/GUniquePtr.h"
#include "Snapshot/Bundle.h"
#include "Snapshot/SnapshotCanonicalizer.h"
#include "Snapshot/SnapshotError.h"
#include "Snapshot/SnapshotReader.h"
#include "Snapshot/SnapshotTraversal.h"
#include "Snapshot/SnapshotValidator.h"
#include "SnapshotTestSupport.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <numeric>
#include <random>
#include <set>

using namespace Offload;
using namespace Offload::Test;

static Snapshot readOrFail(const std::vector<uint8_t>& bytes)
{
    Snapshot snapshot;
    GError* error = nullptr;
    EXPECT_TRUE(SnapshotReader::read(bytes, snapshot, &error)) << (error ? error->message : "");
    if (error)
        g_error_free(error);
    return snapshot;
}

// Reads, then writes: the result is what a model of `value` becomes on the wire and back.
static Value roundTripGlobal(Value value, Snapshot* result = nullptr)
{
    ModelBuilder builder;
    builder.global("v", value);
    auto snapshot = builder.finish();
    auto read = readOrFail(SnapshotWriter::write(snapshot));
    if (result)
        *result = read;
    return read.records.empty() || read.records[0].object.properties.empty()
        ? Value()
        : read.records[0].object.properties[0].value;
}

TEST(SnapshotWriter, RichSnapshotIsValid)
{
    auto snapshot = buildRichSnapshot();
    GError* error = nullptr;
    EXPECT_TRUE(SnapshotValidator::validate(snapshot, &error)) << (error ? error->message : "");
    if (error)
        g_error_free(error);
}

// The seed covers the whole format, so the round-trip tests below exercise every kind and tag.
TEST(SnapshotWriter, RichSnapshotCoversEveryKindAndTag)
{
    auto snapshot = buildRichSnapshot();
    std::set<RecordKind> kinds;
    std::set<ValueTag> tags;
    auto collect = [&](const Value& value) { tags.insert(value.tag); };
    for (auto& record : snapshot.records) {
        kinds.insert(record.kind);
        std::for_each(record.values.begin(), record.values.end(), collect);
        collect(record.object.prototype);
        for (auto& property : record.object.properties) {
            collect(property.value);
            if (property.isAccessor())
                collect(property.setter);
        }
    }
    EXPECT_EQ(kinds.size(), size_t(lastRecordKind));
    EXPECT_EQ(tags.size(), size_t(lastValueTag) + 1);
    bool hasUtf16 = false, hasBlob = false;
    for (auto& entry : snapshot.strings) {
        hasBlob |= entry.storage == StringStorage::Blob;
        hasUtf16 |= std::any_of(entry.units.begin(), entry.units.end(), [](char16_t unit) { return unit >= 256; });
    }
    EXPECT_TRUE(hasUtf16);
    EXPECT_TRUE(hasBlob);
}

TEST(SnapshotWriter, ReadThenWriteIsByteIdentical)
{
    for (auto snapshot :
        { buildRichSnapshot(), buildMinimalSnapshot(), buildAppSnapshot(200), buildDocumentSnapshot() }) {
        auto bytes = SnapshotWriter::write(snapshot);
        auto read = readOrFail(bytes);
        auto again = SnapshotWriter::write(read);
        EXPECT_EQ(again, bytes);
        EXPECT_EQ(SnapshotWriter::write(readOrFail(again)), bytes);
    }
}

// DomNode records decode to the model they were written from, and encode back to the same bytes.
TEST(SnapshotWriter, DomNodesRoundTripByteIdentical)
{
    auto snapshot = buildDocumentSnapshot();
    auto bytes = SnapshotWriter::write(snapshot);
    auto read = readOrFail(bytes);
    ASSERT_EQ(read.records.size(), snapshot.records.size());
    size_t nodes = 0;
    for (size_t i = 0; i < read.records.size(); ++i) {
        if (read.records[i].kind != RecordKind::DomNode)
            continue;
        ++nodes;
        EXPECT_EQ(read.records[i].fields, snapshot.records[i].fields) << "record #" << i;
        EXPECT_EQ(read.records[i].values, snapshot.records[i].values) << "record #" << i;
        EXPECT_EQ(read.records[i].object.prototype, snapshot.records[i].object.prototype) << "record #" << i;
    }
    EXPECT_EQ(nodes, 29u);
    EXPECT_EQ(SnapshotWriter::write(read), bytes);
}

// Shuffles the tables of `snapshot` and canonicalizes them again, five times: each gives `expected`.
static void expectCanonicalizerUndoesRenumbering(const Snapshot& snapshot, const std::vector<uint8_t>& expected)
{
    std::mt19937 random(1234);
    for (int round = 0; round < 5; ++round) {
        auto shuffled = snapshot;
        std::vector<uint64_t> recordOrder(shuffled.records.size());
        std::iota(recordOrder.begin(), recordOrder.end(), 0);
        std::shuffle(recordOrder.begin(), recordOrder.end(), random);
        std::vector<uint64_t> stringOrder(shuffled.strings.size());
        std::iota(stringOrder.begin(), stringOrder.end(), 0);
        std::shuffle(stringOrder.begin(), stringOrder.end(), random);
        // newIndex[old] for both tables, then rewrite every index and permute.
        std::vector<uint64_t> newRecord(recordOrder.size()), newString(stringOrder.size());
        for (size_t i = 0; i < recordOrder.size(); ++i)
            newRecord[recordOrder[i]] = i;
        for (size_t i = 0; i < stringOrder.size(); ++i)
            newString[stringOrder[i]] = i;
        auto remap = [&](IndexUse use, uint64_t index) {
            return use == IndexUse::Record ? newRecord[index] : use == IndexUse::String ? newString[index] : index;
        };
        for (auto& record : shuffled.records)
            forEachIndexInRecord(record, remap);
        forEachIndexInRoots(shuffled.roots, remap);
        std::vector<Record> records(recordOrder.size());
        std::vector<StringEntry> strings(stringOrder.size());
        for (size_t i = 0; i < recordOrder.size(); ++i)
            records[i] = shuffled.records[recordOrder[i]];
        for (size_t i = 0; i < stringOrder.size(); ++i)
            strings[i] = shuffled.strings[stringOrder[i]];
        shuffled.records = std::move(records);
        shuffled.strings = std::move(strings);
        // An unreachable record and an unused string are dropped by canonicalization.
        shuffled.records.push_back(shuffled.records[0]);
        shuffled.records.back().kind = RecordKind::Object;
        shuffled.strings.push_back(StringEntry::fromLatin1("unused"));

        SnapshotCanonicalizer::canonicalize(shuffled);
        EXPECT_EQ(SnapshotWriter::write(shuffled), expected) << "round " << round;
    }
}

// Canonical form is unique: shuffling the tables of a model and canonicalizing it gives the same bytes. DomNode
// records take part: the walk reaches a node's parent after the node.
TEST(SnapshotWriter, CanonicalizerUndoesAnyRenumbering)
{
    for (auto snapshot : { buildRichSnapshot(), buildDocumentSnapshot() }) {
        auto expected = SnapshotWriter::write(snapshot);
        expectCanonicalizerUndoesRenumbering(snapshot, expected);
    }
}

TEST(SnapshotWriter, NaNIsWrittenCanonically)
{
    // A negative quiet NaN with a payload: JavaScript cannot tell it from NaN, so it must not change the bytes.
    auto value = roundTripGlobal(Value::rawDouble(std::bit_cast<double>(uint64_t(0xfff8000000000123))));
    EXPECT_EQ(value.tag, ValueTag::Double);
    EXPECT_EQ(value.payload, Value::canonicalNaN);
}

TEST(SnapshotWriter, NegativeZeroStaysADouble)
{
    auto value = roundTripGlobal(Value::number(-0.0));
    ASSERT_EQ(value.tag, ValueTag::Double);
    EXPECT_EQ(value.doubleValue(), 0.0);
    EXPECT_TRUE(std::signbit(value.doubleValue()));
}

TEST(SnapshotWriter, Int32ValuedDoublesBecomeInts)
{
    auto value = roundTripGlobal(Value::rawDouble(-42.0));
    EXPECT_EQ(value.tag, ValueTag::Int);
    EXPECT_EQ(value.intValue(), -42);
    value = roundTripGlobal(Value::rawDouble(2147483648.0));
    EXPECT_EQ(value.tag, ValueTag::Double);
}

TEST(SnapshotWriter, BigIntsAreTrimmed)
{
    ModelBuilder builder;
    builder.global("a", builder.bigInt(false, { 1, 2, 0, 0 }));
    builder.global("b", builder.bigInt(true, { 0, 0 }));
    auto read = readOrFail(SnapshotWriter::write(builder.finish()));
    auto& properties = read.records[0].object.properties;
    ASSERT_EQ(properties.size(), 2u);
    EXPECT_EQ(read.bigInts[properties[0].value.payload], (std::vector<uint8_t> { 1, 2 }));
    EXPECT_FALSE(properties[1].value.isNegative);
    EXPECT_TRUE(read.bigInts[properties[1].value.payload].empty());
}

TEST(SnapshotWriter, StringsKeepLoneSurrogatesAndPickLatin1WhenTheyFit)
{
    ModelBuilder builder;
    builder.global("wide", Value::string(builder.string(std::u16string(u"\xdc00\xd800"))));
    builder.global("narrow", Value::string(builder.string(std::u16string(u"\x00ff"))));
    auto snapshot = builder.finish();
    auto bytes = SnapshotWriter::write(snapshot);
    auto read = readOrFail(bytes);
    std::set<std::u16string> strings;
    for (auto& entry : read.strings)
        strings.insert(entry.units);
    EXPECT_TRUE(strings.contains(u"\xdc00\xd800"));
    EXPECT_TRUE(strings.contains(u"\x00ff"));
    // "\xff" as latin1: encoding 0, length 1, then the byte.
    std::vector<uint8_t> latin1 { 0, 1, 0xff };
    EXPECT_NE(std::search(bytes.begin(), bytes.end(), latin1.begin(), latin1.end()), bytes.end());
}

static std::string resourcePath(const char* name)
{
    GUniquePtr<char> path(g_build_filename(OFFLOAD_SNAPSHOT_TEST_RESOURCES, name, nullptr));
    return path.get();
}

static std::vector<uint8_t> readFile(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(file), {});
}

// Resources/rich.snapshot is the canonical encoding of buildRichSnapshot(): a golden file for the JavaScript
// encoder and decoder, which must read it and write it back byte for byte. Set OFFLOAD_REGENERATE_GOLDEN=1 to
// rewrite it after a deliberate format change.
TEST(SnapshotWriter, MatchesGoldenFile)
{
    std::vector<std::vector<uint8_t>> bodies;
    auto bytes = SnapshotWriter::write(buildRichSnapshot(&bodies));
    auto path = resourcePath("rich.snapshot");
    if (g_getenv("OFFLOAD_REGENERATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        std::vector<std::span<const uint8_t>> spans(bodies.begin(), bodies.end());
        std::vector<uint8_t> bundle;
        ASSERT_TRUE(Bundle::write(bytes, spans, bundle, nullptr));
        std::ofstream(resourcePath("rich.bundle"), std::ios::binary)
            .write(reinterpret_cast<const char*>(bundle.data()), bundle.size());
        std::vector<uint8_t> truncated(bytes.begin(), bytes.begin() + bytes.size() / 2);
        std::ofstream(resourcePath("truncated.snapshot"), std::ios::binary)
            .write(reinterpret_cast<const char*>(truncated.data()), truncated.size());
    }
    EXPECT_EQ(readFile(path), bytes);
}
