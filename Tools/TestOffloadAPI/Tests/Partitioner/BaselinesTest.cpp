/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/Baselines.h"

#include "Partitioner/Partitioner.h"
#include "PartitionerTestUtilities.h"

using namespace Offload::Partitioner;
using namespace Offload::Partitioner::Testing;

TEST(Baselines, SingleTierPlansPutEveryLayerOnTheTier)
{
    std::mt19937 random(11);
    auto model = randomModel(random, 5, true, false);
    auto profile = randomProfile(random, 3);
    auto problem = PartitionProblem::create(model, profile, allTiers(profile), {}, nullptr);
    ASSERT_TRUE(problem);
    for (size_t t = 0; t < 3; ++t) {
        auto plan = Baselines::singleTier(*problem, t);
        ASSERT_TRUE(plan);
        EXPECT_EQ(plan->tierOfLayer[0], 0u);
        for (size_t v = 1; v < model.size(); ++v)
            EXPECT_EQ(plan->tierOfLayer[v], t);
    }
    // Local-only moves nothing.
    EXPECT_TRUE(Baselines::singleTier(*problem, 0)->transfers.empty());
}

TEST(Baselines, SingleTierRespectsPrivacy)
{
    std::mt19937 random(12);
    Constraints constraints;
    constraints.privacyLayers = 1;
    auto problem = PartitionProblem::create(
        randomModel(random, 3, true, false), randomProfile(random, 2), { 0, 1 }, constraints, nullptr);
    ASSERT_TRUE(problem);
    EXPECT_FALSE(Baselines::singleTier(*problem, 1));
}

// Neurosurgeon is the best single split: compare with enumerating every prefix by hand.
TEST(Baselines, NeurosurgeonIsTheBestSingleSplit)
{
    std::mt19937 random(13);
    for (size_t trial = 0; trial < 50; ++trial) {
        auto model = randomModel(random, 2 + random() % 6, true, false);
        auto profile = randomProfile(random, 2);
        auto problem = PartitionProblem::create(model, profile, { 0, 1 }, {}, nullptr);
        ASSERT_TRUE(problem);
        double best = std::numeric_limits<double>::infinity();
        for (size_t split = 1; split <= model.size(); ++split) {
            std::vector<size_t> tiers(model.size(), 0);
            for (size_t v = split; v < model.size(); ++v)
                tiers[v] = 1;
            best = std::min(best, PlanEvaluator::evaluate(*problem, tiers).objective);
        }
        auto plan = Baselines::neurosurgeon(*problem);
        ASSERT_TRUE(plan);
        expectSameObjective(plan->cost.objective, best);
        size_t splits = 0;
        for (size_t v = 1; v < model.size(); ++v)
            splits += plan->tierOfLayer[v] != plan->tierOfLayer[v - 1];
        EXPECT_LE(splits, 1u);
    }
}

// The exact optimizer is never worse than any baseline, on chains and DAGs, two to four tiers.
TEST(Baselines, OptimumIsNeverWorseThanAnyBaseline)
{
    std::mt19937 random(14);
    for (size_t trial = 0; trial < 200; ++trial) {
        size_t tiers = 2 + trial % 3;
        auto model = randomModel(random, 2 + random() % 8, trial % 2, false);
        auto profile = randomProfile(random, tiers);
        auto problem = PartitionProblem::create(model, profile, allTiers(profile), {}, nullptr);
        ASSERT_TRUE(problem);
        auto plan = Partitioner::solve(*problem, nullptr);
        ASSERT_TRUE(plan);
        EXPECT_TRUE(plan->isProvablyOptimal);
        std::vector<std::optional<Plan>> baselines { Baselines::neurosurgeon(*problem),
            Baselines::intentThresholds(*problem) };
        for (size_t t = 0; t < tiers; ++t)
            baselines.push_back(Baselines::singleTier(*problem, t));
        for (auto& baseline : baselines) {
            ASSERT_TRUE(baseline);
            EXPECT_LE(plan->cost.objective, baseline->cost.objective + 1e-9) << baseline->method;
        }
    }
}

TEST(Baselines, IntentThresholdsMapScoresToTiers)
{
    // A layer that costs 100 / (100 + 0.8) ≈ 0.99 of the total on the client goes to the last tier
    // (1 + ⌊(0.99 − 0.6) / 0.2⌋ = 2 with ε = 0.6); a layer that costs nothing anywhere (score 0) stays local.
    ModelDescription model("intent");
    model.addLayer({ "input", LayerType::Input, {}, 0, 1000, 4000, 0, 0 });
    model.addLayer({ "heavy", LayerType::Conv, { 0 }, 0, 1'000'000, 4000, 0, 0 });
    model.addLayer({ "free", LayerType::Flatten, { 1 }, 0, 1000, 4000, 0, 0 });
    auto profile = Profile::paperVertical();
    profile.weights() = { 0, 0 };
    profile.tiers()[0].capability = 100;
    auto problem = PartitionProblem::create(model, profile, { 0, 1, 2 }, {}, nullptr);
    ASSERT_TRUE(problem);
    auto plan = Baselines::intentThresholds(*problem, 0.6);
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->tierOfLayer[1], 2u);
    EXPECT_EQ(plan->tierOfLayer[2], 0u);
}
