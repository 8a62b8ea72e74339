/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/SnapshotReader.h"

#include "Snapshot/ByteWriter.h"
#include "Snapshot/SnapshotError.h"
#include "Snapshot/SnapshotWriter.h"
#include "SnapshotSections.h"
#include "SnapshotTestSupport.h"

#include <bit>
#include <cmath>
#include <gtest/gtest.h>
#include <string>

using namespace Offload;
using namespace Offload::Test;

// Reads `bytes` expecting an error of `code`; returns its message for further checks.
static std::string expectError(const std::vector<uint8_t>& bytes, SnapshotError code)
{
    Snapshot snapshot;
    GError* error = nullptr;
    bool ok = SnapshotReader::read(bytes, snapshot, &error);
    EXPECT_FALSE(ok);
    if (!error)
        return {};
    EXPECT_TRUE(g_error_matches(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(code)))
        << "code " << error->code << ": " << error->message;
    std::string message = error->message;
    g_error_free(error);
    return message;
}

// Writes a model that a test broke on purpose (the writer encodes what it is given).
static std::vector<uint8_t> writeBroken(void (*breakIt)(Snapshot&))
{
    auto snapshot = buildRichSnapshot();
    breakIt(snapshot);
    return SnapshotWriter::write(snapshot);
}

static size_t findRecord(const Snapshot& snapshot, RecordKind kind)
{
    for (size_t i = 0; i < snapshot.records.size(); ++i) {
        if (snapshot.records[i].kind == kind)
            return i;
    }
    return 0;
}

TEST(SnapshotReader, AcceptsTheSeeds)
{
    for (auto snapshot :
        { buildRichSnapshot(), buildMinimalSnapshot(), buildAppSnapshot(50), buildDocumentSnapshot() }) {
        GError* error = nullptr;
        EXPECT_TRUE(SnapshotReader::validate(SnapshotWriter::write(snapshot), &error)) << (error ? error->message : "");
        if (error)
            g_error_free(error);
    }
}

TEST(SnapshotReader, RejectsBadMagic)
{
    auto bytes = SnapshotWriter::write(buildMinimalSnapshot());
    bytes[0] = 'X';
    expectError(bytes, SnapshotError::BadMagic);
    expectError({ 'W', 'K', 'O', 'F', 'B', 'N', 'D', 'L', 1 }, SnapshotError::BadMagic);
    expectError({ 'n', 'o' }, SnapshotError::BadMagic);
}

// Every proper prefix of a valid snapshot is refused as truncated, whatever section it ends in.
TEST(SnapshotReader, RejectsEveryTruncation)
{
    auto bytes = SnapshotWriter::write(buildRichSnapshot());
    for (size_t length = 0; length < bytes.size(); ++length) {
        std::vector<uint8_t> prefix(bytes.begin(), bytes.begin() + length);
        expectError(prefix, SnapshotError::Truncated);
    }
}

TEST(SnapshotReader, RejectsOtherVersions)
{
    auto bytes = SnapshotWriter::write(buildMinimalSnapshot());
    bytes[8] = 2;
    auto message = expectError(bytes, SnapshotError::UnsupportedVersion);
    EXPECT_NE(message.find("version 2"), std::string::npos);
}

TEST(SnapshotReader, RejectsSectionFramingErrors)
{
    auto sections = SnapshotSections::split(SnapshotWriter::write(buildRichSnapshot()));
    auto unknown = sections;
    unknown.sections.back().first = 7;
    expectError(unknown.join(), SnapshotError::Malformed);
    auto swapped = sections;
    std::swap(swapped.sections[3], swapped.sections[4]);
    expectError(swapped.join(), SnapshotError::Malformed);
    auto missing = sections;
    missing.sections.erase(missing.sections.begin() + 1);
    expectError(missing.join(), SnapshotError::Malformed);
    auto padded = sections;
    padded.payload(1).push_back(0);
    auto message = expectError(padded.join(), SnapshotError::Malformed);
    EXPECT_NE(message.find("Meta section"), std::string::npos) << message;
    auto trailing = sections.join();
    trailing.push_back(0);
    expectError(trailing, SnapshotError::Malformed);
}

TEST(SnapshotReader, RejectsNonShortestVarints)
{
    auto sections = SnapshotSections::split(SnapshotWriter::write(buildRichSnapshot()));
    // Meta is nextObjectId, turn (7), flags (0): write the turn as 0x87 0x00.
    auto& meta = sections.payload(1);
    size_t turnOffset = ByteWriter::varintSize(buildRichSnapshot().nextObjectId);
    ASSERT_EQ(meta[turnOffset], 7);
    meta[turnOffset] = 0x87;
    meta.insert(meta.begin() + turnOffset + 1, 0x00);
    auto message = expectError(sections.join(), SnapshotError::NonCanonical);
    EXPECT_NE(message.find("shortest"), std::string::npos) << message;
}

TEST(SnapshotReader, RejectsUtf16StringsThatFitLatin1)
{
    auto sections = SnapshotSections::split(SnapshotWriter::write(buildMinimalSnapshot()));
    auto& strings = sections.payload(4);
    // The minimal snapshot's first string is "Object.prototype" in latin1: re-encode it as utf16.
    ASSERT_EQ(strings[1], 0);
    uint8_t length = strings[2];
    std::vector<uint8_t> wide { 1, length };
    for (uint8_t i = 0; i < length; ++i) {
        wide.push_back(strings[3 + i]);
        wide.push_back(0);
    }
    strings.erase(strings.begin() + 1, strings.begin() + 3 + length);
    strings.insert(strings.begin() + 1, wide.begin(), wide.end());
    auto message = expectError(sections.join(), SnapshotError::NonCanonical);
    EXPECT_NE(message.find("latin1"), std::string::npos) << message;
}

TEST(SnapshotReader, RejectsNonCanonicalNumbers)
{
    ModelBuilder builder;
    builder.global("x", Value::number(0.5));
    auto bytes = SnapshotWriter::write(builder.finish());
    // Replace the double 0.5 by a NaN with a payload, then by 1.0 (which must be an int).
    auto half = std::bit_cast<uint64_t>(0.5);
    std::vector<uint8_t> pattern;
    ByteWriter(pattern).appendU64LittleEndian(half);
    auto at = std::search(bytes.begin(), bytes.end(), pattern.begin(), pattern.end());
    ASSERT_NE(at, bytes.end());
    auto patch = [&](uint64_t bits) {
        auto copy = bytes;
        std::vector<uint8_t> replacement;
        ByteWriter(replacement).appendU64LittleEndian(bits);
        std::copy(replacement.begin(), replacement.end(), copy.begin() + (at - bytes.begin()));
        return copy;
    };
    expectError(patch(0x7ff8000000000001), SnapshotError::NonCanonical);
    expectError(patch(std::bit_cast<uint64_t>(1.0)), SnapshotError::NonCanonical);
    Snapshot snapshot;
    EXPECT_TRUE(SnapshotReader::read(patch(std::bit_cast<uint64_t>(-0.0)), snapshot, nullptr));
}

// The numbering of records is the capture walk's, which depends on runtime state the snapshot does not hold (the
// order weak-collection entries were registered in); the reader checks that every record is reachable.
TEST(SnapshotReader, RejectsUnreachableRecords)
{
    Snapshot snapshot;
    EXPECT_TRUE(
        SnapshotReader::read(writeBroken([](Snapshot& snapshot) { swapRecords(snapshot, 2, 3); }), snapshot, nullptr));
    auto message = expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records.push_back(snapshot.records[findRecord(snapshot, RecordKind::Object)]);
        snapshot.records.back().id = snapshot.nextObjectId++;
    }),
        SnapshotError::NonCanonical);
    EXPECT_NE(message.find("not reachable"), std::string::npos) << message;
}

TEST(SnapshotReader, RejectsStringsOutOfCanonicalOrder)
{
    expectError(
        writeBroken([](Snapshot& snapshot) { snapshot.strings.push_back(StringEntry::fromLatin1("never used")); }),
        SnapshotError::NonCanonical);
    expectError(writeBroken([](Snapshot& snapshot) { snapshot.strings.push_back(snapshot.strings[0]); }),
        SnapshotError::NonCanonical);
    expectError(writeBroken([](Snapshot& snapshot) { swapStrings(snapshot, 0, 1); }), SnapshotError::NonCanonical);
}

TEST(SnapshotReader, RejectsDanglingReferences)
{
    auto message = expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[0].object.properties[0].value = Value::ref(snapshot.records.size());
    }),
        SnapshotError::DanglingReference);
    EXPECT_NE(message.find("Records section, record #0"), std::string::npos) << message;
    EXPECT_NE(message.find("offset"), std::string::npos) << message;
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[0].object.prototype = Value::intrinsic(snapshot.strings.size() + 5);
    }),
        SnapshotError::DanglingReference);
    // A symbol key whose record is an ordinary object.
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[0].object.properties.push_back(
            { PropertyKey::symbol(findRecord(snapshot, RecordKind::Object)), plainDataProperty, Value(), {} });
    }),
        SnapshotError::DanglingReference);
}

// The rich snapshot's length-tracking Int32Array, on the 8-byte resizable buffer whose maximum is 64 bytes.
static size_t findTrackingView(const Snapshot& snapshot)
{
    for (size_t i = 0; i < snapshot.records.size(); ++i) {
        if (snapshot.records[i].kind == RecordKind::TypedArray && !snapshot.records[i].fields[2])
            return i;
    }
    return 0;
}

static bool acceptsChanged(void (*change)(Snapshot&))
{
    GError* error = nullptr;
    bool ok = SnapshotReader::validate(writeBroken(change), &error);
    EXPECT_TRUE(ok) << (error ? error->message : "");
    if (error)
        g_error_free(error);
    return ok;
}

TEST(SnapshotReader, ViewsOnResizableBuffersLieInsideTheMaximumLength)
{
    // Out of the buffer's current bounds but inside its maximum: a view left out of bounds by a shrink.
    EXPECT_TRUE(
        acceptsChanged([](Snapshot& snapshot) { snapshot.records[findTrackingView(snapshot)].fields[2] = 16 + 1; }));
    EXPECT_TRUE(
        acceptsChanged([](Snapshot& snapshot) { snapshot.records[findTrackingView(snapshot)].fields[1] = 64; }));
    // Past the maximum, with a fixed length or tracking.
    auto message = expectError(
        writeBroken([](Snapshot& snapshot) { snapshot.records[findTrackingView(snapshot)].fields[2] = 17 + 1; }),
        SnapshotError::Malformed);
    EXPECT_NE(message.find("maximum length"), std::string::npos) << message;
    expectError(writeBroken([](Snapshot& snapshot) { snapshot.records[findTrackingView(snapshot)].fields[1] = 68; }),
        SnapshotError::Malformed);
}

TEST(SnapshotReader, RejectsMalformedRecords)
{
    // Unknown kind.
    expectError(writeBroken([](Snapshot& snapshot) { snapshot.records.back().kind = static_cast<RecordKind>(25); }),
        SnapshotError::Malformed);
    // Attribute bits beyond the four defined, and a writable accessor.
    expectError(writeBroken([](Snapshot& snapshot) { snapshot.records[0].object.properties[0].attributes = 0x17; }),
        SnapshotError::Malformed);
    // A hole outside an Array's elements, uninitialized outside a Scope.
    expectError(writeBroken([](Snapshot& snapshot) { snapshot.records[0].object.properties[0].value = Value::hole(); }),
        SnapshotError::Malformed);
    expectError(writeBroken([](Snapshot& snapshot) { snapshot.roots.extra[0].second = Value::uninitialized(); }),
        SnapshotError::Malformed);
    // Duplicate ids, ids at or above nextObjectId.
    expectError(writeBroken([](Snapshot& snapshot) { snapshot.records[1].id = snapshot.records[0].id; }),
        SnapshotError::Malformed);
    expectError(writeBroken([](Snapshot& snapshot) { snapshot.nextObjectId = 1; }), SnapshotError::Malformed);
    // A Function whose scope is not a Scope; a TypedArray past the end of its buffer.
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findRecord(snapshot, RecordKind::Function)].values[0] = Value::ref(0);
    }),
        SnapshotError::Malformed);
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findRecord(snapshot, RecordKind::TypedArray)].fields[2] = 1000;
    }),
        SnapshotError::Malformed);
    // A typed array type past the last one (11, Float16).
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findRecord(snapshot, RecordKind::TypedArray)].fields[0] = 12;
    }),
        SnapshotError::Malformed);
    // A well-known symbol that does not exist, a literal id that is not "sid:N".
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findRecord(snapshot, RecordKind::WellKnownSymbol)].fields[0] = 0;
    }),
        SnapshotError::Malformed);
    // An Intl object of a constructor Intl does not have (the RegExp record's fields, "a+b" and "gi", read as its
    // constructor and options).
    auto message = expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findRecord(snapshot, RecordKind::RegExp)].kind = RecordKind::IntlObject;
    }),
        SnapshotError::Malformed);
    EXPECT_NE(message.find("not the name of an Intl constructor"), std::string::npos) << message;
    // The Global record somewhere other than record 0.
    expectError(writeBroken([](Snapshot& snapshot) { snapshot.records[1].kind = RecordKind::Global; }),
        SnapshotError::Malformed);
    // A scope chain with a cycle.
    expectError(writeBroken([](Snapshot& snapshot) {
        auto scope = findRecord(snapshot, RecordKind::Scope);
        snapshot.records[scope].values[0] = Value::ref(scope);
    }),
        SnapshotError::Malformed);
    // An Array with "length" as an ordinary property.
    expectError(writeBroken([](Snapshot& snapshot) {
        auto& array = snapshot.records[snapshot.roots.pending.payload];
        for (uint64_t i = 0; i < snapshot.strings.size(); ++i) {
            if (snapshot.strings[i].units == u"length")
                array.object.properties.push_back({ PropertyKey::string(i), Writable, Value::integer(1), {} });
        }
    }),
        SnapshotError::Malformed);
}

static size_t findInstanceWithPrivates(const Snapshot& snapshot)
{
    for (size_t i = 0; i < snapshot.records.size(); ++i) {
        auto& elements = snapshot.records[i].object.privateElements;
        if (!elements.empty() && !elements[0].isStatic)
            return i;
    }
    return 0;
}

TEST(SnapshotReader, ReadsPrivateElements)
{
    auto bytes = SnapshotWriter::write(buildRichSnapshot());
    Snapshot snapshot;
    ASSERT_TRUE(SnapshotReader::read(bytes, snapshot, nullptr));
    auto& instance = snapshot.records[findInstanceWithPrivates(snapshot)].object;
    ASSERT_EQ(instance.privateElements.size(), 1u);
    EXPECT_EQ(instance.privateElements[0].values.size(), 2u);
    auto& owner = snapshot.records[instance.privateElements[0].owner.payload];
    ASSERT_EQ(owner.kind, RecordKind::Function);
    ASSERT_EQ(owner.object.privateElements.size(), 1u);
    EXPECT_TRUE(owner.object.privateElements[0].isStatic);
    EXPECT_EQ(owner.object.privateElements[0].values[0], Value::integer(3));
}

TEST(SnapshotReader, RejectsMalformedPrivateElements)
{
    // The class of private elements is not a Function record.
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findInstanceWithPrivates(snapshot)].object.privateElements[0].owner = Value::ref(0);
    }),
        SnapshotError::DanglingReference);
    // Static private fields on an object other than their class.
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findInstanceWithPrivates(snapshot)].object.privateElements[0].isStatic = true;
    }),
        SnapshotError::Malformed);
    // The flag without any elements.
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findInstanceWithPrivates(snapshot)].object.privateElements.clear();
    }),
        SnapshotError::Malformed);
    // The same class twice: not in canonical order.
    expectError(writeBroken([](Snapshot& snapshot) {
        auto& elements = snapshot.records[findInstanceWithPrivates(snapshot)].object.privateElements;
        elements.push_back(elements[0]);
    }),
        SnapshotError::Malformed);
    // Uninitialized as a private field's value.
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findInstanceWithPrivates(snapshot)].object.privateElements[0].values[0]
            = Value::uninitialized();
    }),
        SnapshotError::Malformed);
}

TEST(SnapshotReader, RejectsMalformedPromiseCombinatorsAndRevokeFunctions)
{
    // An element index past its combinator's elements.
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findRecord(snapshot, RecordKind::PromiseCombinatorElement)].fields[1] = 2;
    }),
        SnapshotError::Malformed);
    // A called flag that is not a boolean; an element whose combinator is another kind of record.
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findRecord(snapshot, RecordKind::PromiseCombinator)].values[2] = Value::integer(1);
    }),
        SnapshotError::Malformed);
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findRecord(snapshot, RecordKind::PromiseCombinatorElement)].values[0] = Value::ref(0);
    }),
        SnapshotError::Malformed);
    // A revoke function of a proxy that is revoked already.
    expectError(writeBroken([](Snapshot& snapshot) {
        auto proxy = snapshot.records[findRecord(snapshot, RecordKind::ProxyRevoke)].values[0].payload;
        snapshot.records[proxy].values = { Value::null(), Value::null() };
    }),
        SnapshotError::Malformed);
    // An unknown combinator type.
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findRecord(snapshot, RecordKind::PromiseCombinator)].fields[0] = 3;
    }),
        SnapshotError::Malformed);
}

static size_t findMappedArguments(const Snapshot& snapshot)
{
    for (size_t i = 0; i < snapshot.records.size(); ++i) {
        if (snapshot.records[i].kind == RecordKind::Arguments && snapshot.records[i].values.size() > 1)
            return i;
    }
    return 0;
}

TEST(SnapshotReader, RejectsMalformedArgumentsAliasing)
{
    // A scope without aliased indices, and aliased indices without a scope.
    expectError(
        writeBroken([](Snapshot& snapshot) { snapshot.records[findMappedArguments(snapshot)].values.resize(1); }),
        SnapshotError::Malformed);
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findMappedArguments(snapshot)].values[0] = Value::null();
    }),
        SnapshotError::Malformed);
    // An unmapped arguments object (a strict function's) cannot alias anything.
    expectError(writeBroken([](Snapshot& snapshot) { snapshot.records[findMappedArguments(snapshot)].fields[0] = 0; }),
        SnapshotError::Malformed);
    // The scope must be a Scope record; an index must be a non-negative int naming a writable data property.
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findMappedArguments(snapshot)].values[0] = Value::ref(0);
    }),
        SnapshotError::Malformed);
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findMappedArguments(snapshot)].values[1] = Value::integer(-1);
    }),
        SnapshotError::Malformed);
    expectError(writeBroken([](Snapshot& snapshot) {
        snapshot.records[findMappedArguments(snapshot)].values[1] = Value::integer(5);
    }),
        SnapshotError::Malformed);
    expectError(writeBroken([](Snapshot& snapshot) {
        auto& record = snapshot.records[findMappedArguments(snapshot)];
        record.object.properties[1].attributes &= ~Writable;
    }),
        SnapshotError::Malformed);
    // Indices in ascending order, each once.
    expectError(writeBroken([](Snapshot& snapshot) {
        auto& record = snapshot.records[findMappedArguments(snapshot)];
        record.values = { record.values[0], Value::integer(1), Value::integer(0) };
    }),
        SnapshotError::NonCanonical);
}

TEST(SnapshotReader, RejectsNonCanonicalArrays)
{
    // A dense part ending with a hole, one less than half full, and an element property that belongs in it.
    ModelBuilder builder;
    uint64_t array = builder.add(RecordKind::Array, { 3 }, { Value::integer(1), Value::hole() });
    builder.global("a", Value::ref(array));
    expectError(SnapshotWriter::write(builder.finish()), SnapshotError::NonCanonical);

    ModelBuilder sparse;
    array = sparse.add(RecordKind::Array, { 5 },
        { Value::integer(1), Value::hole(), Value::hole(), Value::hole(), Value::integer(5) });
    sparse.global("a", Value::ref(array));
    expectError(SnapshotWriter::write(sparse.finish()), SnapshotError::NonCanonical);

    ModelBuilder second;
    array = second.add(RecordKind::Array, { 3 }, { Value::integer(1) });
    second.property(array, "1", Value::integer(2));
    second.global("a", Value::ref(array));
    expectError(SnapshotWriter::write(second.finish()), SnapshotError::NonCanonical);
}

TEST(SnapshotReader, RejectsBlobsOutOfOrder)
{
    std::vector<std::vector<uint8_t>> bodies;
    auto snapshot = buildRichSnapshot(&bodies);
    ASSERT_EQ(snapshot.blobs.size(), 2u);
    std::swap(snapshot.blobs[0], snapshot.blobs[1]);
    expectError(SnapshotWriter::write(snapshot), SnapshotError::NonCanonical);
}

TEST(SnapshotReader, RejectsSnapshotsAboveTheLimit)
{
    auto bytes = SnapshotWriter::write(buildRichSnapshot());
    Snapshot snapshot;
    GError* error = nullptr;
    EXPECT_FALSE(SnapshotReader::read(bytes, snapshot, &error, nullptr, { 100 }));
    EXPECT_TRUE(g_error_matches(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::LimitExceeded)));
    g_clear_error(&error);
}

// A count far above what the bytes left can hold is refused before anything is allocated for it.
TEST(SnapshotReader, RejectsCountsTheInputCannotHold)
{
    auto sections = SnapshotSections::split(SnapshotWriter::write(buildMinimalSnapshot()));
    auto& records = sections.payload(5);
    std::vector<uint8_t> huge;
    ByteWriter(huge).appendVarint(uint64_t(1) << 50);
    records.erase(records.begin());
    records.insert(records.begin(), huge.begin(), huge.end());
    expectError(sections.join(), SnapshotError::Truncated);
}

// Validation runs on every snapshot that crosses a process boundary, so it must stay far below the 100 ms budget of
// a migration: a 50 000-object heap (the size the benchmarks use) is read, validated and re-encoded here.
TEST(SnapshotReader, ValidatesALargeHeapQuickly)
{
    auto bytes = SnapshotWriter::write(buildAppSnapshot(50000));
    auto start = g_get_monotonic_time();
    Snapshot snapshot;
    GError* error = nullptr;
    ASSERT_TRUE(SnapshotReader::read(bytes, snapshot, &error)) << error->message;
    auto read = g_get_monotonic_time();
    auto again = SnapshotWriter::write(snapshot);
    auto written = g_get_monotonic_time();
    EXPECT_EQ(again, bytes);
    printf("50000 objects, %zu bytes: read and validated in %.1f ms, written in %.1f ms\n", bytes.size(),
        (read - start) / 1000.0, (written - read) / 1000.0);
    // Generous, for a loaded 2-core machine; the figure printed above is the one to watch.
    EXPECT_LT(read - start, 1000000);
}

// One byte of input can become a 16-byte Value or a 100-byte Record in the model, so memory is bounded by its own
// limit, checked before each allocation, and not only by the input size.
TEST(SnapshotReader, RejectsSnapshotsThatDecodeAboveTheMemoryLimit)
{
    ModelBuilder builder;
    builder.global("set", Value::ref(builder.add(RecordKind::Set, {}, std::vector<Value>(100000, Value::integer(0)))));
    auto bytes = SnapshotWriter::write(builder.finish());
    Snapshot snapshot;
    EXPECT_TRUE(SnapshotReader::read(bytes, snapshot, nullptr));
    GError* error = nullptr;
    SnapshotReadLimits limits;
    limits.maxDecodedSize = 1 << 20;
    EXPECT_FALSE(SnapshotReader::read(bytes, snapshot, &error, nullptr, limits));
    EXPECT_TRUE(g_error_matches(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::LimitExceeded)));
    g_clear_error(&error);
}
