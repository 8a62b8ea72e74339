/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/SnapshotModel.h"

#include <span>

namespace Offload {

// What a Value field may hold. The reader checks the tag-only part of a rule while decoding and the part that
// depends on another record's kind afterwards (SnapshotValidator).
enum class ValueRule : uint8_t {
    Any, // Anything but hole and uninitialized.
    ArrayElement, // Any, or hole.
    Binding, // Any, or uninitialized.
    ScopeOrNull,
    RefOrIntrinsic,
    UndefinedRefOrIntrinsic, // Function home object.
    NullRefOrIntrinsic, // Prototypes and Proxy target/handler.
    Number, // Date time.
    Primitive, // PrimitiveWrapper value: boolean, number, string, bigint or a symbol ref.
    StringOrUndefined, // Symbol description.
    ArrayBufferRef,
    PromiseRef,
    ArrayRef, // The pending-work root.
    GlobalRef, // The global root.
    Boolean, // A combinator element's called flag.
    CombinatorRef,
    ProxyOrNull,
    ArrayIndex, // An int ≥ 0: an arguments object's index still mapped to a parameter.
    StringOrNull, // DomNode names and data.
    DomNodeOrNull, // A DomNode's state (a template's content).
    DomNodeRef, // A DomNode's attributes and children.
};

enum class FieldType : uint8_t {
    Varint,
    U8, // With `max`.
    String, // A string-table index.
    SidLiteral, // A string-table index whose string is "sid:N".
    Value, // With `rule`.
    List, // `count:varint` then `arity` Values per item; the last field of a layout.
    Storage, // ArrayBuffer storage: `storage:u8` then `bytes` (0) or `blob:varint` (1).
};

struct FieldSpec {
    FieldType type;
    const char* name;
    ValueRule rule { ValueRule::Any };
    uint8_t max { 0 }; // U8 maximum; List arity.
    ValueRule secondRule { ValueRule::Any }; // List: the rule for the second value of each item (Map values, …).
};

// The encoding of one record kind: its kind-specific fields in order, and whether an ObjectBody follows.
struct RecordLayout {
    const char* name;
    bool hasObjectBody;
    std::span<const FieldSpec> fields;

    // How many Values come before the list in Record::values.
    size_t fixedValueCount() const;
    const FieldSpec* list() const;
};

// The layout of `kind`, or nullptr when `kind` is not a record kind of this version.
const RecordLayout* recordLayout(uint64_t kind);

// "undefined", "int", "ref", … for messages and the dumper; "unknown" for a tag outside the format.
const char* valueTagName(ValueTag);

} // namespace Offload
