/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/RecordLayout.h"

#include "Snapshot/DomNodeRecord.h"

#include <array>
#include <iterator>

namespace Offload {

// One table drives the reader, the validator, the writer and the dumper, so that the four cannot disagree about a
// kind's fields. It transcribes the Records table of Documentation/SnapshotFormat.md.

static constexpr FieldSpec arrayFields[] = {
    { FieldType::Varint, "length" },
    { FieldType::List, "elements", ValueRule::ArrayElement, 1 },
};
static constexpr FieldSpec functionFields[] = {
    { FieldType::SidLiteral, "literal" },
    { FieldType::Value, "scope", ValueRule::ScopeOrNull },
    { FieldType::Value, "home", ValueRule::UndefinedRefOrIntrinsic },
};
static constexpr FieldSpec boundFunctionFields[] = {
    { FieldType::Value, "target", ValueRule::RefOrIntrinsic },
    { FieldType::Value, "boundThis" },
    { FieldType::List, "arguments", ValueRule::Any, 1 },
};
static constexpr FieldSpec scopeFields[] = {
    { FieldType::SidLiteral, "template" },
    { FieldType::Value, "parent", ValueRule::ScopeOrNull },
    { FieldType::List, "bindings", ValueRule::Binding, 1 },
};
static constexpr FieldSpec dateFields[] = {
    { FieldType::Value, "time", ValueRule::Number },
};
static constexpr FieldSpec regExpFields[] = {
    { FieldType::String, "source" },
    { FieldType::String, "flags" },
};
static constexpr FieldSpec errorFields[] = {
    { FieldType::String, "constructor" },
};
static constexpr FieldSpec primitiveWrapperFields[] = {
    { FieldType::Value, "value", ValueRule::Primitive },
};
static constexpr FieldSpec mapFields[] = {
    { FieldType::List, "entries", ValueRule::Any, 2, ValueRule::Any },
};
static constexpr FieldSpec setFields[] = {
    { FieldType::List, "values", ValueRule::Any, 1 },
};
static constexpr FieldSpec weakMapFields[] = {
    { FieldType::List, "entries", ValueRule::RefOrIntrinsic, 2, ValueRule::Any },
};
static constexpr FieldSpec weakSetFields[] = {
    { FieldType::List, "values", ValueRule::RefOrIntrinsic, 1 },
};
static constexpr FieldSpec arrayBufferFields[] = {
    { FieldType::Varint, "byteLength" },
    { FieldType::Varint, "maxByteLength" },
    { FieldType::Storage, "storage" },
};
static constexpr FieldSpec typedArrayFields[] = {
    { FieldType::U8, "type", ValueRule::Any, 11 },
    { FieldType::Value, "buffer", ValueRule::ArrayBufferRef },
    { FieldType::Varint, "byteOffset" },
    { FieldType::Varint, "length" },
};
static constexpr FieldSpec dataViewFields[] = {
    { FieldType::Value, "buffer", ValueRule::ArrayBufferRef },
    { FieldType::Varint, "byteOffset" },
    { FieldType::Varint, "byteLength" },
};
static constexpr FieldSpec proxyFields[] = {
    { FieldType::Value, "target", ValueRule::NullRefOrIntrinsic },
    { FieldType::Value, "handler", ValueRule::NullRefOrIntrinsic },
    { FieldType::U8, "callable", ValueRule::Any, 1 },
};
static constexpr FieldSpec promiseFields[] = {
    { FieldType::U8, "state", ValueRule::Any, 3 },
    { FieldType::Value, "result" },
    { FieldType::List, "reactions", ValueRule::Any, 3, ValueRule::Any },
};
static constexpr FieldSpec symbolFields[] = {
    { FieldType::Value, "description", ValueRule::StringOrUndefined },
};
static constexpr FieldSpec registeredSymbolFields[] = {
    { FieldType::String, "key" },
};
static constexpr FieldSpec wellKnownSymbolFields[] = {
    { FieldType::String, "name" },
};
static constexpr FieldSpec argumentsFields[] = {
    { FieldType::U8, "mapped", ValueRule::Any, 1 },
    { FieldType::Value, "scope", ValueRule::ScopeOrNull },
    { FieldType::List, "aliased", ValueRule::ArrayIndex, 1 },
};
static constexpr FieldSpec intrinsicFields[] = {
    { FieldType::String, "path" },
};
static constexpr FieldSpec resolvingFunctionFields[] = {
    { FieldType::Value, "promise", ValueRule::PromiseRef },
    { FieldType::U8, "which", ValueRule::Any, 1 },
};

static constexpr FieldSpec promiseCombinatorFields[] = {
    { FieldType::U8, "type", ValueRule::Any, 2 },
    { FieldType::Varint, "remaining" },
    { FieldType::Value, "resolve", ValueRule::RefOrIntrinsic },
    { FieldType::Value, "reject", ValueRule::RefOrIntrinsic },
    { FieldType::List, "elements", ValueRule::Boolean, 2, ValueRule::Any },
};
static constexpr FieldSpec promiseCombinatorElementFields[] = {
    { FieldType::Value, "combinator", ValueRule::CombinatorRef },
    { FieldType::U8, "which", ValueRule::Any, 1 },
    { FieldType::Varint, "index" },
};

static constexpr FieldSpec proxyRevokeFields[] = {
    { FieldType::Value, "proxy", ValueRule::ProxyOrNull },
};
static constexpr FieldSpec intlObjectFields[] = {
    { FieldType::String, "constructor" },
    { FieldType::String, "options" },
};

static constexpr FieldSpec domNodeFields[] = {
    { FieldType::U8, "nodeType", ValueRule::Any, lastDomNodeType },
    { FieldType::Varint, "flags" },
    { FieldType::Value, "name", ValueRule::StringOrNull },
    { FieldType::Value, "namespace", ValueRule::StringOrNull },
    { FieldType::Value, "prefix", ValueRule::StringOrNull },
    { FieldType::Value, "data", ValueRule::StringOrNull },
    { FieldType::Value, "extra", ValueRule::StringOrNull },
    { FieldType::Value, "state", ValueRule::DomNodeOrNull },
    { FieldType::Varint, "attributeCount" },
    // The first attributeCount items are the attributes, the others the children.
    { FieldType::List, "children", ValueRule::DomNodeRef, 1 },
};
// DomNodeRecord reads these fields by position: three in Record::fields, six Values, then the list.
static constexpr bool domNodeFieldsMatchDomNodeRecord()
{
    size_t fields = 0;
    size_t values = 0;
    for (auto& field : domNodeFields) {
        if (field.type == FieldType::Value)
            ++values;
        else if (field.type != FieldType::List)
            ++fields;
    }
    return fields == DomNodeRecord::fieldCount && values == DomNodeRecord::fixedValueCount
        && std::end(domNodeFields)[-1].type == FieldType::List;
}
static_assert(domNodeFieldsMatchDomNodeRecord());

static const std::array<RecordLayout, lastRecordKind + 1> layouts = { {
    { nullptr, false, {} },
    { "Object", true, {} },
    { "Array", true, arrayFields },
    { "Function", true, functionFields },
    { "BoundFunction", true, boundFunctionFields },
    { "Scope", false, scopeFields },
    { "Date", true, dateFields },
    { "RegExp", true, regExpFields },
    { "Error", true, errorFields },
    { "PrimitiveWrapper", true, primitiveWrapperFields },
    { "Map", true, mapFields },
    { "Set", true, setFields },
    { "WeakMap", true, weakMapFields },
    { "WeakSet", true, weakSetFields },
    { "ArrayBuffer", true, arrayBufferFields },
    { "TypedArray", true, typedArrayFields },
    { "DataView", true, dataViewFields },
    { "Proxy", false, proxyFields },
    { "Promise", true, promiseFields },
    { "Symbol", false, symbolFields },
    { "RegisteredSymbol", false, registeredSymbolFields },
    { "Global", true, {} },
    { "WellKnownSymbol", false, wellKnownSymbolFields },
    { "Arguments", true, argumentsFields },
    { "ResolvingFunction", false, resolvingFunctionFields },
    { "Intrinsic", true, intrinsicFields },
    { "PromiseCombinator", false, promiseCombinatorFields },
    { "PromiseCombinatorElement", true, promiseCombinatorElementFields },
    { "ProxyRevoke", true, proxyRevokeFields },
    { "IntlObject", true, intlObjectFields },
    { "DomNode", true, domNodeFields },
} };

const RecordLayout* recordLayout(uint64_t kind)
{
    if (!kind || kind > lastRecordKind)
        return nullptr;
    return &layouts[kind];
}

size_t RecordLayout::fixedValueCount() const
{
    size_t count = 0;
    for (auto& field : fields) {
        if (field.type == FieldType::Value)
            ++count;
    }
    return count;
}

const FieldSpec* RecordLayout::list() const
{
    if (!fields.empty() && fields.back().type == FieldType::List)
        return &fields.back();
    return nullptr;
}

const char* valueTagName(ValueTag tag)
{
    static constexpr const char* names[] = { "undefined", "null", "false", "true", "int", "double", "string", "bigint",
        "ref", "intrinsic", "hole", "uninitialized" };
    auto index = static_cast<uint8_t>(tag);
    return index <= lastValueTag ? names[index] : "unknown";
}

} // namespace Offload
