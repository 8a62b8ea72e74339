/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/PartitionProblem.h"

#include "Partitioner/PartitionerError.h"

#include <algorithm>

namespace Offload::Partitioner {

std::optional<PartitionProblem> PartitionProblem::create(const ModelDescription& model, const Profile& profile,
    const std::vector<size_t>& tiers, const Constraints& constraints, GError** error)
{
    if (!model.validate(error) || !profile.validate(error))
        return std::nullopt;
    if (tiers.empty() || tiers[0] != 0 || !std::is_sorted(tiers.begin(), tiers.end())
        || tiers.back() >= profile.tiers().size()) {
        setPartitionerError(error, PartitionerError::InvalidArgument,
            "the tier selection must start with the client and follow the profile's path order");
        return std::nullopt;
    }
    if (tiers.size() > 8) {
        setPartitionerError(
            error, PartitionerError::Unsupported, "at most 8 tiers are supported, %zu were selected", tiers.size());
        return std::nullopt;
    }
    if (constraints.privacyLayers >= model.size()) {
        setPartitionerError(error, PartitionerError::Infeasible,
            "privacy keeps %zu layers on the client but model \"%s\" has only %zu after its input",
            constraints.privacyLayers, model.name().c_str(), model.size() - 1);
        return std::nullopt;
    }

    PartitionProblem problem;
    problem.m_model = model;
    problem.m_profile = profile;
    problem.m_constraints = constraints;
    problem.m_tiers = tiers;
    problem.m_consumers = model.consumers();
    problem.m_isChain = model.isChain();
    problem.m_computeLayerCount = model.size() - 1;

    size_t k = tiers.size();
    size_t n = model.size();
    auto& costModel = profile.costModel();
    double clientCapability = profile.tiers()[0].capability;
    problem.m_latency.resize(n * k);
    problem.m_clientEnergy.resize(n);
    problem.m_computeCost.resize(n * k);
    problem.m_allowed.assign(n * k, true);
    for (size_t v = 0; v < n; ++v) {
        auto& layer = model.layer(v);
        problem.m_clientEnergy[v] = costModel.energyJoules(layer, clientCapability);
        uint64_t workingBytes = layer.weightBytes + layer.outputBytes;
        for (size_t input : layer.inputs)
            workingBytes += model.layer(input).outputBytes;
        for (size_t t = 0; t < k; ++t) {
            auto& tier = problem.tier(t);
            problem.m_latency[v * k + t] = v ? costModel.latencyMs(layer, tier.capability) : 0;
            problem.m_computeCost[v * k + t]
                = problem.objective(problem.m_latency[v * k + t], problem.energyJoules(v, t), problem.deployment(v, t));
            if (constraints.enforceMemory && tier.memoryBytes && workingBytes > *tier.memoryBytes)
                problem.m_allowed[v * k + t] = false;
        }
    }
    // The raw input is produced on the client; the privacy constraint pins what follows it.
    for (size_t t = 1; t < k; ++t)
        problem.m_allowed[t] = false;
    if (constraints.privacyLayers) {
        auto pin = [&](size_t v) {
            for (size_t t = 1; t < k; ++t)
                problem.m_allowed[v * k + t] = false;
        };
        // Count only layers that compute: a padding or reshape layer in front would otherwise satisfy the
        // constraint while handing the raw input to the server.
        size_t computing = 0;
        for (size_t v = 1; v < n && computing < constraints.privacyLayers; ++v) {
            pin(v);
            computing += CostModel::kindFor(model.layer(v).type) != CostKind::Free;
        }
        if (computing < constraints.privacyLayers) {
            setPartitionerError(error, PartitionerError::Infeasible,
                "privacy keeps %zu computing layers on the client but model \"%s\" has only %zu",
                constraints.privacyLayers, model.name().c_str(), computing);
            return std::nullopt;
        }
        for (size_t reader : problem.m_consumers[0])
            pin(reader);
    }
    for (size_t v = 0; v < n; ++v) {
        bool anyTier = false;
        for (size_t t = 0; t < k; ++t)
            anyTier |= problem.m_allowed[v * k + t];
        if (!anyTier) {
            setPartitionerError(error, PartitionerError::Infeasible,
                "layer \"%s\" fits on none of the selected tiers (memory or privacy)", model.layer(v).name.c_str());
            return std::nullopt;
        }
    }

    problem.m_msPerByte.resize(k * k);
    problem.m_fixedMs.resize(k * k);
    problem.m_clientPowerMw.resize(k * k);
    auto& links = profile.links();
    for (size_t a = 0; a < k; ++a) {
        for (size_t b = 0; b < k; ++b) {
            if (a == b)
                continue;
            size_t from = tiers[a];
            size_t to = tiers[b];
            bool isUp = to > from;
            double msPerByte = 0;
            double fixedMs = 0;
            for (size_t link = std::min(from, to); link < std::max(from, to); ++link) {
                // Mbps is 1000 bits per millisecond.
                msPerByte += 8.0 / (1000.0 * (isUp ? links[link].upMbps : links[link].downMbps));
                fixedMs += links[link].rttMs;
            }
            problem.m_msPerByte[a * k + b] = msPerByte;
            problem.m_fixedMs[a * k + b] = fixedMs;
            // The client's radio stays on for the whole transfer when it sends or receives, including hops beyond
            // its own link, as in the paper's E_result = T_result · P_5G^D.
            if (!a || !b) {
                auto& clientLink = links[0];
                auto direction = isUp ? TransferDirection::Up : TransferDirection::Down;
                problem.m_clientPowerMw[a * k + b]
                    = profile.radioModel(clientLink.radio)
                          .powerMilliwatts(direction, isUp ? clientLink.upMbps : clientLink.downMbps);
            }
        }
    }

    problem.m_exitIndex.assign(n, -1);
    for (auto& exit : model.exits()) {
        ExitBranch branch;
        branch.probability = exit.probability;
        branch.resultBytes = exit.classes * sizeof(float);
        Layer fullyConnected { "exit", LayerType::FullyConnected, { exit.afterLayer },
            model.layer(exit.afterLayer).outputElements, exit.classes, exit.classes * sizeof(float), 0, 0 };
        for (size_t t = 0; t < k; ++t)
            branch.latencyMs.push_back(costModel.latencyMs(fullyConnected, problem.tier(t).capability));
        branch.clientEnergyJoules = costModel.energyJoules(fullyConnected, clientCapability);
        problem.m_exitIndex[exit.afterLayer] = problem.m_exits.size();
        problem.m_exits.push_back(std::move(branch));
    }
    return problem;
}

double PartitionProblem::deployment(size_t layer, size_t tier) const
{
    // The paper's D_cp = Σ_{S_i ≠ 1} S_i / n with S_i the tier number: a per-layer provider cost averaged over the
    // model. The input is data, not a layer, so it is not counted.
    return layer ? this->tier(tier).providerCost / m_computeLayerCount : 0;
}

TransferCost PartitionProblem::transfer(uint64_t bytes, size_t fromTier, size_t toTier) const
{
    if (fromTier == toTier)
        return {};
    size_t pair = fromTier * tierCount() + toTier;
    double timeMs = bytes * m_msPerByte[pair] + m_fixedMs[pair];
    // Milliwatts times milliseconds is microjoules.
    return { timeMs, timeMs * m_clientPowerMw[pair] * 1e-6 };
}

double PartitionProblem::transferCost(uint64_t bytes, size_t fromTier, size_t toTier) const
{
    auto cost = transfer(bytes, fromTier, toTier);
    return objective(cost.timeMs, cost.energyJoules, 0);
}

double PartitionProblem::objective(double latencyMs, double energyJoules, double deployment) const
{
    auto& weights = m_profile.weights();
    return latencyMs + weights.energy * energyJoules + weights.deployment * deployment;
}

} // namespace Offload::Partitioner
