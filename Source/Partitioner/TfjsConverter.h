/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Partitioner/ModelDescription.h"

#include <glib.h>
#include <optional>
#include <string>
#include <string_view>

namespace Offload::Partitioner {

// Converts a TensorFlow.js LayersModel model.json (Keras topology plus weights manifest) into a model
// description: output shapes are inferred layer by layer (channels-last), weight bytes come from the manifest
// (quantised sizes when the weights are quantised), and FLOPs are estimated for conv and dense layers.
// Supported Keras classes: InputLayer, Conv2D, SeparableConv2D, DepthwiseConv2D, Dense, BatchNormalization,
// ReLU, Activation, Softmax, Add/Multiply/Subtract/Average/Maximum, Concatenate, ZeroPadding2D,
// MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, GlobalMaxPooling2D, Flatten, Dropout, Reshape.
// Anything else fails with PartitionerError::UnsupportedLayer naming the layer.
class TfjsConverter {
public:
    static std::optional<ModelDescription> convert(std::string_view modelJson, GError**);
    // Reads a model.json file, or a JavaScript module that exports the same object (as npm packages such as
    // nsfwjs ship their models); the latter is evaluated with ScriptModelExtractor.
    static std::optional<ModelDescription> convertFile(const std::string& path, GError**);
};

} // namespace Offload::Partitioner
