/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/CostModel.h"

#include "Partitioner/PartitionerError.h"

#include <algorithm>
#include <cmath>

namespace Offload::Partitioner {

static constexpr std::array<const char*, costKindCount> s_costKindNames
    = { "conv", "depthwise-conv", "pool", "fc", "relu", "norm", "elementwise", "free" };

const char* costKindName(CostKind kind)
{
    return s_costKindNames[static_cast<size_t>(kind)];
}

std::optional<CostKind> parseCostKind(std::string_view text)
{
    for (size_t i = 0; i < costKindCount; ++i) {
        if (text == s_costKindNames[i])
            return static_cast<CostKind>(i);
    }
    return std::nullopt;
}

CostModel CostModel::paperDefaults()
{
    CostModel model;
    // Table 1 of Ren et al.: latency α_l, β_l, γ_l then energy α_e, β_e, γ_e.
    KindCoefficients conv { { 6.240e-5, 1.074e-4, -1.938 }, { 9.240e-7, 1.874e-6, 3.810e-2 } };
    KindCoefficients relu { { 1.534e-5, 0, 4.844e-1 }, { 1.435e-6, 0, 2.881e-1 } };
    KindCoefficients pool { { 1.136e-5, 1.313e-6, -1.695 }, { 1.410e-6, 1.312e-7, 3.572e-1 } };
    KindCoefficients norm { { 5.182e-5, 0, 6.497e-1 }, { 5.187e-6, 0, 5.991e-1 } };
    KindCoefficients fullyConnected { { 9.163e-5, 3.990e-4, 1.172 }, { 9.213e-6, 4.012e-5, 1.125 } };
    model.setCoefficients(CostKind::Conv, conv);
    model.setCoefficients(CostKind::DepthwiseConv, conv);
    model.setCoefficients(CostKind::Pool, pool);
    model.setCoefficients(CostKind::FullyConnected, fullyConnected);
    model.setCoefficients(CostKind::Relu, relu);
    model.setCoefficients(CostKind::Norm, norm);
    model.setCoefficients(CostKind::Elementwise, relu);
    return model;
}

CostKind CostModel::kindFor(LayerType type)
{
    switch (type) {
    case LayerType::Conv:
        return CostKind::Conv;
    case LayerType::DepthwiseConv:
        return CostKind::DepthwiseConv;
    case LayerType::Pool:
        return CostKind::Pool;
    case LayerType::FullyConnected:
        return CostKind::FullyConnected;
    case LayerType::Relu:
        return CostKind::Relu;
    case LayerType::Norm:
        return CostKind::Norm;
    case LayerType::Add:
    case LayerType::Softmax:
        return CostKind::Elementwise;
    case LayerType::Input:
    case LayerType::Concat:
    case LayerType::Padding:
    case LayerType::Flatten:
    case LayerType::Dropout:
    case LayerType::Reshape:
        return CostKind::Free;
    }
    return CostKind::Free;
}

bool CostModel::usesOutput(CostKind kind)
{
    return kind == CostKind::Conv || kind == CostKind::DepthwiseConv || kind == CostKind::Pool
        || kind == CostKind::FullyConnected;
}

double CostModel::predict(
    CostKind kind, CostMetric metric, double inputElements, double outputElements, double capability) const
{
    if (kind == CostKind::Free)
        return 0;
    auto& all = coefficients(kind);
    auto& c = metric == CostMetric::Latency ? all.latency : all.energy;
    double value = c.alpha * inputElements + c.gamma;
    if (usesOutput(kind))
        value += c.beta * outputElements;
    return std::max(0.0, capability * value);
}

double CostModel::latencyMs(const Layer& layer, double capability) const
{
    return predict(kindFor(layer.type), CostMetric::Latency, layer.inputElements, layer.outputElements, capability);
}

double CostModel::energyJoules(const Layer& layer, double capability) const
{
    return predict(kindFor(layer.type), CostMetric::Energy, layer.inputElements, layer.outputElements, capability);
}

// Solves the normal equations by Gaussian elimination with partial pivoting; returns false when singular.
template <size_t N>
static bool solveLinearSystem(std::array<std::array<double, N + 1>, N>& matrix, std::array<double, N>& solution)
{
    for (size_t column = 0; column < N; ++column) {
        size_t pivot = column;
        for (size_t row = column + 1; row < N; ++row) {
            if (std::abs(matrix[row][column]) > std::abs(matrix[pivot][column]))
                pivot = row;
        }
        double scale = 0;
        for (size_t row = 0; row < N; ++row)
            scale = std::max(scale, std::abs(matrix[row][column]));
        if (std::abs(matrix[pivot][column]) <= 1e-12 * std::max(1.0, scale))
            return false;
        std::swap(matrix[pivot], matrix[column]);
        for (size_t row = 0; row < N; ++row) {
            if (row == column)
                continue;
            double factor = matrix[row][column] / matrix[column][column];
            for (size_t k = column; k <= N; ++k)
                matrix[row][k] -= factor * matrix[column][k];
        }
    }
    for (size_t i = 0; i < N; ++i)
        solution[i] = matrix[i][N] / matrix[i][i];
    return true;
}

template <size_t N>
static bool leastSquares(
    const std::vector<std::array<double, N>>& rows, const std::vector<double>& targets, std::array<double, N>& solution)
{
    // The columns differ by orders of magnitude (elements vs. 1), so they are scaled to unit norm first; otherwise
    // the normal equations lose most of their precision.
    std::array<double, N> norms {};
    for (auto& row : rows) {
        for (size_t i = 0; i < N; ++i)
            norms[i] += row[i] * row[i];
    }
    for (auto& norm : norms) {
        norm = std::sqrt(norm);
        if (norm <= 0)
            return false;
    }
    std::array<std::array<double, N + 1>, N> matrix {};
    for (size_t r = 0; r < rows.size(); ++r) {
        for (size_t i = 0; i < N; ++i) {
            for (size_t j = 0; j < N; ++j)
                matrix[i][j] += rows[r][i] / norms[i] * rows[r][j] / norms[j];
            matrix[i][N] += rows[r][i] / norms[i] * targets[r];
        }
    }
    if (!solveLinearSystem<N>(matrix, solution))
        return false;
    for (size_t i = 0; i < N; ++i)
        solution[i] /= norms[i];
    return true;
}

std::optional<FitResult> CostModel::fit(
    CostKind kind, const std::vector<LayerSample>& samples, double capability, GError** error)
{
    if (kind == CostKind::Free) {
        setPartitionerError(
            error, PartitionerError::InvalidArgument, "layers of kind \"free\" have no coefficients to fit");
        return std::nullopt;
    }
    if (capability <= 0) {
        setPartitionerError(error, PartitionerError::InvalidArgument,
            "cannot fit \"%s\" samples: capability must be positive", costKindName(kind));
        return std::nullopt;
    }
    bool withOutput = usesOutput(kind);
    size_t unknowns = withOutput ? 3 : 2;
    if (samples.size() < unknowns + 1) {
        setPartitionerError(error, PartitionerError::InvalidArgument,
            "fitting \"%s\" needs at least %zu samples, got %zu", costKindName(kind), unknowns + 1, samples.size());
        return std::nullopt;
    }
    std::vector<double> targets;
    for (auto& sample : samples)
        targets.push_back(sample.measured / capability);
    FitResult result;
    result.sampleCount = samples.size();
    bool solved = false;
    if (withOutput) {
        std::vector<std::array<double, 3>> rows;
        for (auto& sample : samples)
            rows.push_back({ sample.inputElements, sample.outputElements, 1 });
        std::array<double, 3> solution {};
        solved = leastSquares<3>(rows, targets, solution);
        result.coefficients = { solution[0], solution[1], solution[2] };
    } else {
        std::vector<std::array<double, 2>> rows;
        for (auto& sample : samples)
            rows.push_back({ sample.inputElements, 1 });
        std::array<double, 2> solution {};
        solved = leastSquares<2>(rows, targets, solution);
        result.coefficients = { solution[0], 0, solution[1] };
    }
    if (!solved) {
        setPartitionerError(error, PartitionerError::InvalidArgument,
            "the \"%s\" samples do not determine the coefficients (sizes are collinear or constant)",
            costKindName(kind));
        return std::nullopt;
    }
    double squares = 0;
    for (size_t i = 0; i < samples.size(); ++i) {
        auto& c = result.coefficients;
        double predicted
            = c.alpha * samples[i].inputElements + (withOutput ? c.beta * samples[i].outputElements : 0) + c.gamma;
        squares += (predicted - targets[i]) * (predicted - targets[i]);
    }
    result.rmsError = std::sqrt(squares / samples.size()) * capability;
    return result;
}

std::optional<FitResult> CostModel::refit(
    CostKind kind, CostMetric metric, const std::vector<LayerSample>& samples, double capability, GError** error)
{
    auto result = fit(kind, samples, capability, error);
    if (!result)
        return std::nullopt;
    auto& target = m_coefficients[static_cast<size_t>(kind)];
    (metric == CostMetric::Latency ? target.latency : target.energy) = result->coefficients;
    return result;
}

std::optional<double> CostModel::estimateCapability(
    CostKind kind, CostMetric metric, const std::vector<LayerSample>& samples, GError** error) const
{
    double numerator = 0;
    double denominator = 0;
    for (auto& sample : samples) {
        // Unclamped predictions keep the estimate a true least-squares solution of measured ≈ d · prediction.
        auto& all = coefficients(kind);
        auto& c = metric == CostMetric::Latency ? all.latency : all.energy;
        double predicted
            = c.alpha * sample.inputElements + (usesOutput(kind) ? c.beta * sample.outputElements : 0) + c.gamma;
        numerator += predicted * sample.measured;
        denominator += predicted * predicted;
    }
    if (samples.empty() || denominator <= 0) {
        setPartitionerError(error, PartitionerError::InvalidArgument,
            "cannot estimate a capability from %zu \"%s\" samples", samples.size(), costKindName(kind));
        return std::nullopt;
    }
    return numerator / denominator;
}

} // namespace Offload::Partitioner
