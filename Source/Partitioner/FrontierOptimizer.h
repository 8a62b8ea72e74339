/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Partitioner/PartitionProblem.h"
#include "Partitioner/Plan.h"

#include <glib.h>
#include <limits>
#include <optional>

namespace Offload::Partitioner {

// Exact optimum for DAGs on any number of tiers, by dynamic programming along the model's layer order over the
// "frontier": the tensors produced so far that a later layer still reads. A state records, for every frontier
// tensor, the tier that produced it and the set of tiers it has already been sent to. Placing a layer on tier t
// sends each input that is not yet on t from its producer (one transfer per tensor and destination tier, exactly
// the evaluator's rule) and adds t to its set. Two partial plans with the same state have the same future costs,
// so keeping the cheaper one is exact. The cost is O(n · S · k) for S states per step, with
// S ≤ (k · 2^(k−1))^w for a frontier of w tensors: small for chains, residual blocks and Inception modules,
// exponential in the frontier width in general.
// Pruning that keeps exactness: given the cost of any complete plan as upperBound, a state whose cost plus a lower
// bound on the rest (each remaining layer on its cheapest allowed tier, transfers free) exceeds it cannot lead to
// the optimum and is dropped. Partitioner passes the best two-tier min-cut plan as the bound.
// Fallback: when a step has more than Options::stateLimit states only the cheapest are kept (a beam), and the
// plan is marked not provably optimal.
class FrontierOptimizer {
public:
    struct Options {
        size_t stateLimit { 200'000 };
        double upperBound { std::numeric_limits<double>::infinity() };
    };

    static std::optional<Plan> solve(const PartitionProblem&, const Options&, GError**);
    // The widest frontier along the model order, which decides the method's cost.
    static size_t frontierWidth(const PartitionProblem&);
};

} // namespace Offload::Partitioner
