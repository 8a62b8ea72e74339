/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/PlanEvaluator.h"

#include <glib.h>

namespace Offload::Partitioner {

PlanCost PlanEvaluator::evaluate(
    const PartitionProblem& problem, const std::vector<size_t>& tierOfLayer, std::vector<PlanTransfer>* transfers)
{
    auto& model = problem.model();
    auto& consumers = problem.consumers();
    size_t n = problem.layerCount();
    PlanCost cost;
    double deployment = 0;
    auto addTransfer = [&](size_t layer, uint64_t bytes, size_t from, size_t to, double probability,
                           TransferKind kind) {
        if (from == to)
            return;
        auto transfer = problem.transfer(bytes, from, to);
        cost.latencyMs += probability * transfer.timeMs;
        cost.energyJoules += probability * transfer.energyJoules;
        if (kind != TransferKind::ExitResult)
            cost.worstCaseLatencyMs += transfer.timeMs;
        if (transfers)
            transfers->push_back({ layer, from, to, bytes, transfer.timeMs, transfer.energyJoules, probability, kind });
    };

    if (problem.isChain()) {
        // Survival is the probability that a sample reaches the current layer.
        double survival = 1;
        for (size_t v = 0; v < n; ++v) {
            size_t tier = tierOfLayer[v];
            cost.latencyMs += survival * problem.latencyMs(v, tier);
            cost.worstCaseLatencyMs += problem.latencyMs(v, tier);
            cost.energyJoules += survival * problem.energyJoules(v, tier);
            deployment += survival * problem.deployment(v, tier);
            if (v + 1 == n) {
                addTransfer(v, model.layer(v).outputBytes, tier, 0, survival, TransferKind::Result);
                break;
            }
            size_t nextTier = tierOfLayer[v + 1];
            if (nextTier == tier)
                continue;
            if (auto* exit = problem.exitAfter(v)) {
                cost.latencyMs += survival * exit->latencyMs[tier];
                cost.worstCaseLatencyMs += exit->latencyMs[tier];
                cost.energyJoules += tier ? 0 : survival * exit->clientEnergyJoules;
                addTransfer(v, exit->resultBytes, tier, 0, survival * exit->probability, TransferKind::ExitResult);
                survival *= 1 - exit->probability;
            }
            addTransfer(v, model.layer(v).outputBytes, tier, nextTier, survival, TransferKind::Activation);
        }
    } else {
        for (size_t v = 0; v < n; ++v) {
            size_t tier = tierOfLayer[v];
            cost.latencyMs += problem.latencyMs(v, tier);
            cost.worstCaseLatencyMs += problem.latencyMs(v, tier);
            cost.energyJoules += problem.energyJoules(v, tier);
            deployment += problem.deployment(v, tier);
            if (consumers[v].empty()) {
                addTransfer(v, model.layer(v).outputBytes, tier, 0, 1, TransferKind::Result);
                continue;
            }
            // One transfer per destination tier, however many layers there read the tensor.
            unsigned sentTo = 0;
            for (size_t reader : consumers[v]) {
                size_t readerTier = tierOfLayer[reader];
                if (readerTier == tier || (sentTo & (1u << readerTier)))
                    continue;
                sentTo |= 1u << readerTier;
                addTransfer(v, model.layer(v).outputBytes, tier, readerTier, 1, TransferKind::Activation);
            }
        }
    }
    cost.deployment = deployment;
    cost.objective = problem.objective(cost.latencyMs, cost.energyJoules, cost.deployment);
    return cost;
}

void PlanEvaluator::complete(const PartitionProblem& problem, Plan& plan)
{
    plan.transfers.clear();
    plan.cost = evaluate(problem, plan.tierOfLayer, &plan.transfers);
}

std::vector<uint64_t> PlanEvaluator::weightBytesPerTier(
    const PartitionProblem& problem, const std::vector<size_t>& tierOfLayer)
{
    std::vector<uint64_t> result(problem.tierCount());
    for (size_t v = 0; v < problem.layerCount(); ++v)
        result[tierOfLayer[v]] += problem.model().layer(v).weightBytes;
    return result;
}

bool PlanEvaluator::satisfiesConstraints(
    const PartitionProblem& problem, const std::vector<size_t>& tierOfLayer, std::string* reason)
{
    auto fail = [&](std::string message) {
        if (reason)
            *reason = std::move(message);
        return false;
    };
    for (size_t v = 0; v < problem.layerCount(); ++v) {
        if (!problem.isAllowed(v, tierOfLayer[v]))
            return fail("layer \"" + problem.model().layer(v).name + "\" may not run on "
                + problem.tier(tierOfLayer[v]).name + " (privacy or memory)");
    }
    if (problem.constraints().enforceMemory) {
        auto used = weightBytesPerTier(problem, tierOfLayer);
        for (size_t t = 0; t < problem.tierCount(); ++t) {
            auto& memory = problem.tier(t).memoryBytes;
            if (memory && used[t] > *memory)
                return fail(problem.tier(t).name + " would hold " + std::to_string(used[t])
                    + " weight bytes, more than its " + std::to_string(*memory));
        }
    }
    if (auto& deadline = problem.constraints().deadlineMs) {
        double latency = evaluate(problem, tierOfLayer).worstCaseLatencyMs;
        if (latency > *deadline + 1e-9)
            return fail("the worst-case latency " + std::to_string(latency) + " ms exceeds the deadline "
                + std::to_string(*deadline) + " ms");
    }
    return true;
}

} // namespace Offload::Partitioner
