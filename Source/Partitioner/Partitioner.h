/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Partitioner/PartitionProblem.h"
#include "Partitioner/Plan.h"

#include <glib.h>
#include <optional>

namespace Offload::Partitioner {

// The entry point the browser, the edge and the CLI call: picks the exact method for the problem's shape.
//   one tier              → everything local.
//   chain                 → ChainOptimizer (O(n·k²)); ConstrainedChainSearch when a deadline or a tier's total
//                           memory rules its plan out.
//   DAG on two tiers      → MinCutOptimizer (one max-flow).
//   DAG on three or more  → FrontierOptimizer (exact unless its state limit is hit).
// For a DAG whose optimum breaks the deadline or a tier's total memory, and for a DAG too wide for the frontier
// method, the fallback is the cheapest plan satisfying the constraints among the two-tier min-cut plans for each
// (client, server) pair and the baselines; such a plan has isProvablyOptimal = false and a note saying so.
class Partitioner {
public:
    struct Options {
        size_t frontierStateLimit { 200'000 };
        size_t searchNodeBudget { 2'000'000 };
    };

    static std::optional<Plan> solve(const PartitionProblem&, GError**);
    static std::optional<Plan> solve(const PartitionProblem&, const Options&, GError**);
};

} // namespace Offload::Partitioner
