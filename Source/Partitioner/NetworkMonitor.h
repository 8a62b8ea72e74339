/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Partitioner/RadioPowerModel.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace Offload::Partitioner {

class Profile;

// What the monitor currently believes about one link. A value is absent when it was never measured or its newest
// sample is stale.
struct LinkEstimate {
    std::optional<double> upMbps;
    std::optional<double> downMbps;
    std::optional<double> rttMs;
};

// Bandwidth (each direction) and RTT per link, fed by the transfers the transport layer really makes. Links are
// named "<tier>-<tier>" after the profile's tiers, nearer the client first ("client-edge", "edge-cloud",
// "client-peer"). Thread-safe: the transport reports from its own thread while the partitioner reads.
//
// Smoothing: each quantity is an exponentially weighted moving average, new = w·sample + (1 − w)·old.
// Staleness: a quantity whose newest sample is older than staleAfterSeconds is reported absent, so the caller falls
// back to the profile's configured value; the next sample then restarts the average instead of blending with
// history from a network that may no longer exist.
// Transfers shorter than minimumBandwidthBytes are RTT-dominated and do not feed the bandwidth estimate.
class NetworkMonitor {
public:
    struct Options {
        double smoothing { 0.3 };
        double staleAfterSeconds { 10 };
        uint64_t minimumBandwidthBytes { 16 * 1024 };
    };

    NetworkMonitor();
    explicit NetworkMonitor(const Options&);

    // A transfer of bytes that took durationMs end to end (request sent to last byte), finished at nowSeconds on a
    // monotonic clock. The link's current RTT estimate is subtracted before computing the throughput, matching the
    // cost model's time = bytes / bandwidth + RTT.
    void recordTransfer(std::string_view link, TransferDirection, uint64_t bytes, double durationMs, double nowSeconds);
    void recordRoundTrip(std::string_view link, double rttMs, double nowSeconds);

    LinkEstimate estimate(std::string_view link, double nowSeconds) const;
    // Writes every fresh estimate into the profile's matching link; returns how many values were written.
    size_t applyTo(Profile&, double nowSeconds) const;

    // The monotonic clock the transport should use for nowSeconds.
    static double monotonicSeconds();

private:
    struct Average {
        double value { 0 };
        double updatedAt { 0 };
        bool hasValue { false };
    };
    struct LinkState {
        Average up;
        Average down;
        Average rtt;
    };

    void update(Average&, double sample, double nowSeconds);
    std::optional<double> fresh(const Average&, double nowSeconds) const;

    Options m_options;
    mutable std::mutex m_lock;
    std::map<std::string, LinkState, std::less<>> m_links;
};

} // namespace Offload::Partitioner
