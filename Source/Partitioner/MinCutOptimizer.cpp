/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/MinCutOptimizer.h"

#include "Partitioner/MaxFlow.h"
#include "Partitioner/PartitionerError.h"
#include "Partitioner/PlanEvaluator.h"

namespace Offload::Partitioner {

// Stands for "never cut": far above any plan's cost, far below overflow.
static constexpr double s_forbidden = 1e30;

std::optional<Plan> MinCutOptimizer::solve(const PartitionProblem& problem, GError** error)
{
    if (problem.tierCount() != 2) {
        setPartitionerError(error, PartitionerError::InvalidArgument,
            "the min-cut optimizer needs exactly two tiers, %zu were selected", problem.tierCount());
        return std::nullopt;
    }
    if (problem.hasExits()) {
        setPartitionerError(error, PartitionerError::Unsupported,
            "model \"%s\" has early exits: their expected cost is not a cut function; use the chain optimizer",
            problem.model().name().c_str());
        return std::nullopt;
    }

    // Node v is layer v. The source side is the client (tier 0), the sink side the server (tier 1).
    size_t n = problem.layerCount();
    auto& consumers = problem.consumers();
    MaxFlow flow(n + 2);
    size_t source = n;
    size_t sink = n + 1;
    for (size_t v = 0; v < n; ++v) {
        // Cutting v → sink puts v on the client; cutting source → v puts it on the server.
        flow.addEdge(v, sink, problem.isAllowed(v, 0) ? problem.computeCost(v, 0) : s_forbidden);
        double serverCost = problem.isAllowed(v, 1) ? problem.computeCost(v, 1) : s_forbidden;
        if (consumers[v].empty())
            serverCost += problem.transferCost(problem.model().layer(v).outputBytes, 1, 0);
        flow.addEdge(source, v, serverCost);
        if (consumers[v].empty())
            continue;
        uint64_t bytes = problem.model().layer(v).outputBytes;
        double up = problem.transferCost(bytes, 0, 1);
        double down = problem.transferCost(bytes, 1, 0);
        if (consumers[v].size() == 1) {
            size_t reader = consumers[v][0];
            flow.addEdge(v, reader, up);
            flow.addEdge(reader, v, down);
            continue;
        }
        // y is "the tensor is needed on the server": y is on the sink side whenever a reader is, so v → y is cut
        // exactly when v is on the client and some reader on the server. z mirrors it for the client.
        size_t y = flow.addNode();
        size_t z = flow.addNode();
        flow.addEdge(v, y, up);
        flow.addEdge(z, v, down);
        for (size_t reader : consumers[v]) {
            flow.addEdge(y, reader, s_forbidden);
            flow.addEdge(reader, z, s_forbidden);
        }
    }
    double cut = flow.run(source, sink);
    if (cut >= s_forbidden / 2) {
        setPartitionerError(error, PartitionerError::Infeasible,
            "no two-tier assignment of model \"%s\" satisfies the per-layer constraints",
            problem.model().name().c_str());
        return std::nullopt;
    }
    auto clientSide = flow.sourceSide(source);
    Plan plan;
    plan.method = "dag-min-cut";
    plan.isProvablyOptimal = true;
    plan.tierOfLayer.resize(n);
    for (size_t v = 0; v < n; ++v)
        plan.tierOfLayer[v] = clientSide[v] ? 0 : 1;
    PlanEvaluator::complete(problem, plan);
    return plan;
}

} // namespace Offload::Partitioner
