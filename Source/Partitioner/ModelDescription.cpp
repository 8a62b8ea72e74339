/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/ModelDescription.h"

#include "Partitioner/JsonUtilitiesPrivate.h"

#include <unordered_map>

namespace Offload::Partitioner {

static constexpr const char* s_formatName = "offload-dnn-model";

ModelDescription::ModelDescription(std::string name)
    : m_name(std::move(name))
{
}

size_t ModelDescription::addLayer(Layer layer)
{
    if (!layer.inputElements) {
        for (size_t input : layer.inputs) {
            if (input < m_layers.size())
                layer.inputElements += m_layers[input].outputElements;
        }
    }
    if (!layer.outputBytes)
        layer.outputBytes = layer.outputElements * sizeof(float);
    m_layers.push_back(std::move(layer));
    return m_layers.size() - 1;
}

std::optional<size_t> ModelDescription::indexOf(std::string_view name) const
{
    for (size_t i = 0; i < m_layers.size(); ++i) {
        if (m_layers[i].name == name)
            return i;
    }
    return std::nullopt;
}

std::vector<std::vector<size_t>> ModelDescription::consumers() const
{
    std::vector<std::vector<size_t>> result(m_layers.size());
    for (size_t i = 0; i < m_layers.size(); ++i) {
        for (size_t input : m_layers[i].inputs)
            result[input].push_back(i);
    }
    return result;
}

bool ModelDescription::isChain() const
{
    auto readers = consumers();
    for (size_t i = 1; i < m_layers.size(); ++i) {
        if (m_layers[i].inputs.size() != 1 || m_layers[i].inputs[0] != i - 1 || readers[i - 1].size() != 1)
            return false;
    }
    return true;
}

uint64_t ModelDescription::totalWeightBytes() const
{
    uint64_t total = 0;
    for (auto& layer : m_layers)
        total += layer.weightBytes;
    return total;
}

bool ModelDescription::validate(GError** error) const
{
    if (m_layers.size() < 2) {
        setPartitionerError(error, PartitionerError::InvalidModel,
            "model \"%s\" needs an input layer and at least one more layer", m_name.c_str());
        return false;
    }
    if (m_layers[0].type != LayerType::Input) {
        setPartitionerError(error, PartitionerError::InvalidModel, "model \"%s\": layer 0 (\"%s\") must be the input",
            m_name.c_str(), m_layers[0].name.c_str());
        return false;
    }
    std::unordered_map<std::string_view, size_t> names;
    for (size_t i = 0; i < m_layers.size(); ++i) {
        auto& layer = m_layers[i];
        if (!names.emplace(layer.name, i).second) {
            setPartitionerError(error, PartitionerError::InvalidModel, "model \"%s\": two layers are named \"%s\"",
                m_name.c_str(), layer.name.c_str());
            return false;
        }
        if (i && layer.type == LayerType::Input) {
            setPartitionerError(error, PartitionerError::InvalidModel,
                "model \"%s\": layer \"%s\" is a second input; only single-input models are supported", m_name.c_str(),
                layer.name.c_str());
            return false;
        }
        if (i && layer.inputs.empty()) {
            setPartitionerError(error, PartitionerError::InvalidModel, "model \"%s\": layer \"%s\" has no inputs",
                m_name.c_str(), layer.name.c_str());
            return false;
        }
        for (size_t input : layer.inputs) {
            if (input >= i) {
                setPartitionerError(error, PartitionerError::InvalidModel,
                    "model \"%s\": layer \"%s\" reads a later layer; layers must be in topological order",
                    m_name.c_str(), layer.name.c_str());
                return false;
            }
        }
        if (!layer.outputElements || !layer.outputBytes) {
            setPartitionerError(error, PartitionerError::InvalidModel, "model \"%s\": layer \"%s\" has an empty output",
                m_name.c_str(), layer.name.c_str());
            return false;
        }
    }
    auto readers = consumers();
    for (auto& exit : m_exits) {
        if (!exit.afterLayer || exit.afterLayer >= m_layers.size() || readers[exit.afterLayer].empty()) {
            setPartitionerError(error, PartitionerError::InvalidModel,
                "model \"%s\": an early exit must follow a hidden layer (not the input or an output)", m_name.c_str());
            return false;
        }
        if (!(exit.probability >= 0 && exit.probability <= 1) || !exit.classes) {
            setPartitionerError(error, PartitionerError::InvalidModel,
                "model \"%s\": the exit after \"%s\" needs a probability in [0, 1] and a class count", m_name.c_str(),
                m_layers[exit.afterLayer].name.c_str());
            return false;
        }
    }
    return true;
}

static uint64_t elementsOfShape(JsonArray* shape)
{
    uint64_t elements = 1;
    for (guint i = 0; i < json_array_get_length(shape); ++i)
        elements *= std::max<int64_t>(1, json_array_get_int_element(shape, i));
    return elements;
}

std::optional<ModelDescription> ModelDescription::loadFromFile(const std::string& path, GError** error)
{
    auto data = readWholeFile(path, PartitionerError::Io, error);
    if (!data)
        return std::nullopt;
    return loadFromData(*data, error);
}

std::optional<ModelDescription> ModelDescription::loadFromData(std::string_view data, GError** error)
{
    auto parser = parseJsonDocument(data, "the model description", PartitionerError::InvalidModel, error);
    if (!parser)
        return std::nullopt;
    JsonObject* root = json_node_get_object(json_parser_get_root(parser.get()));
    if (jsonString(root, "format") != s_formatName) {
        setPartitionerError(
            error, PartitionerError::InvalidModel, "the model description's \"format\" must be \"%s\"", s_formatName);
        return std::nullopt;
    }
    ModelDescription model(jsonString(root, "name", "model"));
    JsonArray* layers = jsonArray(root, "layers");
    if (!layers) {
        setPartitionerError(
            error, PartitionerError::InvalidModel, "model \"%s\" has no \"layers\" array", model.m_name.c_str());
        return std::nullopt;
    }
    for (guint i = 0; i < json_array_get_length(layers); ++i) {
        JsonNode* node = json_array_get_element(layers, i);
        if (!JSON_NODE_HOLDS_OBJECT(node)) {
            setPartitionerError(error, PartitionerError::InvalidModel, "model \"%s\": layer %u is not an object",
                model.m_name.c_str(), i);
            return std::nullopt;
        }
        JsonObject* object = json_node_get_object(node);
        Layer layer;
        layer.name = jsonString(object, "name");
        auto typeName = jsonString(object, "type");
        auto type = parseLayerType(typeName);
        if (layer.name.empty() || !type) {
            setPartitionerError(error, PartitionerError::InvalidModel,
                "model \"%s\": layer %u needs a \"name\" and a known \"type\" (got \"%s\")", model.m_name.c_str(), i,
                typeName.c_str());
            return std::nullopt;
        }
        layer.type = *type;
        if (JsonArray* inputs = jsonArray(object, "inputs")) {
            for (guint j = 0; j < json_array_get_length(inputs); ++j) {
                const char* inputName = json_array_get_string_element(inputs, j);
                auto index = inputName ? model.indexOf(inputName) : std::nullopt;
                if (!index) {
                    setPartitionerError(error, PartitionerError::InvalidModel,
                        "model \"%s\": layer \"%s\" reads \"%s\", which is not an earlier layer", model.m_name.c_str(),
                        layer.name.c_str(), inputName ? inputName : "(not a string)");
                    return std::nullopt;
                }
                layer.inputs.push_back(*index);
            }
        } else if (i) {
            // A layer without "inputs" reads the layer before it, which keeps chain descriptions short.
            layer.inputs.push_back(i - 1);
        }
        if (JsonArray* shape = jsonArray(object, "outputShape"))
            layer.outputElements = elementsOfShape(shape);
        layer.outputElements = jsonNumber(object, "outputElements", layer.outputElements);
        layer.inputElements = jsonNumber(object, "inputElements", 0);
        double bytesPerElement = jsonNumber(object, "bytesPerElement", sizeof(float));
        layer.outputBytes = jsonNumber(object, "outputBytes", layer.outputElements * bytesPerElement);
        layer.weightBytes = jsonNumber(object, "weightBytes", 0);
        layer.flops = jsonNumber(object, "flops", 0);
        model.addLayer(std::move(layer));
    }
    if (JsonArray* exits = jsonArray(root, "exits")) {
        // A measured exit rate is the share of all samples that left at a branch; the optimizer needs the share of
        // the samples that reached it, so rates are converted in model order.
        double exitedBefore = 0;
        for (guint i = 0; i < json_array_get_length(exits); ++i) {
            JsonObject* object = json_array_get_object_element(exits, i);
            auto after = object ? model.indexOf(jsonString(object, "after")) : std::nullopt;
            if (!after) {
                setPartitionerError(error, PartitionerError::InvalidModel,
                    "model \"%s\": exit %u names no layer in \"after\"", model.m_name.c_str(), i);
                return std::nullopt;
            }
            EarlyExit exit { *after, static_cast<uint64_t>(jsonNumber(object, "classes", 0)), 0 };
            if (jsonHasNumber(object, "probability"))
                exit.probability = jsonNumber(object, "probability", 0);
            else if (jsonHasNumber(object, "exitRate")) {
                double rate = jsonNumber(object, "exitRate", 0);
                exit.probability = exitedBefore < 1 ? rate / (1 - exitedBefore) : 1;
                exitedBefore += rate;
            } else {
                setPartitionerError(error, PartitionerError::InvalidModel,
                    "model \"%s\": the exit after \"%s\" needs \"probability\" or \"exitRate\"", model.m_name.c_str(),
                    model.m_layers[*after].name.c_str());
                return std::nullopt;
            }
            model.addExit(exit);
        }
    }
    if (!model.validate(error))
        return std::nullopt;
    return model;
}

std::string ModelDescription::toJson() const
{
    auto builder = adoptGRef(json_builder_new());
    json_builder_begin_object(builder.get());
    json_builder_set_member_name(builder.get(), "format");
    json_builder_add_string_value(builder.get(), s_formatName);
    json_builder_set_member_name(builder.get(), "version");
    json_builder_add_int_value(builder.get(), 1);
    json_builder_set_member_name(builder.get(), "name");
    json_builder_add_string_value(builder.get(), m_name.c_str());
    json_builder_set_member_name(builder.get(), "layers");
    json_builder_begin_array(builder.get());
    for (auto& layer : m_layers) {
        json_builder_begin_object(builder.get());
        json_builder_set_member_name(builder.get(), "name");
        json_builder_add_string_value(builder.get(), layer.name.c_str());
        json_builder_set_member_name(builder.get(), "type");
        json_builder_add_string_value(builder.get(), layerTypeName(layer.type));
        if (!layer.inputs.empty()) {
            json_builder_set_member_name(builder.get(), "inputs");
            json_builder_begin_array(builder.get());
            for (size_t input : layer.inputs)
                json_builder_add_string_value(builder.get(), m_layers[input].name.c_str());
            json_builder_end_array(builder.get());
        }
        json_builder_set_member_name(builder.get(), "inputElements");
        json_builder_add_int_value(builder.get(), layer.inputElements);
        json_builder_set_member_name(builder.get(), "outputElements");
        json_builder_add_int_value(builder.get(), layer.outputElements);
        json_builder_set_member_name(builder.get(), "outputBytes");
        json_builder_add_int_value(builder.get(), layer.outputBytes);
        if (layer.weightBytes) {
            json_builder_set_member_name(builder.get(), "weightBytes");
            json_builder_add_int_value(builder.get(), layer.weightBytes);
        }
        if (layer.flops > 0) {
            json_builder_set_member_name(builder.get(), "flops");
            json_builder_add_double_value(builder.get(), layer.flops);
        }
        json_builder_end_object(builder.get());
    }
    json_builder_end_array(builder.get());
    if (!m_exits.empty()) {
        json_builder_set_member_name(builder.get(), "exits");
        json_builder_begin_array(builder.get());
        for (auto& exit : m_exits) {
            json_builder_begin_object(builder.get());
            json_builder_set_member_name(builder.get(), "after");
            json_builder_add_string_value(builder.get(), m_layers[exit.afterLayer].name.c_str());
            json_builder_set_member_name(builder.get(), "classes");
            json_builder_add_int_value(builder.get(), exit.classes);
            json_builder_set_member_name(builder.get(), "probability");
            json_builder_add_double_value(builder.get(), exit.probability);
            json_builder_end_object(builder.get());
        }
        json_builder_end_array(builder.get());
    }
    json_builder_end_object(builder.get());
    return jsonBuilderToString(builder.get());
}

} // namespace Offload::Partitioner
