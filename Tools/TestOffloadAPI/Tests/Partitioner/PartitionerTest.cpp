/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/Partitioner.h"

#include "Partitioner/TfjsConverter.h"
#include "PartitionerTestUtilities.h"

using namespace Offload::Partitioner;
using namespace Offload::Partitioner::Testing;

static std::string solveMethod(const ModelDescription& model, const Profile& profile, std::vector<size_t> tiers)
{
    auto problem = PartitionProblem::create(model, profile, tiers, {}, nullptr);
    EXPECT_TRUE(problem);
    auto plan = Partitioner::solve(*problem, nullptr);
    EXPECT_TRUE(plan);
    EXPECT_TRUE(plan->isProvablyOptimal);
    return plan->method;
}

TEST(Partitioner, PicksTheExactMethodForTheShape)
{
    std::mt19937 random(8);
    auto chain = randomModel(random, 5, true, true);
    auto dag = randomModel(random, 6, false, false);
    dag.addLayer({ "join", LayerType::Add, { 1, 2 }, 0, 100, 400, 0, 0 });
    auto profile = randomProfile(random, 3);
    EXPECT_EQ(solveMethod(chain, profile, { 0, 1, 2 }), "chain-dp");
    EXPECT_EQ(solveMethod(dag, profile, { 0, 1 }), "dag-min-cut");
    EXPECT_EQ(solveMethod(dag, profile, { 0, 1, 2 }), "dag-frontier-dp");
    EXPECT_EQ(solveMethod(dag, profile, { 0 }), "local-only");
}

TEST(Partitioner, RefusesExitsOnDags)
{
    ModelDescription model("dag-with-exit");
    model.addLayer({ "input", LayerType::Input, {}, 0, 10, 40, 0, 0 });
    model.addLayer({ "a", LayerType::Relu, { 0 }, 0, 10, 40, 0, 0 });
    model.addLayer({ "b", LayerType::Relu, { 1 }, 0, 10, 40, 0, 0 });
    model.addLayer({ "c", LayerType::Add, { 1, 2 }, 0, 10, 40, 0, 0 });
    model.addExit({ 2, 10, 0.5 });
    auto problem = PartitionProblem::create(model, Profile::paperVertical(), { 0, 1, 2 }, {}, nullptr);
    ASSERT_TRUE(problem);
    GError* error = nullptr;
    EXPECT_FALSE(Partitioner::solve(*problem, &error));
    ASSERT_TRUE(error);
    EXPECT_TRUE(g_error_matches(error, partitionerErrorQuark(), static_cast<int>(PartitionerError::Unsupported)));
    g_error_free(error);
}

// A chain whose optimum breaks the deadline goes to the branch-and-bound search, which is still exact.
TEST(Partitioner, ChainDeadlineUsesTheExactSearch)
{
    std::mt19937 random(21);
    for (size_t trial = 0; trial < 40; ++trial) {
        auto model = randomModel(random, 5, true, false);
        auto profile = randomProfile(random, 3);
        auto probe = PartitionProblem::create(model, profile, { 0, 1, 2 }, {}, nullptr);
        ASSERT_TRUE(probe);
        auto optimum = Partitioner::solve(*probe, nullptr);
        ASSERT_TRUE(optimum);
        Constraints constraints;
        constraints.deadlineMs = optimum->cost.worstCaseLatencyMs * 0.9;
        auto problem = PartitionProblem::create(model, profile, { 0, 1, 2 }, constraints, nullptr);
        ASSERT_TRUE(problem);
        auto expected = bruteForce(*problem, true);
        auto plan = Partitioner::solve(*problem, nullptr);
        if (!expected.feasibleCount) {
            EXPECT_FALSE(plan);
            continue;
        }
        ASSERT_TRUE(plan);
        EXPECT_EQ(plan->method, "chain-branch-and-bound");
        expectSameObjective(plan->cost.objective, expected.objective);
    }
}

// A DAG whose optimum breaks the deadline gets the documented fallback: feasible, flagged as not proven.
TEST(Partitioner, DagDeadlineFallsBackAndSaysSo)
{
    std::mt19937 random(22);
    size_t fallbacks = 0;
    for (size_t trial = 0; trial < 40; ++trial) {
        auto model = randomModel(random, 6, false, false);
        auto profile = randomProfile(random, 3);
        auto probe = PartitionProblem::create(model, profile, { 0, 1, 2 }, {}, nullptr);
        ASSERT_TRUE(probe);
        auto optimum = Partitioner::solve(*probe, nullptr);
        ASSERT_TRUE(optimum);
        Constraints constraints;
        constraints.deadlineMs = optimum->cost.worstCaseLatencyMs * 0.95;
        auto problem = PartitionProblem::create(model, profile, { 0, 1, 2 }, constraints, nullptr);
        ASSERT_TRUE(problem);
        auto plan = Partitioner::solve(*problem, nullptr);
        if (!plan)
            continue;
        ++fallbacks;
        EXPECT_FALSE(plan->isProvablyOptimal);
        EXPECT_EQ(plan->method, "fallback");
        EXPECT_TRUE(PlanEvaluator::satisfiesConstraints(*problem, plan->tierOfLayer));
        EXPECT_GE(plan->cost.objective, bruteForce(*problem, true).objective - 1e-9);
    }
    EXPECT_GT(fallbacks, 0u);
}

// The acceptance check: nsfwjs MobileNetV2 at 30 Mbps under the privacy constraint keeps the input and
// at least the first layer on the client, and the plan is proven optimal. Padding does not count as a private
// layer: with K = 1 both Conv1_pad and Conv1 stay.
TEST(Partitioner, MobileNetV2AtThirtyMbpsKeepsPrivateLayersOnTheClient)
{
    auto model = TfjsConverter::convertFile(
        std::string(OFFLOAD_NODE_MODULES) + "/nsfwjs/dist/models/mobilenet_v2/model.min.js", nullptr);
    ASSERT_TRUE(model);
    auto profile = Profile::paperVertical();
    profile.links()[0] = { 30, 30, 5, RadioKind::FiveG };
    for (size_t privacyLayers : { 1, 3 }) {
        Constraints constraints;
        constraints.privacyLayers = privacyLayers;
        auto problem = PartitionProblem::create(*model, profile, { 0, 1, 2 }, constraints, nullptr);
        ASSERT_TRUE(problem);
        auto plan = Partitioner::solve(*problem, nullptr);
        ASSERT_TRUE(plan);
        EXPECT_TRUE(plan->isProvablyOptimal);
        for (size_t v = 0; v <= privacyLayers; ++v)
            EXPECT_EQ(plan->tierOfLayer[v], 0u) << model->layer(v).name;
        EXPECT_EQ(plan->tierOfLayer[*model->indexOf("Conv1")], 0u);
        // The raw input never leaves the client.
        for (auto& transfer : plan->transfers)
            EXPECT_NE(transfer.layer, 0u);
    }
}

// When the frontier DP's state limit bites, the plan still comes back, valid and flagged as not proven optimal.
TEST(Partitioner, FrontierStateLimitIsReportedNotHidden)
{
    std::mt19937 random(23);
    size_t flagged = 0;
    for (size_t trial = 0; trial < 30; ++trial) {
        auto model = randomModel(random, 7, false, false);
        auto profile = randomProfile(random, 3);
        auto problem = PartitionProblem::create(model, profile, { 0, 1, 2 }, {}, nullptr);
        ASSERT_TRUE(problem);
        Partitioner::Options options;
        options.frontierStateLimit = 1;
        GError* error = nullptr;
        auto plan = Partitioner::solve(*problem, options, &error);
        ASSERT_TRUE(plan) << error->message;
        EXPECT_TRUE(layersAllowed(*problem, plan->tierOfLayer));
        EXPECT_GE(plan->cost.objective, bruteForce(*problem, false).objective - 1e-9);
        if (!plan->isProvablyOptimal) {
            ++flagged;
            EXPECT_FALSE(plan->note.empty());
        }
    }
    EXPECT_GT(flagged, 0u);
}
