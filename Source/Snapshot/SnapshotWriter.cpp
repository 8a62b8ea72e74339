/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/SnapshotWriter.h"

#include "Snapshot/ByteWriter.h"
#include "Snapshot/RecordLayout.h"

#include <algorithm>
#include <cmath>

namespace {

using namespace Offload;

class Encoder {
public:
    explicit Encoder(const Snapshot& snapshot)
        : m_snapshot(snapshot)
    {
    }

    void writeValue(ByteWriter& writer, const Value& value)
    {
        if (value.tag == ValueTag::Double) {
            // Canonicalize here rather than trust the model: a JavaScript number has one encoding.
            Value canonical = Value::number(value.doubleValue());
            if (canonical.tag == ValueTag::Int) {
                writer.appendU8(static_cast<uint8_t>(ValueTag::Int));
                writer.appendSvarint(canonical.intValue());
                return;
            }
            writer.appendU8(static_cast<uint8_t>(ValueTag::Double));
            writer.appendU64LittleEndian(canonical.payload);
            return;
        }
        writer.appendU8(static_cast<uint8_t>(value.tag));
        switch (value.tag) {
        case ValueTag::Int:
            writer.appendSvarint(value.intValue());
            break;
        case ValueTag::String:
        case ValueTag::Ref:
        case ValueTag::Intrinsic:
            writer.appendVarint(value.payload);
            break;
        case ValueTag::BigInt: {
            std::span<const uint8_t> magnitude;
            if (value.payload < m_snapshot.bigInts.size())
                magnitude = m_snapshot.bigInts[value.payload];
            while (!magnitude.empty() && !magnitude.back())
                magnitude = magnitude.first(magnitude.size() - 1);
            writer.appendU8(value.isNegative && !magnitude.empty());
            writer.appendBytes(magnitude);
            break;
        }
        default:
            break;
        }
    }

    void writeRecord(ByteWriter& writer, const Record& record)
    {
        auto* layout = recordLayout(static_cast<uint64_t>(record.kind));
        writer.appendVarint(static_cast<uint64_t>(record.kind));
        writer.appendVarint(record.id);
        if (!layout)
            return;
        size_t fieldIndex = 0;
        size_t valueIndex = 0;
        auto nextField
            = [&]() -> uint64_t { return fieldIndex < record.fields.size() ? record.fields[fieldIndex++] : 0; };
        auto nextValue = [&]() { return valueIndex < record.values.size() ? record.values[valueIndex++] : Value(); };
        for (auto& field : layout->fields) {
            switch (field.type) {
            case FieldType::Varint:
            case FieldType::String:
            case FieldType::SidLiteral:
                writer.appendVarint(nextField());
                break;
            case FieldType::U8:
                writer.appendU8(static_cast<uint8_t>(nextField()));
                break;
            case FieldType::Value:
                writeValue(writer, nextValue());
                break;
            case FieldType::List: {
                size_t count = (record.values.size() - std::min(valueIndex, record.values.size())) / field.max;
                writer.appendVarint(count);
                for (size_t i = 0; i < count * field.max; ++i)
                    writeValue(writer, nextValue());
                break;
            }
            case FieldType::Storage: {
                uint64_t storage = nextField();
                writer.appendU8(static_cast<uint8_t>(storage));
                if (storage == static_cast<uint64_t>(BufferStorage::Blob))
                    writer.appendVarint(nextField());
                else if (storage == static_cast<uint64_t>(BufferStorage::Inline))
                    writer.appendBytes(record.bytes);
                break;
            }
            }
        }
        if (!layout->hasObjectBody)
            return;
        writeValue(writer, record.object.prototype);
        writer.appendVarint(record.object.flags);
        writer.appendVarint(record.object.properties.size());
        for (auto& property : record.object.properties) {
            writer.appendVarint(property.key);
            writer.appendU8(property.attributes);
            writeValue(writer, property.value);
            if (property.isAccessor())
                writeValue(writer, property.setter);
        }
        if (!(record.object.flags & HasPrivateElements))
            return;
        writer.appendVarint(record.object.privateElements.size());
        for (auto& elements : record.object.privateElements) {
            writeValue(writer, elements.owner);
            writer.appendU8(elements.isStatic);
            writer.appendVarint(elements.values.size());
            for (auto& value : elements.values)
                writeValue(writer, value);
        }
    }

    static void writeString(ByteWriter& writer, const StringEntry& entry)
    {
        if (entry.storage == StringStorage::Blob) {
            writer.appendU8(2);
            writer.appendVarint(entry.blobIndex);
            writer.appendU8(entry.unitSize);
            return;
        }
        bool isLatin1 = std::all_of(entry.units.begin(), entry.units.end(), [](char16_t unit) { return unit < 256; });
        writer.appendU8(isLatin1 ? 0 : 1);
        writer.appendVarint(entry.units.size());
        for (char16_t unit : entry.units) {
            writer.appendU8(static_cast<uint8_t>(unit));
            if (!isLatin1)
                writer.appendU8(static_cast<uint8_t>(unit >> 8));
        }
    }

    std::vector<uint8_t> encode()
    {
        std::vector<uint8_t> output;
        ByteWriter writer(output);
        writer.appendRaw(std::span(reinterpret_cast<const uint8_t*>(snapshotMagic), sizeof(snapshotMagic)));
        writer.appendVarint(snapshotVersion);

        std::vector<uint8_t> payload;
        auto section = [&](SectionTag tag, auto&& fill) {
            payload.clear();
            ByteWriter sectionWriter(payload);
            fill(sectionWriter);
            writer.appendVarint(static_cast<uint64_t>(tag));
            writer.appendBytes(payload);
        };
        section(SectionTag::Meta, [&](ByteWriter& w) {
            w.appendVarint(m_snapshot.nextObjectId);
            w.appendVarint(m_snapshot.turn);
            w.appendVarint(m_snapshot.flags);
        });
        section(SectionTag::Scripts, [&](ByteWriter& w) {
            w.appendVarint(m_snapshot.scripts.size());
            for (auto& sid : m_snapshot.scripts)
                w.appendBytes(std::span(reinterpret_cast<const uint8_t*>(sid.data()), sid.size()));
        });
        section(SectionTag::Blobs, [&](ByteWriter& w) {
            w.appendVarint(m_snapshot.blobs.size());
            for (auto& blob : m_snapshot.blobs) {
                w.appendRaw(blob.hash.bytes());
                w.appendVarint(blob.size);
            }
        });
        section(SectionTag::Strings, [&](ByteWriter& w) {
            w.appendVarint(m_snapshot.strings.size());
            for (auto& entry : m_snapshot.strings)
                writeString(w, entry);
        });
        section(SectionTag::Records, [&](ByteWriter& w) {
            w.appendVarint(m_snapshot.records.size());
            for (auto& record : m_snapshot.records)
                writeRecord(w, record);
        });
        section(SectionTag::Roots, [&](ByteWriter& w) {
            auto& roots = m_snapshot.roots;
            writeValue(w, roots.global);
            w.appendVarint(roots.lexicalScopes.size());
            for (auto& scope : roots.lexicalScopes)
                writeValue(w, scope);
            writeValue(w, roots.pending);
            w.appendVarint(roots.extra.size());
            for (auto& [name, value] : roots.extra) {
                w.appendVarint(name);
                writeValue(w, value);
            }
        });
        return output;
    }

private:
    const Snapshot& m_snapshot;
};

} // namespace

namespace Offload {

std::vector<uint8_t> SnapshotWriter::write(const Snapshot& snapshot)
{
    return Encoder(snapshot).encode();
}

} // namespace Offload
