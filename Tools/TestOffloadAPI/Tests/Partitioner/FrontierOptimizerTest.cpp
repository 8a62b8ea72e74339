/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/FrontierOptimizer.h"

#include "PartitionerTestUtilities.h"

using namespace Offload::Partitioner;
using namespace Offload::Partitioner::Testing;

// 400 random DAGs on three tiers (2–7 layers) and four tiers (2–5 layers): the frontier DP equals brute force.
TEST(FrontierOptimizer, MatchesBruteForceOnRandomDags)
{
    std::mt19937 random(31337);
    size_t compared = 0;
    for (size_t trial = 0; trial < 400; ++trial) {
        size_t tiers = trial % 4 == 3 ? 4 : 3;
        size_t layers = 2 + random() % (tiers == 4 ? 4 : 6);
        auto model = randomModel(random, layers, false, false);
        auto profile = randomProfile(random, tiers);
        Constraints constraints;
        constraints.privacyLayers = random() % 4 == 0 ? 1 : 0;
        if (random() % 4 == 0)
            profile.tiers()[1 + random() % (tiers - 1)].memoryBytes = 2'000'000 + random() % 4'000'000;
        auto problem = PartitionProblem::create(model, profile, allTiers(profile), constraints, nullptr);
        if (!problem)
            continue;
        auto expected = bruteForce(*problem, false);
        GError* error = nullptr;
        auto plan = FrontierOptimizer::solve(*problem, {}, &error);
        ASSERT_TRUE(plan) << error->message;
        SCOPED_TRACE(trial);
        EXPECT_TRUE(plan->isProvablyOptimal);
        expectSameObjective(plan->cost.objective, expected.objective);
        ++compared;
    }
    EXPECT_GE(compared, 350u);
}

// With a tiny state limit the DP keeps a beam: the plan is valid, never better than the optimum, and flagged. With
// an upper bound a beam can lose every state; that is reported as Unsupported, which makes Partitioner fall back
// (see PartitionerTest).
TEST(FrontierOptimizer, StateLimitFallsBackToABeamAndSaysSo)
{
    std::mt19937 random(99);
    size_t pruned = 0;
    for (size_t trial = 0; trial < 50; ++trial) {
        auto model = randomModel(random, 6, false, false);
        auto profile = randomProfile(random, 3);
        auto problem = PartitionProblem::create(model, profile, allTiers(profile), {}, nullptr);
        ASSERT_TRUE(problem);
        GError* error = nullptr;
        auto plan = FrontierOptimizer::solve(*problem, { 2 }, &error);
        if (!plan) {
            EXPECT_TRUE(
                g_error_matches(error, partitionerErrorQuark(), static_cast<int>(PartitionerError::Unsupported)))
                << error->message;
            g_clear_error(&error);
            continue;
        }
        EXPECT_TRUE(layersAllowed(*problem, plan->tierOfLayer));
        EXPECT_GE(plan->cost.objective, bruteForce(*problem, false).objective - 1e-9);
        if (!plan->isProvablyOptimal) {
            ++pruned;
            EXPECT_FALSE(plan->note.empty());
        }
    }
    EXPECT_GT(pruned, 0u);
}

TEST(FrontierOptimizer, ChainFrontierIsOneTensorWide)
{
    std::mt19937 random(5);
    auto model = randomModel(random, 20, true, false);
    auto profile = randomProfile(random, 3);
    auto problem = PartitionProblem::create(model, profile, allTiers(profile), {}, nullptr);
    ASSERT_TRUE(problem);
    EXPECT_EQ(FrontierOptimizer::frontierWidth(*problem), 1u);
}
