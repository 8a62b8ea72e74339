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

// Exact optimum for chains under the constraints the dynamic program cannot express: a latency deadline and the
// total weight bytes a tier can hold. Depth-first branch and bound over the layers; the bound is the
// unconstrained DP's exact cost-to-go (ChainOptimizer::costToGo), so a subtree is cut as soon as even its
// unconstrained best cannot beat the incumbent, and the deadline prunes with the least worst-case latency to go.
// When the unconstrained optimum is feasible the first descent reaches it. If the node budget runs out the best
// feasible plan found so far is returned with isProvablyOptimal = false.
class ConstrainedChainSearch {
public:
    struct Options {
        size_t nodeBudget { 2'000'000 };
    };

    static std::optional<Plan> solve(const PartitionProblem&, const Options&, GError**);
};

} // namespace Offload::Partitioner
