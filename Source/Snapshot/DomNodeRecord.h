/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/SnapshotModel.h"

#include <algorithm>
#include <span>

namespace Offload {

// Reads a DomNode record's fields by name. The DomNode layout (RecordLayout.cpp) stores nodeType, flags and
// attributeCount in Record::fields, and name, namespace, prefix, data, extra and state, then the attribute and child
// refs, in Record::values. The accessors need a record of that shape (hasShape()): the validator checks shapes
// before anything reads them, and the dumper, which prints broken input too, asks first.
class DomNodeRecord {
public:
    explicit DomNodeRecord(const Record& record)
        : m_record(record)
    {
    }

    static bool hasShape(const Record& record)
    {
        return record.kind == RecordKind::DomNode && record.fields.size() == fieldCount
            && record.values.size() >= fixedValueCount;
    }

    uint64_t nodeType() const { return m_record.fields[0]; }
    bool isNodeType(DomNodeType type) const { return nodeType() == static_cast<uint64_t>(type); }
    uint64_t flags() const { return m_record.fields[1]; }
    uint64_t attributeCount() const { return m_record.fields[2]; }

    const Value& name() const { return m_record.values[0]; }
    const Value& namespaceURI() const { return m_record.values[1]; }
    const Value& prefix() const { return m_record.values[2]; }
    const Value& data() const { return m_record.values[3]; }
    const Value& extra() const { return m_record.values[4]; }
    const Value& state() const { return m_record.values[5]; }

    // The attributes, then the children. attributes() stops at the end of the items when attributeCount is too
    // large (a rule the validator reports).
    std::span<const Value> items() const { return std::span(m_record.values).subspan(fixedValueCount); }
    std::span<const Value> attributes() const
    {
        return items().first(std::min<uint64_t>(attributeCount(), items().size()));
    }
    std::span<const Value> children() const { return items().subspan(attributes().size()); }

    static constexpr size_t fieldCount = 3;
    static constexpr size_t fixedValueCount = 6;

private:
    const Record& m_record;
};

} // namespace Offload
