/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/PlanFormatter.h"

#include "Partitioner/ChainOptimizer.h"
#include "Partitioner/PlanEvaluator.h"

#include <gtest/gtest.h>
#include <json-glib/json-glib.h>

using namespace Offload::Partitioner;

static PartitionProblem alexNetLikeProblem()
{
    ModelDescription model("small");
    model.addLayer({ "image", LayerType::Input, {}, 0, 154587, 0, 0, 0 });
    model.addLayer({ "conv1", LayerType::Conv, { 0 }, 0, 290400, 0, 0, 0 });
    model.addLayer({ "pool1", LayerType::Pool, { 1 }, 0, 69984, 0, 0, 0 });
    model.addLayer({ "fc", LayerType::FullyConnected, { 2 }, 0, 1000, 0, 0, 0 });
    auto problem = PartitionProblem::create(model, Profile::paperVertical(), { 0, 1, 2 }, {}, nullptr);
    EXPECT_TRUE(problem);
    return *problem;
}

TEST(PlanFormatter, TextListsTiersCostsAndTransferBytes)
{
    auto problem = alexNetLikeProblem();
    Plan plan { "manual", { 0, 0, 1, 2 }, {}, {}, false, {} };
    PlanEvaluator::complete(problem, plan);
    auto text = PlanFormatter::text(problem, plan);
    EXPECT_NE(text.find("client   layers 0-1 (image .. conv1)"), std::string::npos) << text;
    EXPECT_NE(text.find("edge     layers 2-2 (pool1 .. pool1)"), std::string::npos) << text;
    // conv1's output: 290400 float32 elements.
    EXPECT_NE(text.find("conv1                        client -> edge: 1161600 bytes"), std::string::npos) << text;
    EXPECT_NE(text.find("(result)"), std::string::npos) << text;
    EXPECT_NE(text.find("layers per tier: client 1 / edge 1 / cloud 1"), std::string::npos) << text;
}

TEST(PlanFormatter, JsonIsParseableAndComplete)
{
    auto problem = alexNetLikeProblem();
    auto plan = ChainOptimizer::solve(problem, nullptr);
    ASSERT_TRUE(plan);
    auto json = PlanFormatter::json(problem, *plan);
    JsonParser* parser = json_parser_new();
    ASSERT_TRUE(json_parser_load_from_data(parser, json.c_str(), -1, nullptr)) << json;
    JsonObject* root = json_node_get_object(json_parser_get_root(parser));
    EXPECT_STREQ(json_object_get_string_member(root, "method"), "chain-dp");
    EXPECT_TRUE(json_object_get_boolean_member(root, "provablyOptimal"));
    EXPECT_NEAR(json_object_get_double_member(root, "objective"), plan->cost.objective, 1e-9);
    EXPECT_EQ(json_array_get_length(json_object_get_array_member(root, "transfers")), plan->transfers.size());
    EXPECT_EQ(json_object_get_size(json_object_get_object_member(root, "assignment")), 4u);
    g_object_unref(parser);
}
