/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/Profile.h"

#include <gtest/gtest.h>

using namespace Offload::Partitioner;

static constexpr const char* s_profile = R"({
  "format": "offload-partition-profile",
  "tiers": [
    { "name": "phone", "kind": "client", "capability": 6, "memoryBytes": 1000000 },
    { "name": "mec", "kind": "edge", "capability": 1, "providerCost": 2 },
    { "name": "dc", "kind": "cloud", "capability": 0.5, "providerCost": 3 } ],
  "links": [
    { "from": "phone", "to": "mec", "upMbps": 20, "downMbps": 80, "rttMs": 7, "radio": "5g" },
    { "from": "mec", "to": "dc", "upMbps": 500, "rttMs": 25, "radio": "wired" } ],
  "weights": { "energy": 50, "deployment": 0 },
  "radio": { "5g": { "alphaUp": 70 } },
  "costModel": { "conv": { "latency": [1e-5, 2e-5, 0.5] } }
})";

TEST(Profile, LoadsEveryField)
{
    GError* error = nullptr;
    auto profile = Profile::loadFromData(s_profile, &error);
    ASSERT_TRUE(profile) << error->message;
    ASSERT_EQ(profile->tiers().size(), 3u);
    EXPECT_EQ(profile->tiers()[0].capability, 6);
    EXPECT_EQ(profile->tiers()[0].memoryBytes, 1000000u);
    EXPECT_FALSE(profile->tiers()[1].memoryBytes);
    EXPECT_EQ(profile->tiers()[2].providerCost, 3);
    EXPECT_EQ(profile->links()[0].downMbps, 80);
    // A link without downMbps is symmetric.
    EXPECT_EQ(profile->links()[1].downMbps, 500);
    EXPECT_EQ(profile->links()[1].radio, RadioKind::Wired);
    EXPECT_EQ(profile->weights().energy, 50);
    // Overridden radio and cost-model values replace the defaults; the rest stay the paper's.
    EXPECT_EQ(profile->radioModel(RadioKind::FiveG).alphaUp(), 70);
    EXPECT_EQ(profile->radioModel(RadioKind::FiveG).beta(), 11475.97);
    EXPECT_EQ(profile->costModel().coefficients(CostKind::Conv).latency.gamma, 0.5);
    EXPECT_EQ(profile->costModel().coefficients(CostKind::Conv).energy.alpha, 9.240e-7);
}

TEST(Profile, RoundTripsThroughJson)
{
    auto profile = Profile::loadFromData(s_profile, nullptr);
    ASSERT_TRUE(profile);
    GError* error = nullptr;
    auto again = Profile::loadFromData(profile->toJson(), &error);
    ASSERT_TRUE(again) << error->message;
    EXPECT_EQ(again->tiers()[1].name, "mec");
    EXPECT_EQ(again->links()[0].rttMs, 7);
    EXPECT_EQ(again->costModel().coefficients(CostKind::Conv).latency.beta, 2e-5);
}

TEST(Profile, SelectsTiersInPathOrder)
{
    auto profile = Profile::paperVertical();
    GError* error = nullptr;
    auto tiers = profile.selectTiers("client,cloud", &error);
    ASSERT_TRUE(tiers);
    EXPECT_EQ(*tiers, (std::vector<size_t> { 0, 2 }));
    EXPECT_FALSE(profile.selectTiers("edge,cloud", &error));
    ASSERT_TRUE(error);
    EXPECT_NE(std::string(error->message).find("client"), std::string::npos);
    g_clear_error(&error);
    EXPECT_FALSE(profile.selectTiers("client,cloud,edge", &error));
    g_clear_error(&error);
    EXPECT_FALSE(profile.selectTiers("client,moon", &error));
    EXPECT_NE(std::string(error->message).find("moon"), std::string::npos);
    g_clear_error(&error);
}

TEST(Profile, RejectsBrokenPaths)
{
    GError* error = nullptr;
    EXPECT_FALSE(Profile::loadFromData(R"({ "format": "offload-partition-profile",
        "tiers": [ { "name": "a", "kind": "client" }, { "name": "b", "kind": "edge" } ],
        "links": [ { "from": "b", "to": "a", "upMbps": 1 } ] })",
        &error));
    ASSERT_TRUE(error);
    g_clear_error(&error);
    EXPECT_FALSE(Profile::loadFromData(R"({ "format": "offload-partition-profile",
        "tiers": [ { "name": "a", "kind": "client" }, { "name": "b", "kind": "edge" } ], "links": [] })",
        &error));
    ASSERT_TRUE(error);
    EXPECT_NE(std::string(error->message).find("links"), std::string::npos) << error->message;
    g_clear_error(&error);
}
