/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/SnapshotValidator.h"

#include "Snapshot/DomRules.h"
#include "Snapshot/RecordLayout.h"
#include "Snapshot/RecordRules.h"
#include "Snapshot/SnapshotError.h"
#include "Snapshot/SnapshotReader.h"
#include "Snapshot/SnapshotTraversal.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace {

using namespace Offload;

class Validator {
public:
    Validator(const Snapshot& snapshot, GError** error, const SnapshotLayoutInfo* layout)
        : m_snapshot(snapshot)
        , m_error(error)
        , m_layout(layout)
    {
    }

    bool validate();

private:
    bool fail(SnapshotError code, const std::string& message)
    {
        std::string where;
        if (m_recordIndex) {
            where = "Records section, record #" + std::to_string(*m_recordIndex);
            if (m_layout && *m_recordIndex < m_layout->recordOffsets.size())
                where += " (offset " + std::to_string(m_layout->recordOffsets[*m_recordIndex]) + ")";
            if (*m_recordIndex < m_snapshot.records.size()) {
                if (auto* layout = recordLayout(static_cast<uint64_t>(m_snapshot.records[*m_recordIndex].kind)))
                    where += std::string(" ") + layout->name;
            }
        } else
            where = std::string(m_section) + " section";
        if (m_field)
            where += std::string(", ") + m_field;
        g_set_error(m_error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(code), "%s: %s", where.c_str(), message.c_str());
        return false;
    }

    const Record* recordAt(const Value& value) const
    {
        return value.tag == ValueTag::Ref && value.payload < m_snapshot.records.size()
            ? &m_snapshot.records[value.payload]
            : nullptr;
    }
    bool isRefOfKind(const Value& value, RecordKind kind) const
    {
        auto* record = recordAt(value);
        return record && record->kind == kind;
    }

    bool checkValue(const Value&, ValueRule);
    bool checkStrings();
    bool checkRecord(uint64_t index);
    bool checkShape(const Record&, const RecordLayout&);
    bool checkObjectBody(const Record&);
    bool checkPrivateElements(const ObjectBody&);
    bool checkScopeChains();
    bool checkDomTree();
    bool failAt(const DomRules::TreeViolation&);
    bool checkRoots();
    bool checkCanonicalOrder();

    const Snapshot& m_snapshot;
    GError** m_error;
    const SnapshotLayoutInfo* m_layout;
    const char* m_section { "Meta" };
    std::optional<uint64_t> m_recordIndex;
    const char* m_field { nullptr };
    std::unordered_set<uint64_t> m_keys;
    std::vector<DomRules::Owner> m_domOwners; // Empty when there is no DomNode record.
};

bool Validator::validate()
{
    if (m_snapshot.flags)
        return fail(SnapshotError::Malformed,
            "flags " + std::to_string(m_snapshot.flags) + " has unknown bits (version 1 has none)");

    m_section = "Scripts";
    for (size_t i = 0; i < m_snapshot.scripts.size(); ++i) {
        if (!RecordRules::isScriptId(m_snapshot.scripts[i]))
            return fail(SnapshotError::Malformed, "script #" + std::to_string(i) + " is not 16 lowercase hex digits");
    }

    m_section = "Blobs";
    for (size_t i = 1; i < m_snapshot.blobs.size(); ++i) {
        if (!(m_snapshot.blobs[i - 1].hash < m_snapshot.blobs[i].hash))
            return fail(SnapshotError::NonCanonical,
                "blob #" + std::to_string(i) + " is not sorted after blob #" + std::to_string(i - 1)
                    + " (or repeats it)");
    }

    m_section = "Strings";
    if (!checkStrings())
        return false;

    m_section = "Records";
    if (m_snapshot.records.empty() || m_snapshot.records[0].kind != RecordKind::Global)
        return fail(SnapshotError::Malformed, "record 0 must be the Global record");
    // Shapes first: the per-kind checks below look into other records (a view's buffer, a key's symbol).
    for (uint64_t index = 0; index < m_snapshot.records.size(); ++index) {
        m_recordIndex = index;
        auto& record = m_snapshot.records[index];
        auto* layout = recordLayout(static_cast<uint64_t>(record.kind));
        if (!layout)
            return fail(
                SnapshotError::Malformed, "unknown record kind " + std::to_string(static_cast<unsigned>(record.kind)));
        if (!checkShape(record, *layout))
            return false;
    }
    std::unordered_set<uint64_t> ids;
    ids.reserve(m_snapshot.records.size());
    for (uint64_t index = 0; index < m_snapshot.records.size(); ++index) {
        m_recordIndex = index;
        auto& record = m_snapshot.records[index];
        if (!ids.insert(record.id).second)
            return fail(SnapshotError::Malformed, "id " + std::to_string(record.id) + " is used by an earlier record");
        if (record.id >= m_snapshot.nextObjectId)
            return fail(SnapshotError::Malformed,
                "id " + std::to_string(record.id) + " is not below Meta.nextObjectId "
                    + std::to_string(m_snapshot.nextObjectId));
        if (!checkRecord(index))
            return false;
    }
    m_recordIndex.reset();
    if (!checkScopeChains() || !checkDomTree())
        return false;

    m_section = "Roots";
    if (!checkRoots())
        return false;
    return checkCanonicalOrder();
}

bool Validator::checkValue(const Value& value, ValueRule rule)
{
    auto expected = [&](const char* what) {
        return fail(SnapshotError::Malformed, std::string("expected ") + what + ", found " + valueTagName(value.tag));
    };
    // Index ranges and canonical number encodings first: they hold for every rule.
    switch (value.tag) {
    case ValueTag::Int:
        if (static_cast<int64_t>(value.payload) != value.intValue())
            return fail(SnapshotError::Malformed, "int value outside the int32 range");
        break;
    case ValueTag::Double: {
        double number = value.doubleValue();
        if (std::isnan(number) && value.payload != Value::canonicalNaN)
            return fail(SnapshotError::NonCanonical, "NaN is not 0x7ff8000000000000");
        if (Value::number(number).tag == ValueTag::Int)
            return fail(SnapshotError::NonCanonical,
                "double " + std::to_string(number) + " is an int32 and must be encoded as int");
        break;
    }
    case ValueTag::String:
    case ValueTag::Intrinsic:
        if (value.payload >= m_snapshot.strings.size())
            return fail(SnapshotError::DanglingReference,
                std::string(valueTagName(value.tag)) + " string index " + std::to_string(value.payload)
                    + " is not below the string count " + std::to_string(m_snapshot.strings.size()));
        break;
    case ValueTag::Ref:
        if (value.payload >= m_snapshot.records.size())
            return fail(SnapshotError::DanglingReference,
                "ref " + std::to_string(value.payload) + " is not below the record count "
                    + std::to_string(m_snapshot.records.size()));
        break;
    case ValueTag::BigInt: {
        if (value.payload >= m_snapshot.bigInts.size())
            return fail(SnapshotError::DanglingReference, "bigint has no magnitude");
        auto& magnitude = m_snapshot.bigInts[value.payload];
        if ((!magnitude.empty() && !magnitude.back()) || (magnitude.empty() && value.isNegative))
            return fail(SnapshotError::NonCanonical, "bigint magnitude has a trailing zero byte or is -0n");
        break;
    }
    default:
        if (static_cast<uint8_t>(value.tag) > lastValueTag)
            return fail(SnapshotError::Malformed, "unknown value tag");
        break;
    }

    auto tag = value.tag;
    bool isRefOrIntrinsic = tag == ValueTag::Ref || tag == ValueTag::Intrinsic;
    switch (rule) {
    case ValueRule::Any:
    case ValueRule::ArrayElement:
    case ValueRule::Binding:
        if (tag == ValueTag::Hole && rule != ValueRule::ArrayElement)
            return fail(SnapshotError::Malformed, "hole is only allowed among Array elements");
        if (tag == ValueTag::Uninitialized && rule != ValueRule::Binding)
            return fail(SnapshotError::Malformed, "uninitialized is only allowed among Scope bindings");
        return true;
    case ValueRule::ScopeOrNull:
        return tag == ValueTag::Null || isRefOfKind(value, RecordKind::Scope) || expected("a Scope ref or null");
    case ValueRule::RefOrIntrinsic:
        return isRefOrIntrinsic || expected("a ref or an intrinsic");
    case ValueRule::UndefinedRefOrIntrinsic:
        return isRefOrIntrinsic || tag == ValueTag::Undefined || expected("undefined, a ref or an intrinsic");
    case ValueRule::NullRefOrIntrinsic:
        return isRefOrIntrinsic || tag == ValueTag::Null || expected("null, a ref or an intrinsic");
    case ValueRule::Number:
        return tag == ValueTag::Int || tag == ValueTag::Double || expected("a number");
    case ValueRule::Primitive: {
        auto* record = recordAt(value);
        bool isSymbol = record
            && (record->kind == RecordKind::Symbol || record->kind == RecordKind::RegisteredSymbol
                || record->kind == RecordKind::WellKnownSymbol);
        return isSymbol || tag == ValueTag::False || tag == ValueTag::True || tag == ValueTag::Int
            || tag == ValueTag::Double || tag == ValueTag::String || tag == ValueTag::BigInt
            || expected("a boolean, number, string, bigint or symbol ref");
    }
    case ValueRule::StringOrUndefined:
        return tag == ValueTag::String || tag == ValueTag::Undefined || expected("a string or undefined");
    case ValueRule::ArrayBufferRef:
        return isRefOfKind(value, RecordKind::ArrayBuffer) || expected("an ArrayBuffer ref");
    case ValueRule::PromiseRef:
        return isRefOfKind(value, RecordKind::Promise) || expected("a Promise ref");
    case ValueRule::ArrayRef:
        return isRefOfKind(value, RecordKind::Array) || expected("an Array ref");
    case ValueRule::GlobalRef:
        return (tag == ValueTag::Ref && !value.payload) || expected("a ref to record 0");
    case ValueRule::Boolean:
        return tag == ValueTag::True || tag == ValueTag::False || expected("a boolean");
    case ValueRule::ProxyOrNull:
        return tag == ValueTag::Null || isRefOfKind(value, RecordKind::Proxy) || expected("a Proxy ref or null");
    case ValueRule::CombinatorRef:
        return isRefOfKind(value, RecordKind::PromiseCombinator) || expected("a PromiseCombinator ref");
    case ValueRule::ArrayIndex:
        return (tag == ValueTag::Int && value.intValue() >= 0) || expected("an int that is not negative");
    case ValueRule::StringOrNull:
        return tag == ValueTag::String || tag == ValueTag::Null || expected("a string or null");
    case ValueRule::DomNodeOrNull:
        return tag == ValueTag::Null || isRefOfKind(value, RecordKind::DomNode) || expected("a DomNode ref or null");
    case ValueRule::DomNodeRef:
        return isRefOfKind(value, RecordKind::DomNode) || expected("a DomNode ref");
    }
    return true;
}

bool Validator::checkStrings()
{
    std::unordered_set<std::u16string_view> inlineStrings;
    std::unordered_set<uint64_t> blobStrings;
    inlineStrings.reserve(m_snapshot.strings.size());
    for (size_t i = 0; i < m_snapshot.strings.size(); ++i) {
        auto& entry = m_snapshot.strings[i];
        auto name = [i] { return "string #" + std::to_string(i); };
        if (entry.storage == StringStorage::Inline) {
            if (entry.units.size() >= blobThreshold)
                return fail(SnapshotError::NonCanonical, name() + " has 4096 code units or more and must be a blob");
            if (!inlineStrings.insert(entry.units).second)
                return fail(SnapshotError::NonCanonical, name() + " repeats an earlier string");
            continue;
        }
        if (entry.blobIndex >= m_snapshot.blobs.size())
            return fail(SnapshotError::DanglingReference,
                name() + " names blob " + std::to_string(entry.blobIndex) + " but there are "
                    + std::to_string(m_snapshot.blobs.size()));
        if (entry.unitSize != 1 && entry.unitSize != 2)
            return fail(
                SnapshotError::Malformed, name() + " has unit size " + std::to_string(entry.unitSize) + " (1 or 2)");
        uint64_t size = m_snapshot.blobs[entry.blobIndex].size;
        if (size % entry.unitSize || size / entry.unitSize < blobThreshold)
            return fail(SnapshotError::Malformed,
                name() + ": its blob of " + std::to_string(size)
                    + " bytes is not a whole number of at least 4096 code units");
        if (!blobStrings.insert(entry.blobIndex << 1 | (entry.unitSize - 1)).second)
            return fail(SnapshotError::NonCanonical, name() + " repeats an earlier string");
    }
    return true;
}

bool Validator::checkShape(const Record& record, const RecordLayout& layout)
{
    // A decoded record always has its layout's shape; a hand-built one might not, and the traversal relies on it.
    size_t fields = 0;
    size_t fixedValues = layout.fixedValueCount();
    bool hasInlineBytes = false;
    for (auto& field : layout.fields) {
        if (field.type == FieldType::Storage) {
            if (record.fields.size() <= fields || record.fields[fields] > 2)
                return fail(SnapshotError::Malformed, "storage must be 0 (inline), 1 (blob) or 2 (detached)");
            hasInlineBytes = !record.fields[fields];
            fields += record.fields[fields] == static_cast<uint64_t>(BufferStorage::Blob) ? 2 : 1;
        } else if (field.type != FieldType::Value && field.type != FieldType::List)
            ++fields;
    }
    auto* list = layout.list();
    bool valuesFit = list ? record.values.size() >= fixedValues && !((record.values.size() - fixedValues) % list->max)
                          : record.values.size() == fixedValues;
    if (record.fields.size() != fields || !valuesFit || (!hasInlineBytes && !record.bytes.empty()))
        return fail(SnapshotError::Malformed, "the record's fields do not match its kind's layout");
    if (!layout.hasObjectBody
        && (record.object.prototype != Value::null() || record.object.flags || !record.object.properties.empty()))
        return fail(SnapshotError::Malformed, "a record of this kind has no ObjectBody");
    return true;
}

bool Validator::checkRecord(uint64_t index)
{
    auto& record = m_snapshot.records[index];
    auto* layout = recordLayout(static_cast<uint64_t>(record.kind));
    if (record.kind == RecordKind::Global && index)
        return fail(SnapshotError::Malformed, "only record 0 may be the Global record");

    size_t fieldIndex = 0;
    size_t valueIndex = 0;
    for (auto& field : layout->fields) {
        m_field = field.name;
        switch (field.type) {
        case FieldType::Varint:
            ++fieldIndex;
            break;
        case FieldType::U8:
            if (record.fields[fieldIndex++] > field.max)
                return fail(SnapshotError::Malformed, "value above the maximum " + std::to_string(field.max));
            break;
        case FieldType::String:
        case FieldType::SidLiteral: {
            uint64_t stringIndex = record.fields[fieldIndex++];
            if (stringIndex >= m_snapshot.strings.size())
                return fail(SnapshotError::DanglingReference,
                    "string index " + std::to_string(stringIndex) + " is not below the string count "
                        + std::to_string(m_snapshot.strings.size()));
            if (field.type == FieldType::SidLiteral && !RecordRules::isLiteralId(m_snapshot.strings[stringIndex]))
                return fail(SnapshotError::Malformed,
                    "string #" + std::to_string(stringIndex) + " is not a literal id \"sid:N\"");
            break;
        }
        case FieldType::Value:
            if (!checkValue(record.values[valueIndex++], field.rule))
                return false;
            break;
        case FieldType::List:
            for (size_t item = 0; valueIndex < record.values.size(); ++valueIndex, ++item) {
                auto rule = (field.max > 1 && item % field.max) ? field.secondRule : field.rule;
                if (!checkValue(record.values[valueIndex], rule))
                    return false;
            }
            break;
        case FieldType::Storage:
            if (record.fields[fieldIndex++] == static_cast<uint64_t>(BufferStorage::Blob)) {
                uint64_t blobIndex = record.fields[fieldIndex++];
                if (blobIndex >= m_snapshot.blobs.size())
                    return fail(SnapshotError::DanglingReference,
                        "blob index " + std::to_string(blobIndex) + " is not below the blob count "
                            + std::to_string(m_snapshot.blobs.size()));
            }
            break;
        }
    }
    m_field = nullptr;
    // The body first: the kind checks below read property keys, which must be known to be in range.
    if (layout->hasObjectBody && !checkObjectBody(record))
        return false;

    switch (record.kind) {
    case RecordKind::Array:
        if (auto violation = RecordRules::checkArray(m_snapshot, record))
            return fail(violation->code, violation->message);
        break;
    case RecordKind::ArrayBuffer:
        if (auto violation = RecordRules::checkArrayBuffer(m_snapshot, record))
            return fail(violation->code, violation->message);
        break;
    case RecordKind::TypedArray:
    case RecordKind::DataView:
        if (auto violation = RecordRules::checkView(m_snapshot, record))
            return fail(violation->code, violation->message);
        break;
    case RecordKind::Arguments:
        if (auto violation = RecordRules::checkArguments(m_snapshot, record))
            return fail(violation->code, violation->message);
        break;
    case RecordKind::ProxyRevoke:
        if (record.values[0].isRef() && m_snapshot.records[record.values[0].payload].values[0].tag == ValueTag::Null)
            return fail(SnapshotError::Malformed, "a revoke function names a proxy that is revoked already");
        break;
    case RecordKind::PromiseCombinatorElement: {
        auto& combinator = m_snapshot.records[record.values[0].payload];
        if (record.fields[1] >= (combinator.values.size() - 2) / 2)
            return fail(SnapshotError::Malformed, "the element's index is not below its combinator's element count");
        break;
    }
    case RecordKind::Proxy:
        if ((record.values[0].tag == ValueTag::Null) != (record.values[1].tag == ValueTag::Null))
            return fail(SnapshotError::Malformed, "a Proxy's target and handler are both null (revoked) or neither is");
        break;
    case RecordKind::WellKnownSymbol: {
        if (!RecordRules::isWellKnownSymbolName(m_snapshot.strings[record.fields[0]]))
            return fail(SnapshotError::Malformed,
                "string #" + std::to_string(record.fields[0]) + " is not the name of a well-known symbol");
        break;
    }
    case RecordKind::IntlObject:
        if (!RecordRules::isIntlConstructorName(m_snapshot.strings[record.fields[0]]))
            return fail(SnapshotError::Malformed,
                "string #" + std::to_string(record.fields[0]) + " is not the name of an Intl constructor");
        break;
    case RecordKind::DomNode:
        if (auto violation = DomRules::checkNode(m_snapshot, record)) {
            m_field = violation->field;
            return fail(violation->code, violation->message);
        }
        break;
    default:
        break;
    }
    return true;
}

// Each entry names a Function record (a class); a static entry is the record's own. Entries are in canonical order:
// by the class's literal id, then by the class's object id, a static entry before an instance one.
bool Validator::checkPrivateElements(const ObjectBody& body)
{
    m_field = "private elements";
    const PrivateElements* previous = nullptr;
    for (auto& elements : body.privateElements) {
        if (!checkValue(elements.owner, ValueRule::RefOrIntrinsic))
            return false;
        if (!elements.owner.isRef() || elements.owner.payload >= m_snapshot.records.size()
            || m_snapshot.records[elements.owner.payload].kind != RecordKind::Function)
            return fail(SnapshotError::DanglingReference, "the class of private elements is not a Function record");
        if (elements.isStatic && elements.owner.payload != *m_recordIndex)
            return fail(SnapshotError::Malformed, "static private elements belong to another record");
        for (auto& value : elements.values) {
            if (!checkValue(value, ValueRule::Any))
                return false;
        }
        if (previous) {
            auto& a = m_snapshot.records[previous->owner.payload];
            auto& b = m_snapshot.records[elements.owner.payload];
            auto literalOf = [&](const Record& owner) -> const std::u16string& {
                return m_snapshot.strings[owner.fields[0]].units;
            };
            auto order = literalOf(a) <=> literalOf(b);
            if (order == 0)
                order = a.id <=> b.id;
            if (order == 0)
                order = static_cast<int>(!previous->isStatic) <=> static_cast<int>(!elements.isStatic);
            if (order >= 0)
                return fail(SnapshotError::Malformed, "private elements are not in canonical order");
        }
        previous = &elements;
    }
    return true;
}

bool Validator::checkObjectBody(const Record& record)
{
    auto& body = record.object;
    m_field = "prototype";
    if (!checkValue(body.prototype, ValueRule::NullRefOrIntrinsic))
        return false;
    m_field = "flags";
    uint64_t allowedFlags = NotExtensible | HasPrivateElements
        | (record.kind == RecordKind::Array ? uint64_t(ArrayLengthNotWritable) : 0);
    if (body.flags & ~allowedFlags)
        return fail(SnapshotError::Malformed, "object flags " + std::to_string(body.flags) + " have unknown bits");
    if (!!(body.flags & HasPrivateElements) != !body.privateElements.empty())
        return fail(SnapshotError::Malformed, "the private elements flag does not match the private elements");
    if (!checkPrivateElements(body))
        return false;
    m_field = "properties";
    m_keys.clear();
    for (size_t i = 0; i < body.properties.size(); ++i) {
        auto& property = body.properties[i];
        auto name = [i] { return "property #" + std::to_string(i); };
        uint64_t index = PropertyKey::index(property.key);
        if (PropertyKey::isSymbol(property.key)) {
            if (index >= m_snapshot.records.size())
                return fail(SnapshotError::DanglingReference,
                    name() + " has symbol key record " + std::to_string(index) + ", not below the record count");
            auto kind = m_snapshot.records[index].kind;
            if (kind != RecordKind::Symbol && kind != RecordKind::RegisteredSymbol
                && kind != RecordKind::WellKnownSymbol)
                return fail(SnapshotError::DanglingReference,
                    name() + " has a symbol key whose record #" + std::to_string(index) + " is not a symbol");
        } else if (index >= m_snapshot.strings.size())
            return fail(SnapshotError::DanglingReference,
                name() + " has key string " + std::to_string(index) + ", not below the string count");
        // Most objects have a handful of properties: comparing with the earlier keys beats hashing them.
        bool isRepeated = body.properties.size() <= 16 ? std::any_of(body.properties.begin(),
                              body.properties.begin() + i, [&](auto& earlier) { return earlier.key == property.key; })
                                                       : !m_keys.insert(property.key).second;
        if (isRepeated)
            return fail(SnapshotError::Malformed, name() + " repeats an earlier key");
        if ((property.attributes & 0xf0) || (property.isAccessor() && (property.attributes & Writable)))
            return fail(
                SnapshotError::Malformed, name() + " has invalid attributes " + std::to_string(property.attributes));
        if (property.isAccessor()) {
            if (!checkValue(property.value, ValueRule::UndefinedRefOrIntrinsic)
                || !checkValue(property.setter, ValueRule::UndefinedRefOrIntrinsic))
                return false;
        } else if (!checkValue(property.value, ValueRule::Any))
            return false;
    }
    m_field = nullptr;
    return true;
}

bool Validator::checkScopeChains()
{
    // Follows each Scope's parent chain once, marking records done, so the check is linear.
    enum class State : uint8_t { Unvisited, OnPath, Done };
    std::vector<State> states(m_snapshot.records.size(), State::Unvisited);
    std::vector<uint64_t> path;
    for (uint64_t start = 0; start < m_snapshot.records.size(); ++start) {
        uint64_t current = start;
        path.clear();
        while (m_snapshot.records[current].kind == RecordKind::Scope && states[current] == State::Unvisited) {
            states[current] = State::OnPath;
            path.push_back(current);
            auto& parent = m_snapshot.records[current].values[0];
            if (parent.tag != ValueTag::Ref)
                break;
            current = parent.payload;
            if (states[current] == State::OnPath) {
                m_recordIndex = current;
                return fail(SnapshotError::Malformed, "the Scope is its own ancestor");
            }
        }
        for (auto index : path)
            states[index] = State::Done;
    }
    return true;
}

bool Validator::checkDomTree()
{
    if (auto violation = DomRules::checkTree(m_snapshot, m_domOwners))
        return failAt(*violation);
    return true;
}

bool Validator::failAt(const DomRules::TreeViolation& violation)
{
    m_recordIndex = violation.record;
    m_field = violation.violation.field;
    return fail(violation.violation.code, violation.violation.message);
}

bool Validator::checkRoots()
{
    auto& roots = m_snapshot.roots;
    m_field = "global";
    if (!checkValue(roots.global, ValueRule::GlobalRef))
        return false;
    m_field = "lexicalScopes";
    if (roots.lexicalScopes.size() != m_snapshot.scripts.size())
        return fail(SnapshotError::Malformed,
            std::to_string(roots.lexicalScopes.size()) + " lexical scopes for "
                + std::to_string(m_snapshot.scripts.size()) + " scripts");
    for (auto& scope : roots.lexicalScopes) {
        if (!checkValue(scope, ValueRule::ScopeOrNull))
            return false;
    }
    m_field = "pending";
    if (!checkValue(roots.pending, ValueRule::ArrayRef))
        return false;
    m_field = "extra";
    // Names may repeat: the runtime lists every changed built-in under "intrinsic".
    for (auto& [name, value] : roots.extra) {
        if (name >= m_snapshot.strings.size())
            return fail(SnapshotError::DanglingReference,
                "extra root name " + std::to_string(name) + " is not below the string count");
        if (!checkValue(value, ValueRule::Any))
            return false;
    }
    if (auto violation = DomRules::checkDocumentRoot(m_snapshot))
        return failAt(*violation);
    m_field = nullptr;
    return true;
}

bool Validator::checkCanonicalOrder()
{
    // Every record is reachable from the roots. The exact numbering is the capture walk's (SnapshotFormat.md,
    // "Canonical form"); it is not re-derived here because the order of weak-collection entries depends on the
    // runtime's registry, which the snapshot does not show. capture ∘ restore ∘ capture identity checks it end to
    // end.
    std::optional<std::string> problem;
    std::vector<bool> isReached(m_snapshot.records.size());
    std::vector<uint64_t> queue;
    queue.reserve(m_snapshot.records.size());
    auto reach = [&](IndexUse use, uint64_t index) {
        if (use == IndexUse::Record && !isReached[index]) {
            isReached[index] = true;
            queue.push_back(index);
        }
        return index;
    };
    forEachIndexInRoots(m_snapshot.roots, reach);
    for (size_t position = 0; position < queue.size(); ++position) {
        forEachIndexInRecord(m_snapshot.records[queue[position]], reach);
        // JavaScript reaches a node's parent (parentNode, ownerElement), which the node's record does not name.
        if (auto parent = DomRules::parentInWalk(m_domOwners, queue[position]))
            reach(IndexUse::Record, *parent);
    }
    if (queue.size() != m_snapshot.records.size()) {
        m_recordIndex = std::find(isReached.begin(), isReached.end(), false) - isReached.begin();
        return fail(SnapshotError::NonCanonical, "the record is not reachable from the roots");
    }
    m_recordIndex.reset();

    uint64_t nextString = 0;
    std::vector<bool> usedBlobs(m_snapshot.blobs.size());
    auto visitStrings = [&](IndexUse use, uint64_t index) {
        if (use == IndexUse::String && !problem) {
            if (index == nextString)
                ++nextString;
            else if (index > nextString)
                problem = "string #" + std::to_string(index) + " is used before string #" + std::to_string(nextString)
                    + " (strings are numbered by first use)";
        } else if (use == IndexUse::Blob)
            usedBlobs[index] = true;
        return index;
    };
    m_section = "Strings";
    for (uint64_t index = 0; index < m_snapshot.records.size() && !problem; ++index) {
        m_recordIndex = index;
        forEachIndexInRecord(m_snapshot.records[index], visitStrings);
    }
    m_recordIndex.reset();
    if (!problem)
        forEachIndexInRoots(m_snapshot.roots, visitStrings);
    if (problem)
        return fail(SnapshotError::NonCanonical, *problem);
    if (nextString != m_snapshot.strings.size())
        return fail(SnapshotError::NonCanonical, "string #" + std::to_string(nextString) + " is never used");

    for (auto& entry : m_snapshot.strings) {
        if (entry.storage == StringStorage::Blob)
            usedBlobs[entry.blobIndex] = true;
    }
    m_section = "Blobs";
    auto unused = std::find(usedBlobs.begin(), usedBlobs.end(), false);
    if (unused != usedBlobs.end())
        return fail(
            SnapshotError::NonCanonical, "blob #" + std::to_string(unused - usedBlobs.begin()) + " is never used");
    return true;
}

} // namespace

namespace Offload {

bool SnapshotValidator::validate(const Snapshot& snapshot, GError** error, const SnapshotLayoutInfo* layout)
{
    return Validator(snapshot, error, layout).validate();
}

} // namespace Offload
