/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <tree_sitter/api.h>

namespace Offload {

// The children (or the named children) of a node, in order: `for (TSNode child : namedChildren(node))`.
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
        , m_count(m_isNamedOnly ? ts_node_named_child_count(parent) : ts_node_child_count(parent))
    {
        if (!m_count)
            return;
        if (m_count <= narrowNodeChildCount) {
            m_current = child(0);
            return;
        }
        m_usesCursor = true;
        m_cursor = ts_tree_cursor_new(parent);
        ts_tree_cursor_goto_first_child(&m_cursor);
        m_current = ts_tree_cursor_current_node(&m_cursor);
        skipAnonymous();
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

    TSNode child(uint32_t index) const
    {
        return m_isNamedOnly ? ts_node_named_child(m_parent, index) : ts_node_child(m_parent, index);
    }

    void skipAnonymous()
    {
        while (m_isNamedOnly && !ts_node_is_named(m_current) && ts_tree_cursor_goto_next_sibling(&m_cursor))
            m_current = ts_tree_cursor_current_node(&m_cursor);
    }

    void advance()
    {
        if (++m_index >= m_count)
            return;
        if (!m_usesCursor) {
            m_current = child(m_index);
            return;
        }
        ts_tree_cursor_goto_next_sibling(&m_cursor);
        m_current = ts_tree_cursor_current_node(&m_cursor);
        skipAnonymous();
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

} // namespace Offload
