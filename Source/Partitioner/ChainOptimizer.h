/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Partitioner/PartitionProblem.h"
#include "Partitioner/Plan.h"

#include <glib.h>
#include <optional>
#include <vector>

namespace Offload::Partitioner {

// What a cost-to-go table measures: the expected objective, or the worst-case latency (no exit fires).
enum class ChainMetric { Objective, WorstCaseLatency };

// Exact optimum for chain models over any number of tiers and split points: dynamic programming over
// (layer, tier), O(n·k²). costToGo(v, t) is the least cost of everything from layer v on, given that a sample
// reached layer v and v runs on tier t. It satisfies
//   V(v, t) = c(v, t) + min over t' of { V(v+1, t)                                    if t' = t
//                                      { X(v, t) + (1 − p_v)·(M(v, t, t') + V(v+1, t'))  otherwise
// where X is the early exit's branch cost plus p_v times its result transfer (zero without an exit) and M the
// activation transfer. Because expectations are linear and the survival probability factors, the recurrence is
// exact for the evaluator's cost (see Documentation/Partitioner.md). Constraints other than "this layer may not
// run there" (privacy, a layer too big for a tier) are handled by ConstrainedChainSearch.
class ChainOptimizer {
public:
    static std::optional<Plan> solve(const PartitionProblem&, GError**);
    // The table V, row-major by layer then tier; +inf where a layer may not run.
    static std::vector<double> costToGo(const PartitionProblem&, ChainMetric);
};

} // namespace Offload::Partitioner
