/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/NetworkMonitor.h"

#include "Partitioner/Profile.h"

#include <gtest/gtest.h>

using namespace Offload::Partitioner;

// With smoothing w = 0.3, RTT samples 10 then 20 ms give 0.3 · 20 + 0.7 · 10 = 13 ms.
TEST(NetworkMonitor, SmoothsRoundTripsExponentially)
{
    NetworkMonitor monitor;
    monitor.recordRoundTrip("client-edge", 10, 100);
    EXPECT_EQ(monitor.estimate("client-edge", 100).rttMs, 10);
    monitor.recordRoundTrip("client-edge", 20, 101);
    EXPECT_NEAR(*monitor.estimate("client-edge", 101).rttMs, 13, 1e-12);
}

// 1 000 000 bytes in 100 ms with no RTT known: 8e6 bits / 100 ms = 80 Mbps. Once the RTT is known (20 ms) it is
// taken off: 8e6 bits / 80 ms = 100 Mbps, smoothed to 0.3 · 100 + 0.7 · 80 = 86 Mbps.
TEST(NetworkMonitor, BandwidthFromMeasuredTransfers)
{
    NetworkMonitor monitor;
    monitor.recordTransfer("client-edge", TransferDirection::Up, 1'000'000, 100, 10);
    EXPECT_NEAR(*monitor.estimate("client-edge", 10).upMbps, 80, 1e-9);
    EXPECT_FALSE(monitor.estimate("client-edge", 10).downMbps);
    monitor.recordRoundTrip("client-edge", 20, 10);
    monitor.recordTransfer("client-edge", TransferDirection::Up, 1'000'000, 100, 11);
    EXPECT_NEAR(*monitor.estimate("client-edge", 11).upMbps, 86, 1e-9);
}

TEST(NetworkMonitor, SmallTransfersDoNotFeedTheBandwidth)
{
    NetworkMonitor monitor;
    monitor.recordTransfer("client-edge", TransferDirection::Down, 1000, 5, 1);
    EXPECT_FALSE(monitor.estimate("client-edge", 1).downMbps);
    // A large transfer that took no longer than the RTT says nothing about bandwidth either.
    monitor.recordRoundTrip("client-edge", 50, 1);
    monitor.recordTransfer("client-edge", TransferDirection::Down, 100'000, 50, 1);
    EXPECT_FALSE(monitor.estimate("client-edge", 1).downMbps);
}

// Staleness (10 s by default): an old value is reported absent, and the next sample restarts the average.
TEST(NetworkMonitor, StaleValuesAreDroppedAndRestarted)
{
    NetworkMonitor monitor;
    monitor.recordRoundTrip("edge-cloud", 30, 0);
    EXPECT_TRUE(monitor.estimate("edge-cloud", 10).rttMs);
    EXPECT_FALSE(monitor.estimate("edge-cloud", 10.5).rttMs);
    monitor.recordRoundTrip("edge-cloud", 90, 20);
    EXPECT_EQ(*monitor.estimate("edge-cloud", 20).rttMs, 90);
    EXPECT_FALSE(monitor.estimate("client-peer", 20).rttMs);
}

TEST(NetworkMonitor, AppliesFreshValuesToTheProfile)
{
    NetworkMonitor monitor({ 0.5, 5, 1024 });
    auto profile = Profile::paperVertical();
    double edgeCloudRtt = profile.links()[1].rttMs;
    monitor.recordRoundTrip("client-edge", 12, 0);
    monitor.recordTransfer("client-edge", TransferDirection::Up, 300'000, 92, 0);
    monitor.recordRoundTrip("edge-cloud", 40, 0);
    // At t = 3 s everything is fresh: three values written.
    EXPECT_EQ(monitor.applyTo(profile, 3), 3u);
    EXPECT_EQ(profile.links()[0].rttMs, 12);
    // 2.4e6 bits over 92 − 12 = 80 ms is 30 Mbps.
    EXPECT_NEAR(profile.links()[0].upMbps, 30, 1e-9);
    EXPECT_EQ(profile.links()[1].rttMs, 40);
    // At t = 6 s everything is stale: the profile keeps what it has.
    auto fresh = Profile::paperVertical();
    EXPECT_EQ(monitor.applyTo(fresh, 6), 0u);
    EXPECT_EQ(fresh.links()[1].rttMs, edgeCloudRtt);
}
