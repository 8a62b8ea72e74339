/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Partitioner/PartitionProblem.h"
#include "Partitioner/Plan.h"

#include <string>
#include <vector>

namespace Offload::Partitioner {

// The one definition of what an assignment costs; the optimizers' results, the baselines and the brute-force tests
// are all measured with it. Execution is serial, layer after layer in model order (as in the paper and in
// DADS's light-load case), so latency is the sum of compute and transfer times. A tensor is sent once to each tier
// that reads it. In a chain, an early exit is checked only just before its layer's output leaves the tier
// (Ren et al., Fig. 4); when it fires, the class scores return to the client and nothing after it runs.
class PlanEvaluator {
public:
    static PlanCost evaluate(const PartitionProblem&, const std::vector<size_t>& tierOfLayer,
        std::vector<PlanTransfer>* transfers = nullptr);
    // Fills plan.cost and plan.transfers from plan.tierOfLayer.
    static void complete(const PartitionProblem&, Plan&);
    // Checks privacy, per-layer and per-tier memory and the deadline; reason says which one failed.
    static bool satisfiesConstraints(
        const PartitionProblem&, const std::vector<size_t>& tierOfLayer, std::string* reason = nullptr);
    // Total weight bytes each tier must hold under the assignment.
    static std::vector<uint64_t> weightBytesPerTier(const PartitionProblem&, const std::vector<size_t>& tierOfLayer);
};

} // namespace Offload::Partitioner
