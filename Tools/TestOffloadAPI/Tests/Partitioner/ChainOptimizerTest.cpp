/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/ChainOptimizer.h"

#include "PartitionerTestUtilities.h"

using namespace Offload::Partitioner;
using namespace Offload::Partitioner::Testing;

// 600 random chains of 1–6 layers on 2, 3 and 4 tiers, with early exits, privacy and per-layer memory limits:
// the dynamic program must find exactly the brute-force optimum of the evaluator's cost.
TEST(ChainOptimizer, MatchesBruteForceOnRandomChains)
{
    std::mt19937 random(20261123);
    size_t compared = 0;
    size_t multiSplit = 0;
    for (size_t trial = 0; trial < 600; ++trial) {
        size_t tiers = 2 + trial % 3;
        size_t layers = 1 + random() % (tiers == 4 ? 5 : 6);
        auto model = randomModel(random, layers, true, trial % 2);
        auto profile = randomProfile(random, tiers);
        Constraints constraints;
        constraints.privacyLayers = random() % 3 == 0 ? random() % layers : 0;
        if (random() % 4 == 0)
            profile.tiers()[1].memoryBytes = 2'000'000 + random() % 4'000'000;
        auto problem = PartitionProblem::create(model, profile, allTiers(profile), constraints, nullptr);
        if (!problem)
            continue;
        auto expected = bruteForce(*problem, false);
        GError* error = nullptr;
        auto plan = ChainOptimizer::solve(*problem, &error);
        if (!expected.feasibleCount) {
            EXPECT_FALSE(plan);
            g_clear_error(&error);
            continue;
        }
        ASSERT_TRUE(plan) << error->message;
        EXPECT_TRUE(plan->isProvablyOptimal);
        SCOPED_TRACE(trial);
        expectSameObjective(plan->cost.objective, expected.objective);
        // The plan's own numbers are the evaluator's.
        expectSameObjective(PlanEvaluator::evaluate(*problem, plan->tierOfLayer).objective, plan->cost.objective);
        EXPECT_TRUE(layersAllowed(*problem, plan->tierOfLayer));
        size_t splits = 0;
        for (size_t v = 1; v < plan->tierOfLayer.size(); ++v)
            splits += plan->tierOfLayer[v] != plan->tierOfLayer[v - 1];
        multiSplit += splits >= 2;
        ++compared;
    }
    EXPECT_GE(compared, 550u);
    // Optimal plans with two or more split points do occur, and the DP finds them.
    EXPECT_GT(multiSplit, 10u);
}

TEST(ChainOptimizer, OffloadsHeavyLayersFromTheSlowClient)
{
    // Two huge convolutions with tiny outputs: on the paper's profile the client (d = 4) should keep neither.
    ModelDescription model("alternating");
    model.addLayer({ "input", LayerType::Input, {}, 0, 100, 400, 0, 0 });
    model.addLayer({ "heavy1", LayerType::Conv, { 0 }, 0, 1'000'000, 400, 0, 0 });
    model.addLayer({ "heavy2", LayerType::Conv, { 1 }, 0, 1'000'000, 400, 0, 0 });
    auto profile = Profile::paperVertical();
    auto problem = PartitionProblem::create(model, profile, { 0, 1, 2 }, {}, nullptr);
    ASSERT_TRUE(problem);
    auto plan = ChainOptimizer::solve(*problem, nullptr);
    ASSERT_TRUE(plan);
    expectSameObjective(plan->cost.objective, bruteForce(*problem, false).objective);
    // Everything heavy leaves the slow client.
    EXPECT_NE(plan->tierOfLayer[1], 0u);
    EXPECT_NE(plan->tierOfLayer[2], 0u);
}

TEST(ChainOptimizer, RefusesDags)
{
    ModelDescription model("dag");
    model.addLayer({ "input", LayerType::Input, {}, 0, 10, 40, 0, 0 });
    model.addLayer({ "a", LayerType::Relu, { 0 }, 0, 10, 40, 0, 0 });
    model.addLayer({ "b", LayerType::Add, { 0, 1 }, 0, 10, 40, 0, 0 });
    auto problem = PartitionProblem::create(model, Profile::paperVertical(), { 0, 1 }, {}, nullptr);
    ASSERT_TRUE(problem);
    GError* error = nullptr;
    EXPECT_FALSE(ChainOptimizer::solve(*problem, &error));
    ASSERT_TRUE(error);
    g_error_free(error);
}

TEST(ChainOptimizer, ThousandLayerChainOnFourTiers)
{
    std::mt19937 random(1000);
    auto model = randomModel(random, 1000, true, true);
    auto profile = randomProfile(random, 4);
    auto problem = PartitionProblem::create(model, profile, allTiers(profile), {}, nullptr);
    ASSERT_TRUE(problem);
    auto plan = ChainOptimizer::solve(*problem, nullptr);
    ASSERT_TRUE(plan);
    // No single-tier plan can beat the optimum.
    for (size_t t = 0; t < 4; ++t) {
        std::vector<size_t> tiers(model.size(), t);
        tiers[0] = 0;
        EXPECT_LE(plan->cost.objective, PlanEvaluator::evaluate(*problem, tiers).objective + 1e-9);
    }
}
