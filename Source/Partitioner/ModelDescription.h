/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Partitioner/LayerType.h"

#include <cstdint>
#include <glib.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Offload::Partitioner {

// One layer of a DNN. Sizes count feature-map elements (the unit of the paper's prediction models); bytes are what
// a transfer of the layer's output costs on the wire.
struct Layer {
    std::string name;
    LayerType type { LayerType::Input };
    // Indices of the layers whose outputs this layer reads; always earlier in the model's layer order.
    std::vector<size_t> inputs;
    uint64_t inputElements { 0 };
    uint64_t outputElements { 0 };
    uint64_t outputBytes { 0 };
    // Parameter bytes as stored (after quantisation); this is what a tier must hold to run the layer.
    uint64_t weightBytes { 0 };
    // Optional multiply-accumulate count; 0 when unknown. Informational: the cost models use sizes, as in the paper.
    double flops { 0 };
};

// An early-exit branch (one FC layer and a softmax) after a layer of a chain model. probability is the chance that
// a sample which reaches the branch exits there (its entropy is under the threshold).
struct EarlyExit {
    size_t afterLayer { 0 };
    uint64_t classes { 0 };
    double probability { 0 };
};

// A DNN as a DAG of layers in topological order. Layer 0 is the model's single input (type Input): the raw data,
// which lives on the client. Layers without consumers are the model's outputs, returned to the client.
class ModelDescription {
public:
    ModelDescription() = default;
    explicit ModelDescription(std::string name);

    // Loads the JSON format documented in Documentation/Partitioner.md and validates it.
    static std::optional<ModelDescription> loadFromFile(const std::string& path, GError**);
    static std::optional<ModelDescription> loadFromData(std::string_view json, GError**);
    std::string toJson() const;

    // Checks the invariants the optimizers rely on; the message names the first offending layer.
    bool validate(GError**) const;

    const std::string& name() const { return m_name; }
    void setName(std::string name) { m_name = std::move(name); }
    const std::vector<Layer>& layers() const { return m_layers; }
    const std::vector<EarlyExit>& exits() const { return m_exits; }
    size_t size() const { return m_layers.size(); }
    const Layer& layer(size_t index) const { return m_layers[index]; }

    // Appends a layer; inputElements is recomputed from the inputs when left at 0.
    size_t addLayer(Layer);
    void addExit(EarlyExit exit) { m_exits.push_back(exit); }
    std::optional<size_t> indexOf(std::string_view name) const;

    // For every layer, the layers that read its output, in increasing order.
    std::vector<std::vector<size_t>> consumers() const;
    // True when every layer after the input reads exactly the layer before it, and nothing else reads that layer.
    bool isChain() const;
    uint64_t totalWeightBytes() const;

private:
    std::string m_name;
    std::vector<Layer> m_layers;
    std::vector<EarlyExit> m_exits;
};

} // namespace Offload::Partitioner
