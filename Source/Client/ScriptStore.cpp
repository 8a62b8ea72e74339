/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Source/Client/ScriptStore.h"

#include "Common/GUniquePtr.h"

namespace Offload {

// A JavaScript string literal of `text` that is also safe inside an HTML <script> element: `<` and `>` are escaped,
// so that the literal can neither end the element nor change the tokenizer's state (`<!--`, `</script`).
static std::string scriptSafeLiteral(std::string_view text)
{
    std::string literal = "\"";
    literal.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
        case '"':
            literal += "\\\"";
            break;
        case '\\':
            literal += "\\\\";
            break;
        case '\n':
            literal += "\\n";
            break;
        case '\r':
            literal += "\\r";
            break;
        case '<':
            literal += "\\u003c";
            break;
        case '>':
            literal += "\\u003e";
            break;
        default:
            literal += c;
        }
    }
    // U+2028 and U+2029 are line terminators in older engines' string literals; metadata holds names only, but the
    // author's keys may hold anything.
    for (size_t at = literal.find("\xe2\x80\xa8"); at != std::string::npos; at = literal.find("\xe2\x80\xa8", at))
        literal.replace(at, 3, "\\u2028");
    for (size_t at = literal.find("\xe2\x80\xa9"); at != std::string::npos; at = literal.find("\xe2\x80\xa9", at))
        literal.replace(at, 3, "\\u2029");
    return literal + "\"";
}

// A script that runs as written tells the runtime so, which then refuses every capture naming it. The note goes first
// unless the script may start with a directive prologue ("use strict" must stay first), then last: on its last line,
// so that no line number moves.
static std::string withNote(std::string_view source, const std::string& url, const std::string& reason)
{
    std::string note
        = "__offload.noteUninstrumentedScript(" + scriptSafeLiteral(url) + "," + scriptSafeLiteral(reason) + ");";
    size_t first = source.find_first_not_of(" \t\r\n\f\v");
    bool mayStartWithDirective = first != std::string_view::npos && (source[first] == '"' || source[first] == '\'');
    if (mayStartWithDirective || source.starts_with("#!"))
        return std::string(source) + "\n;" + note;
    return note + std::string(source);
}

ScriptStore::ScriptStore(std::string cacheDirectory)
    : m_cache(std::move(cacheDirectory))
{
}

ScriptStore::Served ScriptStore::serve(std::string_view source, const std::string& url)
{
    InstrumentOptions options;
    options.sourceURL = url;
    GError* rawError = nullptr;
    auto result = m_cache.instrument(source, options, &rawError);
    if (!result) {
        GUniquePtr<GError> error(rawError);
        std::string reason = error ? error->message : "the instrumenter failed";
        return { withNote(source, url, reason), false, reason };
    }
    {
        std::lock_guard locker(m_lock);
        m_scripts.try_emplace(
            result->scriptId, RuntimeScript { result->scriptId, url, result->code, result->metadataJson, true, {} });
    }
    // The declaration runs at the entry, before any code inserted there: the runtime knows the script's literals and
    // templates before the first hook names one. It carries no text (the page needs none); the metadata's offsets are
    // those of the code without it.
    std::string declaration = std::string(result->entryNeedsSemicolon ? ";" : "") + "__offload.registerScript("
        + scriptSafeLiteral(result->scriptId) + ",null," + scriptSafeLiteral(result->metadataJson) + ");";
    std::string text;
    text.reserve(result->code.size() + declaration.size());
    text.append(result->code, 0, result->entryOffset);
    text += declaration;
    text.append(result->code, result->entryOffset);
    return { std::move(text), true, {} };
}

std::vector<RuntimeScript> ScriptStore::scripts() const
{
    std::lock_guard locker(m_lock);
    std::vector<RuntimeScript> list;
    for (auto& [sid, script] : m_scripts)
        list.push_back(script);
    return list;
}

bool ScriptStore::find(const std::string& sid, RuntimeScript& script) const
{
    std::lock_guard locker(m_lock);
    auto found = m_scripts.find(sid);
    if (found == m_scripts.end())
        return false;
    script = found->second;
    return true;
}

} // namespace Offload
