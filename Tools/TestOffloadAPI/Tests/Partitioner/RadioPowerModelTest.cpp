/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/RadioPowerModel.h"

#include <gtest/gtest.h>

using namespace Offload::Partitioner;

// P = α·r + β with the paper's 5G parameters at 30 Mbps: up 65 · 30 + 11475.97 = 13425.97 mW,
// down 6.5 · 30 + 11475.97 = 11670.97 mW.
TEST(RadioPowerModel, FiveGMatchesThePaper)
{
    auto model = RadioPowerModel::fiveG();
    EXPECT_NEAR(model.powerMilliwatts(TransferDirection::Up, 30), 13425.97, 1e-9);
    EXPECT_NEAR(model.powerMilliwatts(TransferDirection::Down, 30), 11670.97, 1e-9);
}

// D2D at Table 2's average 87.6 Mbps: 283.17 · 87.6 + 132.86 = 24938.552 mW in either direction.
TEST(RadioPowerModel, DeviceToDeviceMatchesThePaper)
{
    auto model = RadioPowerModel::deviceToDevice();
    EXPECT_NEAR(model.powerMilliwatts(TransferDirection::Up, 87.6), 24938.552, 1e-9);
    EXPECT_NEAR(model.powerMilliwatts(TransferDirection::Down, 87.6), 24938.552, 1e-9);
}

TEST(RadioPowerModel, WiredLinksCostTheClientNothing)
{
    EXPECT_EQ(RadioPowerModel::none().powerMilliwatts(TransferDirection::Up, 1000), 0);
}
