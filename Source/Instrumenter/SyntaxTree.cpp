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

TSNode SyntaxTree::firstErrorNode() const
{
    if (!m_tree)
        return TSNode {};
    return findError(root());
}

} // namespace Offload
