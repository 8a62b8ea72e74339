/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Instrumenter/SyntaxTree.h"

extern "C" const TSLanguage* tree_sitter_javascript();

namespace Offload {

SyntaxTree::SyntaxTree(std::string_view source)
    : m_source(source)
{
    ParseArena::install();
    ParseArena::Scope scope(m_arena);
    m_parser = ts_parser_new();
    ts_parser_set_language(m_parser, tree_sitter_javascript());
    m_tree = ts_parser_parse_string_encoding(m_parser, nullptr, source.data(), source.size(), TSInputEncodingUTF8);
}

// The parser and the tree live in m_arena, which releases them as a whole: deleting the tree node by node would only
// walk it once more.
SyntaxTree::~SyntaxTree() = default;

// The length of the white space or line terminator (ECMA-262 WhiteSpace, LineTerminator) that ends source[0, end), or
// 0 when none does.
static size_t trailingSpaceLength(std::string_view source, size_t end)
{
    if (!end)
        return 0;
    auto byte = [&](size_t fromEnd) { return static_cast<unsigned char>(source[end - fromEnd]); };
    switch (byte(1)) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
        return 1;
    }
    if (end >= 2 && byte(2) == 0xc2 && byte(1) == 0xa0) // U+00A0
        return 2;
    if (end < 3)
        return 0;
    unsigned codePoint = ((byte(3) & 0x0f) << 12) | ((byte(2) & 0x3f) << 6) | (byte(1) & 0x3f);
    if ((byte(3) & 0xf0) != 0xe0 || (byte(2) & 0xc0) != 0x80 || (byte(1) & 0xc0) != 0x80)
        return 0;
    bool isSpace = codePoint == 0x1680 || (codePoint >= 0x2000 && codePoint <= 0x200a) || codePoint == 0x2028
        || codePoint == 0x2029 || codePoint == 0x202f || codePoint == 0x205f || codePoint == 0x3000
        || codePoint == 0xfeff;
    return isSpace ? 3 : 0;
}

uint32_t SyntaxTree::endOf(TSNode node) const
{
    uint32_t start = ts_node_start_byte(node);
    uint32_t end = ts_node_end_byte(node);
    // The smallest node holding the last byte is a leaf: a token or a comment. Only comments are extras among the
    // leaves of a clean tree (the tree is refused when it has ERROR nodes).
    while (end > start) {
        TSNode last = ts_node_descendant_for_byte_range(node, end - 1, end);
        if (ts_node_is_null(last) || !ts_node_is_extra(last) || ts_node_end_byte(last) != end
            || ts_node_start_byte(last) <= start)
            return end;
        end = ts_node_start_byte(last);
        while (size_t length = trailingSpaceLength(m_source, end))
            end -= length;
    }
    return end;
}

static TSNode findError(TSNode node)
{
    if (ts_node_is_error(node) || ts_node_is_missing(node))
        return node;
    if (!ts_node_has_error(node))
        return TSNode {};
    uint32_t count = ts_node_child_count(node);
    for (uint32_t i = 0; i < count; ++i) {
        TSNode found = findError(ts_node_child(node, i));
        if (!ts_node_is_null(found))
            return found;
    }
    return node;
}

static bool isLineTerminatorAt(std::string_view source, size_t offset)
{
    return source[offset] == '\n' || source[offset] == '\r' || source.substr(offset, 3) == "\xe2\x80\xa8"
        || source.substr(offset, 3) == "\xe2\x80\xa9";
}

std::optional<uint32_t> SyntaxTree::misreadHtmlComment() const
{
    if (!m_tree)
        return std::nullopt;
    TSNode root = this->root();
    for (size_t at = m_source.find("<!--"); at != std::string_view::npos; at = m_source.find("<!--", at + 1)) {
        TSNode leaf = ts_node_descendant_for_byte_range(root, at, at + 1);
        if (nodeIs(leaf, "<"))
            return at;
    }
    for (size_t at = m_source.find("-->"); at != std::string_view::npos; at = m_source.find("-->", at + 1)) {
        TSNode leaf = ts_node_descendant_for_byte_range(root, at, at + 2);
        if (!nodeIs(leaf, "--") || ts_node_start_byte(leaf) != at)
            continue;
        // Only white space and comments may come before it on its line (a block comment holding a line terminator
        // counts as one); then the engine reads a comment.
        size_t before = at;
        while (true) {
            if (!before || isLineTerminatorAt(m_source, before - 1))
                return at;
            if (size_t length = trailingSpaceLength(m_source, before)) {
                before -= length;
                continue;
            }
            TSNode previous = ts_node_descendant_for_byte_range(root, before - 1, before);
            if (!ts_node_is_extra(previous) || ts_node_end_byte(previous) != before)
                break;
            for (size_t offset = ts_node_start_byte(previous); offset < before; ++offset) {
                if (isLineTerminatorAt(m_source, offset))
                    return at;
            }
            before = ts_node_start_byte(previous);
        }
    }
    return std::nullopt;
}

TSNode SyntaxTree::firstErrorNode() const
{
    if (!m_tree)
        return TSNode {};
    return findError(root());
}

} // namespace Offload
