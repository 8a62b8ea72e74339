/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

namespace Offload::Partitioner {

enum class TransferDirection { Up, Down };

// The client's radio power while it sends or receives: P = α·r + β (Ren et al., Section 4.1; parameters from [26]).
// Milliwatts, with r in Mbps.
class RadioPowerModel {
public:
    constexpr RadioPowerModel() = default;
    constexpr RadioPowerModel(double alphaUp, double alphaDown, double beta)
        : m_alphaUp(alphaUp)
        , m_alphaDown(alphaDown)
        , m_beta(beta)
    {
    }

    // 5G: α_up 65 mW/Mbps, α_down 6.5 mW/Mbps, β 11475.97 mW.
    static constexpr RadioPowerModel fiveG() { return { 65, 6.5, 11475.97 }; }
    // D2D over Wi-Fi Direct: α 283.17 mW/Mbps in both directions, β 132.86 mW.
    static constexpr RadioPowerModel deviceToDevice() { return { 283.17, 283.17, 132.86 }; }
    // A wired or otherwise unmetered link: the client spends nothing on it.
    static constexpr RadioPowerModel none() { return { 0, 0, 0 }; }

    double powerMilliwatts(TransferDirection direction, double rateMbps) const
    {
        return (direction == TransferDirection::Up ? m_alphaUp : m_alphaDown) * rateMbps + m_beta;
    }

    double alphaUp() const { return m_alphaUp; }
    double alphaDown() const { return m_alphaDown; }
    double beta() const { return m_beta; }

private:
    double m_alphaUp { 0 };
    double m_alphaDown { 0 };
    double m_beta { 0 };
};

} // namespace Offload::Partitioner
