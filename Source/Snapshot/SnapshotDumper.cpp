/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/SnapshotDumper.h"

#include "Snapshot/Bundle.h"
#include "Snapshot/DomNodeRecord.h"
#include "Snapshot/RecordLayout.h"
#include "Snapshot/RecordRules.h"
#include "Snapshot/SnapshotJsonDumper.h"
#include "Snapshot/SnapshotReader.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace {

using namespace Offload;

class Printer {
public:
    Printer(const Snapshot& snapshot, const SnapshotDumper::Options& options)
        : m_snapshot(snapshot)
        , m_options(options)
    {
    }

    void line(const std::string& text)
    {
        m_output += text;
        m_output += '\n';
    }

    std::string string(uint64_t index) const
    {
        if (index >= m_snapshot.strings.size())
            return "#" + std::to_string(index) + "?";
        auto& entry = m_snapshot.strings[index];
        if (entry.storage == StringStorage::Blob)
            return "<blob #" + std::to_string(entry.blobIndex) + " string, "
                + (entry.unitSize == 2 ? "utf16" : "latin1") + ">";
        return quote(entry.units);
    }

    // A string as JSON would write it, cut after maxStringPreview code units; lone surrogates show as \uXXXX.
    std::string quote(const std::u16string& units) const
    {
        std::string result = "\"";
        size_t shown = std::min(units.size(), m_options.maxStringPreview);
        for (size_t i = 0; i < shown; ++i) {
            char16_t unit = units[i];
            char buffer[8];
            if (unit == '"' || unit == '\\') {
                result += '\\';
                result += static_cast<char>(unit);
            } else if (unit >= 0x20 && unit < 0x7f)
                result += static_cast<char>(unit);
            else if (unit == '\n')
                result += "\\n";
            else {
                snprintf(buffer, sizeof(buffer), "\\u%04x", unit);
                result += buffer;
            }
        }
        if (shown < units.size())
            result += "…(" + std::to_string(units.size()) + " units)";
        return result + "\"";
    }

    // The name a string stands for when it is a key or a name: unquoted when it is a plain identifier.
    std::string name(uint64_t index) const
    {
        if (index < m_snapshot.strings.size()) {
            auto& units = m_snapshot.strings[index].units;
            bool isIdentifier = !units.empty() && m_snapshot.strings[index].storage == StringStorage::Inline;
            for (char16_t unit : units)
                isIdentifier &= (unit < 128 && (g_ascii_isalnum(unit) || unit == '_' || unit == '$' || unit == '.'));
            if (isIdentifier)
                return std::string(units.begin(), units.end());
        }
        return string(index);
    }

    std::string value(const Value& value) const
    {
        switch (value.tag) {
        case ValueTag::Undefined:
            return "undefined";
        case ValueTag::Null:
            return "null";
        case ValueTag::False:
            return "false";
        case ValueTag::True:
            return "true";
        case ValueTag::Int:
            return std::to_string(value.intValue());
        case ValueTag::Double: {
            double number = value.doubleValue();
            if (std::isnan(number))
                return value.payload == Value::canonicalNaN ? "NaN" : "NaN(non-canonical)";
            if (std::isinf(number))
                return number > 0 ? "Infinity" : "-Infinity";
            if (number == 0)
                return std::signbit(number) ? "-0" : "0.0";
            // The shortest form that reads back as the same double, as JavaScript prints numbers.
            char buffer[32];
            for (int precision = 1; precision <= 17; ++precision) {
                snprintf(buffer, sizeof(buffer), "%.*g", precision, number);
                if (g_ascii_strtod(buffer, nullptr) == number)
                    break;
            }
            return buffer;
        }
        case ValueTag::String:
            return string(value.payload);
        case ValueTag::BigInt: {
            if (value.payload >= m_snapshot.bigInts.size())
                return "bigint?";
            auto& magnitude = m_snapshot.bigInts[value.payload];
            std::string result = value.isNegative ? "-" : "";
            if (magnitude.size() <= 8) {
                uint64_t number = 0;
                for (size_t i = magnitude.size(); i--;)
                    number = number << 8 | magnitude[i];
                return result + std::to_string(number) + "n";
            }
            result += "0x";
            for (size_t i = magnitude.size(); i--;) {
                char buffer[4];
                snprintf(buffer, sizeof(buffer), "%02x", magnitude[i]);
                result += buffer;
            }
            return result + "n";
        }
        case ValueTag::Ref:
            return "#" + std::to_string(value.payload) + (value.payload < m_snapshot.records.size() ? "" : "?");
        case ValueTag::Intrinsic:
            return "%" + name(value.payload) + "%";
        case ValueTag::Hole:
            return "<hole>";
        case ValueTag::Uninitialized:
            return "<uninitialized>";
        }
        return "<tag " + std::to_string(static_cast<unsigned>(value.tag)) + "?>";
    }

    std::string key(uint64_t key) const
    {
        if (PropertyKey::isSymbol(key))
            return "[#" + std::to_string(PropertyKey::index(key)) + "]";
        return name(PropertyKey::index(key));
    }

    std::string record(uint64_t index) const;
    std::string domNode(const Record&) const;
    std::string domName(const DomNodeRecord&) const;
    std::string domToken(const Value&) const;
    std::string objectBody(const ObjectBody&) const;
    void blobs(const std::vector<Bundle::BlobInfo>* carried);
    std::string output() { return std::move(m_output); }

private:
    const Snapshot& m_snapshot;
    const SnapshotDumper::Options& m_options;
    std::string m_output;
};

// Scalars as a developer thinks of them rather than as encoded (lengths stored plus one, type codes).
static std::string scalar(RecordKind kind, std::string_view field, uint64_t value)
{
    static constexpr const char* typedArrayTypes[] = { "Int8", "Uint8", "Uint8Clamped", "Int16", "Uint16", "Int32",
        "Uint32", "Float32", "Float64", "BigInt64", "BigUint64", "Float16" };
    if (kind == RecordKind::TypedArray && field == "type" && value < std::size(typedArrayTypes))
        return typedArrayTypes[value];
    if ((kind == RecordKind::TypedArray && field == "length")
        || (kind == RecordKind::DataView && field == "byteLength"))
        return value ? std::to_string(value - 1) : "tracking";
    if (kind == RecordKind::ArrayBuffer && field == "maxByteLength")
        return value ? std::to_string(value - 1) : "fixed";
    if (kind == RecordKind::Promise && field == "state" && value <= 3) {
        static constexpr const char* states[] = { "pending", "fulfilled", "rejected", "locked" };
        return states[value];
    }
    return std::to_string(value);
}

std::string Printer::record(uint64_t index) const
{
    auto& record = m_snapshot.records[index];
    auto* layout = recordLayout(static_cast<uint64_t>(record.kind));
    std::string text = "#" + std::to_string(index) + " id=" + std::to_string(record.id) + " ";
    if (!layout)
        return text + "kind " + std::to_string(static_cast<unsigned>(record.kind)) + "?";
    text += layout->name;
    if (DomNodeRecord::hasShape(record))
        return text + domNode(record) + objectBody(record.object);

    size_t fieldIndex = 0;
    size_t valueIndex = 0;
    auto nextField = [&]() -> uint64_t { return fieldIndex < record.fields.size() ? record.fields[fieldIndex++] : 0; };
    for (auto& field : layout->fields) {
        switch (field.type) {
        case FieldType::Varint:
        case FieldType::U8:
            text += std::string(" ") + field.name + "=" + scalar(record.kind, field.name, nextField());
            break;
        case FieldType::String:
        case FieldType::SidLiteral:
            text += std::string(" ") + field.name + "=" + string(nextField());
            break;
        case FieldType::Value:
            if (valueIndex < record.values.size())
                text += std::string(" ") + field.name + "=" + value(record.values[valueIndex++]);
            break;
        case FieldType::List: {
            text += std::string(" ") + field.name + "=[";
            for (size_t item = 0; valueIndex < record.values.size(); ++valueIndex, ++item) {
                if (item)
                    text += field.max > 1 && item % field.max ? " " : ", ";
                if (field.max > 1 && !(item % field.max))
                    text += "(";
                text += value(record.values[valueIndex]);
                if (field.max > 1 && item % field.max == field.max - 1u)
                    text += ")";
            }
            text += "]";
            break;
        }
        case FieldType::Storage:
            if (auto storage = nextField(); storage == static_cast<uint64_t>(BufferStorage::Blob))
                text += " storage=blob #" + std::to_string(nextField());
            else if (storage == static_cast<uint64_t>(BufferStorage::Detached))
                text += " storage=detached";
            else
                text += " storage=inline(" + std::to_string(record.bytes.size()) + " bytes)";
            break;
        }
    }
    if (!layout->hasObjectBody)
        return text;
    return text + objectBody(record.object);
}

// The labels the dumper prints for well-known namespaces; others print in Clark notation, {"urn:example"}widget.
static constexpr std::pair<const char*, std::string_view> namespaceLabels[] = {
    { "html", "http://www.w3.org/1999/xhtml" },
    { "svg", "http://www.w3.org/2000/svg" },
    { "math", "http://www.w3.org/1998/Math/MathML" },
    { "xlink", "http://www.w3.org/1999/xlink" },
    { "xml", "http://www.w3.org/XML/1998/namespace" },
    { "xmlns", "http://www.w3.org/2000/xmlns/" },
};

// A name or other short DOM string: bare when it is made of name characters, quoted otherwise.
std::string Printer::domToken(const Value& token) const
{
    if (token.tag != ValueTag::String || token.payload >= m_snapshot.strings.size())
        return value(token);
    auto& entry = m_snapshot.strings[token.payload];
    bool isBare = entry.storage == StringStorage::Inline && !entry.units.empty()
        && std::all_of(entry.units.begin(), entry.units.end(), [](char16_t unit) {
               return unit < 128 && (g_ascii_isalnum(unit) || unit == '_' || unit == '-' || unit == '.' || unit == ':');
           });
    return isBare ? std::string(entry.units.begin(), entry.units.end()) : value(token);
}

// An element's or attribute's name: html:div, xlink:href, or class for no namespace.
std::string Printer::domName(const DomNodeRecord& node) const
{
    auto& namespaceURI = node.namespaceURI();
    std::string localName = domToken(node.name());
    if (namespaceURI.tag == ValueTag::Null)
        return localName;
    if (namespaceURI.tag == ValueTag::String && namespaceURI.payload < m_snapshot.strings.size()) {
        auto& entry = m_snapshot.strings[namespaceURI.payload];
        for (auto& [label, uri] : namespaceLabels) {
            if (RecordRules::stringEquals(entry, uri))
                return label + (":" + localName);
        }
    }
    return "{" + value(namespaceURI) + "}" + localName;
}

static std::string domFlags(uint64_t flags)
{
    std::string text;
    if (flags & AlreadyStarted)
        text += "already-started";
    if (flags & MainDocument)
        text += (text.empty() ? "" : ",") + std::string("main-document");
    if (flags & ~allDomNodeFlags)
        text += (text.empty() ? "" : ",") + std::to_string(flags & ~allDomNodeFlags);
    return text;
}

// A DomNode as the DOM shows it: `element html:div attrs=[#5] children=[#6, #7]`, `text "Hello"`,
// `attr xlink:href="#a" prefix=xlink`, `doctype html`, `document children=[#3, #4] flags=main-document`.
std::string Printer::domNode(const Record& record) const
{
    DomNodeRecord node(record);
    auto list = [&](std::span<const Value> values) {
        std::string text = "[";
        for (size_t i = 0; i < values.size(); ++i)
            text += (i ? ", " : "") + value(values[i]);
        return text + "]";
    };
    auto isEmptyString = [&](const Value& text) {
        return text.tag == ValueTag::String && text.payload < m_snapshot.strings.size()
            && RecordRules::stringEquals(m_snapshot.strings[text.payload], "");
    };
    std::string text;
    bool isContainer = false;
    // A hand-built model may hold any number: only the node types a byte can hold reach the cases.
    uint64_t type = node.nodeType() <= lastDomNodeType ? node.nodeType() : 0;
    switch (static_cast<DomNodeType>(type)) {
    case DomNodeType::Element:
        text = " element " + domName(node);
        isContainer = true;
        break;
    case DomNodeType::Attribute:
        text = " attr " + domName(node) + "=" + value(node.data());
        break;
    case DomNodeType::Text:
        text = " text " + value(node.data());
        break;
    case DomNodeType::CDATASection:
        text = " cdata " + value(node.data());
        break;
    case DomNodeType::ProcessingInstruction:
        text = " pi " + domToken(node.name()) + " " + value(node.data());
        break;
    case DomNodeType::Comment:
        text = " comment " + value(node.data());
        break;
    case DomNodeType::Document:
        text = " document";
        isContainer = true;
        break;
    case DomNodeType::DocumentType:
        text = " doctype " + domToken(node.name());
        if (!isEmptyString(node.data()))
            text += " public=" + value(node.data());
        if (!isEmptyString(node.extra()))
            text += " system=" + value(node.extra());
        break;
    case DomNodeType::DocumentFragment:
        text = " fragment";
        isContainer = true;
        break;
    default:
        // Not a node type snapshots carry: every field as it is.
        text = " nodeType=" + std::to_string(node.nodeType()) + " name=" + value(node.name()) + " namespace="
            + value(node.namespaceURI()) + " data=" + value(node.data()) + " extra=" + value(node.extra());
        break;
    }
    if (node.prefix().tag != ValueTag::Null)
        text += " prefix=" + domToken(node.prefix());
    if (!node.attributes().empty())
        text += " attrs=" + list(node.attributes());
    if (isContainer || !node.children().empty())
        text += " children=" + list(node.children());
    if (node.state().tag != ValueTag::Null)
        text += " content=" + value(node.state());
    if (node.flags())
        text += " flags=" + domFlags(node.flags());
    return text;
}

std::string Printer::objectBody(const ObjectBody& body) const
{
    std::string text = " proto=" + value(body.prototype);
    if (body.flags & NotExtensible)
        text += " not-extensible";
    if (body.flags & ArrayLengthNotWritable)
        text += " length-readonly";
    text += " {";
    for (size_t i = 0; i < body.properties.size(); ++i) {
        auto& property = body.properties[i];
        text += (i ? ", " : "") + key(property.key) + ": ";
        if (property.isAccessor())
            text += "get " + value(property.value) + " set " + value(property.setter);
        else
            text += value(property.value);
        // Plain data properties (writable, enumerable, configurable) are the common case and print bare.
        if (property.attributes != plainDataProperty) {
            text += " [";
            text += property.attributes & Writable ? "w" : "-";
            text += property.attributes & Enumerable ? "e" : "-";
            text += property.attributes & Configurable ? "c" : "-";
            text += "]";
        }
    }
    text += "}";
    for (auto& elements : body.privateElements) {
        text += std::string(elements.isStatic ? " static-private(" : " private(") + value(elements.owner) + ") [";
        for (size_t i = 0; i < elements.values.size(); ++i)
            text += (i ? ", " : "") + value(elements.values[i]);
        text += "]";
    }
    return text;
}

void Printer::blobs(const std::vector<Bundle::BlobInfo>* carried)
{
    line("Blobs (" + std::to_string(m_snapshot.blobs.size()) + "):");
    for (size_t i = 0; i < m_snapshot.blobs.size(); ++i) {
        auto& blob = m_snapshot.blobs[i];
        std::string text
            = "  #" + std::to_string(i) + " " + blob.hash.toHex() + " " + std::to_string(blob.size) + " bytes";
        if (carried) {
            auto it
                = std::find_if(carried->begin(), carried->end(), [&](auto& info) { return info.hash == blob.hash; });
            if (it == carried->end())
                text += ", not carried (the receiver holds it)";
            else
                text += std::string(", carried ") + (it->codec == BlobCodec::Zstd ? "zstd " : "raw ")
                    + std::to_string(it->storedSize) + " bytes";
        }
        line(text);
    }
}

} // namespace

namespace Offload {

std::string SnapshotDumper::dump(const Snapshot& snapshot, const SnapshotLayoutInfo* layout, const Options& options)
{
    Printer printer(snapshot, options);
    static constexpr const char* sectionNames[] = { "Meta", "Scripts", "Blobs", "Strings", "Records", "Roots" };
    printer.line("Snapshot version 1" + (layout ? ", " + std::to_string(layout->totalSize) + " bytes" : std::string()));
    printer.line("Meta: nextObjectId=" + std::to_string(snapshot.nextObjectId)
        + " turn=" + std::to_string(snapshot.turn) + " flags=" + std::to_string(snapshot.flags));
    if (layout) {
        printer.line("Sections:");
        for (size_t i = 0; i < sectionCount; ++i) {
            char buffer[96];
            snprintf(buffer, sizeof(buffer), "  %-8s offset %8zu  length %8zu", sectionNames[i],
                layout->sections[i].offset, layout->sections[i].length);
            printer.line(buffer);
        }
    }

    printer.line("Scripts (" + std::to_string(snapshot.scripts.size()) + "):");
    for (size_t i = 0; i < snapshot.scripts.size(); ++i) {
        std::string scope
            = i < snapshot.roots.lexicalScopes.size() ? printer.value(snapshot.roots.lexicalScopes[i]) : "?";
        printer.line("  #" + std::to_string(i) + " " + snapshot.scripts[i] + " lexical scope " + scope);
    }
    printer.blobs(nullptr);

    size_t latin1 = 0, utf16 = 0, blobStrings = 0, inlineUnits = 0;
    for (auto& entry : snapshot.strings) {
        if (entry.storage == StringStorage::Blob) {
            ++blobStrings;
            continue;
        }
        bool isLatin1 = std::all_of(entry.units.begin(), entry.units.end(), [](char16_t unit) { return unit < 256; });
        ++(isLatin1 ? latin1 : utf16);
        inlineUnits += entry.units.size();
    }
    printer.line("Strings (" + std::to_string(snapshot.strings.size()) + "): " + std::to_string(latin1) + " latin1, "
        + std::to_string(utf16) + " utf16, " + std::to_string(blobStrings) + " blob; " + std::to_string(inlineUnits)
        + " code units inline");
    for (size_t i = 0; i < snapshot.strings.size(); ++i)
        printer.line("  $" + std::to_string(i) + " " + printer.string(i));

    size_t recordCount = std::min(snapshot.records.size(), options.recordCount);
    printer.line("Records (" + std::to_string(snapshot.records.size()) + "):");
    for (size_t i = 0; i < recordCount; ++i)
        printer.line("  " + printer.record(i));

    auto& roots = snapshot.roots;
    printer.line("Roots:");
    printer.line("  global: " + printer.value(roots.global));
    std::string scopes;
    for (auto& scope : roots.lexicalScopes)
        scopes += (scopes.empty() ? "" : ", ") + printer.value(scope);
    printer.line("  lexicalScopes: [" + scopes + "]");
    printer.line("  pending: " + printer.value(roots.pending));
    for (auto& [name, value] : roots.extra)
        printer.line("  extra " + printer.name(name) + ": " + printer.value(value));

    if (layout && layout->recordOffsets.size() > recordCount && recordCount) {
        std::array<std::pair<size_t, size_t>, lastRecordKind + 1> perKind {};
        for (size_t i = 0; i < recordCount; ++i) {
            auto kind = static_cast<size_t>(snapshot.records[i].kind);
            if (kind > lastRecordKind)
                continue;
            perKind[kind].first++;
            perKind[kind].second += layout->recordOffsets[i + 1] - layout->recordOffsets[i];
        }
        printer.line("Sizes by record kind:");
        for (size_t kind = 1; kind <= lastRecordKind; ++kind) {
            if (!perKind[kind].first)
                continue;
            char buffer[96];
            snprintf(buffer, sizeof(buffer), "  %-18s %7zu records %9zu bytes", recordLayout(kind)->name,
                perKind[kind].first, perKind[kind].second);
            printer.line(buffer);
        }
    }
    return printer.output();
}

bool SnapshotDumper::dumpBytes(std::span<const uint8_t> bytes, std::string& output, GError** error, Format format)
{
    output.clear();
    std::span<const uint8_t> snapshotBytes = bytes;
    std::vector<Bundle::BlobInfo> carried;
    bool isBundle = Bundle::hasMagic(bytes);
    if (isBundle) {
        if (!Bundle::inspect(bytes, snapshotBytes, carried, error))
            return false;
        uint64_t carriedBytes = 0;
        for (auto& blob : carried)
            carriedBytes += blob.storedSize;
        if (format == Format::Text) {
            output += "Bundle version 1, " + std::to_string(bytes.size()) + " bytes: snapshot "
                + std::to_string(snapshotBytes.size()) + " bytes, " + std::to_string(carried.size())
                + " blobs carried in " + std::to_string(carriedBytes) + " bytes\n";
        }
    }

    if (format == Format::Json) {
        Snapshot snapshot;
        SnapshotLayoutInfo layout;
        if (!SnapshotReader::read(snapshotBytes, snapshot, error, &layout))
            return false;
        auto json = SnapshotJsonDumper::dump(snapshot, &layout);
        if (!isBundle) {
            output = std::move(json);
            return true;
        }
        output = "{\"bundle\":{\"size\":" + std::to_string(bytes.size()) + ",\"carried\":[";
        for (size_t i = 0; i < carried.size(); ++i) {
            output += std::string(i ? "," : "") + "{\"hash\":\"" + carried[i].hash.toHex() + "\",\"codec\":\""
                + (carried[i].codec == BlobCodec::Zstd ? "zstd" : "raw") + "\",\"size\":"
                + std::to_string(carried[i].size) + ",\"storedSize\":" + std::to_string(carried[i].storedSize) + "}";
        }
        output += "]},\"snapshot\":" + json + "}\n";
        return true;
    }

    Snapshot snapshot;
    SnapshotLayoutInfo layout;
    GError* readError = nullptr;
    bool isValid = SnapshotReader::read(snapshotBytes, snapshot, &readError, &layout);
    Options options;
    // Nothing to show when the error struck before the first section (bad magic or version).
    if (!isValid && !layout.sections[0].offset) {
        output += std::string("INVALID: ") + readError->message + "\n";
        g_propagate_error(error, readError);
        return false;
    }
    if (!isValid) {
        output += std::string("INVALID: ") + readError->message + "\nWhat was read before the error:\n";
        // The record being read when the error struck is the last one started; it may be incomplete.
        options.recordCount = layout.recordOffsets.size();
    }
    output += dump(snapshot, &layout, options);
    if (isValid && isBundle) {
        Printer printer(snapshot, options);
        printer.line("Carried blobs:");
        printer.blobs(&carried);
        output += printer.output();
    }
    if (readError)
        g_propagate_error(error, readError);
    return isValid;
}

} // namespace Offload
