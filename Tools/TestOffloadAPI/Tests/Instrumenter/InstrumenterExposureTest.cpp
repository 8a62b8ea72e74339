/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Which bindings a template exposes: only those that code nested in the scope (functions, classes, class elements)
// or a direct eval can refer to. Identifier references are resolved to their declarations; property names, labels
// and the like are not references.

#include "Instrumenter/Instrumenter.h"

#include "InstrumentOrFail.h"
#include "JSCTestHarness.h"
#include <gtest/gtest.h>

using namespace Offload;

namespace {

// "kind:name,name kind:name" for the templates of `source`, in template order.
std::string exposedBindings(std::string_view source)
{
    auto result = instrumentOrFail(source);
    return JSCTestHarness::query(result.code, result.metadataJson,
        "meta.templates.map(t => t.kind + ':' + t.bindings.map(b => b[0]).join(',')).join(' ')");
}

TEST(InstrumenterExposure, OnlyBindingsNestedCodeReferencesAreListed)
{
    auto source = "function f(a, b) { let c = 1, d = 2; var e = 3; return () => a + c; }";
    EXPECT_EQ(exposedBindings(source), "function:a,c");
    auto result = instrumentOrFail(source);
    // The getter numbers exactly the listed bindings, in the same order.
    EXPECT_NE(
        result.code.find("(__ofi) => { switch (__ofi) { case 0: return a; case 1: return c; } }"), std::string::npos)
        << result.code;
}

TEST(InstrumenterExposure, AScopeWithoutExposedBindingsIsNoTemplate)
{
    auto result = instrumentOrFail("function f(a) { let b = a; return () => 1; }");
    EXPECT_EQ(JSCTestHarness::query(result.code, result.metadataJson, "meta.templates.length"), "0");
    EXPECT_NE(result.code.find("__offload.f(() => 1, \"" + result.scriptId + ":1\", null)"), std::string::npos)
        << result.code;
    // Its closures hang below the nearest enclosing template.
    EXPECT_EQ(exposedBindings("function f(a) { let u; { let b; { let c; g = () => a; } } }"), "function:a");
}

TEST(InstrumenterExposure, WritesAreReferences)
{
    EXPECT_EQ(exposedBindings("function f() { let n = 0, m = 0; return () => { n = 1; m; }; }"), "function:n,m");
    EXPECT_EQ(exposedBindings("function f() { let n = 0, m; return () => { n++; }; }"), "function:n");
}

TEST(InstrumenterExposure, Shadowing)
{
    EXPECT_EQ(exposedBindings("function f() { let x = 1, y = 2; { let x = 3; g = () => x; } h = () => y; }"),
        "function:y block:x");
    // The closure declares its own `x`: the outer one is not referenced.
    EXPECT_EQ(exposedBindings("function f(x, y) { return (x) => x + y; }"), "function:y");
    EXPECT_EQ(exposedBindings("function f(x, y) { return () => { let x = 1; return x + y; }; }"), "function:y");
    // A getter written below a hidden `x` would read that one: the outer handle is made at its scope's entry.
    auto result = instrumentOrFail("function f(x) { { let x = 2; var g = () => [x, h]; } var h = () => x; }");
    EXPECT_EQ(JSCTestHarness::query(result.code, result.metadataJson,
                  "meta.templates.map(t => t.kind + ':' + t.bindings.map(b => b[0]) + ':' + t.eager).join(' ')"),
        "function:x,h:true block:x:false");
    result = instrumentOrFail("function f(x, y) { { let x = 2; var g = () => y; } }");
    EXPECT_EQ(JSCTestHarness::query(
                  result.code, result.metadataJson, "meta.templates.map(t => t.kind + ':' + t.eager).join(' ')"),
        "function:false");
}

TEST(InstrumenterExposure, VarsAreHoistedOutOfBlocks)
{
    EXPECT_EQ(exposedBindings("function f() { { var v = 1; let w = 2; } return () => v; }"), "function:v");
    // Declarations after the closure count too.
    EXPECT_EQ(exposedBindings("function f() { g = () => [v, w]; if (x) { var v; } let w; }"), "function:v,w");
    EXPECT_EQ(exposedBindings("function f() { for (var i = 0, j; i < 3; i++) g = () => i; }"), "function:i");
    EXPECT_EQ(exposedBindings("function f() { for (let i = 0, j = 0; i < 3; i++) g = () => j; }"), "for:j");
}

TEST(InstrumenterExposure, CatchParameters)
{
    EXPECT_EQ(exposedBindings("function f() { let e = 0; try {} catch (e) { return () => e; } }"), "catch:e");
    EXPECT_EQ(
        exposedBindings("function f() { try {} catch ({ a, b: [c] }) { let d; return () => a + d; } }"), "catch:a,d");
    EXPECT_EQ(exposedBindings("function f() { let e = 0; try {} catch (e) {} return () => e; }"), "function:e");
}

TEST(InstrumenterExposure, ClosuresInParameters)
{
    // The parameters form their own template when a parameter expression creates a closure.
    EXPECT_EQ(exposedBindings("function f(a, b, g = () => a) { let c; return () => c; }"), "params:a function:c");
    EXPECT_EQ(exposedBindings("function f(a, b, g = () => 1) { let c; return () => c + b; }"), "params:b function:c");
    // With parameter expressions a body `var` of a parameter's name is a separate binding (its own environment).
    EXPECT_EQ(exposedBindings("function f(x, g = () => x) { var x; return () => x; }"), "params:x function:x");
    // A parameter default of a nested function is nested code.
    EXPECT_EQ(exposedBindings("function f(a, b) { return function (x = a) { return x; }; }"), "function:a");
    EXPECT_EQ(exposedBindings("function f(a, b) { return ({ a: x = b } = {}) => x; }"), "function:b");
}

TEST(InstrumenterExposure, DirectEvalExposesEverythingInScope)
{
    EXPECT_EQ(exposedBindings("function f(a) { let b; { let c; eval('1'); } return () => 1; }"),
        "function:a,b,this,arguments,new.target block:c");
    // From a nested function, an eval reaches every enclosing scope, across function boundaries.
    EXPECT_EQ(exposedBindings("function f(a, b) { { let c; return function () { return eval('a'); }; } }"),
        "function:a,b block:c function:this,arguments,new.target");
    // `eval(...x)` is not rewritten (its code is not instrumented) but may be a direct eval all the same.
    EXPECT_EQ(exposedBindings("function f(a, b) { return (...x) => eval(...x); }"), "function:a,b");
    // A sibling scope is not reachable from the eval.
    EXPECT_EQ(exposedBindings("function f() { { let s; g = () => 1; } { eval('2'); } }"),
        "function:this,arguments,new.target");
}

TEST(InstrumenterExposure, ClassBodies)
{
    // A class is re-created from its text, which evaluates its computed keys again; a method's own body refers to
    // the class's inner name through the class itself, a closure inside it through the method's template.
    EXPECT_EQ(exposedBindings("function f(k, u) { class C { [k]() {} m() { return () => C; } n() { return C; } } "
                              "return C; }"),
        "function:k function:C");
    EXPECT_EQ(exposedBindings("function f(a, b) { return class { x = a; static y = () => this; }; }"),
        "function:a field:this");
    EXPECT_EQ(exposedBindings("function f(a, b) { return class { static { g = () => b; } }; }"), "function:b");
    EXPECT_EQ(exposedBindings("function f(a, b) { return { [a]() {}, m() { return b; } }; }"), "function:b");
}

TEST(InstrumenterExposure, PropertyNamesAndLabelsAreNotReferences)
{
    EXPECT_EQ(exposedBindings("function f(x, y, z, w, v) { return () => { z: for (;;) { break z; } "
                              "return [o.x, { y: 1 }, { w }, o?.v, { get x() {}, z() {} }]; }; }"),
        "function:w");
    EXPECT_EQ(exposedBindings("function f(x, y) { return () => { class K { x = 1; y() {} static #x; } }; }"), "");
}

TEST(InstrumenterExposure, DestructuringPatterns)
{
    EXPECT_EQ(exposedBindings("function f(a, b, c, d) { return () => { ({ b } = {}); [a] = []; const { c: e } = {}; "
                              "for ([d] of []); }; }"),
        "function:a,b,d");
    EXPECT_EQ(exposedBindings("function f(a, b) { return () => { const { x = a, [b]: y } = {}; }; }"), "function:a,b");
}

TEST(InstrumenterExposure, TypeofAndOtherOperators)
{
    EXPECT_EQ(
        exposedBindings("function f(a, b, c, d) { return () => [typeof a, delete b.p, `${c}`]; }"), "function:a,b,c");
}

TEST(InstrumenterExposure, FunctionNamesAndDeclarations)
{
    // A named function expression's own name is listed only when nested code refers to it.
    EXPECT_EQ(exposedBindings("var g = function h(a) { return () => h; };"), "function:h");
    EXPECT_EQ(exposedBindings("var g = function h(a) { h; return () => a; };"), "function:a");
    // A recursive helper refers to itself; the other is registered with the enclosing handle.
    auto result = instrumentOrFail("function f() { function g() { return g; } function h() {} return [g, h]; }");
    EXPECT_EQ(JSCTestHarness::query(result.code, result.metadataJson,
                  "meta.templates.map(t => t.kind + ':' + t.bindings.map(b => b[0]) + ':' + t.eager).join(' ')"),
        "function:g:true");
    result = instrumentOrFail("function f() { function h() {} return h; }");
    EXPECT_NE(result.code.find("function f() {__offload.d(null, h, \"" + result.scriptId + ":1\");"), std::string::npos)
        << result.code;
}

TEST(InstrumenterExposure, ArgumentsAndThis)
{
    EXPECT_EQ(exposedBindings("function f(a) { return () => arguments; }"), "function:arguments");
    EXPECT_EQ(exposedBindings("function f(a) { return function () { return arguments; }; }"), "");
    EXPECT_EQ(exposedBindings("function f(a) { var arguments; return () => arguments; }"), "function:arguments");
    EXPECT_EQ(exposedBindings("function f(a) { return () => this; }"), "function:this");
}

TEST(InstrumenterExposure, LabelledFunctionWithoutTemplateIsRegisteredAfterIt)
{
    auto result = instrumentOrFail("function f() { L: function g() {} return g; }");
    EXPECT_NE(result.code.find("{L: function g() {};__offload.d(null, g, \"" + result.scriptId + ":1\");}"),
        std::string::npos)
        << result.code;
    auto run = JSCTestHarness::run(result.code, result.metadataJson, "print(typeof f())");
    EXPECT_EQ(run.output, "function");
    EXPECT_EQ(run.stubErrors, "");
}

TEST(InstrumenterExposure, SwitchFunctionsKeepTheirTemplate)
{
    EXPECT_EQ(exposedBindings("function f(k) { switch (k) { case 1: let u; function g() {} return g; } }"), "block:g");
}

TEST(InstrumenterExposure, ScriptTopLevelListsEverything)
{
    // Top-level lexical bindings are shared with other scripts and travel as roots of the capture.
    EXPECT_EQ(exposedBindings("let a = 1, b = 2; const f = () => a;"), "script:a,b,f");
}

} // namespace
