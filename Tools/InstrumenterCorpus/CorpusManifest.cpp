/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Tools/InstrumenterCorpus/CorpusManifest.h"

#include "Common/GRefPtr.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

namespace Offload {

static std::vector<std::string> stringsOf(JsonObject* object, const char* member)
{
    std::vector<std::string> strings;
    if (!json_object_has_member(object, member))
        return strings;
    JsonArray* array = json_object_get_array_member(object, member);
    for (guint i = 0; array && i < json_array_get_length(array); ++i)
        strings.push_back(json_array_get_string_element(array, i));
    return strings;
}

static std::string stringOf(JsonObject* object, const char* member)
{
    if (!json_object_has_member(object, member))
        return {};
    // A long smoke script may be written as an array of lines.
    JsonNode* node = json_object_get_member(object, member);
    if (JSON_NODE_HOLDS_ARRAY(node)) {
        std::string text;
        for (auto& line : stringsOf(object, member))
            text += line + "\n";
        return text;
    }
    const char* value = json_object_get_string_member(object, member);
    return value ? value : "";
}

std::optional<CorpusManifest> CorpusManifest::load(const char* path, GError** error)
{
    auto parser = adoptGRef(json_parser_new());
    if (!json_parser_load_from_file(parser.get(), path, error))
        return std::nullopt;
    JsonNode* root = json_parser_get_root(parser.get());
    if (!root || !JSON_NODE_HOLDS_OBJECT(root) || !json_object_has_member(json_node_get_object(root), "packages")) {
        g_set_error(
            error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: expected an object with a \"packages\" array", path);
        return std::nullopt;
    }
    CorpusManifest manifest;
    JsonArray* packages = json_object_get_array_member(json_node_get_object(root), "packages");
    for (guint i = 0; i < json_array_get_length(packages); ++i) {
        JsonObject* entry = json_array_get_object_element(packages, i);
        CorpusPackage package;
        package.name = stringOf(entry, "name");
        package.files = stringsOf(entry, "files");
        package.prerequisites = stringsOf(entry, "prerequisites");
        package.smoke = stringOf(entry, "smoke");
        package.withDocument = json_object_has_member(entry, "dom") && json_object_get_boolean_member(entry, "dom");
        if (package.name.empty() || package.files.empty()) {
            g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: package %u has no name or no files", path, i);
            return std::nullopt;
        }
        if (json_object_has_member(entry, "refusals")) {
            JsonObject* refusals = json_object_get_object_member(entry, "refusals");
            GList* files = json_object_get_members(refusals);
            for (GList* file = files; file; file = file->next) {
                JsonObject* refusal = json_object_get_object_member(refusals, static_cast<const char*>(file->data));
                manifest.expectedRefusals[static_cast<const char*>(file->data)]
                    = { stringOf(refusal, "kind"), stringOf(refusal, "reason") };
            }
            g_list_free(files);
        }
        manifest.packages.push_back(std::move(package));
    }
    return manifest;
}

} // namespace Offload
