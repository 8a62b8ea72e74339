/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Instrumenter/InstrumentationCache.h"

#include "Common/ContentHash.h"
#include "Common/GUniquePtr.h"
#include <cstdlib>
#include <glib/gstdio.h>

namespace Offload {

InstrumentationCache::InstrumentationCache(std::string directory)
    : m_directory(std::move(directory))
{
    if (!m_directory.empty() && g_mkdir_with_parents(m_directory.c_str(), 0755))
        g_warning("Cannot create the instrumentation cache directory %s: %s", m_directory.c_str(), g_strerror(errno));
}

std::string InstrumentationCache::key(std::string_view source, const InstrumentOptions& options)
{
    // Every field is length-prefixed so that no two different inputs serialise to the same bytes.
    std::string material;
    auto append = [&material](std::string_view field) {
        material += std::to_string(field.size());
        material += ':';
        material += field;
    };
    append(Instrumenter::version);
    append(std::to_string(static_cast<int>(options.kind)));
    append(options.kind == SourceKind::DirectEval ? options.parentHandleExpression : std::string());
    append(options.isStrictCaller && options.kind == SourceKind::DirectEval ? "strict" : "sloppy");
    // The source is hashed where it is rather than appended.
    material += std::to_string(source.size());
    material += ':';
    return ContentHash::computeConcatenation({ material, source }).toHex();
}

std::optional<InstrumentationResult> InstrumentationCache::readFromDisk(const std::string& key) const
{
    if (m_directory.empty())
        return std::nullopt;
    GUniquePtr<char> codePath(g_build_filename(m_directory.c_str(), (key + ".js").c_str(), nullptr));
    GUniquePtr<char> metadataPath(g_build_filename(m_directory.c_str(), (key + ".json").c_str(), nullptr));
    char* code = nullptr;
    gsize codeLength = 0;
    char* metadata = nullptr;
    gsize metadataLength = 0;
    if (!g_file_get_contents(codePath.get(), &code, &codeLength, nullptr))
        return std::nullopt;
    GUniquePtr<char> codeHolder(code);
    if (!g_file_get_contents(metadataPath.get(), &metadata, &metadataLength, nullptr))
        return std::nullopt;
    GUniquePtr<char> metadataHolder(metadata);
    InstrumentationResult result;
    result.code.assign(code, codeLength);
    result.metadataJson.assign(metadata, metadataLength);
    // The script id is in the metadata: "sid":"<16 hex>".
    auto position = result.metadataJson.find("\"sid\":\"");
    if (position == std::string::npos)
        return std::nullopt;
    result.scriptId = result.metadataJson.substr(position + 7, 16);
    // And the entry: "entry":[<byte offset>,<true|false>].
    position = result.metadataJson.find("\"entry\":[");
    if (position == std::string::npos)
        return std::nullopt;
    result.entryOffset = std::strtoull(result.metadataJson.c_str() + position + 9, nullptr, 10);
    result.entryNeedsSemicolon
        = result.metadataJson.compare(result.metadataJson.find(',', position) + 1, 4, "true") == 0;
    return result;
}

void InstrumentationCache::writeToDisk(const std::string& key, const InstrumentationResult& result) const
{
    if (m_directory.empty())
        return;
    GUniquePtr<char> codePath(g_build_filename(m_directory.c_str(), (key + ".js").c_str(), nullptr));
    GUniquePtr<char> metadataPath(g_build_filename(m_directory.c_str(), (key + ".json").c_str(), nullptr));
    GError* rawError = nullptr;
    // The metadata goes last: readers only trust an entry whose metadata exists.
    if (!g_file_set_contents(codePath.get(), result.code.data(), result.code.size(), &rawError)
        || !g_file_set_contents(
            metadataPath.get(), result.metadataJson.data(), result.metadataJson.size(), &rawError)) {
        GUniquePtr<GError> error(rawError);
        g_warning("Cannot write the instrumentation cache entry %s: %s", key.c_str(), error->message);
    }
}

std::optional<InstrumentationResult> InstrumentationCache::instrument(
    std::string_view source, const InstrumentOptions& options, GError** error)
{
    std::string cacheKey = key(source, options);
    {
        std::lock_guard locker(m_lock);
        auto iterator = m_entries.find(cacheKey);
        if (iterator != m_entries.end()) {
            ++m_hitCount;
            return iterator->second;
        }
    }
    auto result = readFromDisk(cacheKey);
    bool isFromDisk = result.has_value();
    if (!result)
        result = Instrumenter::instrument(source, options, error);
    if (!result)
        return std::nullopt;
    if (!isFromDisk)
        writeToDisk(cacheKey, *result);
    std::lock_guard locker(m_lock);
    if (isFromDisk)
        ++m_hitCount;
    else
        ++m_missCount;
    m_entries.emplace(cacheKey, *result);
    return result;
}

} // namespace Offload
