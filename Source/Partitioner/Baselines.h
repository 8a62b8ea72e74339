/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Partitioner/PartitionProblem.h"
#include "Partitioner/Plan.h"

#include <optional>

namespace Offload::Partitioner {

// The plans the optimizers are compared against. None of them is optimal in general; each one returns
// std::nullopt when it cannot produce a plan allowed by the per-layer constraints (privacy, memory).
class Baselines {
public:
    // Everything on one tier (local-only is tier 0; edge-only and cloud-only are the others).
    static std::optional<Plan> singleTier(const PartitionProblem&, size_t tier);
    // Neurosurgeon: one split point; a prefix in model order on the client, the rest on one server tier. Every
    // split and every server tier is tried and the best objective kept.
    static std::optional<Plan> neurosurgeon(const PartitionProblem&);
    // In the spirit of IoRLO's intent thresholds: each layer gets a score a = c_client / (c_client + c_remote)
    // in (0, 1), the share of its cost that offloading would save, ignoring transfers. a < ε keeps it on the
    // client; [ε, 1) is split evenly among the server tiers (with ε = 0.5 and three tiers, φ = 0.75).
    static std::optional<Plan> intentThresholds(const PartitionProblem&, double epsilon = 0.5);
};

} // namespace Offload::Partitioner
