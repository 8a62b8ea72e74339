/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <cstddef>
#include <vector>

namespace Offload::Partitioner {

// Dinic's maximum flow on real capacities. After run(), sourceSide() gives the minimum cut's source side.
class MaxFlow {
public:
    explicit MaxFlow(size_t nodeCount);

    size_t addNode();
    void addEdge(size_t from, size_t to, double capacity);
    double run(size_t source, size_t sink);
    // Nodes reachable from the source in the residual graph of the last run().
    std::vector<bool> sourceSide(size_t source) const;

private:
    struct Edge {
        size_t to;
        double capacity;
    };

    bool buildLevels(size_t source, size_t sink);
    double push(size_t node, size_t sink, double limit);

    std::vector<Edge> m_edges;
    std::vector<std::vector<size_t>> m_adjacency;
    std::vector<int> m_level;
    std::vector<size_t> m_next;
};

} // namespace Offload::Partitioner
