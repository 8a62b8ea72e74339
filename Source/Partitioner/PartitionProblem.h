/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Partitioner/ModelDescription.h"
#include "Partitioner/Profile.h"

#include <glib.h>
#include <optional>
#include <string>
#include <vector>

namespace Offload::Partitioner {

struct Constraints {
    // The raw input and the first privacyLayers computing layers after it (in model order, counting layers that
    // are not pure data movement such as padding or reshape, and everything between them) stay on the client; so
    // do all the layers that read the raw input when privacyLayers > 0, so that the raw input never leaves.
    size_t privacyLayers { 0 };
    // Upper bound on the latency when no early exit fires (the worst case the user sees).
    std::optional<double> deadlineMs;
    // Whether tiers' memoryBytes limit the layers placed on them.
    bool enforceMemory { true };
};

struct TransferCost {
    double timeMs { 0 };
    double energyJoules { 0 };
};

struct ExitBranch {
    double probability { 0 };
    uint64_t resultBytes { 0 };
    std::vector<double> latencyMs; // Per selected tier: the branch's FC layer.
    double clientEnergyJoules { 0 };
};

// A model, a profile and a tier selection turned into the numbers every optimizer reads: per-layer cost on each
// selected tier, the cost of moving bytes between two tiers, and what each constraint allows. Tier indices here
// are positions in the selection (0 is always the client), not profile indices.
class PartitionProblem {
public:
    static std::optional<PartitionProblem> create(
        const ModelDescription&, const Profile&, const std::vector<size_t>& tiers, const Constraints&, GError**);

    const ModelDescription& model() const { return m_model; }
    const Profile& profile() const { return m_profile; }
    const Constraints& constraints() const { return m_constraints; }
    size_t layerCount() const { return m_model.size(); }
    size_t tierCount() const { return m_tiers.size(); }
    const Tier& tier(size_t index) const { return m_profile.tiers()[m_tiers[index]]; }
    // The selected tiers as profile indices.
    const std::vector<size_t>& selection() const { return m_tiers; }
    const std::vector<std::vector<size_t>>& consumers() const { return m_consumers; }
    bool isChain() const { return m_isChain; }
    bool hasExits() const { return !m_model.exits().empty(); }

    double latencyMs(size_t layer, size_t tier) const { return m_latency[layer * tierCount() + tier]; }
    // Client energy of running the layer on this tier: zero anywhere but the client.
    double energyJoules(size_t layer, size_t tier) const { return tier ? 0 : m_clientEnergy[layer]; }
    double deployment(size_t layer, size_t tier) const;
    // T + η1·E + η2·D of running the layer on the tier.
    double computeCost(size_t layer, size_t tier) const { return m_computeCost[layer * tierCount() + tier]; }
    bool isAllowed(size_t layer, size_t tier) const { return m_allowed[layer * tierCount() + tier]; }

    TransferCost transfer(uint64_t bytes, size_t fromTier, size_t toTier) const;
    double transferCost(uint64_t bytes, size_t fromTier, size_t toTier) const;
    // The scalar objective of a latency, an energy and a deployment cost.
    double objective(double latencyMs, double energyJoules, double deployment) const;

    const ExitBranch* exitAfter(size_t layer) const
    {
        return m_exitIndex[layer] < 0 ? nullptr : &m_exits[m_exitIndex[layer]];
    }

private:
    PartitionProblem() = default;

    ModelDescription m_model;
    Profile m_profile;
    Constraints m_constraints;
    std::vector<size_t> m_tiers;
    std::vector<std::vector<size_t>> m_consumers;
    bool m_isChain { false };
    size_t m_computeLayerCount { 1 };
    std::vector<double> m_latency;
    std::vector<double> m_clientEnergy;
    std::vector<double> m_computeCost;
    std::vector<bool> m_allowed;
    // Per ordered pair of selected tiers: milliseconds per byte, fixed milliseconds (RTTs) and client radio power.
    std::vector<double> m_msPerByte;
    std::vector<double> m_fixedMs;
    std::vector<double> m_clientPowerMw;
    std::vector<ExitBranch> m_exits;
    std::vector<int> m_exitIndex;
};

} // namespace Offload::Partitioner
