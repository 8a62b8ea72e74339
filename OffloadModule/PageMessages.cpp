/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "OffloadModule/PageMessages.h"

#include "OffloadModule/RuntimeError.h"

namespace Offload::PageMessages {

static GVariant* bytesValue(std::span<const uint8_t> bytes)
{
    return g_variant_new_fixed_array(G_VARIANT_TYPE_BYTE, bytes.data(), bytes.size(), 1);
}

static std::vector<uint8_t> bytesOf(GVariant* value)
{
    gsize size = 0;
    auto* data = static_cast<const uint8_t*>(g_variant_get_fixed_array(value, &size, 1));
    return std::vector<uint8_t>(data, data + size);
}

static void malformed(GError** error, const char* what)
{
    g_set_error(
        error, OFFLOAD_RUNTIME_ERROR, static_cast<int>(RuntimeError::Internal), "malformed page message: %s", what);
}

GVariant* success()
{
    GVariantBuilder builder;
    g_variant_builder_init(&builder, G_VARIANT_TYPE_VARDICT);
    return g_variant_builder_end(&builder);
}

GVariant* error(const GError* error)
{
    GVariantBuilder builder;
    g_variant_builder_init(&builder, G_VARIANT_TYPE_VARDICT);
    bool isRuntimeError = error && error->domain == OFFLOAD_RUNTIME_ERROR;
    g_variant_builder_add(&builder, "{sv}", "errorCode",
        g_variant_new_uint32(isRuntimeError ? error->code : static_cast<int>(RuntimeError::Internal)));
    g_variant_builder_add(&builder, "{sv}", "error", g_variant_new_string(error ? error->message : "unknown error"));
    return g_variant_builder_end(&builder);
}

GVariant* captured(std::span<const uint8_t> bundle, const std::vector<RuntimeScript>& dynamicScripts)
{
    GVariantBuilder scripts;
    g_variant_builder_init(&scripts, G_VARIANT_TYPE("a(sss)"));
    for (const auto& script : dynamicScripts)
        g_variant_builder_add(&scripts, "(sss)", script.sid.c_str(), script.code.c_str(), script.metadataJSON.c_str());
    GVariantBuilder builder;
    g_variant_builder_init(&builder, G_VARIANT_TYPE_VARDICT);
    g_variant_builder_add(&builder, "{sv}", "bundle", bytesValue(bundle));
    g_variant_builder_add(&builder, "{sv}", "dynamicScripts", g_variant_builder_end(&scripts));
    return g_variant_builder_end(&builder);
}

GVariant* restoreParameters(const std::vector<RuntimeScript>& scripts, std::span<const uint8_t> bundle)
{
    GVariantBuilder list;
    g_variant_builder_init(&list, G_VARIANT_TYPE("a(ssss)"));
    for (const auto& script : scripts) {
        if (script.isInstrumented) {
            g_variant_builder_add(&list, "(ssss)", script.sid.c_str(), script.url.c_str(), script.code.c_str(),
                script.metadataJSON.c_str());
        }
    }
    GVariantBuilder builder;
    g_variant_builder_init(&builder, G_VARIANT_TYPE_VARDICT);
    g_variant_builder_add(&builder, "{sv}", "scripts", g_variant_builder_end(&list));
    g_variant_builder_add(&builder, "{sv}", "bundle", bytesValue(bundle));
    return g_variant_builder_end(&builder);
}

bool readReply(GVariant* parameters, GError** error)
{
    if (!parameters || !g_variant_is_of_type(parameters, G_VARIANT_TYPE_VARDICT)) {
        malformed(error, "a reply is not a dictionary");
        return false;
    }
    guint32 code = 0;
    const char* message = nullptr;
    if (!g_variant_lookup(parameters, "errorCode", "u", &code))
        return true;
    if (!g_variant_lookup(parameters, "error", "&s", &message))
        message = "the page reported an error without a message";
    g_set_error(error, OFFLOAD_RUNTIME_ERROR, code, "%s", message);
    return false;
}

bool readCaptured(
    GVariant* parameters, std::vector<uint8_t>& bundle, std::vector<RuntimeScript>& dynamicScripts, GError** error)
{
    if (!readReply(parameters, error))
        return false;
    GVariant* bytes = g_variant_lookup_value(parameters, "bundle", G_VARIANT_TYPE_BYTESTRING);
    GVariant* scripts = g_variant_lookup_value(parameters, "dynamicScripts", G_VARIANT_TYPE("a(sss)"));
    bool isWellFormed = bytes && scripts;
    if (isWellFormed) {
        bundle = bytesOf(bytes);
        dynamicScripts.clear();
        GVariantIter iterator;
        g_variant_iter_init(&iterator, scripts);
        const char *sid, *code, *metadata;
        while (g_variant_iter_next(&iterator, "(&s&s&s)", &sid, &code, &metadata))
            dynamicScripts.push_back({ sid, "dynamic", code, metadata, true, {} });
    } else
        malformed(error, "a capture's reply lacks its bundle or its scripts");
    if (bytes)
        g_variant_unref(bytes);
    if (scripts)
        g_variant_unref(scripts);
    return isWellFormed;
}

bool readRestore(
    GVariant* parameters, std::vector<RuntimeScript>& scripts, std::vector<uint8_t>& bundle, GError** error)
{
    if (!parameters || !g_variant_is_of_type(parameters, G_VARIANT_TYPE_VARDICT)) {
        malformed(error, "a restore's parameters are not a dictionary");
        return false;
    }
    GVariant* bytes = g_variant_lookup_value(parameters, "bundle", G_VARIANT_TYPE_BYTESTRING);
    GVariant* list = g_variant_lookup_value(parameters, "scripts", G_VARIANT_TYPE("a(ssss)"));
    bool isWellFormed = bytes && list;
    if (isWellFormed) {
        bundle = bytesOf(bytes);
        scripts.clear();
        GVariantIter iterator;
        g_variant_iter_init(&iterator, list);
        const char *sid, *url, *code, *metadata;
        while (g_variant_iter_next(&iterator, "(&s&s&s&s)", &sid, &url, &code, &metadata))
            scripts.push_back({ sid, url, code, metadata, true, {} });
    } else
        malformed(error, "a restore lacks its bundle or its scripts");
    if (bytes)
        g_variant_unref(bytes);
    if (list)
        g_variant_unref(list);
    return isWellFormed;
}

} // namespace Offload::PageMessages
