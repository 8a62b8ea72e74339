/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// DomNode records (Documentation/SnapshotFormat.md, "DOM nodes") through the reader: a small document is accepted,
// and each rule, broken alone in it, is rejected with a message naming the record and the rule.

#include "Snapshot/DomRules.h"

#include "Snapshot/DomNodeRecord.h"
#include "Snapshot/SnapshotCanonicalizer.h"
#include "Snapshot/SnapshotError.h"
#include "Snapshot/SnapshotReader.h"
#include "Snapshot/SnapshotWriter.h"
#include "SnapshotTestSupport.h"

#include <functional>
#include <gtest/gtest.h>
#include <optional>
#include <string>

using namespace Offload;
using namespace Offload::Test;

namespace {

bool isString(const Snapshot& snapshot, const Value& value, std::u16string_view text)
{
    return value.tag == ValueTag::String && snapshot.strings[value.payload].units == text;
}

// The first DomNode of `type` whose name (or, for character data, whose data) is `text`.
uint64_t findNode(const Snapshot& snapshot, DomNodeType type, std::u16string_view text = {})
{
    for (uint64_t i = 0; i < snapshot.records.size(); ++i) {
        auto& record = snapshot.records[i];
        if (!DomNodeRecord::hasShape(record) || !DomNodeRecord(record).isNodeType(type))
            continue;
        DomNodeRecord node(record);
        if (text.empty() || isString(snapshot, node.name(), text) || isString(snapshot, node.data(), text))
            return i;
    }
    ADD_FAILURE() << "no node of type " << static_cast<int>(type);
    return 0;
}

std::optional<uint64_t> findRecordById(const Snapshot& snapshot, uint64_t id)
{
    for (uint64_t i = 0; i < snapshot.records.size(); ++i) {
        if (snapshot.records[i].id == id)
            return i;
    }
    return std::nullopt;
}

uint64_t string(Snapshot& snapshot, std::string_view text)
{
    snapshot.strings.push_back(StringEntry::fromLatin1(text));
    return snapshot.strings.size() - 1;
}

// Adds a record (made reachable as a global named after an existing key) and returns its index.
uint64_t addHeld(Snapshot& snapshot, Record record)
{
    record.id = snapshot.nextObjectId++;
    snapshot.records.push_back(std::move(record));
    uint64_t index = snapshot.records.size() - 1;
    snapshot.records[0].object.properties.push_back(
        { PropertyKey::string(string(snapshot, "held" + std::to_string(index))), plainDataProperty, Value::ref(index),
            {} });
    return index;
}

constexpr uint64_t rootsRule = UINT64_MAX;

// Breaks the document snapshot with `change` (which returns the id of the record the error must name, or rootsRule),
// canonicalizes it again and reads it: the read fails with `code`, and the message names the record, its kind and
// `rule`. Returns the message.
std::string expectRejected(const std::function<uint64_t(Snapshot&)>& change, std::string_view rule,
    SnapshotError code = SnapshotError::Malformed)
{
    auto snapshot = buildDocumentSnapshot();
    uint64_t id = change(snapshot);
    SnapshotCanonicalizer::canonicalize(snapshot);
    Snapshot read;
    GError* error = nullptr;
    if (SnapshotReader::read(SnapshotWriter::write(snapshot), read, &error)) {
        ADD_FAILURE() << "accepted; expected " << rule;
        return {};
    }
    std::string message = error->message;
    EXPECT_TRUE(g_error_matches(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(code)))
        << snapshotErrorName(error->code) << ": " << message;
    g_error_free(error);
    EXPECT_NE(message.find(rule), std::string::npos) << message;
    if (id == rootsRule) {
        EXPECT_EQ(message.rfind("Roots section", 0), 0u) << message;
        return message;
    }
    auto index = findRecordById(snapshot, id);
    if (!index) {
        ADD_FAILURE() << "the record was dropped: " << message;
        return message;
    }
    EXPECT_EQ(message.rfind("Records section, record #" + std::to_string(*index) + " ", 0), 0u) << message;
    EXPECT_NE(message.find(" DomNode"), std::string::npos) << message;
    return message;
}

// The record that lists record `child` as an attribute or a child.
uint64_t parentOf(const Snapshot& snapshot, uint64_t child)
{
    for (uint64_t i = 0; i < snapshot.records.size(); ++i) {
        if (!DomNodeRecord::hasShape(snapshot.records[i]))
            continue;
        for (auto& item : DomNodeRecord(snapshot.records[i]).items()) {
            if (item == Value::ref(child))
                return i;
        }
    }
    ADD_FAILURE() << "record #" << child << " has no parent";
    return 0;
}

// The DomNode of `type` named `text` in `snapshot`, for a change to make.
Record& node(Snapshot& snapshot, DomNodeType type, std::u16string_view text = {})
{
    return snapshot.records[findNode(snapshot, type, text)];
}

std::string readError(const Snapshot& snapshot)
{
    Snapshot read;
    GError* error = nullptr;
    if (SnapshotReader::read(SnapshotWriter::write(snapshot), read, &error))
        return {};
    std::string message = error->message;
    g_error_free(error);
    return message;
}

constexpr size_t nameValue = 0;
constexpr size_t namespaceValue = 1;
constexpr size_t prefixValue = 2;
constexpr size_t dataValue = 3;
constexpr size_t extraValue = 4;
constexpr size_t stateValue = 5;
constexpr size_t firstItem = 6;

constexpr size_t nodeTypeField = 0;
constexpr size_t flagsField = 1;
constexpr size_t attributeCountField = 2;

} // namespace

TEST(DomRules, AcceptsADocument)
{
    auto snapshot = buildDocumentSnapshot();
    EXPECT_EQ(readError(snapshot), "");
    Snapshot read;
    ASSERT_TRUE(SnapshotReader::read(SnapshotWriter::write(snapshot), read, nullptr));

    // The document is the extra root "document" and is flagged MainDocument.
    uint64_t document = findNode(read, DomNodeType::Document);
    ASSERT_EQ(read.roots.extra.size(), 1u);
    EXPECT_EQ(read.strings[read.roots.extra[0].first].units, u"document");
    EXPECT_EQ(read.roots.extra[0].second, Value::ref(document));
    EXPECT_EQ(DomNodeRecord(read.records[document]).flags(), uint64_t(MainDocument));
    auto documentChildren = DomNodeRecord(read.records[document]).children();
    ASSERT_EQ(documentChildren.size(), 2u);
    EXPECT_EQ(documentChildren[0], Value::ref(findNode(read, DomNodeType::DocumentType, u"html")));

    // Attributes come first in the list: the body's two, then its three children.
    DomNodeRecord body(read.records[findNode(read, DomNodeType::Element, u"body")]);
    EXPECT_EQ(body.attributeCount(), 2u);
    EXPECT_EQ(body.attributes()[0], Value::ref(findNode(read, DomNodeType::Attribute, u"class")));
    EXPECT_EQ(body.children().size(), 3u);

    // A namespaced, prefixed attribute; a template's content as its state; a script that ran.
    DomNodeRecord href(read.records[findNode(read, DomNodeType::Attribute, u"href")]);
    EXPECT_TRUE(isString(read, href.prefix(), u"xlink"));
    DomNodeRecord templateElement(read.records[findNode(read, DomNodeType::Element, u"template")]);
    ASSERT_TRUE(templateElement.state().isRef());
    DomNodeRecord content(read.records[templateElement.state().payload]);
    EXPECT_TRUE(content.isNodeType(DomNodeType::DocumentFragment));
    EXPECT_EQ(content.children().size(), 1u);
    EXPECT_EQ(
        DomNodeRecord(read.records[findNode(read, DomNodeType::Element, u"script")]).flags(), uint64_t(AlreadyStarted));

    // A detached element held by an object's property keeps its expando.
    auto& detached = read.records[findNode(read, DomNodeType::Element, u"div")];
    ASSERT_EQ(detached.object.properties.size(), 1u);
    EXPECT_EQ(read.strings[PropertyKey::index(detached.object.properties[0].key)].units, u"renderCount");
}

// JavaScript reaches a node's parent (parentNode, ownerElement), so a detached tree held only through one of its
// nodes travels whole: the walk reaches a node's parent after the node's own references.
TEST(DomRules, KeepsTheAncestorsOfANodeJavaScriptHolds)
{
    auto snapshot = buildDocumentSnapshot();
    uint64_t list = findNode(snapshot, DomNodeType::Element, u"ul");
    uint64_t item = snapshot.records[list].values.back().payload;
    EXPECT_GT(list, item) << "the list is reached through its item";
    EXPECT_EQ(DomNodeRecord(snapshot.records[list]).children().size(), 2u);
    EXPECT_EQ(readError(snapshot), "");
}

// A template's content does not lead back to its template: the content alone can be held.
TEST(DomRules, TemplateContentDoesNotReachItsTemplate)
{
    ModelBuilder builder;
    uint64_t content = builder.domNode({ .type = DomNodeType::DocumentFragment });
    builder.domNode({ .type = DomNodeType::Element,
        .name = builder.stringValue("template"),
        .namespaceURI = builder.stringValue(xhtmlNamespace),
        .state = Value::ref(content) });
    builder.global("content", Value::ref(content));
    auto snapshot = builder.finish();
    EXPECT_EQ(snapshot.records.size(), 3u) << "the global, the pending queue and the content";
    EXPECT_EQ(readError(snapshot), "");
}

TEST(DomRules, AcceptsNodesHeldFromJavaScriptInsideTheTree)
{
    // A scope binding holds the body, which is also the html element's child.
    auto snapshot = buildDocumentSnapshot();
    snapshot.scripts = { "0123456789abcdef" };
    Record scope;
    scope.kind = RecordKind::Scope;
    scope.fields = { string(snapshot, "0123456789abcdef:0") };
    scope.values = { Value::null(), Value::ref(findNode(snapshot, DomNodeType::Element, u"body")) };
    scope.id = snapshot.nextObjectId++;
    snapshot.records.push_back(scope);
    snapshot.roots.lexicalScopes = { Value::ref(snapshot.records.size() - 1) };
    SnapshotCanonicalizer::canonicalize(snapshot);
    EXPECT_EQ(readError(snapshot), "");
}

// The detached div has no parent, which would otherwise report its child of an unexpected type first.
TEST(DomRules, RejectsNodeTypesSnapshotsDoNotCarry)
{
    for (uint64_t type : { 0, 5, 6, 12 }) {
        auto message = expectRejected(
            [&](Snapshot& snapshot) {
                auto& record = node(snapshot, DomNodeType::Element, u"div");
                record.fields[nodeTypeField] = type;
                return record.id;
            },
            "nodeType: nodeType " + std::to_string(type) + " (");
        EXPECT_NE(message.find(") is not a node type snapshots carry"), std::string::npos) << message;
    }
}

TEST(DomRules, RejectsNodeTypesAboveTwelve)
{
    auto snapshot = buildDocumentSnapshot();
    uint64_t comment = findNode(snapshot, DomNodeType::Comment);
    snapshot.records[comment].fields[nodeTypeField] = 13;
    auto message = readError(snapshot);
    EXPECT_EQ(message.rfind("Records section, record #" + std::to_string(comment) + ", nodeType", 0), 0u) << message;
    EXPECT_NE(message.find("13 is above the maximum 12"), std::string::npos) << message;
}

TEST(DomRules, RejectsUnknownFlagBits)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"body");
            record.fields[flagsField] = 4;
            return record.id;
        },
        "flags: flags 4 have unknown bits");
}

TEST(DomRules, RejectsAlreadyStartedOnANodeOtherThanAnElement)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Text, u"kept");
            record.fields[flagsField] = AlreadyStarted;
            return record.id;
        },
        "flags: only an Element can be AlreadyStarted, not a Text node");
}

TEST(DomRules, RejectsMainDocumentOnANodeOtherThanADocument)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::DocumentFragment);
            record.fields[flagsField] = MainDocument;
            return record.id;
        },
        "flags: only a Document can be the MainDocument, not a DocumentFragment");
}

TEST(DomRules, RejectsAnElementWithoutAName)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"body");
            record.values[nameValue] = Value::null();
            return record.id;
        },
        "name: an Element's name is a non-empty string, found null");
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"body");
            record.values[nameValue] = Value::string(string(snapshot, ""));
            return record.id;
        },
        "name: an Element's name is a non-empty string, found the empty string");
}

TEST(DomRules, RejectsAnAttrWithoutAName)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Attribute, u"class");
            record.values[nameValue] = Value::string(string(snapshot, ""));
            return record.id;
        },
        "name: an Attr's name is a non-empty string, found the empty string");
}

TEST(DomRules, RejectsANameOnCharacterData)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Text, u"Hello, ");
            record.values[nameValue] = Value::string(string(snapshot, "#text"));
            return record.id;
        },
        "name: a Text node's name is null, found string");
}

TEST(DomRules, RejectsAProcessingInstructionWithoutATarget)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::ProcessingInstruction);
            record.values[nameValue] = Value::null();
            return record.id;
        },
        "name: a ProcessingInstruction's name is a string, found null");
}

TEST(DomRules, RejectsNamesThatAreNotStrings)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"body");
            record.values[nameValue] = Value::integer(1);
            return record.id;
        },
        "name: expected a string or null, found int");
}

TEST(DomRules, RejectsANamespaceOnANodeTypeWithoutOne)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Comment);
            record.values[namespaceValue] = Value::string(string(snapshot, "urn:example"));
            return record.id;
        },
        "namespace: a Comment's namespace is null, found string");
}

TEST(DomRules, RejectsTheEmptyNamespace)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Attribute, u"class");
            record.values[namespaceValue] = Value::string(string(snapshot, ""));
            return record.id;
        },
        "namespace: the empty string is not a namespace");
}

TEST(DomRules, RejectsAPrefixWithoutANamespace)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Attribute, u"class");
            record.values[prefixValue] = Value::string(string(snapshot, "x"));
            return record.id;
        },
        "prefix: a node without a namespace has no prefix");
}

TEST(DomRules, RejectsTheEmptyPrefix)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Attribute, u"href");
            record.values[prefixValue] = Value::string(string(snapshot, ""));
            return record.id;
        },
        "prefix: the empty string is not a prefix");
}

TEST(DomRules, RejectsDataOnAnElement)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"head");
            record.values[dataValue] = Value::string(string(snapshot, "text"));
            return record.id;
        },
        "data: an Element's data is null, found string");
}

TEST(DomRules, RejectsCharacterDataWithoutData)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::CDATASection);
            record.values[dataValue] = Value::null();
            return record.id;
        },
        "data: a CDATASection's data is a string, found null");
}

TEST(DomRules, RejectsAnAttrWithoutAValue)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Attribute, u"lang");
            record.values[dataValue] = Value::null();
            return record.id;
        },
        "data: an Attr's data is a string, found null");
}

TEST(DomRules, RejectsExtraOutsideADoctype)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Attribute, u"lang");
            record.values[extraValue] = Value::string(string(snapshot, "system"));
            return record.id;
        },
        "extra: an Attr's extra is null, found string");
}

TEST(DomRules, RejectsADoctypeWithoutItsIds)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::DocumentType);
            record.values[extraValue] = Value::null();
            return record.id;
        },
        "extra: a DocumentType's extra is a string, found null");
}

TEST(DomRules, RejectsATemplateWithoutContent)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"template");
            record.values[stateValue] = Value::null();
            return record.id;
        },
        "state: an HTML template element's content (a DocumentFragment ref) is missing");
}

TEST(DomRules, RejectsTemplateContentThatIsNotAFragment)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"template");
            record.values[stateValue] = Value::ref(findNode(snapshot, DomNodeType::Element, u"div"));
            return record.id;
        },
        "state: a template's content is a DocumentFragment, found an Element");
}

TEST(DomRules, RejectsStateOnANodeOtherThanAnHtmlTemplate)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"div");
            record.values[stateValue] = Value::ref(findNode(snapshot, DomNodeType::DocumentFragment));
            return record.id;
        },
        "state: only an HTML template element has a state (its content); it is null for an Element");
    // An SVG element named template is no HTML template.
    expectRejected(
        [](Snapshot& snapshot) {
            auto& templateElement = node(snapshot, DomNodeType::Element, u"template");
            auto& svg = node(snapshot, DomNodeType::Element, u"svg");
            templateElement.values[namespaceValue] = svg.values[namespaceValue];
            return templateElement.id;
        },
        "state: only an HTML template element has a state");
}

TEST(DomRules, RejectsStateThatIsNotANode)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"template");
            record.values[stateValue] = Value::ref(0);
            return record.id;
        },
        "state: expected a DomNode ref or null, found ref");
}

TEST(DomRules, RejectsAnAttributeCountAboveTheItems)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"use");
            record.fields[attributeCountField] = 2;
            return record.id;
        },
        "attributeCount: attributeCount 2 is above the 1 items of the list");
}

TEST(DomRules, RejectsAttributesOnANodeOtherThanAnElement)
{
    expectRejected(
        [](Snapshot& snapshot) {
            // The fragment holding the processing instruction.
            auto& fragment
                = snapshot.records[parentOf(snapshot, findNode(snapshot, DomNodeType::ProcessingInstruction))];
            fragment.fields[attributeCountField] = 1;
            return fragment.id;
        },
        "attributeCount: only an Element has attributes, not a DocumentFragment");
}

TEST(DomRules, RejectsAnAttributeThatIsNotAnAttr)
{
    auto message = expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"body");
            record.fields[attributeCountField] = 3;
            return record.id;
        },
        "children: attribute #2 (record #");
    EXPECT_NE(message.find(") is a Text node, not an Attr"), std::string::npos) << message;
}

TEST(DomRules, RejectsAnAttrAmongChildren)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"body");
            record.fields[attributeCountField] = 1;
            return record.id;
        },
        "is an Attr: attributes are only in an element's attribute part");
}

TEST(DomRules, RejectsADocumentAsAChild)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"div");
            record.values.push_back(Value::ref(findNode(snapshot, DomNodeType::Document)));
            return record.id;
        },
        "is a Document: a document is never a child");
}

TEST(DomRules, RejectsChildrenOfNodesWithoutChildren)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Text, u"kept");
            record.values.push_back(Value::ref(findNode(snapshot, DomNodeType::Comment)));
            return record.id;
        },
        "children: a Text node has no children");
}

TEST(DomRules, RejectsChildTypesTheParentCannotHold)
{
    // A doctype in an element, text in a document.
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"div");
            record.values.push_back(Value::ref(findNode(snapshot, DomNodeType::DocumentType)));
            return record.id;
        },
        "is a DocumentType, which an Element cannot hold");
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Document);
            record.values.push_back(Value::ref(findNode(snapshot, DomNodeType::Text, u"kept")));
            return record.id;
        },
        "is a Text node, which a Document cannot hold");
}

TEST(DomRules, RejectsChildrenThatAreNotNodes)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Element, u"div");
            record.values.push_back(Value::ref(0));
            return record.id;
        },
        "children: expected a DomNode ref, found ref");
}

TEST(DomRules, RejectsASecondDocumentElement)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Document);
            record.values.push_back(Value::ref(findNode(snapshot, DomNodeType::Element, u"div")));
            return record.id;
        },
        "children: a Document has at most one element child; child #2 is a second one");
}

TEST(DomRules, RejectsASecondDoctype)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto doctype = snapshot.records[findNode(snapshot, DomNodeType::DocumentType)];
            uint64_t second = addHeld(snapshot, doctype);
            auto& record = node(snapshot, DomNodeType::Document);
            record.values.insert(record.values.begin() + firstItem, Value::ref(second));
            return record.id;
        },
        "children: a Document has at most one doctype child; child #1 is a second one");
}

TEST(DomRules, RejectsADoctypeAfterTheDocumentElement)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& record = node(snapshot, DomNodeType::Document);
            std::swap(record.values[firstItem], record.values[firstItem + 1]);
            return record.id;
        },
        "children: the doctype (child #1) comes after the document element");
}

TEST(DomRules, RejectsANodeWithTwoParents)
{
    expectRejected(
        [](Snapshot& snapshot) {
            uint64_t detached = findNode(snapshot, DomNodeType::Element, u"div");
            node(snapshot, DomNodeType::Element, u"body").values.push_back(Value::ref(detached));
            node(snapshot, DomNodeType::Element, u"head").values.push_back(Value::ref(detached));
            return snapshot.records[detached].id;
        },
        "the node has more than one parent: records #");
}

TEST(DomRules, RejectsANodeListedTwiceByItsParent)
{
    expectRejected(
        [](Snapshot& snapshot) {
            uint64_t detached = findNode(snapshot, DomNodeType::Element, u"div");
            auto& body = node(snapshot, DomNodeType::Element, u"body");
            body.values.push_back(Value::ref(detached));
            body.values.push_back(Value::ref(detached));
            return snapshot.records[detached].id;
        },
        "the node has more than one parent: record #");
}

TEST(DomRules, RejectsContentSharedByTwoTemplates)
{
    expectRejected(
        [](Snapshot& snapshot) {
            auto& templateElement = node(snapshot, DomNodeType::Element, u"template");
            Record copy = templateElement;
            uint64_t content = templateElement.values[stateValue].payload;
            addHeld(snapshot, copy);
            return snapshot.records[content].id;
        },
        "as an attribute, a child or a template's content");
}

TEST(DomRules, RejectsCycles)
{
    // A list inside its own item.
    expectRejected(
        [](Snapshot& snapshot) {
            uint64_t list = findNode(snapshot, DomNodeType::Element, u"ul");
            uint64_t firstListItem = snapshot.records[list].values[firstItem].payload;
            snapshot.records[firstListItem].values.push_back(Value::ref(list));
            return snapshot.records[list].id;
        },
        "DomNode: the node is its own ancestor");
    // A template inside its own content.
    auto snapshot = buildDocumentSnapshot();
    uint64_t templateIndex = findNode(snapshot, DomNodeType::Element, u"template");
    auto& body = snapshot.records[findNode(snapshot, DomNodeType::Element, u"body")];
    body.values.pop_back();
    auto& content = snapshot.records[snapshot.records[templateIndex].values[stateValue].payload];
    content.values.push_back(Value::ref(templateIndex));
    snapshot.records[0].object.properties.push_back(
        { PropertyKey::string(string(snapshot, "template")), plainDataProperty, Value::ref(templateIndex), {} });
    SnapshotCanonicalizer::canonicalize(snapshot);
    auto message = readError(snapshot);
    EXPECT_NE(message.find("DomNode: the node is its own ancestor"), std::string::npos) << message;
}

TEST(DomRules, RejectsASecondMainDocument)
{
    expectRejected(
        [](Snapshot& snapshot) {
            Record second = snapshot.records[findNode(snapshot, DomNodeType::Document)];
            second.values.resize(firstItem);
            return snapshot.records[addHeld(snapshot, second)].id;
        },
        "is flagged MainDocument already; a snapshot has one main document");
}

TEST(DomRules, RejectsADocumentRootThatIsNotTheMainDocument)
{
    expectRejected(
        [](Snapshot& snapshot) {
            snapshot.roots.extra[0].second = Value::ref(findNode(snapshot, DomNodeType::DocumentFragment));
            node(snapshot, DomNodeType::Document).fields[flagsField] = 0;
            return rootsRule;
        },
        "extra: the extra root \"document\" is a ref to the DomNode record flagged MainDocument, found a ref to "
        "record #2 (a DocumentFragment)");
    expectRejected(
        [](Snapshot& snapshot) {
            snapshot.roots.extra[0].second = Value::null();
            node(snapshot, DomNodeType::Document).fields[flagsField] = 0;
            return rootsRule;
        },
        "flagged MainDocument, found null");
}

TEST(DomRules, RejectsAMainDocumentThatIsNotTheDocumentRoot)
{
    expectRejected(
        [](Snapshot& snapshot) {
            // The document stays reachable through the global "doc".
            snapshot.roots.extra.clear();
            return node(snapshot, DomNodeType::Document).id;
        },
        "flags: the main document (flagged MainDocument) is not the extra root \"document\"");
}

TEST(DomRules, RejectsTwoDocumentRoots)
{
    expectRejected(
        [](Snapshot& snapshot) {
            snapshot.roots.extra.push_back(snapshot.roots.extra[0]);
            return rootsRule;
        },
        "extra: a second extra root named \"document\"");
}

TEST(DomRules, OtherExtraRootsMayHoldNodes)
{
    // Only the name "document" is special: a node under another name is an ordinary root.
    auto snapshot = buildDocumentSnapshot();
    snapshot.roots.extra.push_back(
        { string(snapshot, "documents"), Value::ref(findNode(snapshot, DomNodeType::Element, u"div")) });
    SnapshotCanonicalizer::canonicalize(snapshot);
    EXPECT_EQ(readError(snapshot), "");
}
