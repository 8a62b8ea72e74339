/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Partitioner/PartitionProblem.h"
#include "Partitioner/Plan.h"

#include <string>

namespace Offload::Partitioner {

// Human and machine renderings of a plan, used by offload-partition.
class PlanFormatter {
public:
    // Runs of consecutive layers per tier, the predicted T/E/D and every transfer with its bytes.
    static std::string text(const PartitionProblem&, const Plan&);
    // The same content as a JSON object (documented in Documentation/Partitioner.md).
    static std::string json(const PartitionProblem&, const Plan&);
    // How many layers (the input excluded) each tier runs, e.g. "client 13 / edge 149 / cloud 0".
    static std::string layersPerTier(const PartitionProblem&, const Plan&);
};

} // namespace Offload::Partitioner
