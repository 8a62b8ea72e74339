/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/TfjsConverter.h"

#include "Partitioner/FrontierOptimizer.h"
#include "Partitioner/MinCutOptimizer.h"
#include "Partitioner/PartitionProblem.h"

#include "Partitioner/PartitionerError.h"

#include <gtest/gtest.h>

using namespace Offload::Partitioner;

static std::string nsfwjsModel(const char* name)
{
    return std::string(OFFLOAD_NODE_MODULES) + "/nsfwjs/dist/models/" + name + "/model.min.js";
}

static const Layer& layerNamed(const ModelDescription& model, const char* name)
{
    auto index = model.indexOf(name);
    EXPECT_TRUE(index) << name;
    return model.layer(index.value_or(0));
}

static size_t countOfType(const ModelDescription& model, LayerType type)
{
    size_t count = 0;
    for (auto& layer : model.layers())
        count += layer.type == type;
    return count;
}

// The real nsfwjs MobileNetV2 (a UMD module wrapping model.json), checked against the architecture.
TEST(TfjsConverter, ConvertsNsfwjsMobileNetV2)
{
    GError* error = nullptr;
    auto model = TfjsConverter::convertFile(nsfwjsModel("mobilenet_v2"), &error);
    ASSERT_TRUE(model) << error->message;
    EXPECT_EQ(model->size(), 162u);
    EXPECT_FALSE(model->isChain());
    // 224 × 224 × 3 input; Conv1 (3 × 3, stride 2, after 0/1 padding to 225) gives 112 × 112 × 32.
    EXPECT_EQ(model->layer(0).outputElements, 224u * 224 * 3);
    EXPECT_EQ(layerNamed(*model, "Conv1").outputElements, 112u * 112 * 32);
    EXPECT_EQ(layerNamed(*model, "Conv1").type, LayerType::Conv);
    // The last 1 × 1 conv block ends at 7 × 7 × 1280.
    EXPECT_EQ(layerNamed(*model, "out_relu").outputElements, 7u * 7 * 1280);
    // dense_1 (1280 → 256) stores 1280 · 256 + 256 weights, quantised to one byte each.
    EXPECT_EQ(layerNamed(*model, "dense_1").weightBytes, 1280u * 256 + 256);
    EXPECT_EQ(layerNamed(*model, "Conv1").weightBytes, 3u * 3 * 3 * 32);
    EXPECT_EQ(layerNamed(*model, "dense_3").outputElements, 5u);
    // MobileNetV2 has ten residual additions (1 + 2 + 3 + 2 + 2 repeated bottlenecks) and 17 depthwise convs.
    EXPECT_EQ(countOfType(*model, LayerType::Add), 10u);
    EXPECT_EQ(countOfType(*model, LayerType::DepthwiseConv), 17u);
    auto& add = layerNamed(*model, "block_2_add");
    EXPECT_EQ(add.inputs.size(), 2u);
    EXPECT_EQ(add.inputElements, 2 * add.outputElements);
}

TEST(TfjsConverter, ConvertsNsfwjsInceptionV3)
{
    GError* error = nullptr;
    auto model = TfjsConverter::convertFile(nsfwjsModel("inception_v3"), &error);
    ASSERT_TRUE(model) << error->message;
    EXPECT_EQ(model->size(), 318u);
    EXPECT_EQ(model->layer(0).outputElements, 299u * 299 * 3);
    // conv2d_1 is 3 × 3, stride 2, valid: (299 − 3) / 2 + 1 = 149.
    EXPECT_EQ(layerNamed(*model, "conv2d_1").outputElements, 149u * 149 * 32);
    EXPECT_EQ(layerNamed(*model, "mixed10").outputElements, 8u * 8 * 2048);
    // mixed0 … mixed10, plus two inner concatenations in each of mixed9 and mixed10: 11 + 4 = 15.
    EXPECT_EQ(countOfType(*model, LayerType::Concat), 15u);
    EXPECT_EQ(layerNamed(*model, "mixed0").inputs.size(), 4u);
}

// Two independent exact methods must agree on a real DAG: the min-cut and the frontier DP on two tiers.
TEST(TfjsConverter, InceptionV3PlansAgreeBetweenExactMethods)
{
    auto model = TfjsConverter::convertFile(nsfwjsModel("inception_v3"), nullptr);
    ASSERT_TRUE(model);
    for (double mbps : { 3.0, 30.0, 300.0 }) {
        auto profile = Profile::paperVertical();
        profile.links()[0].upMbps = mbps;
        profile.links()[0].downMbps = mbps;
        auto problem = PartitionProblem::create(*model, profile, { 0, 1 }, {}, nullptr);
        ASSERT_TRUE(problem);
        auto cut = MinCutOptimizer::solve(*problem, nullptr);
        auto frontier = FrontierOptimizer::solve(*problem, {}, nullptr);
        ASSERT_TRUE(cut && frontier);
        EXPECT_TRUE(frontier->isProvablyOptimal);
        EXPECT_NEAR(cut->cost.objective, frontier->cost.objective, 1e-9 * cut->cost.objective);
    }
}

TEST(TfjsConverter, ConvertsASequentialModel)
{
    auto model = TfjsConverter::convert(
        R"({ "modelTopology": { "class_name": "Sequential", "config": { "name": "seq", "layers": [
        { "class_name": "Conv2D", "config": { "name": "c", "batch_input_shape": [null, 28, 28, 1], "filters": 8, "kernel_size": [3, 3], "strides": [1, 1], "padding": "same" } },
        { "class_name": "MaxPooling2D", "config": { "name": "p", "pool_size": [2, 2] } },
        { "class_name": "Flatten", "config": { "name": "f" } },
        { "class_name": "Dense", "config": { "name": "d", "units": 10, "activation": "softmax" } } ] } },
        "weightsManifest": [ { "paths": ["w.bin"], "weights": [ { "name": "c/kernel", "shape": [3, 3, 1, 8], "dtype": "float32" },
            { "name": "d/kernel", "shape": [1568, 10], "dtype": "float32" } ] } ] })",
        nullptr);
    ASSERT_TRUE(model);
    ASSERT_EQ(model->size(), 5u);
    EXPECT_TRUE(model->isChain());
    // "same" keeps 28 × 28; 2 × 2 pooling (strides default to the pool size) halves it: 14 × 14 × 8 = 1568.
    EXPECT_EQ(model->layer(1).outputElements, 28u * 28 * 8);
    EXPECT_EQ(model->layer(2).outputElements, 1568u);
    EXPECT_EQ(model->layer(4).outputElements, 10u);
    // Unquantised float32 weights are four bytes each.
    EXPECT_EQ(model->layer(1).weightBytes, 72u * 4);
    EXPECT_EQ(model->layer(4).weightBytes, 15680u * 4);
}

TEST(TfjsConverter, RejectsUnsupportedLayersByName)
{
    GError* error = nullptr;
    EXPECT_FALSE(TfjsConverter::convert(R"({ "modelTopology": { "class_name": "Sequential", "config": [
        { "class_name": "LSTM", "config": { "name": "memory", "batch_input_shape": [null, 4, 4] } } ] } })",
        &error));
    ASSERT_TRUE(error);
    EXPECT_TRUE(g_error_matches(error, partitionerErrorQuark(), static_cast<int>(PartitionerError::UnsupportedLayer)));
    EXPECT_NE(std::string(error->message).find("memory"), std::string::npos) << error->message;
    g_error_free(error);
}

TEST(TfjsConverter, ReportsAMissingFile)
{
    GError* error = nullptr;
    EXPECT_FALSE(TfjsConverter::convertFile("/nonexistent/model.json", &error));
    ASSERT_TRUE(error);
    EXPECT_NE(std::string(error->message).find("/nonexistent/model.json"), std::string::npos);
    g_error_free(error);
}
