/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/SnapshotDumper.h"

#include "Snapshot/Bundle.h"
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
            "Meta: nextObjectId=51 turn=7 flags=0",
            "  Records  offset ",
            "Scripts (2):\n  #0 0123456789abcdef lexical scope #1\n  #1 fedcba9876543210 lexical scope null",
            "Blobs (2):",
            " 5000 bytes",
            "Strings (98): 96 latin1, 1 utf16, 1 blob",
            "\"a\\ud800z\\u2603\"",
            "  #0 id=1 Global proto=%Object.prototype% {f: #6, obj: #7, PrivateClass: #8, withPrivates: #9, "
            "negativeZero: -0, notANumber: NaN, fraction: 0.1, ",
            "big: 0x01ffffffffffffffffn, negativeBig: -42n, zeroBig: 0n,",
            "  #4 id=42 Intrinsic path=\"Array.prototype\" proto=%Object.prototype% {sum: #40 [w-c]}",
            "Function literal=\"0123456789abcdef:1\" scope=#41 home=undefined proto=%Function.prototype% {name: \"f\" "
            "[--c], length: 0 [--c]}",
            "Object proto=%Object.prototype% not-extensible {readOnly: -5 [-e-], computed: get #6 set undefined [-ec], "
            "method: #40, [#42]: 1,",
            "Array length=10 elements=[1, <hole>, \"x\"] proto=%Array.prototype% {9: 9 [-e-], extra: true}",
            "not-extensible length-readonly {0: 1 [-e-]}",
            "ArrayBuffer byteLength=0 maxByteLength=fixed storage=detached",
            "Arguments mapped=1 scope=#41 aliased=[1] proto=%Object.prototype% {0: 2, 1: \"captured\",",
            "Scope template=\"0123456789abcdef:0\" parent=null bindings=[1, <uninitialized>]",
            "TypedArray type=Int32 buffer=#46 byteOffset=0 length=tracking",
            "ArrayBuffer byteLength=8 maxByteLength=64 storage=inline(8 bytes)",
            "Promise state=pending result=undefined reactions=[(#47 #6 undefined)]",
            "Map entries=[(\"k\" 1), (#7 null)]",
            "WeakMap entries=[] ",
            "Function literal=\"0123456789abcdef:20\" scope=null home=undefined proto=%Function.prototype% {} "
            "static-private(#8) [3]",
            "Object proto=%Object.prototype% {} private(#8) [\"secret\", #7]",
            "Roots:\n  global: #0\n  lexicalScopes: [#1, null]\n  pending: #2\n  extra timers: #3\n  extra intrinsic: "
            "#4\n  extra intrinsic: #5",
            "Sizes by record kind:",
            "  ResolvingFunction        1 records ",
        });
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
            "{\"version\":1,\"meta\":{\"nextObjectId\":51,\"turn\":7,\"flags\":0}",
            "\"scripts\":[\"0123456789abcdef\",\"fedcba9876543210\"]",
            "{\"index\":6,\"id\":5,\"kind\":\"Function\",\"literal\":\"0123456789abcdef:1\",\"scope\":{\"ref\":41},"
            "\"home\":{\"undefined\":true},"
            "\"prototype\":{\"intrinsic\":\"Function.prototype\"},\"extensible\":true,\"properties\":[{\"key\":"
            "\"name\",\"attributes\":4,",
            "{\"key\":\"negativeZero\",\"attributes\":7,\"value\":{\"number\":\"-0\"}}",
            "{\"key\":\"big\",\"attributes\":7,\"value\":{\"bigint\":\"0x01ffffffffffffffff\"}}",
            "\"a\\ud800z\\u2603\"",
            "\"privateElements\":[{\"class\":{\"ref\":8},\"static\":true,\"values\":[3]}]",
            "\"privateElements\":[{\"class\":{\"ref\":8},\"static\":false,\"values\":[{\"string\":",
            "\"roots\":{\"global\":{\"ref\":0},\"lexicalScopes\":[{\"ref\":1},null],\"pending\":{\"ref\":2},\"extra\":["
            "{\"name\":\"timers\"",
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
