/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/SnapshotJsonDumper.h"

#include "Snapshot/RecordLayout.h"
#include "Snapshot/SnapshotReader.h"

#include <cmath>
#include <cstdio>
#include <glib.h>

namespace {

using namespace Offload;

class JsonWriter {
public:
    explicit JsonWriter(const Snapshot& snapshot)
        : m_snapshot(snapshot)
    {
    }

    std::string& output() { return m_output; }

    void raw(std::string_view text) { m_output += text; }
    void number(uint64_t value) { m_output += std::to_string(value); }

    // A JSON string from UTF-16 code units; anything outside printable ASCII is a \u escape, so lone surrogates
    // survive (JSON allows them as escapes).
    void string(std::u16string_view units)
    {
        m_output += '"';
        for (char16_t unit : units) {
            if (unit == '"' || unit == '\\') {
                m_output += '\\';
                m_output += static_cast<char>(unit);
            } else if (unit >= 0x20 && unit < 0x7f)
                m_output += static_cast<char>(unit);
            else {
                char buffer[8];
                snprintf(buffer, sizeof(buffer), "\\u%04x", unit);
                m_output += buffer;
            }
        }
        m_output += '"';
    }
    void string(std::string_view ascii) { string(std::u16string(ascii.begin(), ascii.end())); }

    void key(std::string_view name)
    {
        string(name);
        m_output += ':';
    }

    void value(const Value& value)
    {
        switch (value.tag) {
        case ValueTag::Undefined:
            return raw("{\"undefined\":true}");
        case ValueTag::Null:
            return raw("null");
        case ValueTag::False:
            return raw("false");
        case ValueTag::True:
            return raw("true");
        case ValueTag::Int:
            return raw(std::to_string(value.intValue()));
        case ValueTag::Double: {
            double number = value.doubleValue();
            if (std::isnan(number))
                return raw("{\"number\":\"NaN\"}");
            if (std::isinf(number))
                return raw(number > 0 ? "{\"number\":\"Infinity\"}" : "{\"number\":\"-Infinity\"}");
            if (number == 0 && std::signbit(number))
                return raw("{\"number\":\"-0\"}");
            char buffer[32];
            for (int precision = 1; precision <= 17; ++precision) {
                snprintf(buffer, sizeof(buffer), "%.*g", precision, number);
                if (g_ascii_strtod(buffer, nullptr) == number)
                    break;
            }
            return raw(buffer);
        }
        case ValueTag::String:
            raw("{\"string\":");
            number(value.payload);
            return raw("}");
        case ValueTag::BigInt: {
            std::string digits = "0x";
            if (value.payload < m_snapshot.bigInts.size()) {
                auto& magnitude = m_snapshot.bigInts[value.payload];
                for (size_t i = magnitude.size(); i--;) {
                    char buffer[4];
                    snprintf(buffer, sizeof(buffer), "%02x", magnitude[i]);
                    digits += buffer;
                }
            }
            raw("{\"bigint\":");
            string((value.isNegative ? "-" : "") + (digits == "0x" ? std::string("0x0") : digits));
            return raw("}");
        }
        case ValueTag::Ref:
            raw("{\"ref\":");
            number(value.payload);
            return raw("}");
        case ValueTag::Intrinsic:
            raw("{\"intrinsic\":");
            if (value.payload < m_snapshot.strings.size())
                string(m_snapshot.strings[value.payload].units);
            else
                raw("null");
            return raw("}");
        case ValueTag::Hole:
            return raw("{\"hole\":true}");
        case ValueTag::Uninitialized:
            return raw("{\"uninitialized\":true}");
        }
        raw("null");
    }

    void record(const Record&, uint64_t index);

private:
    const Snapshot& m_snapshot;
    std::string m_output;
};

void JsonWriter::record(const Record& record, uint64_t index)
{
    auto* layout = recordLayout(static_cast<uint64_t>(record.kind));
    raw("{\"index\":");
    number(index);
    raw(",\"id\":");
    number(record.id);
    raw(",\"kind\":");
    string(layout ? layout->name : "unknown");
    if (!layout)
        return raw("}");
    size_t fieldIndex = 0;
    size_t valueIndex = 0;
    auto nextField = [&]() -> uint64_t { return fieldIndex < record.fields.size() ? record.fields[fieldIndex++] : 0; };
    for (auto& field : layout->fields) {
        raw(",");
        key(field.name);
        switch (field.type) {
        case FieldType::Varint:
        case FieldType::U8:
            number(nextField());
            break;
        case FieldType::String:
        case FieldType::SidLiteral: {
            // Names and ids are short inline strings: show them, not their index.
            uint64_t stringIndex = nextField();
            if (stringIndex < m_snapshot.strings.size()
                && m_snapshot.strings[stringIndex].storage == StringStorage::Inline)
                string(m_snapshot.strings[stringIndex].units);
            else
                value(Value::string(stringIndex));
            break;
        }
        case FieldType::Value:
            if (valueIndex < record.values.size())
                value(record.values[valueIndex++]);
            else
                raw("null");
            break;
        case FieldType::List:
            raw("[");
            for (size_t item = 0; valueIndex < record.values.size(); ++item, ++valueIndex) {
                if (item)
                    raw(",");
                value(record.values[valueIndex]);
            }
            raw("]");
            break;
        case FieldType::Storage:
            if (auto storage = nextField(); storage == static_cast<uint64_t>(BufferStorage::Blob)) {
                raw("{\"blob\":");
                number(nextField());
                raw("}");
            } else if (storage == static_cast<uint64_t>(BufferStorage::Detached))
                raw("{\"detached\":true}");
            else {
                raw("{\"inlineBytes\":");
                number(record.bytes.size());
                raw("}");
            }
            break;
        }
    }
    if (layout->hasObjectBody) {
        raw(",\"prototype\":");
        value(record.object.prototype);
        raw(record.object.flags & NotExtensible ? ",\"extensible\":false" : ",\"extensible\":true");
        if (record.kind == RecordKind::Array)
            raw(record.object.flags & ArrayLengthNotWritable ? ",\"lengthWritable\":false"
                                                             : ",\"lengthWritable\":true");
        raw(",\"properties\":[");
        bool isFirst = true;
        for (auto& property : record.object.properties) {
            raw(isFirst ? "{" : ",{");
            isFirst = false;
            key("key");
            uint64_t keyIndex = PropertyKey::index(property.key);
            if (PropertyKey::isSymbol(property.key)) {
                raw("{\"symbol\":");
                number(keyIndex);
                raw("}");
            } else if (keyIndex < m_snapshot.strings.size())
                string(m_snapshot.strings[keyIndex].units);
            else
                raw("null");
            raw(",\"attributes\":");
            number(property.attributes);
            if (property.isAccessor()) {
                raw(",\"get\":");
                value(property.value);
                raw(",\"set\":");
                value(property.setter);
            } else {
                raw(",\"value\":");
                value(property.value);
            }
            raw("}");
        }
        raw("]");
        if (!record.object.privateElements.empty()) {
            raw(",\"privateElements\":[");
            isFirst = true;
            for (auto& elements : record.object.privateElements) {
                raw(isFirst ? "{\"class\":" : ",{\"class\":");
                isFirst = false;
                value(elements.owner);
                raw(elements.isStatic ? ",\"static\":true,\"values\":[" : ",\"static\":false,\"values\":[");
                for (size_t i = 0; i < elements.values.size(); ++i) {
                    if (i)
                        raw(",");
                    value(elements.values[i]);
                }
                raw("]}");
            }
            raw("]");
        }
    }
    raw("}");
}

} // namespace

namespace Offload {

std::string SnapshotJsonDumper::dump(const Snapshot& snapshot, const SnapshotLayoutInfo* layout)
{
    JsonWriter json(snapshot);
    json.raw("{\"version\":1,\"meta\":{\"nextObjectId\":");
    json.number(snapshot.nextObjectId);
    json.raw(",\"turn\":");
    json.number(snapshot.turn);
    json.raw(",\"flags\":");
    json.number(snapshot.flags);
    json.raw("}");
    if (layout) {
        static constexpr const char* names[] = { "Meta", "Scripts", "Blobs", "Strings", "Records", "Roots" };
        json.raw(",\"size\":");
        json.number(layout->totalSize);
        json.raw(",\"sections\":{");
        for (size_t i = 0; i < sectionCount; ++i) {
            json.raw(i ? "," : "");
            json.key(names[i]);
            json.raw("{\"offset\":");
            json.number(layout->sections[i].offset);
            json.raw(",\"length\":");
            json.number(layout->sections[i].length);
            json.raw("}");
        }
        json.raw("}");
    }
    json.raw(",\"scripts\":[");
    for (size_t i = 0; i < snapshot.scripts.size(); ++i) {
        json.raw(i ? "," : "");
        json.string(snapshot.scripts[i]);
    }
    json.raw("],\"blobs\":[");
    for (size_t i = 0; i < snapshot.blobs.size(); ++i) {
        json.raw(i ? ",{\"hash\":" : "{\"hash\":");
        json.string(snapshot.blobs[i].hash.toHex());
        json.raw(",\"size\":");
        json.number(snapshot.blobs[i].size);
        json.raw("}");
    }
    json.raw("],\"strings\":[");
    for (size_t i = 0; i < snapshot.strings.size(); ++i) {
        auto& entry = snapshot.strings[i];
        json.raw(i ? "," : "");
        if (entry.storage == StringStorage::Inline)
            json.string(entry.units);
        else {
            json.raw("{\"blob\":");
            json.number(entry.blobIndex);
            json.raw(",\"unitSize\":");
            json.number(entry.unitSize);
            json.raw("}");
        }
    }
    json.raw("],\"records\":[");
    for (size_t i = 0; i < snapshot.records.size(); ++i) {
        json.raw(i ? ",\n" : "\n");
        json.record(snapshot.records[i], i);
    }
    json.raw("],\"roots\":{\"global\":");
    json.value(snapshot.roots.global);
    json.raw(",\"lexicalScopes\":[");
    for (size_t i = 0; i < snapshot.roots.lexicalScopes.size(); ++i) {
        json.raw(i ? "," : "");
        json.value(snapshot.roots.lexicalScopes[i]);
    }
    json.raw("],\"pending\":");
    json.value(snapshot.roots.pending);
    json.raw(",\"extra\":[");
    for (size_t i = 0; i < snapshot.roots.extra.size(); ++i) {
        auto& [name, value] = snapshot.roots.extra[i];
        json.raw(i ? ",{\"name\":" : "{\"name\":");
        if (name < snapshot.strings.size())
            json.string(snapshot.strings[name].units);
        else
            json.raw("null");
        json.raw(",\"value\":");
        json.value(value);
        json.raw("}");
    }
    json.raw("]}}\n");
    return std::move(json.output());
}

} // namespace Offload
