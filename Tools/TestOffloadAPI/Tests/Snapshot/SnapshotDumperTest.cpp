/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/SnapshotDumper.h"

#include "Snapshot/Bundle.h"
#include "Snapshot/DomNodeRecord.h"
#include "Snapshot/SnapshotError.h"
#include "Snapshot/SnapshotWriter.h"
#include "SnapshotTestSupport.h"

#include <gtest/gtest.h>

using namespace Offload;
using namespace Offload::Test;

static void expectLines(const std::string& output, std::initializer_list<const char*> lines)
{
    for (auto* line : lines)
        EXPECT_NE(output.find(line), std::string::npos) << "missing: " << line << "\n--- output ---\n" << output;
}

TEST(SnapshotDumper, PrintsHeaderRecordsRootsAndSizes)
{
    auto bytes = SnapshotWriter::write(buildRichSnapshot());
    std::string output;
    ASSERT_TRUE(SnapshotDumper::dumpBytes(bytes, output, nullptr));
    expectLines(output,
        {
            "Snapshot version 1, ",
            "Meta: nextObjectId=56 turn=7 flags=0",
            "  Records  offset ",
            "Scripts (2):\n  #0 0123456789abcdef lexical scope #1\n  #1 fedcba9876543210 lexical scope null",
            "Blobs (2):",
            " 5000 bytes",
            "Strings (110): 108 latin1, 1 utf16, 1 blob",
            "\"a\\ud800z\\u2603\"",
            "  #0 id=1 Global proto=%Object.prototype% {f: #7, obj: #8, PrivateClass: #9, withPrivates: #10, "
            "negativeZero: -0, notANumber: NaN, fraction: 0.1, ",
            "big: 0x01ffffffffffffffffn, negativeBig: -42n, zeroBig: 0n,",
            "  #4 id=42 Intrinsic path=\"Array.prototype\" proto=%Object.prototype% {sum: #41 [w-c]}",
            "Function literal=\"0123456789abcdef:1\" scope=#44 home=undefined proto=%Function.prototype% {name: \"f\" "
            "[--c], length: 0 [--c]}",
            "Object proto=%Object.prototype% not-extensible {readOnly: -5 [-e-], computed: get #7 set undefined [-ec], "
            "method: #41, [#45]: 1,",
            "Array length=10 elements=[1, <hole>, \"x\"] proto=%Array.prototype% {9: 9 [-e-], extra: true}",
            "not-extensible length-readonly {0: 1 [-e-]}",
            "ArrayBuffer byteLength=0 maxByteLength=fixed storage=detached",
            "Arguments mapped=1 scope=#44 aliased=[1] proto=%Object.prototype% {0: 2, 1: \"captured\",",
            "Scope template=\"0123456789abcdef:0\" parent=null bindings=[1, <uninitialized>]",
            "TypedArray type=Int32 buffer=#49 byteOffset=0 length=tracking",
            "ArrayBuffer byteLength=8 maxByteLength=64 storage=inline(8 bytes)",
            "Promise state=pending result=undefined reactions=[(#50 #7 undefined)]",
            "Map entries=[(\"k\" 1), (#8 null)]",
            "WeakMap entries=[] ",
            "Function literal=\"0123456789abcdef:20\" scope=null home=undefined proto=%Function.prototype% {} "
            "static-private(#9) [3]",
            "Object proto=%Object.prototype% {} private(#9) [\"secret\", #8]",
            "Roots:\n  global: #0\n  lexicalScopes: [#1, null]\n  pending: #2\n  extra timers: #3\n  extra intrinsic: "
            "#4\n  extra intrinsic: #5\n  extra document: #6",
            "  #6 id=55 DomNode document children=[#42, #43] flags=main-document proto=%HTMLDocument.prototype% {}",
            "  #43 id=53 DomNode element html:html attrs=[#52] children=[#53] proto=%HTMLHtmlElement.prototype% {}",
            "  #52 id=52 DomNode attr lang=\"en\" proto=%Attr.prototype% {}",
            "  DomNode                  5 records ",
            "Sizes by record kind:",
            "  ResolvingFunction        1 records ",
        });
}

// A DomNode prints as the DOM shows it, its refs by record index.
TEST(SnapshotDumper, PrintsDomNodes)
{
    auto snapshot = buildDocumentSnapshot();
    std::string output;
    ASSERT_TRUE(SnapshotDumper::dumpBytes(SnapshotWriter::write(snapshot), output, nullptr));
    // The first node of `type` named `name` (any name when it is empty).
    auto find = [&](DomNodeType type, std::u16string_view name = {}) -> uint64_t {
        for (uint64_t i = 0; i < snapshot.records.size(); ++i) {
            auto& record = snapshot.records[i];
            if (!DomNodeRecord::hasShape(record) || !DomNodeRecord(record).isNodeType(type))
                continue;
            auto& nodeName = DomNodeRecord(record).name();
            if (name.empty() || (nodeName.tag == ValueTag::String && snapshot.strings[nodeName.payload].units == name))
                return i;
        }
        ADD_FAILURE() << "no such node";
        return 0;
    };
    auto lineStart = [&](uint64_t index) {
        return "  #" + std::to_string(index) + " id=" + std::to_string(snapshot.records[index].id) + " DomNode ";
    };
    auto refs = [&](std::span<const Value> values) {
        std::string text;
        for (auto& value : values)
            text += (text.empty() ? "#" : ", #") + std::to_string(value.payload);
        return "[" + text + "]";
    };
    uint64_t document = find(DomNodeType::Document);
    uint64_t body = find(DomNodeType::Element, u"body");
    uint64_t templateElement = find(DomNodeType::Element, u"template");
    DomNodeRecord bodyNode(snapshot.records[body]);
    auto documentLine = lineStart(document)
        + "document children=" + refs(DomNodeRecord(snapshot.records[document]).children())
        + " flags=main-document proto=%HTMLDocument.prototype% {}";
    auto bodyLine = lineStart(body) + "element html:body attrs=" + refs(bodyNode.attributes())
        + " children=" + refs(bodyNode.children()) + " proto=%HTMLBodyElement.prototype% {}";
    auto templateLine = lineStart(templateElement) + "element html:template children=[] content=#"
        + std::to_string(DomNodeRecord(snapshot.records[templateElement]).state().payload)
        + " proto=%HTMLTemplateElement.prototype% {}";
    expectLines(output,
        {
            documentLine.c_str(),
            bodyLine.c_str(),
            templateLine.c_str(),
            "DomNode doctype html proto=%DocumentType.prototype% {}",
            "DomNode attr class=\"main\" proto=%Attr.prototype% {}",
            "DomNode attr data-state=\"\" proto=%Attr.prototype% {}",
            "DomNode attr xlink:href=\"#icon\" prefix=xlink proto=%Attr.prototype% {}",
            "DomNode element svg:use attrs=[#",
            "DomNode text \"Hello, \" proto=%Text.prototype% {}",
            "DomNode comment \" note \" proto=%Comment.prototype% {}",
            "DomNode element html:script children=[#",
            "] flags=already-started proto=%HTMLScriptElement.prototype% {}",
            "DomNode pi xml-stylesheet \"href=\\\"style.css\\\"\" proto=%ProcessingInstruction.prototype% {}",
            "DomNode cdata \"x < y\" proto=%CDATASection.prototype% {}",
            "DomNode fragment children=[#",
            "DomNode element html:div attrs=[#",
            "proto=%HTMLDivElement.prototype% {renderCount: 3}",
            "  extra document: #2",
            "  DomNode                 29 records ",
        });
}

// A node of a type snapshots do not carry, in a snapshot being diagnosed, shows every field.
TEST(SnapshotDumper, PrintsBrokenDomNodesAsTheyAre)
{
    auto snapshot = buildDocumentSnapshot();
    for (auto& record : snapshot.records) {
        if (DomNodeRecord::hasShape(record) && DomNodeRecord(record).isNodeType(DomNodeType::Comment))
            record.fields[0] = 5;
    }
    std::string output;
    GError* error = nullptr;
    EXPECT_FALSE(SnapshotDumper::dumpBytes(SnapshotWriter::write(snapshot), output, &error));
    g_clear_error(&error);
    expectLines(output, { "DomNode nodeType=5 name=null namespace=null data=\" note \" extra=null proto=" });
}

TEST(SnapshotDumper, ShowsWhatWasReadBeforeAnError)
{
    auto bytes = SnapshotWriter::write(buildRichSnapshot());
    bytes.resize(bytes.size() - 40);
    std::string output;
    GError* error = nullptr;
    EXPECT_FALSE(SnapshotDumper::dumpBytes(bytes, output, &error));
    EXPECT_TRUE(g_error_matches(error, OFFLOAD_SNAPSHOT_ERROR, static_cast<int>(SnapshotError::Truncated)));
    g_clear_error(&error);
    expectLines(output,
        { "INVALID: Records section, record #", "What was read before the error:", "Blobs (2):", "#0 id=1 Global" });
}

TEST(SnapshotDumper, DescribesBundles)
{
    std::vector<std::vector<uint8_t>> bodies;
    auto snapshot = SnapshotWriter::write(buildRichSnapshot(&bodies));
    std::vector<std::span<const uint8_t>> spans { bodies[0] };
    std::vector<uint8_t> bundle;
    ASSERT_TRUE(Bundle::write(snapshot, spans, bundle, nullptr));
    std::string output;
    ASSERT_TRUE(SnapshotDumper::dumpBytes(bundle, output, nullptr));
    expectLines(output,
        { "Bundle version 1, ", " 1 blobs carried in ", "Carried blobs:", "not carried (the receiver holds it)",
            ", carried zstd " });
}

TEST(SnapshotDumper, PrintsJson)
{
    auto bytes = SnapshotWriter::write(buildRichSnapshot());
    std::string output;
    ASSERT_TRUE(SnapshotDumper::dumpBytes(bytes, output, nullptr, SnapshotDumper::Format::Json));
    expectLines(output,
        {
            "{\"version\":1,\"meta\":{\"nextObjectId\":56,\"turn\":7,\"flags\":0}",
            "\"scripts\":[\"0123456789abcdef\",\"fedcba9876543210\"]",
            "{\"index\":7,\"id\":5,\"kind\":\"Function\",\"literal\":\"0123456789abcdef:1\",\"scope\":{\"ref\":44},"
            "\"home\":{\"undefined\":true},"
            "\"prototype\":{\"intrinsic\":\"Function.prototype\"},\"extensible\":true,\"properties\":[{\"key\":"
            "\"name\",\"attributes\":4,",
            "{\"key\":\"negativeZero\",\"attributes\":7,\"value\":{\"number\":\"-0\"}}",
            "{\"key\":\"big\",\"attributes\":7,\"value\":{\"bigint\":\"0x01ffffffffffffffff\"}}",
            "\"a\\ud800z\\u2603\"",
            "\"privateElements\":[{\"class\":{\"ref\":9},\"static\":true,\"values\":[3]}]",
            "\"privateElements\":[{\"class\":{\"ref\":9},\"static\":false,\"values\":[{\"string\":",
            "\"roots\":{\"global\":{\"ref\":0},\"lexicalScopes\":[{\"ref\":1},null],\"pending\":{\"ref\":2},\"extra\":["
            "{\"name\":\"timers\"",
            "{\"name\":\"document\",\"value\":{\"ref\":6}}",
            "{\"index\":6,\"id\":55,\"kind\":\"DomNode\",\"nodeType\":9,\"flags\":2,\"name\":null,\"namespace\":null,"
            "\"prefix\":null,\"data\":null,\"extra\":null,\"state\":null,\"attributeCount\":0,\"children\":[{\"ref\":"
            "42},"
            "{\"ref\":43}],\"prototype\":{\"intrinsic\":\"HTMLDocument.prototype\"},\"extensible\":true,\"properties\":"
            "[]}",
            "{\"index\":43,\"id\":53,\"kind\":\"DomNode\",\"nodeType\":1,\"flags\":0,\"name\":{\"string\":",
            "\"state\":null,\"attributeCount\":1,\"children\":[{\"ref\":52},{\"ref\":53}]",
        });
    // Balanced brackets outside strings: a cheap structural check without a JSON parser.
    int depth = 0;
    bool isInString = false;
    for (size_t i = 0; i < output.size(); ++i) {
        char c = output[i];
        if (isInString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                isInString = false;
            continue;
        }
        if (c == '"')
            isInString = true;
        else if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']') {
            ASSERT_GE(--depth, 0);
        }
    }
    EXPECT_EQ(depth, 0);
    EXPECT_FALSE(isInString);
}
