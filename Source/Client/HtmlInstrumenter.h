/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <string>
#include <string_view>

namespace Offload {

class ScriptStore;

// Rewrites an HTML document so that its inline classic scripts run instrumented: each <script> element's text is
// replaced, in place, by what the ScriptStore serves for it. Only those bytes change; everything else of the
// document (its other elements, attributes, comments, white space) stays byte for byte. The document is parsed by
// Gumbo (Debian's libgumbo), an HTML5 parser that keeps source positions, so a script's text is exactly what the
// browser's tokenizer will take as its text (Documentation/Pages.md, "Instrumenting pages").
class HtmlInstrumenter {
public:
    struct Result {
        std::string html;
        unsigned instrumentedScripts { 0 };
        unsigned scriptsRunAsWritten { 0 };
    };
    // `html` must be UTF-8. `url` names the document; an inline script is known as `url#inline-N`.
    static Result instrument(std::string_view html, const std::string& url, ScriptStore&);
};

} // namespace Offload
