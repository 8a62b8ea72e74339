/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/NetworkMonitor.h"

#include "Partitioner/Profile.h"

#include <glib.h>

namespace Offload::Partitioner {

NetworkMonitor::NetworkMonitor()
    : NetworkMonitor(Options {})
{
}

NetworkMonitor::NetworkMonitor(const Options& options)
    : m_options(options)
{
}

double NetworkMonitor::monotonicSeconds()
{
    return g_get_monotonic_time() / 1e6;
}

std::optional<double> NetworkMonitor::fresh(const Average& average, double nowSeconds) const
{
    if (!average.hasValue || nowSeconds - average.updatedAt > m_options.staleAfterSeconds)
        return std::nullopt;
    return average.value;
}

void NetworkMonitor::update(Average& average, double sample, double nowSeconds)
{
    if (fresh(average, nowSeconds))
        average.value = m_options.smoothing * sample + (1 - m_options.smoothing) * average.value;
    else
        average.value = sample;
    average.hasValue = true;
    average.updatedAt = nowSeconds;
}

void NetworkMonitor::recordTransfer(
    std::string_view link, TransferDirection direction, uint64_t bytes, double durationMs, double nowSeconds)
{
    if (bytes < m_options.minimumBandwidthBytes || !(durationMs > 0))
        return;
    std::lock_guard locker(m_lock);
    auto& state = m_links[std::string(link)];
    double rtt = fresh(state.rtt, nowSeconds).value_or(0);
    // A transfer no longer than one RTT says nothing about bandwidth (and would give an infinite rate).
    double payloadMs = durationMs - rtt;
    if (payloadMs <= 0.05 * durationMs)
        return;
    double mbps = bytes * 8.0 / (payloadMs * 1000.0);
    update(direction == TransferDirection::Up ? state.up : state.down, mbps, nowSeconds);
}

void NetworkMonitor::recordRoundTrip(std::string_view link, double rttMs, double nowSeconds)
{
    if (!(rttMs >= 0))
        return;
    std::lock_guard locker(m_lock);
    update(m_links[std::string(link)].rtt, rttMs, nowSeconds);
}

LinkEstimate NetworkMonitor::estimate(std::string_view link, double nowSeconds) const
{
    std::lock_guard locker(m_lock);
    auto it = m_links.find(link);
    if (it == m_links.end())
        return {};
    return { fresh(it->second.up, nowSeconds), fresh(it->second.down, nowSeconds), fresh(it->second.rtt, nowSeconds) };
}

size_t NetworkMonitor::applyTo(Profile& profile, double nowSeconds) const
{
    size_t written = 0;
    for (size_t i = 0; i < profile.links().size(); ++i) {
        auto name = profile.tiers()[i].name + "-" + profile.tiers()[i + 1].name;
        auto current = estimate(name, nowSeconds);
        auto& link = profile.links()[i];
        for (auto [value, target] : { std::pair { current.upMbps, &link.upMbps },
                 std::pair { current.downMbps, &link.downMbps }, std::pair { current.rttMs, &link.rttMs } }) {
            if (value) {
                *target = *value;
                ++written;
            }
        }
    }
    return written;
}

} // namespace Offload::Partitioner
