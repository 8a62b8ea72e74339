/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/RecordLayout.h"
#include "Snapshot/SnapshotModel.h"

#include <type_traits>

namespace Offload {

// Visits every string, record and blob index a record (or the roots) uses, in the order they appear in the
// encoding — the order that defines the canonical numbering of strings, and (with the exceptions listed in
// SnapshotFormat.md) of records. The callback receives the kind of index and its value and returns the index to
// store (the canonicalizer renumbers; read-only callers return it unchanged). A record whose shape does not match its
// layout is visited only as far as it matches.
enum class IndexUse : uint8_t {
    String,
    Record,
    Blob,
};

template <typename V, typename Callback> void forEachIndexInValue(V& value, Callback&& callback)
{
    IndexUse use;
    switch (value.tag) {
    case ValueTag::String:
    case ValueTag::Intrinsic:
        use = IndexUse::String;
        break;
    case ValueTag::Ref:
        use = IndexUse::Record;
        break;
    default:
        return;
    }
    uint64_t index = callback(use, value.payload);
    if constexpr (!std::is_const_v<V>)
        value.payload = index;
}

template <typename R, typename Callback> void forEachIndexInRecord(R& record, Callback&& callback)
{
    auto* layout = recordLayout(static_cast<uint64_t>(record.kind));
    if (!layout)
        return;
    size_t fieldIndex = 0;
    size_t valueIndex = 0;
    auto useField = [&](IndexUse use) {
        if (fieldIndex >= record.fields.size())
            return;
        uint64_t index = callback(use, record.fields[fieldIndex]);
        if constexpr (!std::is_const_v<R>)
            record.fields[fieldIndex] = index;
        ++fieldIndex;
    };
    for (auto& field : layout->fields) {
        switch (field.type) {
        case FieldType::Varint:
        case FieldType::U8:
            ++fieldIndex;
            break;
        case FieldType::String:
        case FieldType::SidLiteral:
            useField(IndexUse::String);
            break;
        case FieldType::Value:
            if (valueIndex < record.values.size())
                forEachIndexInValue(record.values[valueIndex++], callback);
            break;
        case FieldType::List:
            for (; valueIndex < record.values.size(); ++valueIndex)
                forEachIndexInValue(record.values[valueIndex], callback);
            break;
        case FieldType::Storage:
            if (fieldIndex < record.fields.size()
                && record.fields[fieldIndex++] == static_cast<uint64_t>(BufferStorage::Blob))
                useField(IndexUse::Blob);
            break;
        }
    }
    if (!layout->hasObjectBody)
        return;
    forEachIndexInValue(record.object.prototype, callback);
    for (auto& property : record.object.properties) {
        bool isSymbol = PropertyKey::isSymbol(property.key);
        uint64_t index = callback(isSymbol ? IndexUse::Record : IndexUse::String, PropertyKey::index(property.key));
        if constexpr (!std::is_const_v<R>)
            property.key = isSymbol ? PropertyKey::symbol(index) : PropertyKey::string(index);
        forEachIndexInValue(property.value, callback);
        if (property.isAccessor())
            forEachIndexInValue(property.setter, callback);
    }
    for (auto& elements : record.object.privateElements) {
        forEachIndexInValue(elements.owner, callback);
        for (auto& value : elements.values)
            forEachIndexInValue(value, callback);
    }
}

template <typename RootsType, typename Callback> void forEachIndexInRoots(RootsType& roots, Callback&& callback)
{
    forEachIndexInValue(roots.global, callback);
    for (auto& scope : roots.lexicalScopes)
        forEachIndexInValue(scope, callback);
    forEachIndexInValue(roots.pending, callback);
    for (auto& entry : roots.extra) {
        uint64_t index = callback(IndexUse::String, entry.first);
        if constexpr (!std::is_const_v<RootsType>)
            entry.first = index;
        forEachIndexInValue(entry.second, callback);
    }
}

} // namespace Offload
