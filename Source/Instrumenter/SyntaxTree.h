/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Instrumenter/ParseArena.h"
#include <cstring>
#include <optional>
#include <string_view>
#include <tree_sitter/api.h>

namespace Offload {

// Owns a tree-sitter parse of one JavaScript source (the parser and the tree, both in a ParseArena that frees them
// at once). The source must outlive it.
class SyntaxTree {
public:
    explicit SyntaxTree(std::string_view source);
    ~SyntaxTree();

    SyntaxTree(const SyntaxTree&) = delete;
    SyntaxTree& operator=(const SyntaxTree&) = delete;

    bool isValid() const { return m_tree; }
    TSNode root() const { return ts_tree_root_node(m_tree); }
    std::string_view source() const { return m_source; }

    // Returns the first ERROR or MISSING node in source order, or a null node when the tree is clean.
    TSNode firstErrorNode() const;

    // Returns the offset of the first HTML-like comment of a classic script that tree-sitter reads as operators, or
    // std::nullopt. JavaScriptCore reads `<!--` anywhere, and `-->` at the start of a line, as the start of a line
    // comment; tree-sitter does so only where no binary operator can follow, and reads `a <!--b` as `a < !--b`.
    std::optional<uint32_t> misreadHtmlComment() const;

    // Where the node's own code ends. tree-sitter lets a node run over the comments after its last token when it
    // looks ahead for an automatic semicolon (`f = function () {} // note` ends the function expression after the
    // comment): text inserted or sliced at that end would land in, or carry, the comment. So the comments (and the
    // white space between them) at the end of a node are not part of it here. Use this, never ts_node_end_byte.
    uint32_t endOf(TSNode) const;

    std::string_view text(TSNode node) const
    {
        return m_source.substr(ts_node_start_byte(node), endOf(node) - ts_node_start_byte(node));
    }

private:
    std::string_view m_source;
    ParseArena m_arena;
    TSParser* m_parser { nullptr };
    TSTree* m_tree { nullptr };
};

inline bool nodeIs(TSNode node, const char* type)
{
    return !ts_node_is_null(node) && !std::strcmp(ts_node_type(node), type);
}

inline TSNode childByField(TSNode node, const char* field)
{
    return ts_node_child_by_field_name(node, field, std::strlen(field));
}

} // namespace Offload
