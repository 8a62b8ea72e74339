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

// Exact optimum for any DAG on two tiers (the client and one server), DADS-style: the objective is a sum of
// per-layer terms and of non-negative "u on one side, v on the other" terms, which an s–t cut represents exactly.
// A tensor read by several layers is sent once per direction, modelled with one auxiliary node per tensor and
// direction (see Documentation/Partitioner.md for the construction and the proof). Polynomial: one max-flow.
// Early exits are only defined for chains; use ChainOptimizer for them.
class MinCutOptimizer {
public:
    static std::optional<Plan> solve(const PartitionProblem&, GError**);
};

} // namespace Offload::Partitioner
