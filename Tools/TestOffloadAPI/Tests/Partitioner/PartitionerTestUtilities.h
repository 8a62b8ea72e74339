/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Partitioner/ModelDescription.h"
#include "Partitioner/PartitionProblem.h"
#include "Partitioner/PartitionerError.h"
#include "Partitioner/PlanEvaluator.h"
#include "Partitioner/Profile.h"

#include <gtest/gtest.h>
#include <limits>
#include <optional>
#include <random>

namespace Offload::Partitioner::Testing {

// A random small model: a chain when isChain, otherwise a DAG where each layer reads one or two earlier layers.
inline ModelDescription randomModel(std::mt19937& random, size_t layers, bool isChain, bool withExits)
{
    static constexpr LayerType types[] = { LayerType::Conv, LayerType::Pool, LayerType::FullyConnected, LayerType::Relu,
        LayerType::Norm, LayerType::DepthwiseConv, LayerType::Concat };
    std::uniform_int_distribution<uint64_t> elements(500, 800'000);
    std::uniform_int_distribution<size_t> typeIndex(0, std::size(types) - 1);
    ModelDescription model("random");
    model.addLayer({ "input", LayerType::Input, {}, 0, elements(random), 0, 0, 0 });
    for (size_t v = 1; v <= layers; ++v) {
        Layer layer { "layer" + std::to_string(v), types[typeIndex(random)], { v - 1 }, 0, elements(random), 0,
            elements(random) * 4, 0 };
        if (!isChain && v >= 2) {
            std::uniform_int_distribution<size_t> earlier(0, v - 1);
            layer.inputs = { earlier(random) };
            if (random() % 2) {
                size_t second = earlier(random);
                if (second != layer.inputs[0])
                    layer.inputs.push_back(second);
            }
            std::sort(layer.inputs.begin(), layer.inputs.end());
        }
        model.addLayer(std::move(layer));
    }
    if (withExits && isChain) {
        for (size_t v = 1; v + 1 <= layers; ++v) {
            if (random() % 3 == 0)
                model.addExit({ v, 10, std::uniform_real_distribution<double>(0, 0.9)(random) });
        }
    }
    return model;
}

// A random profile of the given number of tiers (client, edge, cloud, peer-like fourth tier).
inline Profile randomProfile(std::mt19937& random, size_t tiers)
{
    std::uniform_real_distribution<double> unit(0, 1);
    Profile profile = Profile::paperVertical();
    profile.tiers().resize(1);
    profile.links().clear();
    profile.tiers()[0].capability = 1 + 7 * unit(random);
    static constexpr TierKind kinds[] = { TierKind::Edge, TierKind::Cloud, TierKind::Cloud };
    for (size_t t = 1; t < tiers; ++t) {
        profile.tiers().push_back({ "tier" + std::to_string(t), kinds[(t - 1) % 3], 0.3 + 2 * unit(random),
            std::nullopt, static_cast<double>(t + 1) });
        RadioKind radio
            = t == 1 ? (unit(random) < 0.5 ? RadioKind::FiveG : RadioKind::DeviceToDevice) : RadioKind::Wired;
        profile.links().push_back({ 1 + 99 * unit(random), 1 + 300 * unit(random), 50 * unit(random), radio });
    }
    static constexpr double energyWeights[] = { 0, 10, 100 };
    profile.weights().energy = energyWeights[random() % 3];
    profile.weights().deployment = random() % 2 ? 10 : 0;
    return profile;
}

inline std::vector<size_t> allTiers(const Profile& profile)
{
    std::vector<size_t> tiers;
    for (size_t t = 0; t < profile.tiers().size(); ++t)
        tiers.push_back(t);
    return tiers;
}

struct BruteForceResult {
    double objective { std::numeric_limits<double>::infinity() };
    std::vector<size_t> assignment;
    size_t feasibleCount { 0 };
};

// Enumerates every assignment of the layers after the input; withConstraints also applies the deadline and the
// tiers' total memory (per-layer permissions always apply).
inline BruteForceResult bruteForce(const PartitionProblem& problem, bool withConstraints)
{
    size_t n = problem.layerCount();
    size_t k = problem.tierCount();
    std::vector<size_t> assignment(n, 0);
    BruteForceResult result;
    while (true) {
        bool isAllowed = true;
        for (size_t v = 0; v < n && isAllowed; ++v)
            isAllowed = problem.isAllowed(v, assignment[v]);
        if (isAllowed && (!withConstraints || PlanEvaluator::satisfiesConstraints(problem, assignment))) {
            ++result.feasibleCount;
            double objective = PlanEvaluator::evaluate(problem, assignment).objective;
            if (objective < result.objective) {
                result.objective = objective;
                result.assignment = assignment;
            }
        }
        size_t v = 1;
        while (v < n && ++assignment[v] == k)
            assignment[v++] = 0;
        if (v == n)
            break;
    }
    return result;
}

// Per-layer permissions only (privacy, a layer too big for a tier); the unconstrained optimizers honour these.
inline bool layersAllowed(const PartitionProblem& problem, const std::vector<size_t>& assignment)
{
    for (size_t v = 0; v < assignment.size(); ++v) {
        if (!problem.isAllowed(v, assignment[v]))
            return false;
    }
    return true;
}

inline void expectSameObjective(double actual, double expected)
{
    EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected)));
}

} // namespace Offload::Partitioner::Testing
