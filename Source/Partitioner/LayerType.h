/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <optional>
#include <string_view>

namespace Offload::Partitioner {

// The layer kinds a model description can name. The cost models group them (see CostModel::kindFor()).
enum class LayerType {
    Input,
    Conv,
    DepthwiseConv,
    Pool,
    FullyConnected,
    Relu,
    Norm,
    Add,
    Concat,
    Softmax,
    Padding,
    Flatten,
    Dropout,
    Reshape,
};

// The spelling used in model description files ("conv", "fc", ...).
const char* layerTypeName(LayerType);
std::optional<LayerType> parseLayerType(std::string_view);

} // namespace Offload::Partitioner
