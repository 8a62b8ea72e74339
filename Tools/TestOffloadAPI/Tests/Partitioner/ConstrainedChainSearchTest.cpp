/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/ConstrainedChainSearch.h"

#include "Partitioner/ChainOptimizer.h"
#include "PartitionerTestUtilities.h"

using namespace Offload::Partitioner;
using namespace Offload::Partitioner::Testing;

// 300 random chains with a latency deadline between the fastest and the slowest plan and, for a third of them, a
// total memory limit on a server tier: branch and bound equals brute force over the feasible plans.
TEST(ConstrainedChainSearch, MatchesBruteForceUnderDeadlinesAndMemory)
{
    std::mt19937 random(777);
    size_t compared = 0;
    size_t binding = 0;
    for (size_t trial = 0; trial < 300; ++trial) {
        size_t tiers = 2 + trial % 2;
        size_t layers = 2 + random() % 5;
        auto model = randomModel(random, layers, true, trial % 2);
        auto profile = randomProfile(random, tiers);
        // Give the layers weights so that a tier's total memory can bind.
        ModelDescription weighted(model.name());
        for (auto layer : model.layers()) {
            layer.weightBytes = layer.type == LayerType::Input ? 0 : 1000 * (1 + random() % 10);
            weighted.addLayer(layer);
        }
        for (auto& exit : model.exits())
            weighted.addExit(exit);
        Constraints constraints;
        auto probe = PartitionProblem::create(weighted, profile, allTiers(profile), {}, nullptr);
        ASSERT_TRUE(probe);
        auto fastest = ChainOptimizer::costToGo(*probe, ChainMetric::WorstCaseLatency)[0];
        auto local = PlanEvaluator::evaluate(*probe, std::vector<size_t>(weighted.size(), 0)).worstCaseLatencyMs;
        constraints.deadlineMs
            = fastest + std::uniform_real_distribution<double>(0, 1)(random) * std::max(0.0, local - fastest);
        if (trial % 3 == 0)
            profile.tiers()[1].memoryBytes = 1000 * (5 + random() % 20);
        auto problem = PartitionProblem::create(weighted, profile, allTiers(profile), constraints, nullptr);
        if (!problem)
            continue;
        auto expected = bruteForce(*problem, true);
        auto unconstrained = bruteForce(*problem, false);
        GError* error = nullptr;
        auto plan = ConstrainedChainSearch::solve(*problem, {}, &error);
        SCOPED_TRACE(trial);
        if (!expected.feasibleCount) {
            EXPECT_FALSE(plan);
            g_clear_error(&error);
            continue;
        }
        ASSERT_TRUE(plan) << error->message;
        EXPECT_TRUE(plan->isProvablyOptimal);
        EXPECT_TRUE(PlanEvaluator::satisfiesConstraints(*problem, plan->tierOfLayer));
        expectSameObjective(plan->cost.objective, expected.objective);
        binding += expected.objective > unconstrained.objective + 1e-9;
        ++compared;
    }
    EXPECT_GE(compared, 250u);
    // The constraints really changed the answer in a good share of the cases.
    EXPECT_GT(binding, 30u);
}

TEST(ConstrainedChainSearch, ReportsAnImpossibleDeadline)
{
    std::mt19937 random(3);
    auto model = randomModel(random, 4, true, false);
    Constraints constraints;
    constraints.deadlineMs = 0.001;
    auto problem = PartitionProblem::create(model, randomProfile(random, 3), { 0, 1, 2 }, constraints, nullptr);
    ASSERT_TRUE(problem);
    GError* error = nullptr;
    EXPECT_FALSE(ConstrainedChainSearch::solve(*problem, {}, &error));
    ASSERT_TRUE(error);
    EXPECT_TRUE(g_error_matches(error, partitionerErrorQuark(), static_cast<int>(PartitionerError::Infeasible)));
    g_error_free(error);
}
