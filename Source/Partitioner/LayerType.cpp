/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/LayerType.h"

#include <array>
#include <utility>

namespace Offload::Partitioner {

static constexpr std::array s_layerTypeNames = {
    std::pair { LayerType::Input, "input" },
    std::pair { LayerType::Conv, "conv" },
    std::pair { LayerType::DepthwiseConv, "depthwise-conv" },
    std::pair { LayerType::Pool, "pool" },
    std::pair { LayerType::FullyConnected, "fc" },
    std::pair { LayerType::Relu, "relu" },
    std::pair { LayerType::Norm, "norm" },
    std::pair { LayerType::Add, "add" },
    std::pair { LayerType::Concat, "concat" },
    std::pair { LayerType::Softmax, "softmax" },
    std::pair { LayerType::Padding, "padding" },
    std::pair { LayerType::Flatten, "flatten" },
    std::pair { LayerType::Dropout, "dropout" },
    std::pair { LayerType::Reshape, "reshape" },
};

const char* layerTypeName(LayerType type)
{
    for (auto& [candidate, name] : s_layerTypeNames) {
        if (candidate == type)
            return name;
    }
    return "unknown";
}

std::optional<LayerType> parseLayerType(std::string_view text)
{
    for (auto& [type, name] : s_layerTypeNames) {
        if (text == name)
            return type;
    }
    return std::nullopt;
}

} // namespace Offload::Partitioner
