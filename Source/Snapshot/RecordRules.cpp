/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/RecordRules.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

namespace Offload {

static constexpr uint8_t typedArrayElementSizes[] = { 1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8, 2 };

static constexpr std::string_view wellKnownSymbolNames[]
    = { "asyncIterator", "hasInstance", "isConcatSpreadable", "iterator", "match", "matchAll", "replace", "search",
          "species", "split", "toPrimitive", "toStringTag", "unscopables" };

static constexpr std::string_view intlConstructorNames[] = { "Collator", "DateTimeFormat", "DisplayNames",
    "DurationFormat", "ListFormat", "Locale", "NumberFormat", "PluralRules", "RelativeTimeFormat", "Segmenter" };

bool RecordRules::isIntlConstructorName(const StringEntry& entry)
{
    return std::any_of(std::begin(intlConstructorNames), std::end(intlConstructorNames),
        [&](auto name) { return stringEquals(entry, name); });
}

bool RecordRules::stringEquals(const StringEntry& entry, std::string_view text)
{
    return entry.storage == StringStorage::Inline && entry.units.size() == text.size()
        && std::equal(text.begin(), text.end(), entry.units.begin(),
            [](char a, char16_t b) { return static_cast<unsigned char>(a) == b; });
}

// The value of a canonical array index key ("0", "17", but not "017" or "4294967295"), if the string is one.
static std::optional<uint64_t> arrayIndex(const StringEntry& entry)
{
    if (entry.storage != StringStorage::Inline || entry.units.empty() || entry.units.size() > 10)
        return std::nullopt;
    if (entry.units.size() > 1 && entry.units[0] == u'0')
        return std::nullopt;
    uint64_t value = 0;
    for (char16_t unit : entry.units) {
        if (unit < u'0' || unit > u'9')
            return std::nullopt;
        value = value * 10 + (unit - u'0');
    }
    if (value >= 0xffffffff)
        return std::nullopt;
    return value;
}

// "sid:N": 16 lowercase hex digits, a colon, a decimal number without leading zeros.
bool RecordRules::isLiteralId(const StringEntry& entry)
{
    auto& units = entry.units;
    if (entry.storage != StringStorage::Inline || units.size() < 18 || units.size() > 32 || units[16] != u':')
        return false;
    for (size_t i = 0; i < 16; ++i) {
        if (!((units[i] >= u'0' && units[i] <= u'9') || (units[i] >= u'a' && units[i] <= u'f')))
            return false;
    }
    if (units.size() > 18 && units[17] == u'0')
        return false;
    return std::all_of(units.begin() + 17, units.end(), [](char16_t unit) { return unit >= u'0' && unit <= u'9'; });
}

bool RecordRules::isScriptId(std::string_view sid)
{
    return sid.size() == 16
        && std::all_of(sid.begin(), sid.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool RecordRules::isWellKnownSymbolName(const StringEntry& entry)
{
    return std::any_of(std::begin(wellKnownSymbolNames), std::end(wellKnownSymbolNames),
        [&](auto name) { return stringEquals(entry, name); });
}

// An arguments object made by a sloppy function can stay mapped to parameters of its call, which its Scope record
// holds: those indices are listed in ascending order, each a writable data property of the object.
std::optional<RecordRules::Violation> RecordRules::checkArguments(const Snapshot& snapshot, const Record& record)
{
    bool isMapped = record.fields[0];
    bool hasScope = record.values[0].tag != ValueTag::Null;
    size_t aliasedCount = record.values.size() - 1;
    if (hasScope != (aliasedCount > 0))
        return Violation { SnapshotError::Malformed,
            "an arguments object names a scope exactly when it lists aliased indices" };
    if (hasScope && !isMapped)
        return Violation { SnapshotError::Malformed, "an unmapped arguments object lists aliased indices" };
    for (size_t i = 1; i < record.values.size(); ++i) {
        int32_t index = record.values[i].intValue();
        if (i > 1 && index <= record.values[i - 1].intValue())
            return Violation { SnapshotError::NonCanonical, "aliased indices are not in ascending order" };
        auto property = std::find_if(record.object.properties.begin(), record.object.properties.end(), [&](auto& p) {
            if (PropertyKey::isSymbol(p.key))
                return false;
            auto value = arrayIndex(snapshot.strings[PropertyKey::index(p.key)]);
            return value && *value == static_cast<uint64_t>(index);
        });
        if (property == record.object.properties.end() || property->isAccessor() || !(property->attributes & Writable))
            return Violation { SnapshotError::Malformed,
                "aliased index " + std::to_string(index) + " is not a writable data property of the arguments object" };
    }
    return std::nullopt;
}

std::optional<RecordRules::Violation> RecordRules::checkArray(const Snapshot& snapshot, const Record& record)
{
    uint64_t length = record.fields[0];
    uint64_t denseCount = record.values.size();
    if (length > 0xffffffff)
        return Violation { SnapshotError::Malformed, "length " + std::to_string(length) + " is not below 2^32" };
    if (denseCount > length)
        return Violation { SnapshotError::Malformed,
            "denseCount " + std::to_string(denseCount) + " is above length " + std::to_string(length) };
    if (denseCount && record.values.back().tag == ValueTag::Hole)
        return Violation { SnapshotError::NonCanonical, "the dense elements end with a hole" };
    uint64_t present = std::count_if(
        record.values.begin(), record.values.end(), [](auto& value) { return value.tag != ValueTag::Hole; });
    if (2 * present < denseCount)
        return Violation { SnapshotError::NonCanonical, "fewer than half of the dense elements are present" };

    std::vector<std::pair<uint64_t, bool>> indexProperties;
    for (auto& property : record.object.properties) {
        if (PropertyKey::isSymbol(property.key))
            continue;
        auto& key = snapshot.strings[PropertyKey::index(property.key)];
        if (stringEquals(key, "length"))
            return Violation { SnapshotError::Malformed,
                "an Array's length is its field (and flag bit 1), not an ObjectBody property" };
        if (auto index = arrayIndex(key)) {
            if (*index < denseCount)
                return Violation { SnapshotError::Malformed,
                    "element " + std::to_string(*index) + " is both dense and a property" };
            if (*index >= length)
                return Violation { SnapshotError::Malformed,
                    "element " + std::to_string(*index) + " is not below length " + std::to_string(length) };
            indexProperties.emplace_back(*index, property.attributes == plainDataProperty);
        }
    }
    // denseCount is the largest n whose prefix holds only plain elements, ends with an element and is at least half
    // full: if a plain element property could extend the dense part, the producer chose a smaller n.
    std::sort(indexProperties.begin(), indexProperties.end());
    for (auto [index, isPlain] : indexProperties) {
        if (!isPlain)
            break;
        if (2 * ++present >= index + 1)
            return Violation { SnapshotError::NonCanonical,
                "element " + std::to_string(index)
                    + " belongs in the dense part (denseCount is not the canonical one)" };
    }
    return std::nullopt;
}

std::optional<RecordRules::Violation> RecordRules::checkArrayBuffer(const Snapshot& snapshot, const Record& record)
{
    uint64_t byteLength = record.fields[0];
    uint64_t maxField = record.fields[1];
    if (maxField && byteLength > maxField - 1)
        return Violation { SnapshotError::Malformed,
            "byteLength " + std::to_string(byteLength) + " is above maxByteLength " + std::to_string(maxField - 1) };
    auto storage = static_cast<BufferStorage>(record.fields[2]);
    if (storage == BufferStorage::Detached) {
        if (byteLength)
            return Violation { SnapshotError::Malformed, "a detached buffer has byteLength 0" };
        return std::nullopt;
    }
    bool isBlob = storage == BufferStorage::Blob;
    if (isBlob != (byteLength >= blobThreshold))
        return Violation { SnapshotError::NonCanonical,
            std::string("a buffer of ") + std::to_string(byteLength) + " bytes must be "
                + (isBlob ? "inline" : "a blob") };
    uint64_t storedSize = isBlob ? snapshot.blobs[record.fields[3]].size : record.bytes.size();
    if (storedSize != byteLength)
        return Violation { SnapshotError::Malformed,
            "the storage holds " + std::to_string(storedSize) + " bytes, not byteLength "
                + std::to_string(byteLength) };
    return std::nullopt;
}

std::optional<RecordRules::Violation> RecordRules::checkView(const Snapshot& snapshot, const Record& record)
{
    // TypedArray fields: type, byteOffset, length; DataView fields: byteOffset, byteLength.
    bool isTypedArray = record.kind == RecordKind::TypedArray;
    uint64_t elementSize = isTypedArray ? typedArrayElementSizes[record.fields[0]] : 1;
    uint64_t byteOffset = record.fields[isTypedArray ? 1 : 0];
    uint64_t lengthField = record.fields[isTypedArray ? 2 : 1];
    auto& buffer = snapshot.records[record.values[0].payload];
    uint64_t bufferLength = buffer.fields[0];
    bool isResizable = buffer.fields[1];
    if (byteOffset % elementSize)
        return Violation { SnapshotError::Malformed,
            "byteOffset " + std::to_string(byteOffset) + " is not a multiple of the element size "
                + std::to_string(elementSize) };
    if (!lengthField && !isResizable)
        return Violation { SnapshotError::Malformed, "a length-tracking view needs a resizable buffer" };
    // A view on a resizable buffer may be out of bounds after a shrink, but it was made inside the buffer, so it lies
    // inside the buffer's maximum length; on a fixed buffer it lies inside the buffer.
    uint64_t limit = isResizable ? buffer.fields[1] - 1 : bufferLength;
    uint64_t length = lengthField ? lengthField - 1 : 0;
    if (byteOffset > limit || length > (limit - byteOffset) / elementSize)
        return Violation { SnapshotError::Malformed,
            "the view does not lie inside its " + std::to_string(limit) + "-byte buffer"
                + (isResizable ? "'s maximum length" : "") };
    return std::nullopt;
}

} // namespace Offload
