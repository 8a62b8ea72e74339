/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Instrumenter/Instrumenter.h"

#include "InstrumentOrFail.h"
#include "Instrumenter/JSCSyntaxChecker.h"
#include "JSCTestHarness.h"
#include <cstring>
#include <gtest/gtest.h>

using namespace Offload;

namespace {

// Replaces the script id in `code` by "SID" so that expectations stay readable.
std::string withoutScriptId(const InstrumentationResult& result)
{
    std::string code = result.code;
    for (size_t position = code.find(result.scriptId); position != std::string::npos;
         position = code.find(result.scriptId))
        code.replace(position, result.scriptId.size(), "SID");
    return code;
}

std::string query(const InstrumentationResult& result, const std::string& expression)
{
    return JSCTestHarness::query(result.code, result.metadataJson, expression);
}

struct Refusal {
    int code;
    std::string message;
};

Refusal refusalFor(std::string_view source, const char* url = "app.js")
{
    InstrumentOptions options;
    options.sourceURL = url;
    GError* error = nullptr;
    auto result = Instrumenter::instrument(source, options, &error);
    if (result)
        return { -1, "instrumented" };
    Refusal refusal { error->code, error->message };
    EXPECT_EQ(error->domain, OFFLOAD_INSTRUMENTER_ERROR);
    g_error_free(error);
    return refusal;
}

TEST(Instrumenter, ScriptIdIsTheFirst16HexDigitsOfSHA256)
{
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.
    EXPECT_EQ(Instrumenter::scriptId("abc"), "ba7816bf8f01cfea");
    auto result = instrumentOrFail("var f = () => 1;");
    EXPECT_EQ(result.scriptId, Instrumenter::scriptId("var f = () => 1;"));
    EXPECT_EQ(query(result, "meta.sid"), result.scriptId);
}

TEST(Instrumenter, FunctionsWithoutClosuresAreUntouched)
{
    const char* source = "function add(a, b) { let c = a + b; return c; }\nvar x = add(1, 2);\n";
    auto result = instrumentOrFail(source);
    // The declaration itself is registered at script entry; its body gets nothing.
    EXPECT_EQ(withoutScriptId(result),
        "__offload.d(null, add, \"SID:0\");function add(a, b) { let c = a + b; return c; }\nvar x = add(1, 2);\n");
}

TEST(Instrumenter, CodeWithoutFunctionsIsUnchanged)
{
    const char* source = "var a = 1;\nlet b = [a, 2].map(String);\nif (b) { const c = 3; }\n";
    EXPECT_EQ(instrumentOrFail(source).code, source);
}

TEST(Instrumenter, LazyHandleInFunction)
{
    auto result = instrumentOrFail("function f(a) { return () => a; }");
    EXPECT_EQ(withoutScriptId(result),
        "__offload.d(null, f, \"SID:0\");function f(a) {var __ofs0; return __offload.f(() => a, \"SID:1\", (__ofs0 || "
        "(__ofs0 = "
        "__offload.s(\"SID:0\", (__ofi) => { switch (__ofi) { case 0: return a; } }, null)))); }");
    EXPECT_EQ(query(result, "JSON.stringify(meta.templates)"),
        "[{\"kind\":\"function\",\"parent\":-1,\"strict\":false,\"arrow\":false,\"function\":0,\"handle\":\"__ofs0\","
        "\"eager\":false,"
        "\"privateClass\":-1,\"bindings\":[[\"a\",\"param\"]]}]");
}

TEST(Instrumenter, TopLevelLexicalHandleIsNamedAfterTheScript)
{
    auto result = instrumentOrFail("let n = 0; const inc = () => ++n;");
    EXPECT_EQ(withoutScriptId(result),
        "let __ofs_SID = __offload.s(\"SID:0\", (__ofi) => { switch (__ofi) { case 0: return n; case 1: return inc; } "
        "}, null);"
        "let n = 0; const inc = __offload.f({\"inc\":() => ++n}[\"inc\"], \"SID:0\", __ofs_SID);");
    EXPECT_EQ(
        query(result, "meta.templates[0].kind + ' ' + meta.templates[0].handle"), "script __ofs_" + result.scriptId);
    EXPECT_EQ(query(result, "meta.literals[0].name"), "inc");
}

TEST(Instrumenter, ClassDeclarationBecomesLet)
{
    auto result = instrumentOrFail("class C { m() { return 1; } }");
    EXPECT_EQ(withoutScriptId(result),
        "let __ofs_SID = __offload.s(\"SID:0\", (__ofi) => { switch (__ofi) { case 0: return C; } }, null);"
        "let C = __offload.fw(class C { m() { return 1; } }, \"SID:0\", __ofs_SID);");
    EXPECT_EQ(query(result, "JSON.stringify(meta.literals.map(l => [l.kind, l.name, l.declaration, l.owner]))"),
        "[[\"class\",\"C\",true,-1],[\"method\",\"m\",false,0]]");
    EXPECT_EQ(query(result, "JSON.stringify(meta.literals[0].members)"), "[1]");
    EXPECT_EQ(query(result, "JSON.stringify(meta.literals[1].method)"),
        "{\"kind\":\"method\",\"prefix\":\"\",\"computed\":false,\"key\":\"m\",\"static\":false}");
}

TEST(Instrumenter, LiteralOffsetsSliceTheLiteralText)
{
    auto result = instrumentOrFail(
        "var é = 'ü'; var f = function named(x) { return x; }; var g = async (y) => y;\n"
        "var o = { async *gen(z) { yield z; }, get p() { return 1; } };\nclass K { static s(a) {} }");
    EXPECT_EQ(
        query(result, "code.slice(meta.literals[0].start, meta.literals[0].end)"), "function named(x) { return x; }");
    EXPECT_EQ(query(result, "code.slice(meta.literals[1].start, meta.literals[1].end)"), "async (y) => y");
    EXPECT_EQ(query(result, "code.slice(meta.literals[2].start, meta.literals[2].end)"), "gen(z) { yield z; }");
    EXPECT_EQ(query(result, "meta.literals[2].method.prefix + '|' + meta.literals[2].method.kind"), "async *|method");
    EXPECT_EQ(query(result, "code.slice(meta.literals[3].start, meta.literals[3].end)"), "p() { return 1; }");
    EXPECT_EQ(query(result, "meta.literals[3].method.kind"), "get");
    EXPECT_EQ(query(result, "code.slice(meta.literals[4].start, meta.literals[4].end)"), "class K { static s(a) {} }");
    EXPECT_EQ(query(result, "code.slice(meta.literals[5].start, meta.literals[5].end)"), "s(a) {}");
    EXPECT_EQ(query(result, "meta.literals[5].method.static"), "true");
    EXPECT_EQ(query(result, "code.slice(meta.literals[5].paramsStart, meta.literals[5].end)"), "(a) {}");
    EXPECT_EQ(query(result, "code.slice(meta.literals[0].paramsStart, meta.literals[0].paramsStart + 3)"), "(x)");
}

TEST(Instrumenter, ClassElementLiteralsSliceTheirText)
{
    auto result = instrumentOrFail("class K { static f = () => 1; g = 2; static { this.h = 3; } p() {} }");
    EXPECT_EQ(query(result, "meta.literals.map(l => l.kind + '=' + code.slice(l.start, l.end)).join(' | ')"),
        "class=class K { static f = __offload.r ? void 0 : (__offload.f({\"f\":() => 1}[\"f\"], \"" + result.scriptId
            + ":2\", __ofs_" + result.scriptId
            + ")); g = 2; static {if (!__offload.r) { this.h = 3; }} p() {} } | "
              "field=__offload.f({\"f\":() => 1}[\"f\"], \""
            + result.scriptId + ":2\", __ofs_" + result.scriptId
            + ") | function=() => 1 | field=2 | staticBlock=static {if (!__offload.r) { this.h = 3; }} | method=p() "
              "{}");
    EXPECT_EQ(query(result, "meta.literals.map(l => l.owner).join()"), "-1,0,-1,0,0,0");
    EXPECT_EQ(query(result, "JSON.stringify(meta.literals[0].members)"), "[5]");
    EXPECT_EQ(query(result, "meta.literals[5].method.key + ' ' + meta.literals[0].privateNames"), "p null");
}

TEST(Instrumenter, OffsetsIncludeInnerHooks)
{
    auto result = instrumentOrFail("function outer(a) { return () => a; }");
    // The literal text of `outer` contains its own instrumentation, so re-evaluating it re-instruments nothing.
    EXPECT_EQ(
        query(result,
            "code.slice(meta.literals[0].start, meta.literals[0].end).startsWith('function outer(a) {var __ofs0;')"),
        "true");
    EXPECT_EQ(query(result, "code.slice(meta.literals[1].start, meta.literals[1].end)"), "() => a");
}

TEST(Instrumenter, ObjectLiteralMethodsAreRegisteredWithKeys)
{
    auto result = instrumentOrFail("var o = { m() {}, 'a b'() {}, 0x10() {}, [k]() {}, get g() { return 1; }, p: 1 };");
    EXPECT_EQ(withoutScriptId(result),
        "var o = __offload.o({ m() {}, 'a b'() {}, 0x10() {}, [k]() {}, get g() { return 1; }, p: 1 }, null, "
        "[\"SID:0\", \"m\", \"SID:1\", 'a b', \"SID:2\", 0x10, \"SID:3\", null, \"SID:4\", \"g\"]);");
    EXPECT_EQ(
        query(result, "JSON.stringify(meta.literals.map(l => l.method.key))"), "[\"m\",\"a b\",\"16\",null,\"g\"]");
    EXPECT_EQ(query(result, "meta.literals[3].method.computed"), "true");
}

TEST(Instrumenter, PerIterationHandleLivesInTheLoopBody)
{
    auto result = instrumentOrFail("for (let i = 0; i < 3; i++) f(() => i)\nnext()");
    EXPECT_EQ(withoutScriptId(result),
        "for (let i = 0; i < 3; i++) {let __ofs0;f(__offload.f(() => i, \"SID:0\", (__ofs0 || (__ofs0 = "
        "__offload.s(\"SID:0\", (__ofi) => { switch (__ofi) { case 0: return i; } }, null)))))}\nnext()");
    EXPECT_EQ(query(result, "meta.templates[0].kind"), "for");
}

TEST(Instrumenter, ManySitesShareOneMaker)
{
    auto result = instrumentOrFail("function f(a) { return [() => a, () => a + 1, () => a + 2]; }");
    EXPECT_EQ(withoutScriptId(result),
        "__offload.d(null, f, \"SID:0\");function f(a) {var __ofs0; const __ofm0 = () => __ofs0 || (__ofs0 = "
        "__offload.s(\"SID:0\", "
        "(__ofi) => { switch (__ofi) { case 0: return a; } }, null)); return [__offload.f(() => a, \"SID:1\", "
        "__ofm0()), "
        "__offload.f(() => a + 1, \"SID:2\", __ofm0()), __offload.f(() => a + 2, \"SID:3\", __ofm0())]; }");
    auto run = JSCTestHarness::run(
        result.code, result.metadataJson, "const fs = f(1); print(fs[2](), JSON.stringify(__offload.scopeOf(fs[0])))");
    EXPECT_EQ(run.output, "3 {\"a\":1}");
    EXPECT_EQ(run.hookCounts, "{\"f\":3,\"s\":1,\"d\":1,\"o\":0,\"ev\":0,\"ie\":0,\"pc\":0}");
}

TEST(Instrumenter, ShadowingMakesTheParentEager)
{
    auto result = instrumentOrFail("function g(a) { { let a = 5; var h = () => a; } var k = () => a; return [h, k]; }");
    EXPECT_EQ(query(result, "meta.templates.map(t => t.kind + ':' + t.eager).join(' ')"), "function:true block:false");
    EXPECT_NE(result.code.find("{var __ofs0 = __offload.s("), std::string::npos) << result.code;
    // When no nested code refers to the outer `a`, the function lists nothing that could be shadowed.
    result = instrumentOrFail("function g(a) { { let a = 5; var h = () => a; } return h; }");
    EXPECT_EQ(query(result, "meta.templates.map(t => t.kind + ':' + t.eager).join(' ')"), "block:false");
}

TEST(Instrumenter, ArrowThisArgumentsNewTargetAreBindingsOfTheFunction)
{
    auto result = instrumentOrFail("function T() { return () => [this, arguments, new.target]; }");
    EXPECT_EQ(query(result, "JSON.stringify(meta.templates[0].bindings)"),
        "[[\"this\",\"this\"],[\"arguments\",\"arguments\"],[\"new.target\",\"new.target\"]]");
    EXPECT_NE(result.code.find("case 0: return this; case 1: return arguments; case 2: return new.target;"),
        std::string::npos);
}

TEST(Instrumenter, NonArrowFunctionsDoNotCaptureThis)
{
    auto result = instrumentOrFail("function T() { return function () { return this; }; }");
    EXPECT_EQ(query(result, "meta.templates.length"), "0");
    EXPECT_NE(
        withoutScriptId(result).find("__offload.f(function () { return this; }, \"SID:1\", null)"), std::string::npos);
}

TEST(Instrumenter, DirectiveProloguesStayFirst)
{
    auto result = instrumentOrFail("'use strict'\nfunction f(a) { \"use strict\"\n return () => a }");
    EXPECT_TRUE(withoutScriptId(result).starts_with("'use strict';__offload.d(null, f, \"SID:0\");\n")) << result.code;
    EXPECT_NE(result.code.find("\"use strict\";var __ofs0;\n"), std::string::npos) << result.code;
    EXPECT_EQ(query(result, "meta.strict + ' ' + meta.literals[1].strict"), "true true");
}

// Minified code writes no space between a keyword and the `{` or `(` where a hook call starts.
TEST(Instrumenter, InsertedTextNeverMergesWithATokenBeside)
{
    auto result = instrumentOrFail("function c(){let n=0;return{inc(){return++n}}}\n"
                                   "function a(x){return(y)=>x+y}\n"
                                   "var t=typeof{m(){}},i=\"m\"in{m(){}};\n"
                                   "function*g(){yield{m(){}}}\n");
    auto code = withoutScriptId(result);
    EXPECT_NE(code.find("return __offload.o({inc(){return++n}}"), std::string::npos) << code;
    EXPECT_NE(code.find("return __offload.f((y)=>x+y"), std::string::npos) << code;
    EXPECT_NE(code.find("typeof __offload.o({m(){}}"), std::string::npos) << code;
    EXPECT_NE(code.find("\"m\"in __offload.o({m(){}}"), std::string::npos) << code;
    EXPECT_NE(code.find("yield __offload.o({m(){}}"), std::string::npos) << code;
    // Where nothing could merge, nothing is added.
    EXPECT_EQ(code.find("( __offload"), std::string::npos) << code;
}

// A comment after a node is not part of it: neither the hook's closing text nor the literal's text includes it, and a
// directive followed by a comment is still a directive.
TEST(Instrumenter, CommentsAfterANodeStayOutsideIt)
{
    auto result = instrumentOrFail("var f = function () { return 1 } // z\nclass A {} /* a */ // b\n"
                                   "function s() { 'use strict' // why\n return () => this }");
    auto code = withoutScriptId(result);
    EXPECT_NE(code.find("function () { return 1 }}[\"f\"], \"SID:0\", __ofs_SID) // z\n"), std::string::npos) << code;
    EXPECT_NE(code.find("class A {}, \"SID:1\", __ofs_SID); /* a */ // b\n"), std::string::npos) << code;
    EXPECT_EQ(query(result, "code.slice(meta.literals[0].start, meta.literals[0].end)"), "function () { return 1 }");
    EXPECT_EQ(query(result, "code.slice(meta.literals[1].start, meta.literals[1].end)"), "class A {}");
    EXPECT_NE(code.find("'use strict';var __ofs"), std::string::npos) << code;
    EXPECT_EQ(query(result, "meta.literals[2].strict"), "true");
}

TEST(Instrumenter, HeritageOffsetsSliceTheExpression)
{
    auto result = instrumentOrFail("class A /* { */ extends(mix(class {}, /[{]/)) { } class B extends A {}");
    EXPECT_EQ(query(result, "code.slice(meta.literals[0].heritage[0], meta.literals[0].heritage[1])"),
        "(mix(__offload.fw(class {}, \"" + result.scriptId + ":1\", __ofs_" + result.scriptId + "), /[{]/))");
    EXPECT_EQ(query(result, "code.slice(meta.literals[2].heritage[0], meta.literals[2].heritage[1])"), "A");
    EXPECT_EQ(query(result, "meta.literals[1].heritage"), "undefined");
}

// A page's script declares itself to the runtime at the entry: before the code inserted there, after the prologue.
TEST(Instrumenter, EntryOffsetIsAfterThePrologueAndBeforeInsertedCode)
{
    auto strict = instrumentOrFail("\"use strict\"\nlet a = 1; const f = () => a;");
    EXPECT_EQ(strict.code.substr(0, strict.entryOffset), "\"use strict\"");
    EXPECT_TRUE(strict.entryNeedsSemicolon);
    EXPECT_TRUE(strict.code.substr(strict.entryOffset).starts_with(";let __ofs_")) << strict.code;
    auto hashbang = instrumentOrFail("#!/bin/offload\nvar x = 1;");
    EXPECT_EQ(hashbang.code.substr(0, hashbang.entryOffset), "#!/bin/offload\n");
    EXPECT_FALSE(hashbang.entryNeedsSemicolon);
    auto plain = instrumentOrFail("function f() {}");
    EXPECT_EQ(plain.entryOffset, 0u);
    EXPECT_NE(plain.metadataJson.find("\"entry\":[0,false]"), std::string::npos) << plain.metadataJson;
}

TEST(Instrumenter, HashbangLineStaysFirst)
{
    auto result = instrumentOrFail("#!/usr/bin/env offload\nfunction f() {}");
    EXPECT_TRUE(result.code.starts_with("#!/usr/bin/env offload\n__offload.d(")) << result.code;
}

TEST(Instrumenter, DirectEvalIsRoutedThroughTheRuntime)
{
    auto result = instrumentOrFail("function e(x) { return eval(x); } (0, eval)('1'); window.eval('2');");
    EXPECT_NE(result.code.find("eval(__offload.ev(x, (__ofs0 || (__ofs0 = "), std::string::npos) << result.code;
    // Reading `eval` as a value gives the runtime's indirect eval; a method call of a property named eval asks the
    // runtime for its receiver.
    EXPECT_NE(result.code.find("(0, __offload.ie(eval))('1'); __offload.em(window).eval('2');"), std::string::npos)
        << result.code;
}

TEST(Instrumenter, PropertyReadsOfEvalAreRoutedThroughTheRuntime)
{
    auto result = instrumentOrFail("g.eval('1'); g?.eval('2'); g.eval?.('3'); (g.eval)('4'); const v = g.eval; "
                                   "g.eval.call(g, '5'); x = g?.eval; a.eval.eval(s);");
    EXPECT_NE(result.code.find("__offload.em(g).eval('1'); __offload.em(g)?.eval('2'); __offload.em(g).eval?.('3'); "
                               "(__offload.em(g).eval)('4'); const v = __offload.ie(g.eval); "
                               "__offload.ie(g.eval).call(g, '5'); x = __offload.ie(g?.eval); "
                               "__offload.em(__offload.ie(a.eval)).eval(s);"),
        std::string::npos)
        << result.code;
}

TEST(Instrumenter, SomePropertyReadsOfEvalAreLeftAlone)
{
    // Targets, `delete`, `new`, computed keys, `super` calls, tagged templates (only their strings object is
    // rewritten), and reads an optional chain would skip: wrapping them would end the chain.
    std::string source = "g.eval = 1; g.eval++; delete g.eval; [g.eval] = y; ({ k: g.eval } = o); new g.eval(); "
                         "g['eval']('1'); a?.b.eval('2'); a?.eval.call(g, '3'); a?.eval.b;";
    auto result = instrumentOrFail(source);
    EXPECT_NE(result.code.find(source), std::string::npos) << result.code;
    auto tagged = instrumentOrFail("class C extends B { m() { return super.eval('1'); } } g.eval`x`;");
    EXPECT_NE(tagged.code.find("super.eval('1')"), std::string::npos) << tagged.code;
    EXPECT_NE(tagged.code.find("g.eval(__offload.ts("), std::string::npos) << tagged.code;
}

TEST(Instrumenter, OnlyDirectEvalsAreRewritten)
{
    auto result = instrumentOrFail("function e(x) { (eval)(x); eval?.(x); function g(eval) { eval(x); } }");
    EXPECT_NE(result.code.find("(eval)(__offload.ev(x, "), std::string::npos) << result.code;
    EXPECT_NE(result.code.find("__offload.ie(eval)?.(x);"), std::string::npos) << result.code;
    EXPECT_NE(result.code.find("function g(eval) { eval(x); }"), std::string::npos) << result.code;
}

TEST(Instrumenter, EvalReadAsAValueGoesThroughTheRuntime)
{
    auto result = instrumentOrFail("var run = eval; const o = { eval }; typeof eval; f(eval);");
    EXPECT_EQ(withoutScriptId(result),
        "var run = __offload.ie(eval); const o = { eval: __offload.ie(eval) }; typeof __offload.ie(eval); "
        "f(__offload.ie(eval));");
    // Writes, deletion and reads of a local binding named eval are left alone (sloppy code may rebind eval).
    result
        = instrumentOrFail("eval = 1; delete eval; eval++; function g(eval) { return eval; } { let eval = 2; eval; }");
    EXPECT_EQ(withoutScriptId(result),
        "__offload.d(null, g, \"SID:0\");eval = 1; delete eval; eval++; function g(eval) { return eval; } { let eval = "
        "2; eval; }");
}

TEST(Instrumenter, AnnexBFunctionInIfGetsAnExplicitBlock)
{
    auto result = instrumentOrFail("if (a) function f() { return f; }");
    EXPECT_EQ(withoutScriptId(result),
        "if (a) {let __ofs0 = __offload.s(\"SID:0\", (__ofi) => { switch (__ofi) { case 0: return f; } }, null);"
        "__offload.d(__ofs0, f, \"SID:0\");function f() { return f; }}");
    // A function that nothing nested refers to by name is no binding of the block's template: the block has none.
    result = instrumentOrFail("if (a) function f() {}");
    EXPECT_EQ(withoutScriptId(result), "if (a) {__offload.d(null, f, \"SID:0\");function f() {}}");
}

TEST(Instrumenter, EvalCodeHangsBelowTheCallersHandle)
{
    auto result = instrumentOrFail("let z = 1; () => z", SourceKind::DirectEval);
    EXPECT_TRUE(result.code.starts_with("const __ofsp = __offload.evh;let __ofs0;")) << result.code;
    EXPECT_EQ(
        query(result, "meta.kind + ' ' + meta.templates[0].kind + ' ' + meta.templates[0].parent"), "eval eval -1");
    EXPECT_NE(result.code.find("}, __ofsp)))"), std::string::npos) << result.code;
}

TEST(Instrumenter, SloppyEvalVarsBelongToTheCaller)
{
    auto sloppy = instrumentOrFail("var v = 1; () => v", SourceKind::DirectEval);
    EXPECT_EQ(query(sloppy, "meta.templates.length"), "0");
    InstrumentOptions options;
    options.kind = SourceKind::DirectEval;
    options.isStrictCaller = true;
    auto strict = Instrumenter::instrument("var v = 1; () => v", options, nullptr);
    ASSERT_TRUE(strict);
    EXPECT_EQ(query(*strict, "JSON.stringify(meta.templates[0].bindings)"), "[[\"v\",\"var\"]]");
}

TEST(Instrumenter, NewExpressionsKeepConstructingTheLiteral)
{
    auto result = instrumentOrFail("var a = new function () { this.x = 1; };");
    EXPECT_NE(withoutScriptId(result).find("new (__offload.f(function () { this.x = 1; }, \"SID:0\", null));"),
        std::string::npos)
        << result.code;
}

TEST(Instrumenter, ExpressionBodiedArrowGetsABlockForItsHandle)
{
    auto result = instrumentOrFail("var mk = x => () => x;");
    EXPECT_NE(result.code.find("x => {var __ofs0;return __offload.f(() => x"), std::string::npos) << result.code;
}

TEST(Instrumenter, StaticBlocksAndFieldsAreGuardedByAnEagerHandle)
{
    auto result = instrumentOrFail(
        "function f() { let v = 1; class A { static { this.g = () => v; } x = () => v; } return A; }");
    EXPECT_EQ(query(result, "meta.templates[0].eager"), "true");
    EXPECT_EQ(query(result, "meta.literals.map(l => l.kind).join(' ')"),
        "function class staticBlock function field function");
}

TEST(Instrumenter, StaticCodeIsGuardedDuringRestore)
{
    auto result = instrumentOrFail("class A { static x = 1; y = 2; static { this.z = 3; } static {} }");
    EXPECT_EQ(withoutScriptId(result),
        "let __ofs_SID = __offload.s(\"SID:0\", (__ofi) => { switch (__ofi) { case 0: return A; } }, null);"
        "let A = __offload.fw(class A { static x = __offload.r ? void 0 : (1); y = 2; static {if (!__offload.r) { "
        "this.z = 3; }} "
        "static {} }, \"SID:0\", __ofs_SID);");
    // While restoring, re-creating the class runs none of its static code.
    auto normal = JSCTestHarness::run(result.code, result.metadataJson, "print(A.x, A.z, new A().y)");
    EXPECT_EQ(normal.output, "1 3 2");
    auto restoring
        = JSCTestHarness::run("__offload.r = true;" + result.code, result.metadataJson, "print(A.x, A.z, new A().y)");
    EXPECT_EQ(restoring.output, "undefined undefined 2");
}

TEST(Instrumenter, PrivateNamesAreDescribed)
{
    auto result
        = instrumentOrFail("class P { #x = 1; static #s; #m() {} get x() { return this.#x; } } class Q { y = 2; }"
                           " class R extends Q { static #t() {} }");
    EXPECT_EQ(query(result,
                  "meta.literals.filter(l => l.kind === 'class').map(l => JSON.stringify(l.privateNames))"
                  ".join(' ')"),
        "{\"derived\":false,\"brand\":true,\"fields\":[\"#x\"],\"staticFields\":[\"#s\"]} null "
        "{\"derived\":true,\"brand\":false,\"fields\":[],\"staticFields\":[]}");
}

TEST(Instrumenter, InferredNamesComeFromTheEngine)
{
    // Each function already has its inferred name when the hook (f, or fw for classes) sees it (no `name` is set at
    // every creation), except one named __proto__, which an object literal would take as its prototype.
    auto result
        = instrumentOrFail("let g; g = function () {}; const f = () => 1; const o = { h: () => 2, k: class {} };"
                           " const { d = () => 3 } = {}; const __proto__ = () => 4;");
    auto run = JSCTestHarness::run("const seen = []; for (const name of ['f', 'fw']) { const hook = __offload[name]; "
                                   "__offload[name] = (fn, id, h) => { seen.push(fn.name); return hook(fn, id, h); }; }"
            + result.code,
        result.metadataJson, "print(seen.join(','), o.k.name, __proto__.name)");
    EXPECT_EQ(run.exception, "");
    EXPECT_EQ(run.output, "g,f,h,k,d, k __proto__");
}

TEST(Instrumenter, PlainAssignmentNamesTheFunctionItWraps)
{
    // The hook takes the value of `x = function () {}`, which the engine has named: no object literal is made at each
    // creation. Logical assignments name too, but their value need not be the new function: those keep the literal.
    auto result = instrumentOrFail("var x, y; x = function () {}; y ||= () => 1; x.p = function () {};");
    EXPECT_EQ(withoutScriptId(result),
        "var x, y; __offload.f(x = function () {}, \"SID:0\", null); y ||= __offload.f({\"y\":() => 1}[\"y\"], "
        "\"SID:1\", null); x.p = __offload.f(function () {}, \"SID:2\", null);");
    auto run = JSCTestHarness::run(result.code, result.metadataJson, "print(x.name, y.name, JSON.stringify(x.p.name))");
    EXPECT_EQ(run.exception, "");
    EXPECT_EQ(run.output, "x y \"\"");
}

TEST(Instrumenter, SuperUsesAreMarked)
{
    // The method and the arrow in it use super; the nested function, the string and the property do not count.
    auto result
        = instrumentOrFail("const o = { m() { const f = () => super.x; return function () { return 'super'; }; },"
                           " n() { return this.super; } };");
    EXPECT_EQ(query(result, "meta.literals.map(l => l.kind + ':' + l.usesSuper).join()"),
        "method:true,function:true,function:false,method:false");
}

TEST(Instrumenter, ArrowsUsingSuperGetThisAndHomeBindings)
{
    // An arrow using super makes the scope of its method (field initializer, static block: a `function` template) list
    // `this` and a `home` binding, with the literal whose evaluation makes the home object; the getter has no case for
    // `home`. super(…) in an arrow is flagged; a method using super itself needs no binding.
    auto result = instrumentOrFail(
        "class A { m() { return () => super.x; } static s() { return () => super.y; } f = () => super.z;"
        " static { this.g = () => super.w; } n() { return super.v; } }"
        " class B extends A { constructor() { const c = () => super(); c(); } }"
        " const o = { p() { return () => super.u; } };");
    EXPECT_EQ(query(result,
                  "meta.templates.filter(t => t.home).map(t => t.kind + ':' + meta.literals[t.home.literal].kind + ':'"
                  " + t.home.static + ':' + t.bindings.map(b => b.join('=')).join('/')).join()"),
        "function:class:false:this=this/super=home,function:class:true:this=this/super=home,"
        "field:class:false:this=this/super=home,function:class:true:this=this/super=home,"
        "function:method:false:this=this/super=home");
    EXPECT_EQ(query(result, "meta.literals.filter(l => l.callsSuper).length"), "1");
    EXPECT_EQ(result.code.find("return super"), result.code.find("return super.v"));
}

TEST(Instrumenter, ComputedFieldNamesAreFlagged)
{
    auto result = instrumentOrFail("const k = 'a'; class A { [k] = 1; [k + 'm']() {} } class B { b = 1; ['c']() {} }");
    EXPECT_EQ(
        query(result, "meta.literals.filter(l => l.kind === 'class').map(l => l.computedFields).join()"), "true,false");
    // The class is evaluated inside an arrow holding the list of its computed field keys; method keys are left alone.
    EXPECT_NE(withoutScriptId(result).find("let A = __offload.fw((() => {const __ofk = [];return __offload.fc(class A "
                                           "{ [__offload.fk(__ofk, __offload.r || (k))] = 1; [k + 'm']() {} }, "
                                           "__ofk);})(), \"SID:0\", __ofs_SID);"),
        std::string::npos);
    // A yield in a computed key would not be the generator's any more inside the arrow: such a class is left as it is.
    auto suspending = instrumentOrFail("function* g() { return class { [yield] = 1; }; }");
    EXPECT_EQ(suspending.code.find("__ofk"), std::string::npos);
}

TEST(Instrumenter, ParameterScopeGettersWriteTheParametersTheySee)
{
    // An arrow's parameter scope has no arguments object to keep its handle with: each closure gets a handle, whose
    // getter also writes the parameters (the capture tells one call's handles by tags written through them). In the
    // body, the parameter `x` hidden by `var x` reads as __offload.hv and is not written.
    auto result = instrumentOrFail("const f = (x = 1, y = 0, g = () => x) => { var x = 2; return () => y; };");
    auto code = withoutScriptId(result);
    EXPECT_NE(code.find("(__ofi, __ofv) => { switch (__ofi) { case 0: return x; case 1: return y; case -1: x = __ofv; "
                        "return true; case -2: y = __ofv; return true; } }"),
        std::string::npos)
        << code;
    EXPECT_NE(
        code.find("(__ofi, __ofv) => { switch (__ofi) { case 0: return __offload.hv; case 1: return y; case -2: y "
                  "= __ofv; return true; } }"),
        std::string::npos)
        << code;
}

TEST(Instrumenter, PrivateClassHandsOverItsReaders)
{
    auto result = instrumentOrFail(
        "class P { #x = 1; #y = 'y'; static #s = 's'; get x() { return this.#x; } static get s() { return P.#s; } }");
    EXPECT_EQ(withoutScriptId(result),
        "let __ofs_SID = __offload.s(\"SID:0\", (__ofi) => { switch (__ofi) { case 0: return P; } }, null);"
        "let P = __offload.fw(class P {static {__offload.pc(this,null,\"SID:0\",(__ofo)=>#x in __ofo,"
        "(__ofo)=>[__ofo.#x,__ofo.#y],(__ofo,__ofv)=>{__ofo.#x=__ofv[0];__ofo.#y=__ofv[1];},()=>[this.#s],"
        "(__ofv)=>{this.#s=__ofv[0];});} #x = __offload.r ? void 0 : (1); #y = __offload.r ? void 0 : ('y'); "
        "static #s = __offload.r ? void 0 : ('s'); get x() { return this.#x; } static get s() { return P.#s; } }, "
        "\"SID:0\", __ofs_SID);");
    // The readers see and change the private state of instances and of the class.
    auto run = JSCTestHarness::run(
        "let readers; const pc = __offload.pc; __offload.pc = (...args) => { readers = args; pc(...args); };"
            + result.code,
        result.metadataJson,
        "const [cls, , , brand, get, set, staticGet, staticSet] = readers; const p = new P();"
        "print(cls === P, brand(p), brand({}), get(p).join());"
        "set(p, [5, 'z']); staticSet(['t']); print(p.x, get(p).join(), staticGet().join(), P.s)");
    EXPECT_EQ(run.exception, "");
    EXPECT_EQ(run.output, "true true false 1,y\n5 5,z t t");
}

TEST(Instrumenter, ConstructingPrivateClassesWhileRestoringOnlyAddsNames)
{
    auto result
        = instrumentOrFail("const log = []; class A { #a = log.push('a field'); constructor() { log.push('A'); }"
                           " static has(o) { return #a in o; } }"
                           " class B extends A { #b = log.push('b field'); constructor(x) { super(); "
                           "log.push('B ' + x); } static has(o) { return #b in o; } }");
    auto normal = JSCTestHarness::run(result.code, result.metadataJson, "new B(1); print(log.join())");
    EXPECT_EQ(normal.output, "a field,A,b field,B 1");
    auto restoring = JSCTestHarness::run(result.code, result.metadataJson,
        "__offload.r = true; const b = new B(1); print(log.length, A.has(b), B.has(b))");
    EXPECT_EQ(restoring.exception, "");
    EXPECT_EQ(restoring.output, "0 true true");
}

TEST(Instrumenter, CodeInsidePrivateClassesIsMarked)
{
    // The field's scope, the method and its scope are made inside P's body; the arrows are made in scopes that are
    // already inside it. Q has no private names.
    auto result = instrumentOrFail("class P { #x; f = () => this; m() { return () => this.#x; } } class Q { n() {"
                                   " return () => this; } }");
    EXPECT_EQ(query(result, "meta.literals.map(l => l.kind + ':' + l.privateClass).join()"),
        "class:-1,field:0,function:-1,method:0,function:-1,class:-1,method:-1,function:-1");
    EXPECT_EQ(query(result, "meta.templates.map(t => t.kind + ':' + t.privateClass).join()"),
        "script:-1,field:0,function:0,function:-1");
}

TEST(Instrumenter, NoNewlineIsInserted)
{
    const char* source = "let a = 1\nfunction f(x) {\n  'use strict'\n  return [() => x, { m() { return a } }]\n}\n"
                         "for (let i of [1]) g(() => i)\nclass K { static { } }\ntry {} catch ({ e }) { h(() => e) }\n";
    auto result = instrumentOrFail(source);
    EXPECT_EQ(std::count(result.code.begin(), result.code.end(), '\n'),
        std::count(source, source + std::strlen(source), '\n'));
    // Every line of the original is a subsequence of the same line of the output: author tokens are kept in place.
    EXPECT_GT(result.code.size(), std::strlen(source));
}

TEST(Instrumenter, OutputIsDeterministic)
{
    const char* source = "function f(a) { return [() => a, class { m() {} }]; }";
    EXPECT_EQ(instrumentOrFail(source).code, instrumentOrFail(source).code);
    EXPECT_EQ(instrumentOrFail(source).metadataJson, instrumentOrFail(source).metadataJson);
}

TEST(Instrumenter, LiteralIdsAreStableAcrossUnrelatedEditsAfterThem)
{
    auto first = instrumentOrFail("var a = () => 1; var b = () => 2;");
    auto second = instrumentOrFail("var a = () => 1; var b = () => 2; var c = () => 3;");
    EXPECT_EQ(query(first, "meta.literals.map(l => l.name).join()"), "a,b");
    EXPECT_EQ(query(second, "meta.literals.map(l => l.name).join()"), "a,b,c");
    EXPECT_NE(first.scriptId, second.scriptId);
}

TEST(Instrumenter, RefusesWith)
{
    auto refusal = refusalFor("var o = {};\nwith (o) { x; }");
    EXPECT_EQ(refusal.code, static_cast<int>(InstrumenterError::UnsupportedSyntax));
    EXPECT_TRUE(refusal.message.starts_with("app.js:2:1: 'with' statements are not supported")) << refusal.message;
}

TEST(Instrumenter, RefusesReservedIdentifiers)
{
    auto refusal = refusalFor("var ok = 1;\n  var __offload = 2;");
    EXPECT_EQ(refusal.code, static_cast<int>(InstrumenterError::ReservedIdentifier));
    EXPECT_EQ(refusal.message, "app.js:2:7: the identifier '__offload' is reserved for the offload runtime");
    EXPECT_EQ(refusalFor("function f({ __ofs1 }) {}").code, static_cast<int>(InstrumenterError::ReservedIdentifier));
    EXPECT_EQ(refusalFor("o.__ofs1 = 1;").code, -1) << "property names are not bindings";
}

TEST(Instrumenter, ReportsSyntaxErrorsFromJavaScriptCore)
{
    auto refusal = refusalFor("var a = 1;\nvar = 2;");
    EXPECT_EQ(refusal.code, static_cast<int>(InstrumenterError::SyntaxError));
    EXPECT_TRUE(refusal.message.starts_with("app.js:2:")) << refusal.message;
    EXPECT_NE(refusal.message.find("SyntaxError"), std::string::npos) << refusal.message;
    // tree-sitter accepts this; JavaScriptCore does not (duplicate lexical declaration).
    EXPECT_EQ(refusalFor("let a; let a;").code, static_cast<int>(InstrumenterError::SyntaxError));
}

TEST(Instrumenter, RefusesWhatTreeSitterCannotParse)
{
    // Valid (a parenthesised destructuring target), but tree-sitter-javascript 0.25 produces an ERROR node.
    auto refusal = refusalFor("var a;\n[(a)] = [1];");
    if (refusal.code == -1)
        GTEST_SKIP() << "this tree-sitter version parses the construct";
    EXPECT_EQ(refusal.code, static_cast<int>(InstrumenterError::ParserLimitation)) << refusal.message;
    EXPECT_TRUE(refusal.message.starts_with("app.js:2:")) << refusal.message;
    EXPECT_NE(refusal.message.find("JavaScriptCore accepts the script"), std::string::npos) << refusal.message;
}

TEST(Instrumenter, RefusesHtmlCommentsTreeSitterReadsAsOperators)
{
    // tree-sitter reads `a < !--c`; the engine reads `a` and a comment.
    auto refusal = refusalFor("var a = 1, c = 2;\nvar b = a <!--c\n");
    EXPECT_EQ(refusal.code, static_cast<int>(InstrumenterError::ParserLimitation)) << refusal.message;
    EXPECT_TRUE(refusal.message.starts_with("app.js:2:11:")) << refusal.message;
}

TEST(Instrumenter, RefusesInvalidUTF8)
{
    EXPECT_EQ(refusalFor("var a = '\xff';").code, static_cast<int>(InstrumenterError::InvalidArgument));
}

} // namespace
