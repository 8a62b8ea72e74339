/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/Partitioner.h"

#include "Partitioner/Baselines.h"
#include "Partitioner/ChainOptimizer.h"
#include "Partitioner/ConstrainedChainSearch.h"
#include "Partitioner/FrontierOptimizer.h"
#include "Partitioner/MinCutOptimizer.h"
#include "Partitioner/PartitionerError.h"
#include "Partitioner/PlanEvaluator.h"

namespace Offload::Partitioner {

std::optional<Plan> Partitioner::solve(const PartitionProblem& problem, GError** error)
{
    return solve(problem, Options {}, error);
}

// The exact optimum restricted to the client and one server, for each server tier, mapped back to this problem.
static std::vector<Plan> twoTierPlans(const PartitionProblem& problem)
{
    std::vector<Plan> candidates;
    for (size_t server = 1; server < problem.tierCount(); ++server) {
        std::vector<size_t> pair { problem.selection()[0], problem.selection()[server] };
        auto subproblem
            = PartitionProblem::create(problem.model(), problem.profile(), pair, problem.constraints(), nullptr);
        if (!subproblem)
            continue;
        if (auto plan = MinCutOptimizer::solve(*subproblem, nullptr)) {
            for (auto& tier : plan->tierOfLayer)
                tier = tier ? server : 0;
            PlanEvaluator::complete(problem, *plan);
            candidates.push_back(std::move(*plan));
        }
    }
    return candidates;
}

// The cheapest plan satisfying every constraint among two-tier min-cuts and the baselines; see the header.
static std::optional<Plan> fallbackPlan(const PartitionProblem& problem, const char* reason, GError** error)
{
    std::vector<Plan> candidates = twoTierPlans(problem);
    for (size_t tier = 0; tier < problem.tierCount(); ++tier) {
        if (auto plan = Baselines::singleTier(problem, tier))
            candidates.push_back(std::move(*plan));
    }
    if (auto plan = Baselines::neurosurgeon(problem))
        candidates.push_back(std::move(*plan));
    std::optional<Plan> best;
    for (auto& candidate : candidates) {
        if (!PlanEvaluator::satisfiesConstraints(problem, candidate.tierOfLayer))
            continue;
        PlanEvaluator::complete(problem, candidate);
        if (!best || candidate.cost.objective < best->cost.objective)
            best = std::move(candidate);
    }
    if (!best) {
        setPartitionerError(error, PartitionerError::Infeasible,
            "no candidate plan for model \"%s\" satisfies the constraints (%s)", problem.model().name().c_str(),
            reason);
        return std::nullopt;
    }
    best->note = std::string("fallback (") + reason + "): best feasible of two-tier min-cuts and baselines, from "
        + best->method;
    best->method = "fallback";
    best->isProvablyOptimal = false;
    return best;
}

static bool hasGlobalConstraints(const PartitionProblem& problem)
{
    if (problem.constraints().deadlineMs)
        return true;
    if (!problem.constraints().enforceMemory)
        return false;
    for (size_t t = 0; t < problem.tierCount(); ++t) {
        if (problem.tier(t).memoryBytes)
            return true;
    }
    return false;
}

std::optional<Plan> Partitioner::solve(const PartitionProblem& problem, const Options& options, GError** error)
{
    if (problem.tierCount() == 1) {
        auto plan = Baselines::singleTier(problem, 0);
        if (!plan || !PlanEvaluator::satisfiesConstraints(problem, plan->tierOfLayer)) {
            setPartitionerError(error, PartitionerError::Infeasible,
                "model \"%s\" cannot run on the client alone under the constraints", problem.model().name().c_str());
            return std::nullopt;
        }
        plan->method = "local-only";
        plan->isProvablyOptimal = true;
        return plan;
    }
    if (problem.isChain()) {
        auto plan = ChainOptimizer::solve(problem, error);
        if (!plan || !hasGlobalConstraints(problem) || PlanEvaluator::satisfiesConstraints(problem, plan->tierOfLayer))
            return plan;
        return ConstrainedChainSearch::solve(problem, { options.searchNodeBudget }, error);
    }
    if (problem.hasExits()) {
        setPartitionerError(error, PartitionerError::Unsupported,
            "model \"%s\" has early exits but is not a chain; exits are only modelled on chains",
            problem.model().name().c_str());
        return std::nullopt;
    }
    std::optional<Plan> plan;
    GError* methodError = nullptr;
    if (problem.tierCount() == 2)
        plan = MinCutOptimizer::solve(problem, &methodError);
    else {
        // The best two-tier plan bounds the optimum from above, which lets the frontier DP drop hopeless states.
        FrontierOptimizer::Options frontierOptions { options.frontierStateLimit };
        for (auto& candidate : twoTierPlans(problem))
            frontierOptions.upperBound = std::min(frontierOptions.upperBound, candidate.cost.objective);
        plan = FrontierOptimizer::solve(problem, frontierOptions, &methodError);
    }
    if (!plan) {
        bool isUnsupported
            = g_error_matches(methodError, partitionerErrorQuark(), static_cast<int>(PartitionerError::Unsupported));
        if (!isUnsupported) {
            g_propagate_error(error, methodError);
            return std::nullopt;
        }
        std::string reason = methodError->message;
        g_error_free(methodError);
        return fallbackPlan(problem, reason.c_str(), error);
    }
    std::string violation;
    if (hasGlobalConstraints(problem) && !PlanEvaluator::satisfiesConstraints(problem, plan->tierOfLayer, &violation))
        return fallbackPlan(problem, violation.c_str(), error);
    return plan;
}

} // namespace Offload::Partitioner
