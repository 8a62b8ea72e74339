/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/PlanEvaluator.h"

#include <gtest/gtest.h>

using namespace Offload::Partitioner;

// A setting where every number is easy to derive by hand: ReLU layers cost 1 ms and 0.01 J at d = 1, the exit's
// FC layer 0.5 ms and 0.005 J; the client has d = 4, the edge d = 1; the link moves 8 Mbps (1 byte per µs) each
// way with a 2 ms RTT; the client radio draws a flat 1 W.
static Profile handProfile()
{
    Profile profile = Profile::paperVertical();
    profile.tiers().resize(2);
    profile.links().resize(1);
    profile.links()[0] = { 8, 8, 2, RadioKind::FiveG };
    profile.setRadioModel(RadioKind::FiveG, { 0, 0, 1000 });
    profile.costModel().setCoefficients(CostKind::Relu, { { 0, 0, 1 }, { 0, 0, 0.01 } });
    profile.costModel().setCoefficients(CostKind::FullyConnected, { { 0, 0, 0.5 }, { 0, 0, 0.005 } });
    profile.weights() = { 100, 0 };
    return profile;
}

// input (4000 B) → relu1 (4000 B) → relu2 (4000 B) → relu3 (40 B), with an exit after relu1 (p = 0.5, 10 classes).
static ModelDescription handModel()
{
    ModelDescription model("hand");
    model.addLayer({ "input", LayerType::Input, {}, 0, 1000, 4000, 0, 0 });
    model.addLayer({ "relu1", LayerType::Relu, { 0 }, 0, 1000, 4000, 0, 0 });
    model.addLayer({ "relu2", LayerType::Relu, { 1 }, 0, 1000, 4000, 0, 0 });
    model.addLayer({ "relu3", LayerType::Relu, { 2 }, 0, 10, 40, 0, 0 });
    model.addExit({ 1, 10, 0.5 });
    return model;
}

static PartitionProblem handProblem()
{
    auto problem = PartitionProblem::create(handModel(), handProfile(), { 0, 1 }, {}, nullptr);
    EXPECT_TRUE(problem);
    return *problem;
}

// relu1 on the client (4 ms, 0.04 J); its output leaves, so the exit is checked first on the client (2 ms,
// 0.02 J) and half the samples stop there (their scores are already on the client). The other half pay the
// transfer (4000 B: 4 + 2 = 6 ms, 6 mJ), relu2 and relu3 on the edge (1 ms each) and the 40-byte result
// (0.04 + 2 = 2.04 ms, 2.04 mJ). Expected T = 4 + 2 + 0.5 · (6 + 1 + 1 + 2.04) = 11.02 ms,
// E = 0.04 + 0.02 + 0.5 · (0.006 + 0.00204) = 0.06402 J, objective = 11.02 + 100 · 0.06402 = 17.422.
// Worst case (no exit): 4 + 2 + 6 + 1 + 1 + 2.04 = 16.04 ms. D = 0.5 · (2 + 2) / 3 = 2/3.
TEST(PlanEvaluator, ExpectedCostWithAnExitBeforeTheTransfer)
{
    auto problem = handProblem();
    std::vector<PlanTransfer> transfers;
    auto cost = PlanEvaluator::evaluate(problem, { 0, 0, 1, 1 }, &transfers);
    EXPECT_NEAR(cost.latencyMs, 11.02, 1e-9);
    EXPECT_NEAR(cost.energyJoules, 0.06402, 1e-12);
    EXPECT_NEAR(cost.objective, 17.422, 1e-9);
    EXPECT_NEAR(cost.worstCaseLatencyMs, 16.04, 1e-9);
    EXPECT_NEAR(cost.deployment, 2.0 / 3, 1e-12);
    // The exit's scores are already on the client, so only the activation and the final result move.
    ASSERT_EQ(transfers.size(), 2u);
    EXPECT_EQ(transfers[0].kind, TransferKind::Activation);
    EXPECT_EQ(transfers[0].bytes, 4000u);
    EXPECT_NEAR(transfers[0].probability, 0.5, 1e-12);
    EXPECT_EQ(transfers[1].kind, TransferKind::Result);
    EXPECT_NEAR(transfers[1].timeMs, 2.04, 1e-12);
}

// Without a transfer the exit is never checked (the paper's rule): all three layers on the client cost
// 3 · 4 ms and 3 · 0.04 J, and no byte moves.
TEST(PlanEvaluator, ExitIsNotCheckedWithoutATransfer)
{
    auto problem = handProblem();
    std::vector<PlanTransfer> transfers;
    auto cost = PlanEvaluator::evaluate(problem, { 0, 0, 0, 0 }, &transfers);
    EXPECT_NEAR(cost.latencyMs, 12, 1e-9);
    EXPECT_NEAR(cost.energyJoules, 0.12, 1e-12);
    EXPECT_EQ(cost.latencyMs, cost.worstCaseLatencyMs);
    EXPECT_TRUE(transfers.empty());
}

// Offloading everything: the raw input (4000 B) goes up (6 ms, 6 mJ), three layers run on the edge (3 ms), the
// exit after relu1 is not checked (relu2 is on the same tier) and the result comes back (2.04 ms, 2.04 mJ).
TEST(PlanEvaluator, EdgeOnlySendsTheInputAndReceivesTheResult)
{
    auto problem = handProblem();
    auto cost = PlanEvaluator::evaluate(problem, { 0, 1, 1, 1 });
    EXPECT_NEAR(cost.latencyMs, 6 + 3 + 2.04, 1e-9);
    EXPECT_NEAR(cost.energyJoules, 0.006 + 0.00204, 1e-12);
}

// In a DAG a tensor read by two layers on the same other tier is sent once.
TEST(PlanEvaluator, DagTensorIsSentOncePerTier)
{
    ModelDescription model("dag");
    model.addLayer({ "input", LayerType::Input, {}, 0, 1000, 4000, 0, 0 });
    model.addLayer({ "a", LayerType::Relu, { 0 }, 0, 1000, 4000, 0, 0 });
    model.addLayer({ "b", LayerType::Relu, { 1 }, 0, 1000, 4000, 0, 0 });
    model.addLayer({ "c", LayerType::Relu, { 1 }, 0, 1000, 4000, 0, 0 });
    model.addLayer({ "d", LayerType::Add, { 2, 3 }, 0, 10, 40, 0, 0 });
    auto profile = handProfile();
    profile.costModel().setCoefficients(CostKind::Elementwise, { { 0, 0, 1 }, { 0, 0, 0.01 } });
    auto problem = PartitionProblem::create(model, profile, { 0, 1 }, {}, nullptr);
    ASSERT_TRUE(problem);
    std::vector<PlanTransfer> transfers;
    // a on the client (4 ms); b, c, d on the edge (3 ms); a's output goes up once (6 ms); result back (2.04 ms).
    auto cost = PlanEvaluator::evaluate(*problem, { 0, 0, 1, 1, 1 }, &transfers);
    EXPECT_NEAR(cost.latencyMs, 4 + 3 + 6 + 2.04, 1e-9);
    EXPECT_EQ(transfers.size(), 2u);
}

TEST(PlanEvaluator, ReportsWhichConstraintFails)
{
    auto profile = handProfile();
    profile.tiers()[1].memoryBytes = 100;
    ModelDescription heavy("heavy");
    heavy.addLayer({ "input", LayerType::Input, {}, 0, 10, 40, 0, 0 });
    heavy.addLayer({ "a", LayerType::Relu, { 0 }, 0, 10, 40, 30, 0 });
    heavy.addLayer({ "b", LayerType::Relu, { 1 }, 0, 10, 40, 30, 0 });
    heavy.addLayer({ "c", LayerType::Relu, { 2 }, 0, 10, 40, 30, 0 });
    Constraints constraints;
    constraints.deadlineMs = 10;
    auto problem = PartitionProblem::create(heavy, profile, { 0, 1 }, constraints, nullptr);
    ASSERT_TRUE(problem);
    std::string reason;
    // Each layer fits the edge alone (30 + 40 + 40 bytes ≤ 100 is false: 110), so per-layer memory forbids it.
    EXPECT_FALSE(PlanEvaluator::satisfiesConstraints(*problem, { 0, 1, 0, 0 }, &reason));
    EXPECT_NE(reason.find("may not run"), std::string::npos) << reason;
    // All local: 3 · 4 = 12 ms, above the 10 ms deadline.
    EXPECT_FALSE(PlanEvaluator::satisfiesConstraints(*problem, { 0, 0, 0, 0 }, &reason));
    EXPECT_NE(reason.find("deadline"), std::string::npos) << reason;
}
