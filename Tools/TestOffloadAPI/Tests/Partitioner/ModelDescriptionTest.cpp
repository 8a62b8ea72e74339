/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/ModelDescription.h"

#include "Partitioner/PartitionerError.h"

#include <gtest/gtest.h>

using namespace Offload::Partitioner;

static constexpr const char* s_chain = R"({
  "format": "offload-dnn-model", "name": "tiny",
  "layers": [
    { "name": "image", "type": "input", "outputShape": [32, 32, 3] },
    { "name": "conv1", "type": "conv", "outputShape": [30, 30, 16], "weightBytes": 1792, "flops": 388800 },
    { "name": "relu1", "type": "relu", "outputElements": 14400 },
    { "name": "pool1", "type": "pool", "outputShape": [15, 15, 16], "bytesPerElement": 2 },
    { "name": "fc", "type": "fc", "outputElements": 10 }
  ],
  "exits": [ { "after": "relu1", "classes": 10, "exitRate": 0.2 }, { "after": "pool1", "classes": 10, "exitRate": 0.3 } ]
})";

TEST(ModelDescription, LoadsAChainWithDefaults)
{
    GError* error = nullptr;
    auto model = ModelDescription::loadFromData(s_chain, &error);
    ASSERT_TRUE(model) << error->message;
    EXPECT_EQ(model->name(), "tiny");
    ASSERT_EQ(model->size(), 5u);
    EXPECT_TRUE(model->isChain());
    // Without "inputs" a layer reads the one before; its input size is that layer's output.
    EXPECT_EQ(model->layer(1).inputs, std::vector<size_t> { 0 });
    EXPECT_EQ(model->layer(1).inputElements, 3072u);
    EXPECT_EQ(model->layer(1).outputBytes, 14400u * 4);
    EXPECT_EQ(model->layer(3).outputBytes, 3600u * 2);
    EXPECT_EQ(model->layer(1).weightBytes, 1792u);
    EXPECT_EQ(model->layer(1).flops, 388800);
}

// Measured exit rates are shares of all samples; the optimizer needs the share of those reaching the branch:
// 0.2 at the first exit, then 0.3 / (1 − 0.2) = 0.375.
TEST(ModelDescription, ConvertsExitRatesToConditionalProbabilities)
{
    auto model = ModelDescription::loadFromData(s_chain, nullptr);
    ASSERT_TRUE(model);
    ASSERT_EQ(model->exits().size(), 2u);
    EXPECT_EQ(model->exits()[0].afterLayer, 2u);
    EXPECT_NEAR(model->exits()[0].probability, 0.2, 1e-12);
    EXPECT_NEAR(model->exits()[1].probability, 0.375, 1e-12);
}

TEST(ModelDescription, RoundTripsThroughJson)
{
    auto model = ModelDescription::loadFromData(s_chain, nullptr);
    ASSERT_TRUE(model);
    GError* error = nullptr;
    auto again = ModelDescription::loadFromData(model->toJson(), &error);
    ASSERT_TRUE(again) << error->message;
    ASSERT_EQ(again->size(), model->size());
    for (size_t v = 0; v < model->size(); ++v) {
        EXPECT_EQ(again->layer(v).name, model->layer(v).name);
        EXPECT_EQ(again->layer(v).type, model->layer(v).type);
        EXPECT_EQ(again->layer(v).inputs, model->layer(v).inputs);
        EXPECT_EQ(again->layer(v).outputBytes, model->layer(v).outputBytes);
        EXPECT_EQ(again->layer(v).inputElements, model->layer(v).inputElements);
    }
    EXPECT_NEAR(again->exits()[1].probability, 0.375, 1e-12);
}

TEST(ModelDescription, DagConsumersAndChainDetection)
{
    auto model = ModelDescription::loadFromData(R"({ "format": "offload-dnn-model", "layers": [
        { "name": "in", "type": "input", "outputElements": 100 },
        { "name": "a", "type": "conv", "outputElements": 100 },
        { "name": "b", "type": "relu", "inputs": ["a"], "outputElements": 100 },
        { "name": "sum", "type": "add", "inputs": ["a", "b"], "outputElements": 100 } ] })",
        nullptr);
    ASSERT_TRUE(model);
    EXPECT_FALSE(model->isChain());
    EXPECT_EQ(model->consumers()[1], (std::vector<size_t> { 2, 3 }));
    EXPECT_EQ(model->layer(3).inputElements, 200u);
}

static std::string loadError(const char* json)
{
    GError* error = nullptr;
    EXPECT_FALSE(ModelDescription::loadFromData(json, &error));
    if (!error)
        return {};
    EXPECT_TRUE(g_error_matches(error, partitionerErrorQuark(), static_cast<int>(PartitionerError::InvalidModel)));
    std::string message = error->message;
    g_error_free(error);
    return message;
}

TEST(ModelDescription, ErrorsNameTheProblem)
{
    EXPECT_NE(loadError("{ \"layers\": [] }").find("format"), std::string::npos);
    EXPECT_NE(loadError("not json").find("not valid JSON"), std::string::npos);
    EXPECT_NE(
        loadError(
            R"({ "format": "offload-dnn-model", "layers": [ { "name": "in", "type": "input", "outputElements": 1 },
        { "name": "a", "type": "conv", "inputs": ["b"], "outputElements": 1 } ] })")
            .find("\"b\""),
        std::string::npos);
    EXPECT_NE(
        loadError(
            R"({ "format": "offload-dnn-model", "layers": [ { "name": "in", "type": "input", "outputElements": 1 },
        { "name": "in", "type": "conv", "outputElements": 1 } ] })")
            .find("two layers are named \"in\""),
        std::string::npos);
    EXPECT_NE(
        loadError(
            R"({ "format": "offload-dnn-model", "layers": [ { "name": "in", "type": "input", "outputElements": 1 },
        { "name": "a", "type": "lstm", "outputElements": 1 } ] })")
            .find("lstm"),
        std::string::npos);
    EXPECT_NE(
        loadError(
            R"({ "format": "offload-dnn-model", "layers": [ { "name": "in", "type": "input", "outputElements": 1 },
        { "name": "a", "type": "conv", "outputElements": 1 } ], "exits": [ { "after": "a", "classes": 2, "probability": 0.5 } ] })")
            .find("early exit"),
        std::string::npos);
}
