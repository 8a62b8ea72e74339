/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <tree_sitter/api.h>

namespace Offload {

// The children (or the named children) of a node, in order, without comments: `for (TSNode child :
// namedChildren(node))`. Comments are extras that tree-sitter attaches wherever they occur, among a statement's or
// an argument list's named children too; the analysis must see the same code whatever the comments, so it never sees
// them (use namedChildCount and firstNamedChild below, not ts_node_named_child and its count).
// ts_node_child(node, i) walks the i children before the one it returns, so an index loop over a wide node (the top
// level of a bundle, a long function body or object literal) is quadratic. A wide node is walked with a TSTreeCursor
// instead, which steps to the next sibling at once; a narrow one (most nodes) with the index loop, cheaper there than
// the cursor's allocation.
class NodeChildren {
public:
    enum class Which { All, Named };

    NodeChildren(TSNode parent, Which which)
        : m_parent(parent)
        , m_isNamedOnly(which == Which::Named)
        , m_count(ts_node_child_count(parent))
    {
        if (!m_count)
            return;
        if (m_count > narrowNodeChildCount) {
            m_usesCursor = true;
            m_cursor = ts_tree_cursor_new(parent);
            ts_tree_cursor_goto_first_child(&m_cursor);
        }
        m_current = child(0);
        skipUnwanted();
    }

    ~NodeChildren()
    {
        if (m_usesCursor)
            ts_tree_cursor_delete(&m_cursor);
    }

    NodeChildren(const NodeChildren&) = delete;
    NodeChildren& operator=(const NodeChildren&) = delete;

    struct End { };
    class Iterator {
    public:
        explicit Iterator(NodeChildren& children)
            : m_children(children)
        {
        }
        TSNode operator*() const { return m_children.m_current; }
        Iterator& operator++()
        {
            m_children.advance();
            return *this;
        }
        bool operator!=(End) const { return m_children.m_index < m_children.m_count; }

    private:
        NodeChildren& m_children;
    };

    Iterator begin() { return Iterator(*this); }
    End end() const { return {}; }

private:
    static constexpr uint32_t narrowNodeChildCount = 8;

    // Child `index` of all the children; the cursor, when there is one, is on child `index - 1` or `index`.
    TSNode child(uint32_t index)
    {
        if (!m_usesCursor)
            return ts_node_child(m_parent, index);
        if (index)
            ts_tree_cursor_goto_next_sibling(&m_cursor);
        return ts_tree_cursor_current_node(&m_cursor);
    }

    bool isWanted(TSNode node) const { return !ts_node_is_extra(node) && (!m_isNamedOnly || ts_node_is_named(node)); }

    void skipUnwanted()
    {
        while (m_index < m_count && !isWanted(m_current)) {
            if (++m_index < m_count)
                m_current = child(m_index);
        }
    }

    void advance()
    {
        if (++m_index >= m_count)
            return;
        m_current = child(m_index);
        skipUnwanted();
    }

    TSNode m_parent;
    bool m_isNamedOnly;
    bool m_usesCursor { false };
    uint32_t m_count;
    uint32_t m_index { 0 };
    TSNode m_current {};
    TSTreeCursor m_cursor {};
};

inline NodeChildren children(TSNode node)
{
    return NodeChildren(node, NodeChildren::Which::All);
}

inline NodeChildren namedChildren(TSNode node)
{
    return NodeChildren(node, NodeChildren::Which::Named);
}

// The number of named children that are not comments.
inline uint32_t namedChildCount(TSNode node)
{
    uint32_t count = 0;
    for ([[maybe_unused]] TSNode child : namedChildren(node))
        ++count;
    return count;
}

// The first named child that is not a comment, or a null node.
inline TSNode firstNamedChild(TSNode node)
{
    for (TSNode child : namedChildren(node))
        return child;
    return TSNode {};
}

} // namespace Offload
