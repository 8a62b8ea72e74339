/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/MinCutOptimizer.h"

#include "PartitionerTestUtilities.h"

using namespace Offload::Partitioner;
using namespace Offload::Partitioner::Testing;

// 400 random DAGs of 2–9 layers (tensors read by up to several layers, several outputs) on two tiers: the
// min-cut plan must cost exactly the brute-force optimum.
TEST(MinCutOptimizer, MatchesBruteForceOnRandomDags)
{
    std::mt19937 random(4242);
    size_t compared = 0;
    for (size_t trial = 0; trial < 400; ++trial) {
        size_t layers = 2 + random() % 8;
        auto model = randomModel(random, layers, false, false);
        auto profile = randomProfile(random, 2);
        Constraints constraints;
        constraints.privacyLayers = random() % 4 == 0 ? 1 : 0;
        if (random() % 4 == 0)
            profile.tiers()[1].memoryBytes = 2'000'000 + random() % 4'000'000;
        auto problem = PartitionProblem::create(model, profile, { 0, 1 }, constraints, nullptr);
        if (!problem)
            continue;
        auto expected = bruteForce(*problem, false);
        GError* error = nullptr;
        auto plan = MinCutOptimizer::solve(*problem, &error);
        ASSERT_TRUE(plan) << error->message;
        SCOPED_TRACE(trial);
        expectSameObjective(plan->cost.objective, expected.objective);
        EXPECT_TRUE(layersAllowed(*problem, plan->tierOfLayer));
        ++compared;
    }
    EXPECT_GE(compared, 350u);
}

TEST(MinCutOptimizer, NeedsExactlyTwoTiers)
{
    std::mt19937 random(1);
    auto model = randomModel(random, 4, false, false);
    auto profile = randomProfile(random, 3);
    auto problem = PartitionProblem::create(model, profile, { 0, 1, 2 }, {}, nullptr);
    ASSERT_TRUE(problem);
    GError* error = nullptr;
    EXPECT_FALSE(MinCutOptimizer::solve(*problem, &error));
    ASSERT_TRUE(error);
    g_error_free(error);
}
