/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/FrontierOptimizer.h"

#include "Partitioner/PartitionerError.h"
#include "Partitioner/PlanEvaluator.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace Offload::Partitioner {

namespace {

    struct Entry {
        uint64_t key;
        double cost;
        uint32_t previous;
        uint8_t tier;
    };

    // The frontier before each layer: frontiers[v] lists, in increasing order, the layers before v that v or a later
    // layer reads. It depends only on the layer order, not on the assignment.
    std::vector<std::vector<size_t>> computeFrontiers(const PartitionProblem& problem)
    {
        size_t n = problem.layerCount();
        std::vector<size_t> lastUse(n, 0);
        for (size_t v = 0; v < n; ++v) {
            for (size_t reader : problem.consumers()[v])
                lastUse[v] = std::max(lastUse[v], reader);
        }
        std::vector<std::vector<size_t>> frontiers(n + 1);
        for (size_t v = 0; v <= n; ++v) {
            for (size_t u = 0; u < v; ++u) {
                if (!problem.consumers()[u].empty() && lastUse[u] >= v)
                    frontiers[v].push_back(u);
            }
        }
        return frontiers;
    }

} // namespace

size_t FrontierOptimizer::frontierWidth(const PartitionProblem& problem)
{
    size_t width = 0;
    for (auto& frontier : computeFrontiers(problem))
        width = std::max(width, frontier.size());
    return width;
}

std::optional<Plan> FrontierOptimizer::solve(const PartitionProblem& problem, const Options& options, GError** error)
{
    if (problem.hasExits()) {
        setPartitionerError(error, PartitionerError::Unsupported,
            "model \"%s\" has early exits; use the chain optimizer", problem.model().name().c_str());
        return std::nullopt;
    }
    size_t n = problem.layerCount();
    size_t k = problem.tierCount();
    auto frontiers = computeFrontiers(problem);
    size_t width = 0;
    for (auto& frontier : frontiers)
        width = std::max(width, frontier.size());
    // Each frontier tensor takes one slot of the 64-bit state: the tier that produced it (producerBits) and the set
    // of tiers it has reached (k bits).
    size_t producerBits = 1;
    while ((size_t(1) << producerBits) < k)
        ++producerBits;
    size_t slotBits = producerBits + k;
    uint64_t producerMask = (uint64_t(1) << producerBits) - 1;
    uint64_t slotMask = (uint64_t(1) << slotBits) - 1;
    if (width * slotBits > 64) {
        setPartitionerError(error, PartitionerError::Unsupported,
            "model \"%s\" keeps %zu tensors alive at once; with %zu tiers that exceeds the 64-bit state",
            problem.model().name().c_str(), width, k);
        return std::nullopt;
    }
    auto& consumers = problem.consumers();

    // remainingBound[v] is a lower bound on the cost of layers v … n − 1: each on its cheapest allowed tier.
    std::vector<double> remainingBound(n + 1, 0);
    for (size_t v = n; v-- > 0;) {
        double cheapest = std::numeric_limits<double>::infinity();
        for (size_t t = 0; t < k; ++t) {
            if (problem.isAllowed(v, t))
                cheapest = std::min(cheapest, problem.computeCost(v, t));
        }
        remainingBound[v] = remainingBound[v + 1] + cheapest;
    }
    // A relative slack keeps the state of the optimum when it costs exactly the bound, despite rounding.
    double pruneAbove = options.upperBound + 1e-9 * std::max(1.0, std::abs(options.upperBound));

    std::vector<std::vector<Entry>> steps(n + 1);
    steps[0].push_back({ 0, 0, 0, 0 });
    bool isPruned = false;
    for (size_t v = 0; v < n; ++v) {
        auto& before = frontiers[v];
        auto& after = frontiers[v + 1];
        auto positionIn = [](const std::vector<size_t>& list, size_t layer) {
            return static_cast<size_t>(std::lower_bound(list.begin(), list.end(), layer) - list.begin());
        };
        std::vector<size_t> inputPositions;
        for (size_t input : problem.model().layer(v).inputs)
            inputPositions.push_back(positionIn(before, input));
        // For each slot of the next frontier, the slot it comes from in this one, or -1 for v's own output.
        std::vector<int> sourceSlot;
        for (size_t u : after)
            sourceSlot.push_back(u == v ? -1 : static_cast<int>(positionIn(before, u)));
        uint64_t bytes = problem.model().layer(v).outputBytes;

        std::vector<Entry>& next = steps[v + 1];
        std::unordered_map<uint64_t, uint32_t> index;
        index.reserve(steps[v].size() * 2);
        std::vector<uint64_t> slots(before.size());
        for (uint32_t s = 0; s < steps[v].size(); ++s) {
            auto& state = steps[v][s];
            for (size_t t = 0; t < k; ++t) {
                if (!problem.isAllowed(v, t))
                    continue;
                double cost = state.cost + problem.computeCost(v, t);
                for (size_t slot = 0; slot < before.size(); ++slot)
                    slots[slot] = (state.key >> (slot * slotBits)) & slotMask;
                // Deliver each input to t unless it is already there, from the tier that produced it.
                for (size_t i = 0; i < inputPositions.size(); ++i) {
                    uint64_t& slot = slots[inputPositions[i]];
                    uint64_t tierBit = uint64_t(1) << (producerBits + t);
                    if (slot & tierBit)
                        continue;
                    size_t producer = slot & producerMask;
                    cost += problem.transferCost(
                        problem.model().layer(before[inputPositions[i]]).outputBytes, producer, t);
                    slot |= tierBit;
                }
                if (consumers[v].empty())
                    cost += problem.transferCost(bytes, t, 0);
                if (cost + remainingBound[v + 1] > pruneAbove)
                    continue;
                uint64_t key = 0;
                for (size_t slot = 0; slot < after.size(); ++slot) {
                    uint64_t value
                        = sourceSlot[slot] < 0 ? (t | (uint64_t(1) << (producerBits + t))) : slots[sourceSlot[slot]];
                    key |= value << (slot * slotBits);
                }
                auto [it, isNew] = index.try_emplace(key, static_cast<uint32_t>(next.size()));
                if (isNew)
                    next.push_back({ key, cost, s, static_cast<uint8_t>(t) });
                else if (cost < next[it->second].cost)
                    next[it->second] = { key, cost, s, static_cast<uint8_t>(t) };
            }
        }
        if (next.empty() && isPruned) {
            // Only possible with an upper bound: every state the beam kept costs more than the known plan.
            setPartitionerError(error, PartitionerError::Unsupported,
                "the frontier beam for model \"%s\" kept no state cheaper than the upper bound at layer \"%s\"",
                problem.model().name().c_str(), problem.model().layer(v).name.c_str());
            return std::nullopt;
        }
        if (next.empty()) {
            setPartitionerError(error, PartitionerError::Infeasible,
                "no assignment of model \"%s\" satisfies the per-layer constraints (stuck at layer \"%s\")",
                problem.model().name().c_str(), problem.model().layer(v).name.c_str());
            return std::nullopt;
        }
        if (next.size() > options.stateLimit) {
            std::nth_element(next.begin(), next.begin() + options.stateLimit, next.end(),
                [](auto& a, auto& b) { return a.cost < b.cost; });
            next.resize(options.stateLimit);
            isPruned = true;
        }
    }

    auto& last = steps[n];
    size_t best = 0;
    for (size_t s = 1; s < last.size(); ++s) {
        if (last[s].cost < last[best].cost)
            best = s;
    }
    Plan plan;
    plan.method = "dag-frontier-dp";
    plan.isProvablyOptimal = !isPruned;
    if (isPruned)
        plan.note = "frontier state limit reached; kept the cheapest states (beam), optimality not proven";
    plan.tierOfLayer.resize(n);
    uint32_t state = best;
    for (size_t v = n; v-- > 0;) {
        plan.tierOfLayer[v] = steps[v + 1][state].tier;
        state = steps[v + 1][state].previous;
    }
    PlanEvaluator::complete(problem, plan);
    return plan;
}

} // namespace Offload::Partitioner
