/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Source/Client/HtmlInstrumenter.h"

#include "Source/Client/ScriptStore.h"

#include <algorithm>
#include <cctype>
#include <gumbo.h>
#include <vector>

namespace Offload {

namespace {

    std::string lowercase(std::string_view text)
    {
        std::string result(text);
        std::transform(result.begin(), result.end(), result.begin(), [](unsigned char c) { return std::tolower(c); });
        return result;
    }

    std::string_view trimmed(std::string_view text)
    {
        size_t first = text.find_first_not_of(" \t\r\n\f");
        if (first == std::string_view::npos)
            return {};
        size_t last = text.find_last_not_of(" \t\r\n\f");
        return text.substr(first, last - first + 1);
    }

    const char* attributeValue(const GumboElement& element, const char* name)
    {
        GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
        return attribute ? attribute->value : nullptr;
    }

    // The HTML standard's JavaScript MIME type essence matches (case-insensitively, parameters ignored).
    bool isJavaScriptType(std::string_view type)
    {
        static constexpr const char* types[]
            = { "application/ecmascript", "application/javascript", "application/x-ecmascript",
                  "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
                  "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
                  "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript" };
        std::string essence = lowercase(trimmed(type.substr(0, type.find(';'))));
        return std::find(std::begin(types), std::end(types), essence) != std::end(types);
    }

    // Whether the element is a classic script the browser runs from its text: no `src`, and a type (or the legacy
    // `language`) that means JavaScript. Module scripts are not classic: Documentation/Pages.md says how they are
    // handled.
    bool isInlineClassicScript(const GumboElement& element)
    {
        if (attributeValue(element, "src"))
            return false;
        const char* type = attributeValue(element, "type");
        if (type) {
            if (trimmed(type).empty())
                return true;
            return isJavaScriptType(type);
        }
        const char* language = attributeValue(element, "language");
        if (language && !trimmed(language).empty())
            return isJavaScriptType(std::string("text/") + language);
        return true;
    }

    struct Replacement {
        size_t start;
        size_t end;
        std::string text;
    };

    void collectScripts(const GumboNode* node, std::string_view html, const std::string& url, ScriptStore& store,
        std::vector<Replacement>& replacements, HtmlInstrumenter::Result& result)
    {
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE && node->type != GUMBO_NODE_DOCUMENT)
            return;
        const GumboVector& children
            = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
        if (node->type != GUMBO_NODE_DOCUMENT && node->v.element.tag == GUMBO_TAG_SCRIPT
            && isInlineClassicScript(node->v.element)) {
            // The script's text is its children's original text, contiguous in the source (script data is raw text).
            size_t start = std::string_view::npos;
            size_t end = 0;
            for (unsigned i = 0; i < children.length; ++i) {
                auto* child = static_cast<const GumboNode*>(children.data[i]);
                if (child->type != GUMBO_NODE_TEXT && child->type != GUMBO_NODE_WHITESPACE)
                    continue;
                const GumboStringPiece& piece = child->v.text.original_text;
                size_t offset = piece.data - html.data();
                start = std::min(start, offset);
                end = std::max(end, offset + piece.length);
            }
            if (start != std::string_view::npos && start < end && end <= html.size()) {
                auto source = html.substr(start, end - start);
                auto served = store.serve(source, url + "#inline-" + std::to_string(start));
                if (served.isInstrumented)
                    ++result.instrumentedScripts;
                else
                    ++result.scriptsRunAsWritten;
                replacements.push_back({ start, end, std::move(served.text) });
            }
            return;
        }
        for (unsigned i = 0; i < children.length; ++i)
            collectScripts(static_cast<const GumboNode*>(children.data[i]), html, url, store, replacements, result);
    }

} // namespace

HtmlInstrumenter::Result HtmlInstrumenter::instrument(std::string_view html, const std::string& url, ScriptStore& store)
{
    Result result;
    GumboOptions options = kGumboDefaultOptions;
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    std::vector<Replacement> replacements;
    collectScripts(output->document, html, url, store, replacements, result);
    gumbo_destroy_output(&options, output);

    std::sort(replacements.begin(), replacements.end(), [](auto& a, auto& b) { return a.start < b.start; });
    result.html.reserve(html.size());
    size_t copied = 0;
    for (auto& replacement : replacements) {
        if (replacement.start < copied)
            continue;
        result.html.append(html.substr(copied, replacement.start - copied));
        result.html += replacement.text;
        copied = replacement.end;
    }
    result.html.append(html.substr(copied));
    return result;
}

} // namespace Offload
