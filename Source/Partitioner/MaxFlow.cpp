/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/MaxFlow.h"

#include <algorithm>
#include <limits>
#include <queue>

namespace Offload::Partitioner {

// Residual capacities below this count as saturated; costs are milliseconds, so this is far below any real cost.
static constexpr double s_epsilon = 1e-12;

MaxFlow::MaxFlow(size_t nodeCount)
    : m_adjacency(nodeCount)
{
}

size_t MaxFlow::addNode()
{
    m_adjacency.emplace_back();
    return m_adjacency.size() - 1;
}

void MaxFlow::addEdge(size_t from, size_t to, double capacity)
{
    m_adjacency[from].push_back(m_edges.size());
    m_edges.push_back({ to, capacity });
    m_adjacency[to].push_back(m_edges.size());
    m_edges.push_back({ from, 0 });
}

bool MaxFlow::buildLevels(size_t source, size_t sink)
{
    m_level.assign(m_adjacency.size(), -1);
    std::queue<size_t> queue;
    m_level[source] = 0;
    queue.push(source);
    while (!queue.empty()) {
        size_t node = queue.front();
        queue.pop();
        for (size_t index : m_adjacency[node]) {
            auto& edge = m_edges[index];
            if (edge.capacity > s_epsilon && m_level[edge.to] < 0) {
                m_level[edge.to] = m_level[node] + 1;
                queue.push(edge.to);
            }
        }
    }
    return m_level[sink] >= 0;
}

double MaxFlow::push(size_t node, size_t sink, double limit)
{
    if (node == sink)
        return limit;
    for (size_t& i = m_next[node]; i < m_adjacency[node].size(); ++i) {
        size_t index = m_adjacency[node][i];
        auto& edge = m_edges[index];
        if (edge.capacity <= s_epsilon || m_level[edge.to] != m_level[node] + 1)
            continue;
        double pushed = push(edge.to, sink, std::min(limit, edge.capacity));
        if (pushed > s_epsilon) {
            edge.capacity -= pushed;
            m_edges[index ^ 1].capacity += pushed;
            return pushed;
        }
    }
    return 0;
}

double MaxFlow::run(size_t source, size_t sink)
{
    double total = 0;
    while (buildLevels(source, sink)) {
        m_next.assign(m_adjacency.size(), 0);
        while (double pushed = push(source, sink, std::numeric_limits<double>::infinity()))
            total += pushed;
    }
    return total;
}

std::vector<bool> MaxFlow::sourceSide(size_t source) const
{
    std::vector<bool> reached(m_adjacency.size(), false);
    std::queue<size_t> queue;
    reached[source] = true;
    queue.push(source);
    while (!queue.empty()) {
        size_t node = queue.front();
        queue.pop();
        for (size_t index : m_adjacency[node]) {
            auto& edge = m_edges[index];
            if (edge.capacity > s_epsilon && !reached[edge.to]) {
                reached[edge.to] = true;
                queue.push(edge.to);
            }
        }
    }
    return reached;
}

} // namespace Offload::Partitioner
