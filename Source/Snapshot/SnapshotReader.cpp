/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/SnapshotReader.h"

#include "Snapshot/ByteReader.h"
#include "Snapshot/RecordLayout.h"
#include "Snapshot/SnapshotError.h"
#include "Snapshot/SnapshotValidator.h"

#include <cmath>
#include <cstring>
#include <optional>
#include <string>

namespace {

using namespace Offload;

static const char* sectionName(uint64_t tag)
{
    static constexpr const char* names[] = { "header", "Meta", "Scripts", "Blobs", "Strings", "Records", "Roots" };
    return tag <= sectionCount ? names[tag] : "unknown";
}

// Decodes one snapshot. It checks everything the model cannot show afterwards (varint shortness, the choice of
// string encoding, NaN bits, section framing) and bounds every count by the bytes left; the checks that only need
// the model (indices, kinds, order) are SnapshotValidator's.
class Parser {
public:
    Parser(Snapshot& snapshot, GError** error, SnapshotLayoutInfo& layout, uint64_t decodedBudget)
        : m_snapshot(snapshot)
        , m_error(error)
        , m_layout(layout)
        , m_decodedBudget(decodedBudget)
    {
    }

    bool parse(std::span<const uint8_t>);

private:
    bool fail(SnapshotError code, size_t offset, const std::string& message)
    {
        std::string where = m_section ? std::string(sectionName(m_section)) + " section" : std::string("header");
        if (m_recordIndex)
            where += ", record #" + std::to_string(*m_recordIndex);
        if (m_field)
            where += std::string(", ") + m_field;
        g_set_error(m_error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(code), "%s, offset %zu: %s", where.c_str(),
            offset, message.c_str());
        return false;
    }

    bool check(ByteReader::Status status, size_t offset, const char* what)
    {
        switch (status) {
        case ByteReader::Status::Ok:
            return true;
        case ByteReader::Status::Truncated:
            return fail(SnapshotError::Truncated, offset, std::string("truncated while reading ") + what);
        case ByteReader::Status::NonShortest:
            return fail(
                SnapshotError::NonCanonical, offset, std::string("varint ") + what + " is not in shortest form");
        case ByteReader::Status::TooLarge:
            return fail(SnapshotError::Malformed, offset, std::string("varint ") + what + " is 2^53 or more");
        }
        return false;
    }

    bool readVarint(ByteReader& reader, uint64_t& result, const char* what)
    {
        size_t offset = reader.offset();
        return check(reader.readVarint(result), offset, what);
    }

    bool readU8(ByteReader& reader, uint8_t& result, const char* what)
    {
        size_t offset = reader.offset();
        return check(reader.readU8(result), offset, what);
    }

    // Reads a count of items of at least `minimumItemSize` bytes each, refusing counts the bytes left cannot hold
    // before anything is allocated for them. `modelItemSize` is what one item costs in the model, charged to the
    // decoded-size budget: a model item can be 50 times its encoding, so the input size alone does not bound memory.
    bool readCount(
        ByteReader& reader, uint64_t& count, uint64_t minimumItemSize, uint64_t modelItemSize, const char* what)
    {
        size_t offset = reader.offset();
        if (!readVarint(reader, count, what))
            return false;
        if (count > reader.remaining() / minimumItemSize)
            return fail(SnapshotError::Truncated, offset,
                std::string(what) + " " + std::to_string(count) + " needs more than the "
                    + std::to_string(reader.remaining()) + " bytes left");
        return charge(count * modelItemSize, offset);
    }

    bool charge(uint64_t bytes, size_t offset)
    {
        if (bytes > m_decodedBudget)
            return fail(
                SnapshotError::LimitExceeded, offset, "the decoded snapshot would exceed the reader's memory limit");
        m_decodedBudget -= bytes;
        return true;
    }

    bool parseMeta(ByteReader&);
    bool parseScripts(ByteReader&);
    bool parseBlobs(ByteReader&);
    bool parseStrings(ByteReader&);
    bool parseRecords(ByteReader&);
    bool parseRecord(ByteReader&, Record&);
    bool parseObjectBody(ByteReader&, ObjectBody&);
    bool parseRoots(ByteReader&);
    bool parseValue(ByteReader&, Value&);

    Snapshot& m_snapshot;
    GError** m_error;
    SnapshotLayoutInfo& m_layout;
    uint64_t m_section { 0 };
    std::optional<uint64_t> m_recordIndex;
    const char* m_field { nullptr };
    uint64_t m_decodedBudget;
};

bool Parser::parse(std::span<const uint8_t> bytes)
{
    m_layout.totalSize = bytes.size();
    ByteReader reader(bytes);
    std::span<const uint8_t> magic;
    if (reader.readSpan(sizeof(snapshotMagic), magic) != ByteReader::Status::Ok) {
        if (bytes.empty() || !std::memcmp(bytes.data(), snapshotMagic, bytes.size()))
            return fail(SnapshotError::Truncated, 0, "the input ends inside the magic");
        return fail(SnapshotError::BadMagic, 0, "the input does not start with \"WKOFSNAP\"");
    }
    if (std::memcmp(magic.data(), snapshotMagic, sizeof(snapshotMagic)))
        return fail(SnapshotError::BadMagic, 0, "the input does not start with \"WKOFSNAP\"");
    size_t versionOffset = reader.offset();
    uint64_t version = 0;
    if (!readVarint(reader, version, "version"))
        return false;
    if (version != snapshotVersion)
        return fail(SnapshotError::UnsupportedVersion, versionOffset,
            "version " + std::to_string(version) + " is not supported (this reader reads version 1)");

    for (uint64_t expected = 1; expected <= sectionCount; ++expected) {
        size_t tagOffset = reader.offset();
        uint64_t tag = 0;
        if (!readVarint(reader, tag, "section tag"))
            return false;
        if (tag != expected) {
            if (tag > sectionCount)
                return fail(SnapshotError::Malformed, tagOffset, "unknown section tag " + std::to_string(tag));
            return fail(SnapshotError::Malformed, tagOffset,
                std::string("found section ") + sectionName(tag) + " where section " + sectionName(expected)
                    + " must be");
        }
        m_section = tag;
        uint64_t length = 0;
        if (!readVarint(reader, length, "section length"))
            return false;
        size_t payloadOffset = reader.offset();
        ByteReader payload({}, 0);
        bool isCut = reader.readSubReader(length, payload) != ByteReader::Status::Ok;
        if (isCut) {
            // Decode what there is anyway: the error then names the record and field where the input stops, and
            // the dumper can show everything before it.
            reader.readSubReader(reader.remaining(), payload);
        }
        m_layout.sections[tag - 1] = { payloadOffset, static_cast<size_t>(length) };

        bool ok = false;
        switch (static_cast<SectionTag>(tag)) {
        case SectionTag::Meta:
            ok = parseMeta(payload);
            break;
        case SectionTag::Scripts:
            ok = parseScripts(payload);
            break;
        case SectionTag::Blobs:
            ok = parseBlobs(payload);
            break;
        case SectionTag::Strings:
            ok = parseStrings(payload);
            break;
        case SectionTag::Records:
            ok = parseRecords(payload);
            break;
        case SectionTag::Roots:
            ok = parseRoots(payload);
            break;
        }
        if (!ok)
            return false;
        m_recordIndex.reset();
        m_field = nullptr;
        if (isCut)
            return fail(SnapshotError::Truncated, payloadOffset,
                "section length " + std::to_string(length) + " runs past the end of the input");
        if (!payload.atEnd())
            return fail(SnapshotError::Malformed, payload.offset(),
                std::to_string(payload.remaining()) + " unread bytes at the end of the section");
    }
    m_section = 0;
    if (!reader.atEnd())
        return fail(SnapshotError::Malformed, reader.offset(),
            std::to_string(reader.remaining()) + " bytes after the Roots section");
    return true;
}

bool Parser::parseMeta(ByteReader& reader)
{
    return readVarint(reader, m_snapshot.nextObjectId, "nextObjectId") && readVarint(reader, m_snapshot.turn, "turn")
        && readVarint(reader, m_snapshot.flags, "flags");
}

bool Parser::parseScripts(ByteReader& reader)
{
    uint64_t count = 0;
    if (!readCount(reader, count, 17, sizeof(std::string) + 16, "script count"))
        return false;
    m_snapshot.scripts.reserve(count);
    for (uint64_t i = 0; i < count; ++i) {
        size_t offset = reader.offset();
        uint64_t length = 0;
        std::span<const uint8_t> sid;
        if (!readVarint(reader, length, "script id length")
            || !check(reader.readSpan(length, sid), offset, "script id"))
            return false;
        if (!charge(sid.size(), offset))
            return false;
        m_snapshot.scripts.emplace_back(reinterpret_cast<const char*>(sid.data()), sid.size());
    }
    return true;
}

bool Parser::parseBlobs(ByteReader& reader)
{
    uint64_t count = 0;
    if (!readCount(reader, count, ContentHash::size + 1, sizeof(BlobEntry), "blob count"))
        return false;
    m_snapshot.blobs.reserve(count);
    for (uint64_t i = 0; i < count; ++i) {
        size_t offset = reader.offset();
        std::span<const uint8_t> hashBytes;
        if (!check(reader.readSpan(ContentHash::size, hashBytes), offset, "blob hash"))
            return false;
        std::array<uint8_t, ContentHash::size> digest;
        std::copy(hashBytes.begin(), hashBytes.end(), digest.begin());
        BlobEntry entry { ContentHash(digest), 0 };
        if (!readVarint(reader, entry.size, "blob size"))
            return false;
        m_snapshot.blobs.push_back(entry);
    }
    return true;
}

bool Parser::parseStrings(ByteReader& reader)
{
    uint64_t count = 0;
    if (!readCount(reader, count, 2, sizeof(StringEntry), "string count"))
        return false;
    m_snapshot.strings.reserve(count);
    for (uint64_t i = 0; i < count; ++i) {
        size_t offset = reader.offset();
        uint8_t encoding = 0;
        if (!readU8(reader, encoding, "string encoding"))
            return false;
        // Built only on failure: this loop runs once per string of the snapshot.
        auto index = [i] { return "string #" + std::to_string(i); };
        if (encoding == 2) {
            StringEntry entry = StringEntry::fromBlob(0, 0);
            if (!readVarint(reader, entry.blobIndex, "blob index") || !readU8(reader, entry.unitSize, "unit size"))
                return false;
            m_snapshot.strings.push_back(std::move(entry));
            continue;
        }
        if (encoding > 2)
            return fail(
                SnapshotError::Malformed, offset, index() + " has unknown encoding " + std::to_string(encoding));
        uint64_t length = 0;
        if (!readVarint(reader, length, "string length"))
            return false;
        if (length >= blobThreshold)
            return fail(SnapshotError::NonCanonical, offset,
                index() + " has " + std::to_string(length) + " code units inline; strings of 4096 or more are blobs");
        uint64_t unitSize = encoding ? 2 : 1;
        std::span<const uint8_t> payload;
        if (!check(reader.readSpan(length * unitSize, payload), reader.offset(), "string contents"))
            return false;
        if (!charge(2 * length, offset))
            return false;
        std::u16string units(length, u'\0');
        bool hasWideUnit = false;
        for (uint64_t unit = 0; unit < length; ++unit) {
            units[unit]
                = encoding ? static_cast<char16_t>(payload[2 * unit] | payload[2 * unit + 1] << 8) : payload[unit];
            hasWideUnit |= units[unit] >= 256;
        }
        // The model does not keep the encoding (the writer picks it from the units), so the reader is where a
        // utf16 string that should have been latin1 is caught.
        if (encoding && !hasWideUnit)
            return fail(SnapshotError::NonCanonical, offset,
                index() + " is utf16 but every code unit is below 256 (canonical form is latin1)");
        m_snapshot.strings.push_back(StringEntry::fromUnits(std::move(units)));
    }
    return true;
}

bool Parser::parseRecords(ByteReader& reader)
{
    uint64_t count = 0;
    if (!readCount(reader, count, 2, sizeof(Record) + sizeof(uint32_t) + 32, "record count"))
        return false;
    m_snapshot.records.resize(count);
    m_layout.recordOffsets.reserve(count + 1);
    for (uint64_t i = 0; i < count; ++i) {
        m_recordIndex = i;
        m_layout.recordOffsets.push_back(static_cast<uint32_t>(reader.offset()));
        if (!parseRecord(reader, m_snapshot.records[i]))
            return false;
    }
    m_layout.recordOffsets.push_back(static_cast<uint32_t>(reader.offset()));
    return true;
}

bool Parser::parseRecord(ByteReader& reader, Record& record)
{
    size_t offset = reader.offset();
    uint64_t kind = 0;
    if (!readVarint(reader, kind, "record kind"))
        return false;
    auto* layout = recordLayout(kind);
    if (!layout)
        return fail(SnapshotError::Malformed, offset, "unknown record kind " + std::to_string(kind));
    record.kind = static_cast<RecordKind>(kind);
    if (!readVarint(reader, record.id, "record id"))
        return false;

    for (auto& field : layout->fields) {
        m_field = field.name;
        size_t fieldOffset = reader.offset();
        switch (field.type) {
        case FieldType::Varint:
        case FieldType::String:
        case FieldType::SidLiteral: {
            uint64_t value = 0;
            if (!readVarint(reader, value, field.name))
                return false;
            record.fields.push_back(value);
            break;
        }
        case FieldType::U8: {
            uint8_t value = 0;
            if (!readU8(reader, value, field.name))
                return false;
            if (value > field.max)
                return fail(SnapshotError::Malformed, fieldOffset,
                    std::to_string(value) + " is above the maximum " + std::to_string(field.max));
            record.fields.push_back(value);
            break;
        }
        case FieldType::Value:
            record.values.emplace_back();
            if (!parseValue(reader, record.values.back()))
                return false;
            break;
        case FieldType::List: {
            uint64_t count = 0;
            if (!readCount(reader, count, field.max, field.max * sizeof(Value), "list count"))
                return false;
            record.values.reserve(record.values.size() + count * field.max);
            for (uint64_t i = 0; i < count * field.max; ++i) {
                record.values.emplace_back();
                if (!parseValue(reader, record.values.back()))
                    return false;
            }
            break;
        }
        case FieldType::Storage: {
            uint8_t storage = 0;
            if (!readU8(reader, storage, "storage"))
                return false;
            if (storage > 2)
                return fail(SnapshotError::Malformed, fieldOffset, "unknown storage " + std::to_string(storage));
            record.fields.push_back(storage);
            if (storage == static_cast<uint8_t>(BufferStorage::Detached))
                break;
            uint64_t value = 0;
            if (!readVarint(reader, value, storage ? "blob index" : "byte count"))
                return false;
            if (storage)
                record.fields.push_back(value);
            else {
                std::span<const uint8_t> bytes;
                if (!check(reader.readSpan(value, bytes), reader.offset(), "inline bytes"))
                    return false;
                if (!charge(bytes.size(), fieldOffset))
                    return false;
                record.bytes.assign(bytes.begin(), bytes.end());
            }
            break;
        }
        }
    }
    m_field = nullptr;
    if (layout->hasObjectBody)
        return parseObjectBody(reader, record.object);
    return true;
}

bool Parser::parseObjectBody(ByteReader& reader, ObjectBody& body)
{
    m_field = "prototype";
    if (!parseValue(reader, body.prototype))
        return false;
    m_field = "flags";
    if (!readVarint(reader, body.flags, "object flags"))
        return false;
    m_field = "properties";
    uint64_t count = 0;
    if (!readCount(reader, count, 3, sizeof(Property), "property count"))
        return false;
    body.properties.resize(count);
    for (auto& property : body.properties) {
        size_t offset = reader.offset();
        if (!readVarint(reader, property.key, "property key")
            || !readU8(reader, property.attributes, "property attributes"))
            return false;
        if (property.attributes & 0xf0)
            return fail(SnapshotError::Malformed, offset, "property attributes have unknown bits set");
        if (property.isAccessor() && (property.attributes & Writable))
            return fail(SnapshotError::Malformed, offset, "an accessor property cannot be writable");
        if (!parseValue(reader, property.value))
            return false;
        if (property.isAccessor() && !parseValue(reader, property.setter))
            return false;
    }
    if (body.flags & HasPrivateElements) {
        m_field = "private elements";
        if (!readCount(reader, count, 3, sizeof(PrivateElements), "private element count"))
            return false;
        if (!count)
            return fail(
                SnapshotError::Malformed, reader.offset(), "the private elements flag is set but there are none");
        body.privateElements.resize(count);
        for (auto& elements : body.privateElements) {
            uint8_t isStatic = 0;
            if (!parseValue(reader, elements.owner) || !readU8(reader, isStatic, "private elements static flag"))
                return false;
            if (isStatic > 1)
                return fail(
                    SnapshotError::Malformed, reader.offset() - 1, "the private elements static flag is not 0 or 1");
            elements.isStatic = isStatic;
            uint64_t valueCount = 0;
            if (!readCount(reader, valueCount, 1, sizeof(Value), "private field count"))
                return false;
            elements.values.resize(valueCount);
            for (auto& value : elements.values) {
                if (!parseValue(reader, value))
                    return false;
            }
        }
    }
    m_field = nullptr;
    return true;
}

bool Parser::parseRoots(ByteReader& reader)
{
    m_field = "global";
    if (!parseValue(reader, m_snapshot.roots.global))
        return false;
    m_field = "lexicalScopes";
    uint64_t count = 0;
    if (!readCount(reader, count, 1, sizeof(Value), "lexical scope count"))
        return false;
    m_snapshot.roots.lexicalScopes.resize(count);
    for (auto& scope : m_snapshot.roots.lexicalScopes) {
        if (!parseValue(reader, scope))
            return false;
    }
    m_field = "pending";
    if (!parseValue(reader, m_snapshot.roots.pending))
        return false;
    m_field = "extra";
    if (!readCount(reader, count, 2, sizeof(std::pair<uint64_t, Value>), "extra root count"))
        return false;
    m_snapshot.roots.extra.resize(count);
    for (auto& [name, value] : m_snapshot.roots.extra) {
        if (!readVarint(reader, name, "extra root name") || !parseValue(reader, value))
            return false;
    }
    m_field = nullptr;
    return true;
}

bool Parser::parseValue(ByteReader& reader, Value& value)
{
    size_t offset = reader.offset();
    uint8_t tag = 0;
    if (!readU8(reader, tag, "value tag"))
        return false;
    if (tag > lastValueTag)
        return fail(SnapshotError::Malformed, offset, "unknown value tag " + std::to_string(tag));
    value.tag = static_cast<ValueTag>(tag);
    switch (value.tag) {
    case ValueTag::Undefined:
    case ValueTag::Null:
    case ValueTag::False:
    case ValueTag::True:
    case ValueTag::Hole:
    case ValueTag::Uninitialized:
        return true;
    case ValueTag::Int: {
        int64_t number = 0;
        if (!check(reader.readSvarint(number), offset + 1, "int"))
            return false;
        if (number < INT32_MIN || number > INT32_MAX)
            return fail(
                SnapshotError::Malformed, offset, "int " + std::to_string(number) + " is outside the int32 range");
        value.payload = static_cast<uint64_t>(number);
        return true;
    }
    case ValueTag::Double: {
        if (!check(reader.readU64LittleEndian(value.payload), offset + 1, "double"))
            return false;
        // Whether this double should have been an int, or a canonical NaN, is SnapshotValidator's check.
        return true;
    }
    case ValueTag::String:
    case ValueTag::Ref:
    case ValueTag::Intrinsic:
        return readVarint(reader, value.payload, valueTagName(value.tag));
    case ValueTag::BigInt: {
        uint8_t sign = 0;
        uint64_t length = 0;
        std::span<const uint8_t> magnitude;
        if (!readU8(reader, sign, "bigint sign") || !readVarint(reader, length, "bigint length")
            || !check(reader.readSpan(length, magnitude), reader.offset(), "bigint magnitude"))
            return false;
        if (sign > 1)
            return fail(SnapshotError::Malformed, offset + 1, "bigint sign " + std::to_string(sign) + " is not 0 or 1");
        if (!magnitude.empty() && !magnitude.back())
            return fail(SnapshotError::NonCanonical, offset, "bigint magnitude ends with a zero byte");
        if (magnitude.empty() && sign)
            return fail(SnapshotError::NonCanonical, offset, "bigint -0n is not canonical (0n has sign 0)");
        value.isNegative = sign;
        value.payload = m_snapshot.bigInts.size();
        if (!charge(magnitude.size() + sizeof(std::vector<uint8_t>), offset))
            return false;
        m_snapshot.bigInts.emplace_back(magnitude.begin(), magnitude.end());
        return true;
    }
    }
    return true;
}

} // namespace

namespace Offload {

bool SnapshotReader::hasMagic(std::span<const uint8_t> bytes)
{
    return bytes.size() >= sizeof(snapshotMagic) && !std::memcmp(bytes.data(), snapshotMagic, sizeof(snapshotMagic));
}

bool SnapshotReader::read(std::span<const uint8_t> bytes, Snapshot& snapshot, GError** error,
    SnapshotLayoutInfo* layout, const SnapshotReadLimits& limits)
{
    snapshot = {};
    if (bytes.size() > limits.maxSnapshotSize) {
        g_set_error(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::LimitExceeded),
            "header, offset 0: the snapshot is %zu bytes, above the limit of %" G_GUINT64_FORMAT, bytes.size(),
            limits.maxSnapshotSize);
        return false;
    }
    SnapshotLayoutInfo localLayout;
    auto& info = layout ? *layout : localLayout;
    info = {};
    if (!Parser(snapshot, error, info, limits.maxDecodedSize).parse(bytes))
        return false;
    return SnapshotValidator::validate(snapshot, error, &info);
}

bool SnapshotReader::validate(std::span<const uint8_t> bytes, GError** error)
{
    Snapshot snapshot;
    return read(bytes, snapshot, error);
}

} // namespace Offload
