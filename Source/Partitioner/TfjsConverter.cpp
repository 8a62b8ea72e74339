/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/TfjsConverter.h"

#include "Partitioner/JsonUtilitiesPrivate.h"
#include "Partitioner/ScriptModelExtractor.h"

#include <cmath>
#include <cstring>
#include <map>

namespace Offload::Partitioner {

using Shape = std::vector<int64_t>;

static uint64_t elementCount(const Shape& shape)
{
    uint64_t count = 1;
    for (auto dimension : shape)
        count *= dimension;
    return count;
}

static Shape readShape(JsonArray* array, bool skipBatch)
{
    Shape shape;
    for (guint i = skipBatch ? 1 : 0; array && i < json_array_get_length(array); ++i) {
        JsonNode* node = json_array_get_element(array, i);
        shape.push_back(JSON_NODE_HOLDS_NULL(node) ? -1 : json_node_get_int(node));
    }
    return shape;
}

// Keras accepts an int or a list for sizes such as kernel_size and strides.
static std::pair<int64_t, int64_t> readPair(JsonObject* config, const char* member, int64_t fallback)
{
    JsonNode* node = json_object_get_member(config, member);
    if (!node || JSON_NODE_HOLDS_NULL(node))
        return { fallback, fallback };
    if (JSON_NODE_HOLDS_ARRAY(node)) {
        JsonArray* array = json_node_get_array(node);
        if (json_array_get_length(array) >= 2)
            return { json_array_get_int_element(array, 0), json_array_get_int_element(array, 1) };
    }
    if (JSON_NODE_HOLDS_VALUE(node)) {
        int64_t value = json_node_get_int(node);
        return { value, value };
    }
    return { fallback, fallback };
}

static int64_t spatialOutput(int64_t size, int64_t kernel, int64_t stride, int64_t dilation, bool isSame)
{
    if (isSame)
        return (size + stride - 1) / stride;
    return (size - (kernel - 1) * dilation - 1) / stride + 1;
}

static uint64_t bytesPerElement(const std::string& dtype)
{
    if (dtype == "uint8" || dtype == "int8" || dtype == "bool")
        return 1;
    if (dtype == "uint16" || dtype == "int16" || dtype == "float16")
        return 2;
    return 4;
}

// Weight bytes per layer name: a manifest entry "block_1_expand/kernel" belongs to layer "block_1_expand".
static std::map<std::string, uint64_t> weightBytesByLayer(JsonObject* root)
{
    std::map<std::string, uint64_t> result;
    JsonArray* groups = jsonArray(root, "weightsManifest");
    for (guint g = 0; groups && g < json_array_get_length(groups); ++g) {
        JsonArray* weights = jsonArray(json_array_get_object_element(groups, g), "weights");
        for (guint w = 0; weights && w < json_array_get_length(weights); ++w) {
            JsonObject* weight = json_array_get_object_element(weights, w);
            std::string name = jsonString(weight, "name");
            std::string dtype = jsonString(weight, "dtype", "float32");
            if (JsonObject* quantization = jsonObject(weight, "quantization"))
                dtype = jsonString(quantization, "dtype", dtype.c_str());
            uint64_t count = elementCount(readShape(jsonArray(weight, "shape"), false));
            result[name.substr(0, name.find('/'))] += count * bytesPerElement(dtype);
        }
    }
    return result;
}

static std::optional<LayerType> activationType(const std::string& activation)
{
    if (activation == "softmax")
        return LayerType::Softmax;
    if (activation == "linear")
        return LayerType::Reshape;
    if (activation == "relu" || activation == "relu6" || activation == "elu" || activation == "selu"
        || activation == "sigmoid" || activation == "hard_sigmoid" || activation == "tanh" || activation == "swish"
        || activation == "softplus" || activation == "softsign")
        return LayerType::Relu;
    return std::nullopt;
}

namespace {

    struct KerasLayer {
        std::string name;
        std::string className;
        JsonObject* config;
        std::vector<std::string> inbound;
    };

} // namespace

static bool readLayers(JsonObject* modelConfig, bool isSequential, std::vector<KerasLayer>& layers, GError** error)
{
    JsonArray* array = nullptr;
    JsonNode* configNode = json_object_get_member(modelConfig, "config");
    if (configNode && JSON_NODE_HOLDS_ARRAY(configNode))
        array = json_node_get_array(configNode);
    else if (configNode && JSON_NODE_HOLDS_OBJECT(configNode))
        array = jsonArray(json_node_get_object(configNode), "layers");
    if (!array) {
        setPartitionerError(error, PartitionerError::InvalidModel, "the TF.js topology has no layer list");
        return false;
    }
    for (guint i = 0; i < json_array_get_length(array); ++i) {
        JsonObject* object = json_array_get_object_element(array, i);
        KerasLayer layer { "", jsonString(object, "class_name"), jsonObject(object, "config"), {} };
        if (!layer.config) {
            setPartitionerError(error, PartitionerError::InvalidModel, "TF.js layer %u has no config", i);
            return false;
        }
        layer.name = jsonString(object, "name", jsonString(layer.config, "name").c_str());
        if (JsonArray* nodes = jsonArray(object, "inbound_nodes")) {
            if (json_array_get_length(nodes) > 1) {
                setPartitionerError(error, PartitionerError::UnsupportedLayer,
                    "TF.js layer \"%s\" is shared (called %u times); shared layers are not supported",
                    layer.name.c_str(), json_array_get_length(nodes));
                return false;
            }
            JsonArray* inputs = json_array_get_length(nodes) ? json_array_get_array_element(nodes, 0) : nullptr;
            for (guint j = 0; inputs && j < json_array_get_length(inputs); ++j)
                layer.inbound.push_back(json_array_get_string_element(json_array_get_array_element(inputs, j), 0));
        }
        layers.push_back(std::move(layer));
    }
    if (isSequential) {
        // A Sequential model lists its layers in order; the first one carries the input shape.
        JsonArray* inputShape = jsonArray(layers.empty() ? nullptr : layers[0].config, "batch_input_shape");
        if (!inputShape) {
            setPartitionerError(
                error, PartitionerError::InvalidModel, "the Sequential model's first layer has no batch_input_shape");
            return false;
        }
        layers.insert(layers.begin(), KerasLayer { "input", "InputLayer", layers[0].config, {} });
        for (size_t i = 1; i < layers.size(); ++i)
            layers[i].inbound = { layers[i - 1].name };
    }
    return true;
}

std::optional<ModelDescription> TfjsConverter::convert(std::string_view modelJson, GError** error)
{
    auto parser = parseJsonDocument(modelJson, "the TF.js model.json", PartitionerError::InvalidModel, error);
    if (!parser)
        return std::nullopt;
    JsonObject* root = json_node_get_object(json_parser_get_root(parser.get()));
    JsonObject* topology = jsonObject(root, "modelTopology");
    JsonObject* modelConfig = topology ? jsonObject(topology, "model_config") : nullptr;
    if (topology && !modelConfig && json_object_has_member(topology, "class_name"))
        modelConfig = topology;
    if (!modelConfig) {
        setPartitionerError(error, PartitionerError::InvalidModel,
            "the TF.js model.json has no modelTopology.model_config (graph models are not LayersModels and are not "
            "supported)");
        return std::nullopt;
    }
    std::string className = jsonString(modelConfig, "class_name");
    std::vector<KerasLayer> layers;
    if (!readLayers(modelConfig, className == "Sequential", layers, error))
        return std::nullopt;
    auto weights = weightBytesByLayer(root);
    JsonObject* configObject = jsonObject(modelConfig, "config");
    ModelDescription model(configObject ? jsonString(configObject, "name", "tfjs-model") : "tfjs-model");

    std::map<std::string, Shape> shapes;
    for (auto& keras : layers) {
        auto* config = keras.config;
        Layer layer;
        layer.name = keras.name;
        std::vector<Shape> inputShapes;
        for (auto& inbound : keras.inbound) {
            auto index = model.indexOf(inbound);
            if (!index) {
                setPartitionerError(error, PartitionerError::InvalidModel,
                    "TF.js layer \"%s\" reads \"%s\", which is not an earlier layer", keras.name.c_str(),
                    inbound.c_str());
                return std::nullopt;
            }
            layer.inputs.push_back(*index);
            inputShapes.push_back(shapes[inbound]);
        }
        auto& cls = keras.className;
        Shape in = inputShapes.empty() ? Shape {} : inputShapes[0];
        bool isSpatial = in.size() == 3;
        Shape out;
        auto needsSpatial = [&]() {
            if (isSpatial)
                return true;
            setPartitionerError(error, PartitionerError::UnsupportedLayer,
                "TF.js layer \"%s\" (%s) needs a height × width × channels input", keras.name.c_str(), cls.c_str());
            return false;
        };
        if (cls == "InputLayer") {
            layer.type = LayerType::Input;
            out = readShape(jsonArray(config, "batch_input_shape"), true);
            for (auto dimension : out) {
                if (dimension <= 0) {
                    setPartitionerError(error, PartitionerError::UnsupportedLayer,
                        "input \"%s\" has an unknown dimension; only fixed-size inputs can be partitioned",
                        keras.name.c_str());
                    return std::nullopt;
                }
            }
        } else if (cls == "Conv2D" || cls == "SeparableConv2D" || cls == "DepthwiseConv2D" || cls == "MaxPooling2D"
            || cls == "AveragePooling2D") {
            if (!needsSpatial())
                return std::nullopt;
            bool isPool = cls.find("Pooling") != std::string::npos;
            auto kernel = readPair(config, isPool ? "pool_size" : "kernel_size", 1);
            auto stride = readPair(config, "strides", isPool ? kernel.first : 1);
            if (isPool && !json_object_has_member(config, "strides"))
                stride = kernel;
            auto dilation = readPair(config, "dilation_rate", 1);
            bool isSame = jsonString(config, "padding", "valid") == "same";
            int64_t channels = in[2];
            if (cls == "DepthwiseConv2D")
                channels = in[2] * static_cast<int64_t>(jsonNumber(config, "depth_multiplier", 1));
            else if (!isPool)
                channels = static_cast<int64_t>(jsonNumber(config, "filters", 0));
            out = { spatialOutput(in[0], kernel.first, stride.first, dilation.first, isSame),
                spatialOutput(in[1], kernel.second, stride.second, dilation.second, isSame), channels };
            layer.type = isPool            ? LayerType::Pool
                : cls == "DepthwiseConv2D" ? LayerType::DepthwiseConv
                                           : LayerType::Conv;
            if (!isPool) {
                double perOutput = kernel.first * kernel.second * (cls == "DepthwiseConv2D" ? 1 : in[2]);
                layer.flops = perOutput * elementCount(out);
            }
        } else if (cls == "ZeroPadding2D") {
            if (!needsSpatial())
                return std::nullopt;
            int64_t top = 1, bottom = 1, left = 1, right = 1;
            JsonNode* padding = json_object_get_member(config, "padding");
            if (padding && JSON_NODE_HOLDS_ARRAY(padding)) {
                JsonArray* pairs = json_node_get_array(padding);
                JsonNode* first = json_array_get_element(pairs, 0);
                if (JSON_NODE_HOLDS_ARRAY(first)) {
                    top = json_array_get_int_element(json_node_get_array(first), 0);
                    bottom = json_array_get_int_element(json_node_get_array(first), 1);
                    left = json_array_get_int_element(json_array_get_array_element(pairs, 1), 0);
                    right = json_array_get_int_element(json_array_get_array_element(pairs, 1), 1);
                } else {
                    top = bottom = json_array_get_int_element(pairs, 0);
                    left = right = json_array_get_int_element(pairs, 1);
                }
            } else if (padding && JSON_NODE_HOLDS_VALUE(padding))
                top = bottom = left = right = json_node_get_int(padding);
            out = { in[0] + top + bottom, in[1] + left + right, in[2] };
            layer.type = LayerType::Padding;
        } else if (cls == "GlobalAveragePooling2D" || cls == "GlobalMaxPooling2D") {
            if (!needsSpatial())
                return std::nullopt;
            out = { in[2] };
            layer.type = LayerType::Pool;
        } else if (cls == "Dense") {
            int64_t units = jsonNumber(config, "units", 0);
            out = in;
            if (out.empty())
                out = { units };
            out.back() = units;
            layer.type = LayerType::FullyConnected;
            layer.flops = static_cast<double>(elementCount(in)) * units;
        } else if (cls == "BatchNormalization") {
            out = in;
            layer.type = LayerType::Norm;
        } else if (cls == "ReLU" || cls == "Activation" || cls == "Softmax") {
            out = in;
            auto type = cls == "ReLU" ? LayerType::Relu
                : cls == "Softmax"    ? LayerType::Softmax
                                      : activationType(jsonString(config, "activation"));
            if (!type) {
                setPartitionerError(error, PartitionerError::UnsupportedLayer,
                    "TF.js layer \"%s\" uses the unknown activation \"%s\"", keras.name.c_str(),
                    jsonString(config, "activation").c_str());
                return std::nullopt;
            }
            layer.type = *type;
        } else if (cls == "Add" || cls == "Multiply" || cls == "Subtract" || cls == "Average" || cls == "Maximum"
            || cls == "Minimum") {
            out = in;
            layer.type = LayerType::Add;
        } else if (cls == "Concatenate") {
            out = in;
            int64_t axis = jsonNumber(config, "axis", -1);
            size_t position = axis < 0 ? out.size() + axis : axis - 1;
            if (out.empty() || position >= out.size()) {
                setPartitionerError(error, PartitionerError::UnsupportedLayer,
                    "TF.js layer \"%s\" concatenates along an unsupported axis", keras.name.c_str());
                return std::nullopt;
            }
            for (size_t i = 1; i < inputShapes.size(); ++i)
                out[position] += inputShapes[i].size() == out.size() ? inputShapes[i][position] : 0;
            layer.type = LayerType::Concat;
        } else if (cls == "Flatten") {
            out = { static_cast<int64_t>(elementCount(in)) };
            layer.type = LayerType::Flatten;
        } else if (cls == "Dropout") {
            out = in;
            layer.type = LayerType::Dropout;
        } else if (cls == "Reshape") {
            out = readShape(jsonArray(config, "target_shape"), false);
            layer.type = LayerType::Reshape;
        } else {
            setPartitionerError(error, PartitionerError::UnsupportedLayer,
                "TF.js layer \"%s\" has the unsupported class %s", keras.name.c_str(), cls.c_str());
            return std::nullopt;
        }
        if (layer.type != LayerType::Input && layer.inputs.empty()) {
            setPartitionerError(
                error, PartitionerError::InvalidModel, "TF.js layer \"%s\" has no inbound nodes", keras.name.c_str());
            return std::nullopt;
        }
        if (out.empty() || elementCount(out) <= 0) {
            setPartitionerError(error, PartitionerError::InvalidModel,
                "the output shape of TF.js layer \"%s\" could not be inferred", keras.name.c_str());
            return std::nullopt;
        }
        layer.outputElements = elementCount(out);
        auto weight = weights.find(keras.name);
        layer.weightBytes = weight == weights.end() ? 0 : weight->second;
        shapes[keras.name] = out;
        model.addLayer(std::move(layer));
    }
    if (!model.validate(error))
        return std::nullopt;
    return model;
}

std::optional<ModelDescription> TfjsConverter::convertFile(const std::string& path, GError** error)
{
    auto data = readWholeFile(path, PartitionerError::Io, error);
    if (!data)
        return std::nullopt;
    size_t start = data->find_first_not_of(" \t\r\n");
    std::optional<ModelDescription> model;
    if (start != std::string::npos && (*data)[start] == '{')
        model = convert(*data, error);
    else if (auto json = ScriptModelExtractor::extractJson(*data, path, error))
        model = convert(*json, error);
    // Keras names models "model_1" and the like; the directory (nsfwjs/…/mobilenet_v2/) says more.
    if (model && g_str_has_prefix(model->name().c_str(), "model")) {
        GUniquePtr<char> directory(g_path_get_dirname(path.c_str()));
        GUniquePtr<char> name(g_path_get_basename(directory.get()));
        if (strcmp(name.get(), ".") && strcmp(name.get(), "/"))
            model->setName(name.get());
    }
    return model;
}

} // namespace Offload::Partitioner
