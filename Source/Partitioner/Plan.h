/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace Offload::Partitioner {

enum class TransferKind {
    Activation, // A layer's output moving to the tier of a layer that reads it.
    Result, // A model output returning to the client.
    ExitResult, // An early exit's class scores returning to the client.
};

struct PlanTransfer {
    size_t layer { 0 };
    size_t fromTier { 0 };
    size_t toTier { 0 };
    uint64_t bytes { 0 };
    double timeMs { 0 };
    double energyJoules { 0 };
    // The chance the transfer happens at all; below 1 only after early exits.
    double probability { 1 };
    TransferKind kind { TransferKind::Activation };
};

// Expected values under the early exits' probabilities.
struct PlanCost {
    double latencyMs { 0 };
    double energyJoules { 0 };
    double deployment { 0 };
    double objective { 0 };
    // The latency when no early exit fires; the latency deadline bounds this.
    double worstCaseLatencyMs { 0 };
};

// Where each layer runs (indices into the problem's tier selection) and what that costs.
struct Plan {
    std::string method;
    std::vector<size_t> tierOfLayer;
    PlanCost cost;
    std::vector<PlanTransfer> transfers;
    // True when the method proved no other assignment satisfying the constraints has a lower objective.
    bool isProvablyOptimal { false };
    // Why a plan is not proven optimal, or which fallback produced it.
    std::string note;
};

} // namespace Offload::Partitioner
