/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Tools/InstrumenterCorpus/TokenComparison.h"

#include <gtest/gtest.h>

using namespace Offload;

namespace {

// The corpus test's token check must fail on the rewrites issue 11 found, whatever else the output holds.
TEST(TokenComparison, AcceptsInsertedTokens)
{
    EXPECT_EQ(TokenComparison::firstDifference(
                  "function f(){return{m(){}}}", "function f(){return __offload.o({m(){}}, null, [\"s:1\", \"m\"])}"),
        std::nullopt);
    // Inserted code may copy the author's tokens: the key of a property that names a function.
    EXPECT_EQ(TokenComparison::firstDifference("var o={\"a b\":function(){return 1}}",
                  "var o={\"a b\":__offload.f({\"a b\":function(){return 1}}[\"a b\"], \"s:0\", null)}"),
        std::nullopt);
}

TEST(TokenComparison, FindsATokenGluedToInsertedText)
{
    auto difference = TokenComparison::firstDifference(
        "function f(){return{m(){return 1}}}", "function f(){return__offload.o({m(){return 1}}, null, [])}");
    ASSERT_TRUE(difference);
    EXPECT_NE(difference->find("return__offload"), std::string::npos) << *difference;
}

TEST(TokenComparison, FindsACommentThatSwallowedInsertedText)
{
    auto difference = TokenComparison::firstDifference("var f = function(){ return g; } // z\nprint(f());",
        "var f = __offload.f(function(){ return g; } // z, \"s:0\", null)\nprint(f());");
    ASSERT_TRUE(difference);
}

TEST(TokenComparison, FindsAChangedOrRemovedToken)
{
    EXPECT_TRUE(TokenComparison::firstDifference("a = b + c;", "a = b - c;"));
    EXPECT_TRUE(TokenComparison::firstDifference("a = b + c;", "a = b c;"));
    EXPECT_TRUE(TokenComparison::firstDifference("a = b;\nc = d;", "a = b; c = d;"));
}

// A string of the author's that holds the runtime's prefix is no glued token.
TEST(TokenComparison, AuthorTextMayHoldTheRuntimesPrefix)
{
    EXPECT_EQ(
        TokenComparison::firstDifference("var s = 'x__offload'; // y__offload", "var s = 'x__offload'; // y__offload"),
        std::nullopt);
}

} // namespace
