/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Source/Client/HtmlInstrumenter.h"
#include "Instrumenter/JSCSyntaxChecker.h"
#include "Source/Client/ScriptStore.h"

#include <gtest/gtest.h>

using namespace Offload;

namespace {

// Removes every `<script>` element's text; what is left must be the same before and after rewriting.
std::string withoutScriptTexts(const std::string& html)
{
    std::string result;
    size_t at = 0;
    while (true) {
        size_t open = html.find("<script", at);
        if (open == std::string::npos)
            break;
        size_t textStart = html.find('>', open) + 1;
        size_t close = html.find("</script>", textStart);
        result += html.substr(at, textStart - at);
        at = close;
    }
    return result + html.substr(at);
}

TEST(HtmlInstrumenter, RewritesOnlyTheTextOfInlineClassicScripts)
{
    ScriptStore store;
    std::string html = "<!DOCTYPE html><html><head><title>t</title>\n"
                       "<script>var a = 1; function f() { return () => a; }</script></head>\n"
                       "<body><p onclick=\"x()\">text &amp; more</p>\n"
                       "<script type=\"application/json\">{\"a\": [1, 2]}</script>\n"
                       "<script type=\"text/template\"><b>{{x}}</b></script>\n"
                       "<script src=\"lib.js\"></script>\n"
                       "<script language=\"JavaScript\">var g = () => 1;</script>\n"
                       "<script type=module>import x from './m.js';</script>\n"
                       "</body></html>";
    auto result = HtmlInstrumenter::instrument(html, "http://example.test/", store);
    EXPECT_EQ(result.instrumentedScripts, 2u);
    EXPECT_EQ(result.scriptsRunAsWritten, 0u);
    EXPECT_EQ(withoutScriptTexts(result.html), withoutScriptTexts(html));
    EXPECT_NE(result.html.find("{\"a\": [1, 2]}</script>"), std::string::npos);
    EXPECT_NE(result.html.find("<b>{{x}}</b></script>"), std::string::npos);
    EXPECT_NE(result.html.find("import x from './m.js';</script>"), std::string::npos);
    EXPECT_NE(result.html.find("__offload.registerScript("), std::string::npos);
    EXPECT_EQ(store.scripts().size(), 2u);
}

// The browser's tokenizer decides where a script's text ends: `<!--` and a nested `<script` escape it.
TEST(HtmlInstrumenter, ScriptTextEndsWhereTheBrowsersTokenizerEndsIt)
{
    ScriptStore store;
    std::string html = "<script>var s = '<!--<script>'; var t = '</script>'; var f = () => s;</script><p>after</p>";
    auto result = HtmlInstrumenter::instrument(html, "http://example.test/", store);
    // The escaped text runs to the second end tag; it is one script, which the engine rejects (as a browser would run
    // it and throw): it is served as written, with its note.
    EXPECT_EQ(result.instrumentedScripts + result.scriptsRunAsWritten, 1u);
    EXPECT_NE(result.html.find("<p>after</p>"), std::string::npos);
}

TEST(HtmlInstrumenter, DeclarationCannotEndTheScriptElement)
{
    ScriptStore store;
    std::string html = "<script>var o = { '</b>'() { return 1; } };</script>";
    auto result = HtmlInstrumenter::instrument(html, "http://example.test/", store);
    auto declaration = result.html.substr(result.html.find("__offload.registerScript("));
    declaration = declaration.substr(0, declaration.find(");") + 2);
    EXPECT_EQ(declaration.find('<'), std::string::npos) << declaration;
    EXPECT_EQ(declaration.find('>'), std::string::npos) << declaration;
}

TEST(ScriptStore, DeclarationGoesAfterTheDirectivePrologue)
{
    ScriptStore store;
    auto served = store.serve("'use strict'\nvar f = () => this;", "http://example.test/a.js");
    ASSERT_TRUE(served.isInstrumented);
    EXPECT_TRUE(served.text.starts_with("'use strict';__offload.registerScript(")) << served.text;
    EXPECT_FALSE(JSCSyntaxChecker::check(served.text, "a.js"));
    RuntimeScript script;
    ASSERT_TRUE(store.find(store.scripts().front().sid, script));
    // The store keeps the code without the declaration: the text the metadata's offsets slice.
    EXPECT_EQ(script.code.find("registerScript"), std::string::npos);
}

TEST(ScriptStore, ScriptThatCannotBeInstrumentedRunsAsWrittenWithANote)
{
    ScriptStore store;
    auto sloppy = store.serve("var o = {}; with (o) { x = 1; }", "http://example.test/w.js");
    EXPECT_FALSE(sloppy.isInstrumented);
    EXPECT_TRUE(sloppy.text.starts_with("__offload.noteUninstrumentedScript(")) << sloppy.text;
    EXPECT_NE(sloppy.text.find("var o = {}; with (o) { x = 1; }"), std::string::npos);
    // A script that may start with a directive gets the note last, so the directive stays first.
    auto strict = store.serve("'use strict'; var __offloadThing = 1;", "http://example.test/r.js");
    EXPECT_FALSE(strict.isInstrumented);
    EXPECT_TRUE(strict.text.starts_with("'use strict'; var __offloadThing = 1;")) << strict.text;
    EXPECT_NE(strict.text.find("__offload.noteUninstrumentedScript("), std::string::npos);
    EXPECT_TRUE(store.scripts().empty());
}

} // namespace
