/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Common/GRefPtr.h"
#include "Common/GUniquePtr.h"
#include "Partitioner/PartitionerError.h"

#include <json-glib/json-glib.h>
#include <optional>
#include <string>
#include <string_view>

namespace Offload::Partitioner {

// Parses a JSON document; the returned parser owns the tree, so keep it alive while reading the root node.
inline GRefPtr<JsonParser> parseJsonDocument(
    std::string_view data, const char* what, PartitionerError code, GError** error)
{
    auto parser = adoptGRef(json_parser_new());
    GError* parseError = nullptr;
    if (!json_parser_load_from_data(parser.get(), data.data(), data.size(), &parseError)) {
        setPartitionerError(error, code, "%s is not valid JSON: %s", what, parseError->message);
        g_error_free(parseError);
        return nullptr;
    }
    if (!JSON_NODE_HOLDS_OBJECT(json_parser_get_root(parser.get()))) {
        setPartitionerError(error, code, "%s must be a JSON object at the top level", what);
        return nullptr;
    }
    return parser;
}

inline std::optional<std::string> readWholeFile(const std::string& path, PartitionerError code, GError** error)
{
    char* contents = nullptr;
    gsize length = 0;
    GError* readError = nullptr;
    if (!g_file_get_contents(path.c_str(), &contents, &length, &readError)) {
        setPartitionerError(error, PartitionerError::Io, "cannot read %s: %s", path.c_str(), readError->message);
        g_error_free(readError);
        return std::nullopt;
    }
    std::string result(contents, length);
    g_free(contents);
    return result;
}

inline bool jsonHasNumber(JsonObject* object, const char* member)
{
    JsonNode* node = json_object_get_member(object, member);
    if (!node || !JSON_NODE_HOLDS_VALUE(node))
        return false;
    GType type = json_node_get_value_type(node);
    return type == G_TYPE_DOUBLE || type == G_TYPE_INT64;
}

inline double jsonNumber(JsonObject* object, const char* member, double fallback)
{
    return jsonHasNumber(object, member) ? json_object_get_double_member(object, member) : fallback;
}

inline std::string jsonString(JsonObject* object, const char* member, const char* fallback = "")
{
    JsonNode* node = json_object_get_member(object, member);
    if (!node || !JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING)
        return fallback;
    return json_node_get_string(node);
}

inline JsonObject* jsonObject(JsonObject* object, const char* member)
{
    JsonNode* node = json_object_get_member(object, member);
    return node && JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : nullptr;
}

inline JsonArray* jsonArray(JsonObject* object, const char* member)
{
    JsonNode* node = json_object_get_member(object, member);
    return node && JSON_NODE_HOLDS_ARRAY(node) ? json_node_get_array(node) : nullptr;
}

// Serialises a builder's tree with two-space indentation, the layout of every JSON file the partitioner writes.
inline std::string jsonBuilderToString(JsonBuilder* builder)
{
    JsonNode* root = json_builder_get_root(builder);
    auto generator = adoptGRef(json_generator_new());
    json_generator_set_pretty(generator.get(), TRUE);
    json_generator_set_indent(generator.get(), 2);
    json_generator_set_root(generator.get(), root);
    GUniquePtr<char> text(json_generator_to_data(generator.get(), nullptr));
    json_node_unref(root);
    return std::string(text.get()) + "\n";
}

} // namespace Offload::Partitioner
