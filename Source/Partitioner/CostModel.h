/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Partitioner/ModelDescription.h"

#include <array>
#include <glib.h>
#include <optional>
#include <vector>

namespace Offload::Partitioner {

// The groups of layers that share prediction coefficients. Conv, Pool and FullyConnected use
// d·(α·in + β·out + γ); Relu, Norm and Elementwise use d·(α·in + γ) (Ren et al., Section 3.2). Free layers
// (input, concat, flatten, reshape, dropout, padding) only move data and are predicted to cost nothing.
enum class CostKind {
    Conv,
    DepthwiseConv,
    Pool,
    FullyConnected,
    Relu,
    Norm,
    Elementwise,
    Free,
};
constexpr size_t costKindCount = 8;

const char* costKindName(CostKind);
std::optional<CostKind> parseCostKind(std::string_view);

struct Coefficients {
    double alpha { 0 };
    double beta { 0 };
    double gamma { 0 };
};

struct KindCoefficients {
    Coefficients latency; // Milliseconds on the paper's reference server (d = 1).
    Coefficients energy; // Joules on the client, scaled by the client's d.
};

enum class CostMetric { Latency, Energy };

// A measured layer run, reported by the client or the edge, used to refit the coefficients.
struct LayerSample {
    double inputElements { 0 };
    double outputElements { 0 };
    double measured { 0 }; // Milliseconds for latency, joules for energy.
};

struct FitResult {
    Coefficients coefficients;
    double rmsError { 0 };
    size_t sampleCount { 0 };
};

// Per-layer latency and energy prediction (Ren et al., Table 1). d is a tier's slowdown relative to the paper's
// reference server (IBM x3650 M4, Xeon E5-2600 v2 @ 2.0 GHz): d = 1 predicts Table 1 as-is, d = 4 four times slower.
class CostModel {
public:
    // The coefficients of Table 1. DepthwiseConv starts from Conv's and Elementwise (add, softmax) from ReLU's,
    // since the paper measured neither; refit them from measured timings when available.
    static CostModel paperDefaults();

    static CostKind kindFor(LayerType);
    static bool usesOutput(CostKind);

    // Predictions are clamped at zero: Table 1's negative intercepts would otherwise make tiny layers free or negative.
    double predict(CostKind, CostMetric, double inputElements, double outputElements, double capability) const;
    double latencyMs(const Layer&, double capability) const;
    double energyJoules(const Layer&, double capability) const;

    const KindCoefficients& coefficients(CostKind kind) const { return m_coefficients[static_cast<size_t>(kind)]; }
    void setCoefficients(CostKind kind, const KindCoefficients& value)
    {
        m_coefficients[static_cast<size_t>(kind)] = value;
    }

    // Least-squares fit of α, β, γ (α, γ for input-only kinds) to samples measured on a device of capability d,
    // i.e. to measured / d. Needs more samples than unknowns and inputs that are not all alike.
    static std::optional<FitResult> fit(CostKind, const std::vector<LayerSample>&, double capability, GError**);
    // Fits and stores the result.
    std::optional<FitResult> refit(CostKind, CostMetric, const std::vector<LayerSample>&, double capability, GError**);
    // The capability d that best explains samples of one kind under the current coefficients (least squares on d).
    std::optional<double> estimateCapability(CostKind, CostMetric, const std::vector<LayerSample>&, GError**) const;

private:
    std::array<KindCoefficients, costKindCount> m_coefficients {};
};

} // namespace Offload::Partitioner
