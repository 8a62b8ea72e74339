/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/PartitionProblem.h"

#include "Partitioner/PlanEvaluator.h"

#include "Partitioner/PartitionerError.h"

#include <gtest/gtest.h>

using namespace Offload::Partitioner;

// Client–edge: up 30, down 100 Mbps, RTT 5 ms (5G). Edge–cloud: up 50, down 200 Mbps, RTT 20 ms (wired).
static Profile equationProfile()
{
    auto profile = Profile::paperVertical();
    profile.links()[0] = { 30, 100, 5, RadioKind::FiveG };
    profile.links()[1] = { 50, 200, 20, RadioKind::Wired };
    return profile;
}

static ModelDescription fourLayerChain()
{
    ModelDescription model("chain");
    model.addLayer({ "input", LayerType::Input, {}, 0, 37500, 150000, 0, 0 });
    model.addLayer({ "conv", LayerType::Conv, { 0 }, 0, 100000, 0, 1000, 0 });
    model.addLayer({ "relu", LayerType::Relu, { 1 }, 0, 100000, 0, 0, 0 });
    model.addLayer({ "pool", LayerType::Pool, { 2 }, 0, 25000, 0, 0, 0 });
    model.addLayer({ "fc", LayerType::FullyConnected, { 3 }, 0, 1000, 4000, 500000, 0 });
    return model;
}

static PartitionProblem makeProblem(const ModelDescription& model, const Profile& profile, Constraints constraints = {})
{
    GError* error = nullptr;
    auto problem = PartitionProblem::create(model, profile, { 0, 1, 2 }, constraints, &error);
    EXPECT_TRUE(problem) << (error ? error->message : "");
    g_clear_error(&error);
    return *problem;
}

// Device → edge, the paper's G/B_TE^U + L_TE: 150000 bytes = 1.2e6 bits at 30 Mbps (30000 bits/ms) is 40 ms, plus
// the 5 ms RTT. Eq. (4): E = 45 ms · P_5G^U(30) = 45 · 13425.97 µJ = 0.60416865 J.
TEST(PartitionProblem, ClientToEdgeTransferFollowsEquation4)
{
    auto problem = makeProblem(fourLayerChain(), equationProfile());
    auto cost = problem.transfer(150000, 0, 1);
    EXPECT_NEAR(cost.timeMs, 45, 1e-9);
    EXPECT_NEAR(cost.energyJoules, 0.60416865, 1e-12);
}

// Device → cloud: G/B_TE^U + G/B_EC^U + L_TE + L_EC = 40 + 24 + 5 + 20 = 89 ms. The client radio is charged for the
// whole 89 ms at P_5G^U(30): 1.19491133 J (Eq. 6 charges L_EC/2 instead; see Documentation/Partitioner.md).
TEST(PartitionProblem, ClientToCloudCrossesBothLinks)
{
    auto problem = makeProblem(fourLayerChain(), equationProfile());
    auto cost = problem.transfer(150000, 0, 2);
    EXPECT_NEAR(cost.timeMs, 89, 1e-9);
    EXPECT_NEAR(cost.energyJoules, 89 * 13425.97e-6, 1e-12);
}

// Result receiving from the cloud: G_n^out/B_TE^D + G_n^out/B_EC^D + L_TE + L_EC with 4000 bytes:
// 0.32 + 0.16 + 5 + 20 = 25.48 ms, and E_result = T_result · P_5G^D(100) = 25.48 · 12125.97 µJ = 0.3089697156 J.
TEST(PartitionProblem, ResultReceivingFromTheCloud)
{
    auto problem = makeProblem(fourLayerChain(), equationProfile());
    auto cost = problem.transfer(4000, 2, 0);
    EXPECT_NEAR(cost.timeMs, 25.48, 1e-9);
    EXPECT_NEAR(cost.energyJoules, 0.3089697156, 1e-12);
}

TEST(PartitionProblem, TransfersBetweenServersCostTheClientNoEnergy)
{
    auto problem = makeProblem(fourLayerChain(), equationProfile());
    auto cost = problem.transfer(100000, 1, 2);
    EXPECT_NEAR(cost.timeMs, 100000 * 8.0 / 50000 + 20, 1e-9);
    EXPECT_EQ(cost.energyJoules, 0);
    EXPECT_EQ(problem.transfer(100000, 1, 1).timeMs, 0);
}

// D_cp = Σ_{S_i ≠ 1} S_i / n: with blocks on client, edge, cloud, cloud, D = (2 + 3 + 3) / 4 = 2.
TEST(PartitionProblem, DeploymentCostIsThePapersTierAverage)
{
    auto problem = makeProblem(fourLayerChain(), equationProfile());
    auto cost = PlanEvaluator::evaluate(problem, { 0, 0, 1, 2, 2 });
    EXPECT_NEAR(cost.deployment, 2, 1e-12);
}

TEST(PartitionProblem, LayerCostsUseEachTiersCapability)
{
    auto profile = equationProfile();
    auto problem = makeProblem(fourLayerChain(), profile);
    auto& costModel = profile.costModel();
    auto& conv = problem.model().layer(1);
    EXPECT_NEAR(problem.latencyMs(1, 0), costModel.latencyMs(conv, 4.0), 1e-12);
    EXPECT_NEAR(problem.latencyMs(1, 2), costModel.latencyMs(conv, 0.8), 1e-12);
    EXPECT_NEAR(problem.energyJoules(1, 0), costModel.energyJoules(conv, 4.0), 1e-12);
    EXPECT_EQ(problem.energyJoules(1, 1), 0);
    // c = T + η1·E + η2·D with η1 = 100, η2 = 10 and D = providerCost / 4 layers.
    EXPECT_NEAR(problem.computeCost(1, 1), problem.latencyMs(1, 1) + 10 * 2.0 / 4, 1e-12);
}

TEST(PartitionProblem, PrivacyPinsTheInputAndTheFirstLayers)
{
    Constraints constraints;
    constraints.privacyLayers = 2;
    auto problem = makeProblem(fourLayerChain(), equationProfile(), constraints);
    for (size_t v : { 0, 1, 2 }) {
        EXPECT_TRUE(problem.isAllowed(v, 0));
        EXPECT_FALSE(problem.isAllowed(v, 1));
        EXPECT_FALSE(problem.isAllowed(v, 2));
    }
    EXPECT_TRUE(problem.isAllowed(3, 1));
}

TEST(PartitionProblem, MemoryForbidsLayersThatDoNotFit)
{
    auto profile = equationProfile();
    // fc needs 500000 weight bytes plus its input (100000) and output (4000) bytes.
    profile.tiers()[1].memoryBytes = 550000;
    auto problem = makeProblem(fourLayerChain(), profile);
    EXPECT_FALSE(problem.isAllowed(4, 1));
    EXPECT_TRUE(problem.isAllowed(4, 2));
    EXPECT_TRUE(problem.isAllowed(3, 1));
}

TEST(PartitionProblem, RejectsImpossiblePrivacy)
{
    Constraints constraints;
    constraints.privacyLayers = 5;
    GError* error = nullptr;
    EXPECT_FALSE(PartitionProblem::create(fourLayerChain(), equationProfile(), { 0, 1, 2 }, constraints, &error));
    ASSERT_TRUE(error);
    EXPECT_TRUE(g_error_matches(error, partitionerErrorQuark(), static_cast<int>(PartitionerError::Infeasible)));
    g_error_free(error);
}
