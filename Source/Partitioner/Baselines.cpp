/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/Baselines.h"

#include "Partitioner/PlanEvaluator.h"

#include <algorithm>
#include <string>

namespace Offload::Partitioner {

static bool isAllowed(const PartitionProblem& problem, const std::vector<size_t>& tiers)
{
    for (size_t v = 0; v < tiers.size(); ++v) {
        if (!problem.isAllowed(v, tiers[v]))
            return false;
    }
    return true;
}

static Plan makePlan(const PartitionProblem& problem, std::string method, std::vector<size_t> tiers)
{
    Plan plan;
    plan.method = std::move(method);
    plan.tierOfLayer = std::move(tiers);
    PlanEvaluator::complete(problem, plan);
    return plan;
}

std::optional<Plan> Baselines::singleTier(const PartitionProblem& problem, size_t tier)
{
    std::vector<size_t> tiers(problem.layerCount(), tier);
    tiers[0] = 0;
    if (tier >= problem.tierCount() || !isAllowed(problem, tiers))
        return std::nullopt;
    return makePlan(problem, problem.tier(tier).name + "-only", std::move(tiers));
}

std::optional<Plan> Baselines::neurosurgeon(const PartitionProblem& problem)
{
    std::optional<Plan> best;
    size_t n = problem.layerCount();
    for (size_t server = 1; server < problem.tierCount(); ++server) {
        // split is the first layer on the server; split = n keeps everything local.
        for (size_t split = 1; split <= n; ++split) {
            std::vector<size_t> tiers(n, 0);
            std::fill(tiers.begin() + split, tiers.end(), server);
            if (!isAllowed(problem, tiers))
                continue;
            double objective = PlanEvaluator::evaluate(problem, tiers).objective;
            if (!best || objective < best->cost.objective)
                best = makePlan(problem, "neurosurgeon", std::move(tiers));
        }
    }
    if (!best)
        best = singleTier(problem, 0);
    if (best)
        best->method = "neurosurgeon";
    return best;
}

std::optional<Plan> Baselines::intentThresholds(const PartitionProblem& problem, double epsilon)
{
    size_t n = problem.layerCount();
    size_t k = problem.tierCount();
    std::vector<size_t> tiers(n, 0);
    for (size_t v = 1; v < n && k > 1; ++v) {
        double local = problem.computeCost(v, 0);
        double remote = problem.computeCost(v, 1);
        for (size_t t = 2; t < k; ++t)
            remote = std::min(remote, problem.computeCost(v, t));
        double score = local + remote > 0 ? local / (local + remote) : 0;
        size_t tier = 0;
        if (score >= epsilon) {
            double share = (1 - epsilon) / (k - 1);
            tier = std::min(k - 1, 1 + static_cast<size_t>((score - epsilon) / share));
        }
        // The heuristic knows nothing about constraints; move a forbidden choice to the cheapest allowed tier.
        if (!problem.isAllowed(v, tier)) {
            std::optional<size_t> replacement;
            for (size_t t = 0; t < k; ++t) {
                if (problem.isAllowed(v, t)
                    && (!replacement || problem.computeCost(v, t) < problem.computeCost(v, *replacement)))
                    replacement = t;
            }
            tier = *replacement;
        }
        tiers[v] = tier;
    }
    return makePlan(problem, "intent-thresholds", std::move(tiers));
}

} // namespace Offload::Partitioner
