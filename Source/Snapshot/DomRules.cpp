/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/DomRules.h"

#include "Snapshot/DomNodeRecord.h"
#include "Snapshot/RecordLayout.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace {

using namespace Offload;
using Violation = RecordRules::Violation;

// What a string field of a DomNode record holds for one node type.
enum class Content : uint8_t {
    Null,
    String,
    NonEmptyString,
    StringOrNull,
};

constexpr uint16_t nodeTypeBit(DomNodeType type)
{
    return 1 << static_cast<uint8_t>(type);
}

// What elements and document fragments hold, and what documents hold.
constexpr uint16_t contentChildren = nodeTypeBit(DomNodeType::Element) | nodeTypeBit(DomNodeType::Text)
    | nodeTypeBit(DomNodeType::CDATASection) | nodeTypeBit(DomNodeType::ProcessingInstruction)
    | nodeTypeBit(DomNodeType::Comment);
constexpr uint16_t documentChildren = nodeTypeBit(DomNodeType::Element)
    | nodeTypeBit(DomNodeType::ProcessingInstruction) | nodeTypeBit(DomNodeType::Comment)
    | nodeTypeBit(DomNodeType::DocumentType);

struct NodeTypeRule {
    const char* name;
    bool isCarried;
    Content nameContent;
    Content namespaceContent; // The prefix is null whenever the namespace is.
    Content dataContent;
    Content extraContent;
    bool hasAttributes;
    uint16_t childTypes; // Bit n: a child may have nodeType n.
};

// Indexed by nodeType. Transcribes the table in Documentation/SnapshotFormat.md, "DOM nodes".
constexpr std::array<NodeTypeRule, lastDomNodeType + 1> nodeTypeRules = { {
    { "no node type", false, Content::Null, Content::Null, Content::Null, Content::Null, false, 0 },
    { "Element", true, Content::NonEmptyString, Content::StringOrNull, Content::Null, Content::Null, true,
        contentChildren },
    { "Attr", true, Content::NonEmptyString, Content::StringOrNull, Content::String, Content::Null, false, 0 },
    { "Text", true, Content::Null, Content::Null, Content::String, Content::Null, false, 0 },
    { "CDATASection", true, Content::Null, Content::Null, Content::String, Content::Null, false, 0 },
    { "EntityReference", false, Content::Null, Content::Null, Content::Null, Content::Null, false, 0 },
    { "Entity", false, Content::Null, Content::Null, Content::Null, Content::Null, false, 0 },
    { "ProcessingInstruction", true, Content::String, Content::Null, Content::String, Content::Null, false, 0 },
    { "Comment", true, Content::Null, Content::Null, Content::String, Content::Null, false, 0 },
    { "Document", true, Content::Null, Content::Null, Content::Null, Content::Null, false, documentChildren },
    { "DocumentType", true, Content::String, Content::Null, Content::String, Content::String, false, 0 },
    { "DocumentFragment", true, Content::Null, Content::Null, Content::Null, Content::Null, false, contentChildren },
    { "Notation", false, Content::Null, Content::Null, Content::Null, Content::Null, false, 0 },
} };

constexpr std::string_view xhtmlNamespace = "http://www.w3.org/1999/xhtml";

Violation malformed(std::string message, const char* field)
{
    return { SnapshotError::Malformed, std::move(message), field };
}

bool isEmptyString(const Snapshot& snapshot, const Value& value)
{
    return value.tag == ValueTag::String && RecordRules::stringEquals(snapshot.strings[value.payload], "");
}

bool isString(const Snapshot& snapshot, const Value& value, std::string_view text)
{
    return value.tag == ValueTag::String && RecordRules::stringEquals(snapshot.strings[value.payload], text);
}

const char* describe(const Snapshot& snapshot, const Value& value)
{
    return isEmptyString(snapshot, value) ? "the empty string" : valueTagName(value.tag);
}

std::string withArticle(std::string_view name)
{
    bool isVowel = std::string_view("AEIOUaeiou").find(name[0]) != std::string_view::npos;
    return (isVowel ? "an " : "a ") + std::string(name);
}

// "an Element", "a Text node": the subject of a message.
std::string subject(uint64_t nodeType)
{
    std::string text = withArticle(DomRules::nodeTypeName(nodeType));
    if (nodeType == static_cast<uint64_t>(DomNodeType::Text))
        text += " node";
    return text;
}

uint64_t nodeTypeOf(const Snapshot& snapshot, const Value& ref)
{
    return DomNodeRecord(snapshot.records[ref.payload]).nodeType();
}

std::optional<Violation> checkContent(
    const Snapshot& snapshot, const Value& value, Content content, const char* field, uint64_t nodeType)
{
    bool isNull = value.tag == ValueTag::Null;
    bool isOk = false;
    const char* expected = "";
    switch (content) {
    case Content::Null:
        isOk = isNull;
        expected = "null";
        break;
    case Content::String:
        isOk = !isNull;
        expected = "a string";
        break;
    case Content::NonEmptyString:
        isOk = !isNull && !isEmptyString(snapshot, value);
        expected = "a non-empty string";
        break;
    case Content::StringOrNull:
        isOk = true;
        break;
    }
    if (isOk)
        return std::nullopt;
    return malformed(
        subject(nodeType) + "'s " + field + " is " + expected + ", found " + describe(snapshot, value), field);
}

std::optional<Violation> checkFlags(const DomNodeRecord& node)
{
    uint64_t flags = node.flags();
    if (flags & ~allDomNodeFlags)
        return malformed(
            "flags " + std::to_string(flags) + " have unknown bits (bit 0 is AlreadyStarted, bit 1 MainDocument)",
            "flags");
    if ((flags & AlreadyStarted) && !node.isNodeType(DomNodeType::Element))
        return malformed("only an Element can be AlreadyStarted, not " + subject(node.nodeType()), "flags");
    if ((flags & MainDocument) && !node.isNodeType(DomNodeType::Document))
        return malformed("only a Document can be the MainDocument, not " + subject(node.nodeType()), "flags");
    return std::nullopt;
}

std::optional<Violation> checkNames(const Snapshot& snapshot, const DomNodeRecord& node, const NodeTypeRule& rule)
{
    uint64_t type = node.nodeType();
    if (auto violation = checkContent(snapshot, node.name(), rule.nameContent, "name", type))
        return violation;
    if (auto violation = checkContent(snapshot, node.namespaceURI(), rule.namespaceContent, "namespace", type))
        return violation;
    // The DOM keeps "no namespace" and "no prefix" as null, never as the empty string: one state, one encoding.
    if (isEmptyString(snapshot, node.namespaceURI()))
        return malformed("the empty string is not a namespace (no namespace is null)", "namespace");
    if (isEmptyString(snapshot, node.prefix()))
        return malformed("the empty string is not a prefix (no prefix is null)", "prefix");
    if (node.namespaceURI().tag == ValueTag::Null && node.prefix().tag != ValueTag::Null)
        return malformed("a node without a namespace has no prefix", "prefix");
    if (auto violation = checkContent(snapshot, node.data(), rule.dataContent, "data", type))
        return violation;
    return checkContent(snapshot, node.extra(), rule.extraContent, "extra", type);
}

// An HTML template element has its content, a DocumentFragment that is no child of anything, as its state; every
// other node has none.
std::optional<Violation> checkState(const Snapshot& snapshot, const DomNodeRecord& node)
{
    bool isTemplate = node.isNodeType(DomNodeType::Element) && isString(snapshot, node.namespaceURI(), xhtmlNamespace)
        && isString(snapshot, node.name(), "template");
    auto& state = node.state();
    if (!isTemplate) {
        if (state.tag == ValueTag::Null)
            return std::nullopt;
        return malformed(
            "only an HTML template element has a state (its content); it is null for " + subject(node.nodeType()),
            "state");
    }
    if (state.tag == ValueTag::Null)
        return malformed("an HTML template element's content (a DocumentFragment ref) is missing", "state");
    uint64_t contentType = nodeTypeOf(snapshot, state);
    if (contentType != static_cast<uint64_t>(DomNodeType::DocumentFragment))
        return malformed("a template's content is a DocumentFragment, found " + subject(contentType), "state");
    return std::nullopt;
}

std::optional<Violation> checkAttributes(const Snapshot& snapshot, const DomNodeRecord& node, const NodeTypeRule& rule)
{
    if (node.attributeCount() > node.items().size())
        return malformed("attributeCount " + std::to_string(node.attributeCount()) + " is above the "
                + std::to_string(node.items().size()) + " items of the list",
            "attributeCount");
    if (node.attributeCount() && !rule.hasAttributes)
        return malformed("only an Element has attributes, not " + subject(node.nodeType()), "attributeCount");
    auto attributes = node.attributes();
    for (size_t i = 0; i < attributes.size(); ++i) {
        uint64_t type = nodeTypeOf(snapshot, attributes[i]);
        if (type != static_cast<uint64_t>(DomNodeType::Attribute))
            return malformed("attribute #" + std::to_string(i) + " (record #" + std::to_string(attributes[i].payload)
                    + ") is " + subject(type) + ", not an Attr",
                "children");
    }
    return std::nullopt;
}

// A document holds at most one element and at most one doctype, the doctype first.
std::optional<Violation> checkDocumentChildren(const Snapshot& snapshot, const DomNodeRecord& node)
{
    std::optional<size_t> element;
    std::optional<size_t> doctype;
    auto children = node.children();
    for (size_t i = 0; i < children.size(); ++i) {
        auto type = static_cast<DomNodeType>(nodeTypeOf(snapshot, children[i]));
        auto& seen = type == DomNodeType::Element ? element : doctype;
        if (type != DomNodeType::Element && type != DomNodeType::DocumentType)
            continue;
        if (seen)
            return malformed(std::string("a Document has at most one ")
                    + (type == DomNodeType::Element ? "element" : "doctype") + " child; child #" + std::to_string(i)
                    + " is a second one",
                "children");
        if (type == DomNodeType::DocumentType && element)
            return malformed(
                "the doctype (child #" + std::to_string(i) + ") comes after the document element", "children");
        seen = i;
    }
    return std::nullopt;
}

std::optional<Violation> checkChildren(const Snapshot& snapshot, const DomNodeRecord& node, const NodeTypeRule& rule)
{
    auto children = node.children();
    if (!rule.childTypes && !children.empty())
        return malformed(subject(node.nodeType()) + " has no children", "children");
    for (size_t i = 0; i < children.size(); ++i) {
        uint64_t type = nodeTypeOf(snapshot, children[i]);
        std::string child = "child #" + std::to_string(i) + " (record #" + std::to_string(children[i].payload) + ")";
        if (type == static_cast<uint64_t>(DomNodeType::Attribute))
            return malformed(child + " is an Attr: attributes are only in an element's attribute part", "children");
        if (type == static_cast<uint64_t>(DomNodeType::Document))
            return malformed(child + " is a Document: a document is never a child", "children");
        if (type > lastDomNodeType || !(rule.childTypes & (1 << type)))
            return malformed(
                child + " is " + subject(type) + ", which " + subject(node.nodeType()) + " cannot hold", "children");
    }
    if (node.isNodeType(DomNodeType::Document))
        return checkDocumentChildren(snapshot, node);
    return std::nullopt;
}

// Calls `link(node, owner, isTemplateContent)` for every DomNode that a DomNode lists, in record order.
template <typename Link> void forEachOwnership(const Snapshot& snapshot, Link&& link)
{
    auto& records = snapshot.records;
    auto isNode = [&](const Value& value) {
        return value.isRef() && value.payload < records.size() && records[value.payload].kind == RecordKind::DomNode;
    };
    for (uint64_t index = 0; index < records.size(); ++index) {
        if (!DomNodeRecord::hasShape(records[index]))
            continue;
        DomNodeRecord node(records[index]);
        if (isNode(node.state()))
            link(node.state().payload, index, true);
        for (auto& item : node.items()) {
            if (isNode(item))
                link(item.payload, index, false);
        }
    }
}

bool isMainDocument(const Snapshot& snapshot, const Value& value)
{
    if (!value.isRef() || !DomNodeRecord::hasShape(snapshot.records[value.payload]))
        return false;
    return DomNodeRecord(snapshot.records[value.payload]).flags() & MainDocument;
}

// "null", "a ref to record #5 (an Object)", "a ref to record #2 (a DocumentFragment)".
std::string describeRoot(const Snapshot& snapshot, const Value& value)
{
    if (!value.isRef())
        return valueTagName(value.tag);
    auto& record = snapshot.records[value.payload];
    auto* layout = recordLayout(static_cast<uint64_t>(record.kind));
    std::string kind = DomNodeRecord::hasShape(record) ? subject(DomNodeRecord(record).nodeType())
        : layout                                       ? withArticle(layout->name)
                                                       : "a record of an unknown kind";
    return "a ref to record #" + std::to_string(value.payload) + " (" + kind + ")";
}

bool hasDomNodes(const Snapshot& snapshot)
{
    return std::any_of(snapshot.records.begin(), snapshot.records.end(),
        [](auto& record) { return record.kind == RecordKind::DomNode; });
}

} // namespace

namespace Offload {

const char* DomRules::nodeTypeName(uint64_t nodeType)
{
    return nodeType <= lastDomNodeType ? nodeTypeRules[nodeType].name : "unknown node type";
}

std::optional<RecordRules::Violation> DomRules::checkNode(const Snapshot& snapshot, const Record& record)
{
    DomNodeRecord node(record);
    uint64_t type = node.nodeType();
    if (type > lastDomNodeType || !nodeTypeRules[type].isCarried)
        return malformed(
            "nodeType " + std::to_string(type) + " (" + nodeTypeName(type) + ") is not a node type snapshots carry",
            "nodeType");
    auto& rule = nodeTypeRules[type];
    if (auto violation = checkFlags(node))
        return violation;
    if (auto violation = checkNames(snapshot, node, rule))
        return violation;
    if (auto violation = checkState(snapshot, node))
        return violation;
    if (auto violation = checkAttributes(snapshot, node, rule))
        return violation;
    return checkChildren(snapshot, node, rule);
}

std::vector<DomRules::Owner> DomRules::owners(const Snapshot& snapshot)
{
    if (!hasDomNodes(snapshot))
        return {};
    std::vector<Owner> owners(snapshot.records.size());
    forEachOwnership(snapshot, [&](uint64_t node, uint64_t owner, bool isTemplateContent) {
        if (owners[node].index == Owner::none)
            owners[node] = { owner, isTemplateContent };
    });
    return owners;
}

std::optional<DomRules::TreeViolation> DomRules::checkTree(const Snapshot& snapshot, std::vector<Owner>& owners)
{
    owners.clear();
    if (!hasDomNodes(snapshot))
        return std::nullopt;
    owners.resize(snapshot.records.size());
    std::optional<TreeViolation> violation;
    forEachOwnership(snapshot, [&](uint64_t node, uint64_t owner, bool isTemplateContent) {
        if (owners[node].index == Owner::none) {
            owners[node] = { owner, isTemplateContent };
            return;
        }
        if (violation)
            return;
        std::string listers = owners[node].index == owner
            ? "record #" + std::to_string(owner) + " lists it twice"
            : "records #" + std::to_string(owners[node].index) + " and #" + std::to_string(owner) + " both list it";
        violation = TreeViolation { node,
            malformed(
                "the node has more than one parent: " + listers + " as an attribute, a child or a template's content",
                nullptr) };
    });
    if (violation)
        return violation;

    // Each node has one owner at most, so following owners from every node finds each cycle; nodes are marked done
    // as they are left, which keeps this linear.
    enum class State : uint8_t { Unvisited, OnPath, Done };
    std::vector<State> states(snapshot.records.size(), State::Unvisited);
    std::vector<uint64_t> path;
    std::optional<uint64_t> mainDocument;
    for (uint64_t start = 0; start < snapshot.records.size(); ++start) {
        auto& record = snapshot.records[start];
        if (!DomNodeRecord::hasShape(record))
            continue;
        if (DomNodeRecord(record).flags() & MainDocument) {
            if (mainDocument)
                return TreeViolation { start,
                    malformed("record #" + std::to_string(*mainDocument)
                            + " is flagged MainDocument already; a snapshot has one main document",
                        "flags") };
            mainDocument = start;
        }
        path.clear();
        for (uint64_t current = start; current != Owner::none && states[current] == State::Unvisited;
             current = owners[current].index) {
            states[current] = State::OnPath;
            path.push_back(current);
            uint64_t owner = owners[current].index;
            if (owner != Owner::none && states[owner] == State::OnPath)
                return TreeViolation { owner, malformed("the node is its own ancestor", nullptr) };
        }
        for (auto index : path)
            states[index] = State::Done;
    }
    return std::nullopt;
}

std::optional<DomRules::TreeViolation> DomRules::checkDocumentRoot(const Snapshot& snapshot)
{
    std::optional<uint64_t> root;
    for (auto& [name, value] : snapshot.roots.extra) {
        if (!RecordRules::stringEquals(snapshot.strings[name], "document"))
            continue;
        if (root)
            return TreeViolation { std::nullopt,
                malformed("a second extra root named \"document\"; a snapshot has one main document", "extra") };
        if (!isMainDocument(snapshot, value))
            return TreeViolation { std::nullopt,
                malformed("the extra root \"document\" is a ref to the DomNode record flagged MainDocument, found "
                        + describeRoot(snapshot, value),
                    "extra") };
        root = value.payload;
    }
    for (uint64_t index = 0; index < snapshot.records.size(); ++index) {
        auto& record = snapshot.records[index];
        if (DomNodeRecord::hasShape(record) && (DomNodeRecord(record).flags() & MainDocument) && root != index)
            return TreeViolation { index,
                malformed("the main document (flagged MainDocument) is not the extra root \"document\"", "flags") };
    }
    return std::nullopt;
}

std::optional<uint64_t> DomRules::parentInWalk(const std::vector<Owner>& owners, uint64_t index)
{
    if (index >= owners.size() || owners[index].index == Owner::none || owners[index].isTemplateContent)
        return std::nullopt;
    return owners[index].index;
}

} // namespace Offload
