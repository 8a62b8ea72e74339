/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Common/ContentHash.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

// The in-memory form of a decoded snapshot (Documentation/SnapshotFormat.md). These are plain structs: the reader
// fills them, the validator checks them, the writer encodes them, the dumper prints them. Indices (strings, records,
// blobs, bigints) are positions in the Snapshot's tables, exactly as in the encoding.

namespace Offload {

enum class ValueTag : uint8_t {
    Undefined = 0,
    Null = 1,
    False = 2,
    True = 3,
    Int = 4,
    Double = 5,
    String = 6,
    BigInt = 7,
    Ref = 8,
    Intrinsic = 9,
    Hole = 10,
    Uninitialized = 11,
};
constexpr uint8_t lastValueTag = 11;

// Kept to 16 bytes because a hostile snapshot can hold one Value per input byte. The payload is an int32 (Int), the
// IEEE bits (Double), a table index (String, Ref, Intrinsic) or an index into Snapshot::bigInts (BigInt).
struct Value {
    ValueTag tag { ValueTag::Undefined };
    bool isNegative { false }; // The sign of a BigInt.
    uint64_t payload { 0 };

    static Value undefined() { return {}; }
    static Value null() { return { ValueTag::Null, false, 0 }; }
    static Value boolean(bool value) { return { value ? ValueTag::True : ValueTag::False, false, 0 }; }
    static Value integer(int32_t value)
    {
        return { ValueTag::Int, false, static_cast<uint64_t>(static_cast<int64_t>(value)) };
    }
    // The raw double, whatever its value; the writer canonicalizes (int32 values become Int, NaN becomes 0x7ff8…).
    static Value rawDouble(double value) { return { ValueTag::Double, false, std::bit_cast<uint64_t>(value) }; }
    // The canonical encoding of a JavaScript number.
    static Value number(double value)
    {
        if (value >= std::numeric_limits<int32_t>::min() && value <= std::numeric_limits<int32_t>::max()
            && value == std::trunc(value) && !(value == 0 && std::signbit(value)))
            return integer(static_cast<int32_t>(value));
        return rawDouble(std::isnan(value) ? std::bit_cast<double>(canonicalNaN) : value);
    }
    static Value string(uint64_t index) { return { ValueTag::String, false, index }; }
    static Value bigInt(uint64_t poolIndex, bool isNegative) { return { ValueTag::BigInt, isNegative, poolIndex }; }
    static Value ref(uint64_t recordIndex) { return { ValueTag::Ref, false, recordIndex }; }
    static Value intrinsic(uint64_t stringIndex) { return { ValueTag::Intrinsic, false, stringIndex }; }
    static Value hole() { return { ValueTag::Hole, false, 0 }; }
    static Value uninitialized() { return { ValueTag::Uninitialized, false, 0 }; }

    int32_t intValue() const { return static_cast<int32_t>(static_cast<int64_t>(payload)); }
    double doubleValue() const { return std::bit_cast<double>(payload); }
    bool isRef() const { return tag == ValueTag::Ref; }

    static constexpr uint64_t canonicalNaN = 0x7ff8000000000000;

    friend bool operator==(const Value&, const Value&) = default;
};

// A property key as encoded: (stringIndex << 1) for a string key, (recordIndex << 1) | 1 for a symbol key.
struct PropertyKey {
    static uint64_t string(uint64_t stringIndex) { return stringIndex << 1; }
    static uint64_t symbol(uint64_t recordIndex) { return (recordIndex << 1) | 1; }
    static bool isSymbol(uint64_t key) { return key & 1; }
    static uint64_t index(uint64_t key) { return key >> 1; }
};

enum PropertyAttribute : uint8_t {
    Writable = 1 << 0,
    Enumerable = 1 << 1,
    Configurable = 1 << 2,
    Accessor = 1 << 3,
};
constexpr uint8_t plainDataProperty = Writable | Enumerable | Configurable;

struct Property {
    uint64_t key { 0 };
    uint8_t attributes { plainDataProperty };
    Value value; // The getter of an accessor.
    Value setter; // Only for an accessor.

    bool isAccessor() const { return attributes & Accessor; }
};

enum ObjectFlag : uint64_t {
    NotExtensible = 1 << 0,
    ArrayLengthNotWritable = 1 << 1, // Arrays only: frozen and sealed arrays.
    HasPrivateElements = 1 << 2, // The ObjectBody ends with the private names the object carries.
};

// ArrayBuffer storage (the Storage field).
enum class BufferStorage : uint8_t {
    Inline = 0,
    Blob = 1,
    Detached = 2, // No contents; byteLength is 0.
};

// The private names of one class that an object carries: the class's instance names (with the values of its private
// fields), or, on the class itself, its static private fields.
struct PrivateElements {
    Value owner; // A ref to the class's Function record.
    bool isStatic { false };
    std::vector<Value> values;
};

struct ObjectBody {
    Value prototype { Value::null() };
    uint64_t flags { 0 };
    std::vector<Property> properties;
    std::vector<PrivateElements> privateElements; // Present exactly when flags has HasPrivateElements.
};

enum class RecordKind : uint8_t {
    Object = 1,
    Array = 2,
    Function = 3,
    BoundFunction = 4,
    Scope = 5,
    Date = 6,
    RegExp = 7,
    Error = 8,
    PrimitiveWrapper = 9,
    Map = 10,
    Set = 11,
    WeakMap = 12,
    WeakSet = 13,
    ArrayBuffer = 14,
    TypedArray = 15,
    DataView = 16,
    Proxy = 17,
    Promise = 18,
    Symbol = 19,
    RegisteredSymbol = 20,
    Global = 21,
    WellKnownSymbol = 22,
    Arguments = 23,
    ResolvingFunction = 24,
    // A built-in object whose own properties the program changed (e.g. a method added to Array.prototype): named
    // by its path, with its full ObjectBody. Unchanged built-ins are `intrinsic` values, not records.
    Intrinsic = 25,
    // What Promise.all, allSettled or any still waits for, and the element functions that report its inputs.
    PromiseCombinator = 26,
    PromiseCombinatorElement = 27,
    // The revoke function of Proxy.revocable, with the proxy it revokes (null once it has revoked).
    ProxyRevoke = 28,
    // An Intl object (NumberFormat, DateTimeFormat, …): its constructor's name and the JSON of its resolved options,
    // from which the restore makes it again.
    IntlObject = 29,
    // A DOM node: its node type, names and data, its attributes and children (refs to DomNode records), and its
    // ObjectBody (prototype and expandos). Documentation/SnapshotFormat.md, "DOM nodes".
    DomNode = 30,
};
constexpr uint8_t lastRecordKind = 30;

// The DOM's Node.nodeType values. Snapshots carry all but EntityReference (5), Entity (6) and Notation (12), which
// no DOM makes any more.
enum class DomNodeType : uint8_t {
    Element = 1,
    Attribute = 2,
    Text = 3,
    CDATASection = 4,
    ProcessingInstruction = 7,
    Comment = 8,
    Document = 9,
    DocumentType = 10,
    DocumentFragment = 11,
};
constexpr uint8_t lastDomNodeType = 12;

// The flags field of a DomNode record.
enum DomNodeFlag : uint64_t {
    // A script element that was inserted into a document once: it must never run again after a restore.
    AlreadyStarted = 1 << 0,
    // The page's own document, which a restore binds to the document of the restoring view.
    MainDocument = 1 << 1,
};
constexpr uint64_t allDomNodeFlags = AlreadyStarted | MainDocument;

// One record. Its kind-specific fields are stored flat, in the order of the kind's layout (RecordLayout.h):
// `fields` holds the varint, u8, string-index and blob-index fields, `values` the Value fields followed by the
// kind's list (Array elements, bound arguments, Scope bindings, Map entries as key, value, …), `bytes` an inline
// ArrayBuffer's contents. For example an Array is fields = { length }, values = dense elements.
struct Record {
    RecordKind kind { RecordKind::Object };
    uint64_t id { 0 };
    std::vector<uint64_t> fields;
    std::vector<Value> values;
    std::vector<uint8_t> bytes;
    ObjectBody object; // Unused for kinds without an ObjectBody (Scope, Proxy, symbols, ResolvingFunction).
};

enum class StringStorage : uint8_t {
    Inline, // Latin-1 or UTF-16 in the encoding, chosen by the writer from the code units.
    Blob,
};

struct StringEntry {
    StringStorage storage { StringStorage::Inline };
    std::u16string units; // Inline strings only.
    uint64_t blobIndex { 0 }; // Blob strings only.
    uint8_t unitSize { 1 }; // Blob strings only: 1 (Latin-1) or 2 (UTF-16LE).

    static StringEntry fromLatin1(std::string_view text)
    {
        std::u16string units(text.size(), u'\0');
        std::transform(text.begin(), text.end(), units.begin(), [](char c) { return static_cast<unsigned char>(c); });
        return { StringStorage::Inline, std::move(units), 0, 1 };
    }
    static StringEntry fromUnits(std::u16string units) { return { StringStorage::Inline, std::move(units), 0, 1 }; }
    static StringEntry fromBlob(uint64_t blobIndex, uint8_t unitSize)
    {
        return { StringStorage::Blob, {}, blobIndex, unitSize };
    }
};

struct BlobEntry {
    ContentHash hash;
    uint64_t size { 0 };
};

struct Roots {
    Value global { Value::ref(0) };
    std::vector<Value> lexicalScopes;
    Value pending { Value::null() };
    std::vector<std::pair<uint64_t, Value>> extra; // (string index of the name, value)
};

struct Snapshot {
    uint64_t nextObjectId { 0 };
    uint64_t turn { 0 };
    uint64_t flags { 0 };
    std::vector<std::string> scripts;
    std::vector<BlobEntry> blobs;
    std::vector<StringEntry> strings;
    std::vector<Record> records;
    Roots roots;
    // BigInt magnitudes (little-endian bytes), referenced by Value::payload of BigInt values.
    std::vector<std::vector<uint8_t>> bigInts;
};

// Section tags, in the order the file must hold them.
enum class SectionTag : uint8_t {
    Meta = 1,
    Scripts = 2,
    Blobs = 3,
    Strings = 4,
    Records = 5,
    Roots = 6,
};
constexpr uint8_t sectionCount = 6;

constexpr char snapshotMagic[8] = { 'W', 'K', 'O', 'F', 'S', 'N', 'A', 'P' };
constexpr uint64_t snapshotVersion = 1;
// Strings with this many code units or more, and ArrayBuffers with this many bytes or more, travel as blobs.
constexpr uint64_t blobThreshold = 4096;

} // namespace Offload
