/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/SnapshotCanonicalizer.h"
#include "Snapshot/SnapshotModel.h"

#include <map>
#include <random>
#include <string>
#include <vector>

namespace Offload::Test {

constexpr const char* xhtmlNamespace = "http://www.w3.org/1999/xhtml";

// The fields of a DomNode record (Documentation/SnapshotFormat.md, "DOM nodes"), for ModelBuilder::domNode().
struct DomNodeSpec {
    DomNodeType type { DomNodeType::Element };
    const char* prototype { "Node.prototype" }; // The intrinsic path of its prototype.
    Value name { Value::null() };
    Value namespaceURI { Value::null() };
    Value prefix { Value::null() };
    Value data { Value::null() };
    Value extra { Value::null() };
    Value state { Value::null() };
    std::vector<uint64_t> attributes {};
    std::vector<uint64_t> children {};
    uint64_t flags { 0 };
};

// Builds snapshot models by hand, in any order: finish() canonicalizes them (SnapshotCanonicalizer), so tests say
// what the heap holds and not how the format numbers it.
class ModelBuilder {
public:
    ModelBuilder()
    {
        // The global object is always the first record and the first root.
        globalObject = add(RecordKind::Global);
        m_snapshot.roots.global = Value::ref(globalObject);
        m_snapshot.records[globalObject].object.prototype = intrinsic("Object.prototype");
        m_snapshot.roots.pending = Value::ref(add(RecordKind::Array, { 0 }));
    }

    uint64_t string(std::string_view text) { return string(StringEntry::fromLatin1(text).units); }
    uint64_t string(const std::u16string& units)
    {
        auto [it, isNew] = m_strings.emplace(units, m_snapshot.strings.size());
        if (isNew)
            m_snapshot.strings.push_back(StringEntry::fromUnits(units));
        return it->second;
    }
    Value stringValue(std::string_view text) { return Value::string(string(text)); }
    Value intrinsic(std::string_view path) { return Value::intrinsic(string(path)); }

    // A string of 4096 code units or more, carried as a blob.
    uint64_t blobString(const std::string& latin1)
    {
        uint64_t blob = this->blob(std::vector<uint8_t>(latin1.begin(), latin1.end()));
        m_snapshot.strings.push_back(StringEntry::fromBlob(blob, 1));
        return m_snapshot.strings.size() - 1;
    }

    uint64_t blob(std::vector<uint8_t> body)
    {
        m_snapshot.blobs.push_back({ ContentHash::compute(body), body.size() });
        blobBodies.push_back(std::move(body));
        return m_snapshot.blobs.size() - 1;
    }

    Value bigInt(bool isNegative, std::vector<uint8_t> magnitude)
    {
        m_snapshot.bigInts.push_back(std::move(magnitude));
        return Value::bigInt(m_snapshot.bigInts.size() - 1, isNegative);
    }

    uint64_t add(RecordKind kind, std::vector<uint64_t> fields = {}, std::vector<Value> values = {})
    {
        Record record;
        record.kind = kind;
        record.id = m_nextId++;
        record.fields = std::move(fields);
        record.values = std::move(values);
        if (kind != RecordKind::Scope && kind != RecordKind::Proxy && kind != RecordKind::Symbol
            && kind != RecordKind::RegisteredSymbol && kind != RecordKind::WellKnownSymbol
            && kind != RecordKind::ResolvingFunction && kind != RecordKind::PromiseCombinator
            && kind != RecordKind::Global)
            record.object.prototype = Value::intrinsic(string(std::string(kindPrototype(kind))));
        m_snapshot.records.push_back(std::move(record));
        return m_snapshot.records.size() - 1;
    }

    Record& record(uint64_t index) { return m_snapshot.records[index]; }

    void property(uint64_t object, std::string_view key, Value value, uint8_t attributes = plainDataProperty)
    {
        record(object).object.properties.push_back({ PropertyKey::string(string(key)), attributes, value, {} });
    }
    void symbolProperty(uint64_t object, uint64_t symbol, Value value)
    {
        record(object).object.properties.push_back({ PropertyKey::symbol(symbol), plainDataProperty, value, {} });
    }
    void accessor(uint64_t object, std::string_view key, Value getter, Value setter,
        uint8_t attributes = Enumerable | Configurable)
    {
        record(object).object.properties.push_back(
            { PropertyKey::string(string(key)), static_cast<uint8_t>(attributes | Accessor), getter, setter });
    }
    uint64_t domNode(const DomNodeSpec& spec)
    {
        std::vector<Value> values { spec.name, spec.namespaceURI, spec.prefix, spec.data, spec.extra, spec.state };
        for (auto node : spec.attributes)
            values.push_back(Value::ref(node));
        for (auto node : spec.children)
            values.push_back(Value::ref(node));
        uint64_t node = add(RecordKind::DomNode,
            { static_cast<uint64_t>(spec.type), spec.flags, spec.attributes.size() }, std::move(values));
        record(node).object.prototype = intrinsic(spec.prototype);
        return node;
    }
    uint64_t htmlElement(std::string_view localName, const char* prototype, std::vector<uint64_t> attributes = {},
        std::vector<uint64_t> children = {})
    {
        return domNode({ .type = DomNodeType::Element,
            .prototype = prototype,
            .name = stringValue(localName),
            .namespaceURI = stringValue(xhtmlNamespace),
            .attributes = std::move(attributes),
            .children = std::move(children) });
    }
    uint64_t attribute(std::string_view localName, std::string_view value)
    {
        return domNode({ .type = DomNodeType::Attribute,
            .prototype = "Attr.prototype",
            .name = stringValue(localName),
            .data = stringValue(value) });
    }
    // A Text, Comment or CDATASection node.
    uint64_t characterData(DomNodeType type, std::string_view data)
    {
        const char* prototype = type == DomNodeType::Comment ? "Comment.prototype"
            : type == DomNodeType::Text                      ? "Text.prototype"
                                                             : "CDATASection.prototype";
        return domNode({ .type = type, .prototype = prototype, .data = stringValue(data) });
    }

    // Makes `object` reachable as a global variable.
    void global(std::string_view name, Value value) { property(globalObject, name, value); }

    Snapshot finish()
    {
        m_snapshot.nextObjectId = m_nextId;
        SnapshotCanonicalizer::canonicalize(m_snapshot);
        return m_snapshot;
    }

    Snapshot& snapshot() { return m_snapshot; }

    uint64_t globalObject { 0 };
    std::vector<std::vector<uint8_t>> blobBodies;

private:
    static const char* kindPrototype(RecordKind kind)
    {
        switch (kind) {
        case RecordKind::Array:
            return "Array.prototype";
        case RecordKind::Function:
        case RecordKind::BoundFunction:
            return "Function.prototype";
        case RecordKind::Map:
            return "Map.prototype";
        case RecordKind::Promise:
            return "Promise.prototype";
        default:
            return "Object.prototype";
        }
    }

    Snapshot m_snapshot;
    std::map<std::u16string, uint64_t> m_strings;
    uint64_t m_nextId { 1 };
};

// Exchanges two records (or two strings) and rewrites every index, so the model means the same but its numbering
// is no longer canonical.
void swapRecords(Snapshot&, uint64_t a, uint64_t b);
void swapStrings(Snapshot&, uint64_t a, uint64_t b);

// Makes one to three random edits to the records of `snapshot` (a value's tag or index, a field, a kind, a property's
// key or attributes, a value added or removed, a prototype), with indices near the tables' ends so that some are just
// out of range: the model stays encodable, and most such models break a rule of the format.
void mutateRecords(Snapshot&, std::mt19937_64&);

// A page's document and nodes JavaScript holds apart from it: a doctype; html, head and body elements; attributes
// with and without a namespace; text, a comment, an already started script, an SVG element; a template with its
// content; a detached element held by an object's property (with an expando), a list item held by a global while
// its detached list is held only through it, and a detached fragment holding a processing instruction and a CDATA
// section. The document is the extra root "document".
Snapshot buildDocumentSnapshot();

// A snapshot holding every record kind, every value tag and every string encoding at least once. `blobBodies`
// receives the bodies of its blobs (a 5000-unit string and a 6000-byte buffer).
Snapshot buildRichSnapshot(std::vector<std::vector<uint8_t>>* blobBodies = nullptr);

// The smallest valid snapshot: a global object and an empty pending queue.
Snapshot buildMinimalSnapshot();

// A snapshot shaped like a small app: `count` objects in a list, closures sharing a scope, a typed array.
Snapshot buildAppSnapshot(unsigned count, std::vector<std::vector<uint8_t>>* blobBodies = nullptr);

} // namespace Offload::Test
