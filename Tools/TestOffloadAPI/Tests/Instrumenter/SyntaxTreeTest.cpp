/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// The parse's memory (ParseArena) and the child iteration (NodeChildren) are invisible in the instrumenter's output:
// these tests pin what the output relies on.

#include "Instrumenter/SyntaxTree.h"
#include "Instrumenter/NodeChildren.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace Offload;

static std::string manyStatements(int count, const char* statement)
{
    std::string source;
    for (int i = 0; i < count; ++i)
        source += std::string(statement) + std::to_string(i) + ";\n";
    return source;
}

// Each tree keeps its own arena: a second parse (which reuses the first one's cached chunks only once that arena is
// gone) leaves a living first tree intact.
TEST(SyntaxTree, TreesParsedOneAfterTheOtherStayIntact)
{
    std::string firstSource = manyStatements(3000, "let a");
    std::string secondSource = manyStatements(2000, "var b");
    SyntaxTree first(firstSource);
    {
        SyntaxTree second(secondSource);
        ASSERT_TRUE(second.isValid());
        EXPECT_EQ(ts_node_named_child_count(second.root()), 2000u);
    }
    SyntaxTree third(secondSource);
    ASSERT_TRUE(first.isValid());
    EXPECT_EQ(ts_node_named_child_count(first.root()), 3000u);
    EXPECT_EQ(first.text(ts_node_named_child(first.root(), 2999)), "let a2999;");
    EXPECT_EQ(ts_node_named_child_count(third.root()), 2000u);
}

// Narrow nodes are walked by index, wide ones with a cursor: both give the named children that are not comments, in
// the order ts_node_named_child gives them.
TEST(SyntaxTree, NamedChildrenMatchIndexedAccess)
{
    for (int count : { 0, 1, 8, 9, 200 }) {
        std::string source = "/* head */ f(" + std::string(count ? "x0" : "");
        for (int i = 1; i < count; ++i)
            source += (i % 7 ? ", x" : ", /* c */ x") + std::to_string(i);
        source += ");";
        SyntaxTree tree(source);
        TSNode call = ts_node_named_child(ts_node_named_child(tree.root(), 1), 0);
        TSNode arguments = childByField(call, "arguments");
        // Comments are named children to tree-sitter, but not code: namedChildren() leaves them out.
        std::vector<TSNode> expected;
        for (uint32_t i = 0; i < ts_node_named_child_count(arguments); ++i) {
            if (!ts_node_is_extra(ts_node_named_child(arguments, i)))
                expected.push_back(ts_node_named_child(arguments, i));
        }
        EXPECT_EQ(expected.size(), static_cast<size_t>(count)) << count;
        std::vector<TSNode> walked;
        for (TSNode child : namedChildren(arguments))
            walked.push_back(child);
        ASSERT_EQ(walked.size(), expected.size()) << count;
        for (size_t i = 0; i < walked.size(); ++i)
            EXPECT_TRUE(ts_node_eq(walked[i], expected[i])) << count << " " << i;
    }
}

TEST(SyntaxTree, ChildrenMatchIndexedAccess)
{
    for (int count : { 1, 20 }) {
        std::string source = "[y0";
        for (int i = 1; i < count; ++i)
            source += ", y" + std::to_string(i);
        source += "];";
        SyntaxTree tree(source);
        TSNode array = ts_node_named_child(ts_node_named_child(tree.root(), 0), 0);
        std::vector<TSNode> walked;
        for (TSNode child : children(array))
            walked.push_back(child);
        ASSERT_EQ(walked.size(), ts_node_child_count(array));
        for (uint32_t i = 0; i < walked.size(); ++i)
            EXPECT_TRUE(ts_node_eq(walked[i], ts_node_child(array, i))) << count << " " << i;
    }
}

static TSNode firstOfType(TSNode node, const char* type)
{
    if (nodeIs(node, type))
        return node;
    for (uint32_t i = 0; i < ts_node_child_count(node); ++i) {
        TSNode found = firstOfType(ts_node_child(node, i), type);
        if (!ts_node_is_null(found))
            return found;
    }
    return TSNode {};
}

// tree-sitter ends these nodes after the comments that follow them (it looked for an automatic semicolon there).
TEST(SyntaxTree, EndOfLeavesOutTrailingComments)
{
    SyntaxTree tree("var f = function () {} // z\nclass A { m() {} } /* a */ // b\nlet g = () => 1 \t/* c\n */\n"
                    "function h() {} \xe2\x80\x83// after an em space\n");
    TSNode function = firstOfType(tree.root(), "function_expression");
    EXPECT_GT(ts_node_end_byte(function), tree.endOf(function));
    EXPECT_EQ(tree.text(function), "function () {}");
    EXPECT_EQ(tree.text(firstOfType(tree.root(), "class_declaration")), "class A { m() {} }");
    EXPECT_EQ(tree.text(firstOfType(tree.root(), "lexical_declaration")), "let g = () => 1");
    EXPECT_EQ(tree.text(firstOfType(tree.root(), "function_declaration")), "function h() {}");
    // A node without a trailing comment is left as it is.
    EXPECT_EQ(tree.text(firstOfType(tree.root(), "method_definition")), "m() {}");
}

TEST(SyntaxTree, FindsHtmlCommentsReadAsOperators)
{
    EXPECT_EQ(SyntaxTree("x = a <!-- b\n").misreadHtmlComment(), 6u);
    // `-->` starts a line, or follows a comment that holds a line terminator: tree-sitter reads `a-- > b` there.
    EXPECT_EQ(SyntaxTree("x = (a\n--> b)\n").misreadHtmlComment(), 7u);
    EXPECT_EQ(SyntaxTree("x = a /*\n*/ --> b\n").misreadHtmlComment(), 12u);
    // Operators both ways, or comments both ways.
    EXPECT_FALSE(SyntaxTree("while (n-->0) x = '<!--' + `-->` + /<!--/.source;\n").misreadHtmlComment());
    EXPECT_FALSE(
        SyntaxTree("<!-- a comment to both\nx = 1\n--> and this\nif (a) b\n/*\n*/--> c\n").misreadHtmlComment());
    EXPECT_FALSE(SyntaxTree("x = a /* --> */ // <!--\n").misreadHtmlComment());
}
