/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/ChainOptimizer.h"

#include "Partitioner/PartitionerError.h"
#include "Partitioner/PlanEvaluator.h"

#include <limits>

namespace Offload::Partitioner {

static constexpr double s_infinity = std::numeric_limits<double>::infinity();

struct StepCosts {
    double compute;
    double exitCost;
    double survival;
};

static StepCosts stepCosts(const PartitionProblem& problem, ChainMetric metric, size_t v, size_t t)
{
    StepCosts costs { metric == ChainMetric::Objective ? problem.computeCost(v, t) : problem.latencyMs(v, t), 0, 1 };
    if (auto* exit = problem.exitAfter(v)) {
        if (metric == ChainMetric::Objective) {
            costs.exitCost = problem.objective(exit->latencyMs[t], t ? 0 : exit->clientEnergyJoules, 0)
                + exit->probability * problem.transferCost(exit->resultBytes, t, 0);
            costs.survival = 1 - exit->probability;
        } else
            costs.exitCost = exit->latencyMs[t];
    }
    return costs;
}

static double moveCost(const PartitionProblem& problem, ChainMetric metric, uint64_t bytes, size_t from, size_t to)
{
    return metric == ChainMetric::Objective ? problem.transferCost(bytes, from, to)
                                            : problem.transfer(bytes, from, to).timeMs;
}

// Fills the table and, when choices is given, the argmin tier of layer v + 1 for each (v, t).
static std::vector<double> solveTable(const PartitionProblem& problem, ChainMetric metric, std::vector<size_t>* choices)
{
    size_t n = problem.layerCount();
    size_t k = problem.tierCount();
    auto& model = problem.model();
    std::vector<double> table(n * k, s_infinity);
    if (choices)
        choices->assign(n * k, 0);
    for (size_t t = 0; t < k; ++t) {
        if (problem.isAllowed(n - 1, t))
            table[(n - 1) * k + t] = stepCosts(problem, metric, n - 1, t).compute
                + moveCost(problem, metric, model.layer(n - 1).outputBytes, t, 0);
    }
    for (size_t v = n - 1; v-- > 0;) {
        uint64_t bytes = model.layer(v).outputBytes;
        for (size_t t = 0; t < k; ++t) {
            if (!problem.isAllowed(v, t))
                continue;
            auto costs = stepCosts(problem, metric, v, t);
            double best = table[(v + 1) * k + t];
            size_t bestTier = t;
            for (size_t next = 0; next < k; ++next) {
                if (next == t || table[(v + 1) * k + next] == s_infinity)
                    continue;
                double candidate = costs.exitCost
                    + costs.survival * (moveCost(problem, metric, bytes, t, next) + table[(v + 1) * k + next]);
                if (candidate < best) {
                    best = candidate;
                    bestTier = next;
                }
            }
            table[v * k + t] = best == s_infinity ? s_infinity : costs.compute + best;
            if (choices)
                (*choices)[v * k + t] = bestTier;
        }
    }
    return table;
}

std::vector<double> ChainOptimizer::costToGo(const PartitionProblem& problem, ChainMetric metric)
{
    return solveTable(problem, metric, nullptr);
}

std::optional<Plan> ChainOptimizer::solve(const PartitionProblem& problem, GError** error)
{
    if (!problem.isChain()) {
        setPartitionerError(error, PartitionerError::InvalidArgument,
            "model \"%s\" is not a chain; use the DAG optimizers", problem.model().name().c_str());
        return std::nullopt;
    }
    std::vector<size_t> choices;
    auto table = solveTable(problem, ChainMetric::Objective, &choices);
    size_t k = problem.tierCount();
    if (table[0] == s_infinity) {
        setPartitionerError(error, PartitionerError::Infeasible,
            "no assignment of model \"%s\" satisfies the per-layer constraints", problem.model().name().c_str());
        return std::nullopt;
    }
    Plan plan;
    plan.method = "chain-dp";
    plan.isProvablyOptimal = true;
    plan.tierOfLayer.resize(problem.layerCount());
    size_t tier = 0;
    for (size_t v = 0; v < problem.layerCount(); ++v) {
        plan.tierOfLayer[v] = tier;
        tier = choices[v * k + tier];
    }
    PlanEvaluator::complete(problem, plan);
    return plan;
}

} // namespace Offload::Partitioner
