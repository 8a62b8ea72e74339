/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Behavioural equivalence: every snippet prints the same lines (and throws the same exception) before and after
// instrumentation, run in JavaScriptCore with a stub runtime that checks every hook call and reads every binding
// through each handle's getter.

#include "Instrumenter/Instrumenter.h"
#include "JSCTestHarness.h"
#include <gtest/gtest.h>

using namespace Offload;

namespace {

struct Snippet {
    const char* name;
    const char* code;
};

class InstrumenterBehaviorTest : public testing::TestWithParam<Snippet> { };

TEST_P(InstrumenterBehaviorTest, SameOutputAsOriginal)
{
    std::string source = GetParam().code;
    InstrumentOptions options;
    options.verifyOutput = true;
    GError* error = nullptr;
    auto result = Instrumenter::instrument(source, options, &error);
    ASSERT_TRUE(result) << error->message;

    auto original = JSCTestHarness::run(source);
    auto instrumented = JSCTestHarness::run(result->code, result->metadataJson);
    EXPECT_EQ(original.exception, instrumented.exception) << result->code;
    EXPECT_EQ(original.output, instrumented.output) << result->code;
    EXPECT_EQ(instrumented.stubErrors, "") << result->code;
    EXPECT_FALSE(original.output.empty()) << "the snippet must print something";
    EXPECT_EQ(
        std::count(source.begin(), source.end(), '\n'), std::count(result->code.begin(), result->code.end(), '\n'));
}

const Snippet snippets[] = {
    { "ComputedFieldNames",
        "let n = 0; const s = Symbol('s'); const k = { toString() { ++n; return 'obj'; } };\n"
        "function make() { return class { [`f${++n}`] = n; [s] = 2; static [k] = 3; [class { [n] = 1; }.name] = 4; }; "
        "}\nconst A = make(), B = make(); print(JSON.stringify([new A(), new B()]), new A()[s], A.obj, n);\n"
        "function* g() { const C = class { [yield 1] = 5; }; return C; } const it = g(); it.next(); "
        "print(JSON.stringify(new (it.next('y').value)()));" },
    { "Counter", "function make() { let n = 0; return () => ++n; } const c = make(); c(); print(c(), make()());" },
    { "BlockShadowing",
        "let x = 1; { let x = 2; var f = () => x; } print(f(), x);\n"
        "function g(a) { { let a = 5; var h = () => a; } var k = () => a; return [h(), k()]; } print(g(1));" },
    { "PerIterationLet",
        "var fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); print(fs.map(f => f()));\n"
        "var gs = []; for (let i = 0; i < 3; i++) { let j = i * 2; gs.push(() => i + j); } print(gs.map(f => f()));\n"
        "var hs = []; for (const k of ['a', 'b']) hs.push(() => k); print(hs.map(f => f()));\n"
        "var js = []; for (const k in { p: 1, q: 2 }) { js.push(function () { return k; }); } print(js.map(f => "
        "f()));\n"
        "for (let i = 0, f = () => i; i < 2; i++) print(f(), (() => i)());" },
    { "LoopBodyWithoutSemicolon",
        "var out = []\nfor (let i = 0; i < 2; i++) out.push(() => i)\nprint(out.map(f => f()))" },
    { "CatchBindings",
        "try { throw 1; } catch (e) { var f = () => e; } print(f());\n"
        "try { throw { a: 2, b: [3] }; } catch ({ a, b: [c] }) { let d = 4; var g = () => a + c + d; } print(g());\n"
        "try { null.x; } catch { print((() => 'no binding')()); }" },
    { "Parameters",
        "function p(a, b = () => a, { c, d: [e] = [5] } = {}, ...rest) { return [b(), c, e, rest.length, (() => a + "
        "e)()]; }\n"
        "print(p(1), p(2, undefined, { c: 3, d: [4] }, 9, 9));\n"
        "const q = (x, y = x * 2) => () => x + y; print(q(1)());" },
    { "ArrowThisArgumentsNewTarget",
        "function T(v) { this.v = v; const g = () => this.v; const h = () => arguments[0]; const n = () => new.target "
        "=== T;\n"
        "this.r = [g(), h(), n()]; } print(new T(7).r);\n"
        "const o = { v: 3, m() { return [1].map(() => this.v); } }; print(o.m());" },
    { "Classes",
        "class A { #p = 1; static count = 0; x = () => this.#p; static { A.count = 5; this.made = () => A.count; }\n"
        "constructor(q) { this.q = q; } get p() { return this.#p; } set p(v) { this.#p = v; } static make() { return "
        "new A(2); }\n"
        "['comp' + 1]() { return 'c'; } *gen() { yield this.q; } async am() { return 1; } #priv() { return 9; } "
        "callPriv() { return this.#priv(); } }\n"
        "const a = A.make(); a.p = 4; print(a.x(), a.p, a.q, A.made(), a.comp1(), [...a.gen()], a.callPriv(), "
        "A.name);\n"
        "class B extends A { constructor() { super(3); this.s = () => super.callPriv(); } static sm() { return () => "
        "super.make().q; } }\n"
        "const b = new B(); print(b.s(), B.sm()(), b instanceof A, B.name);\n"
        "const C = class { static n = 'anon'; }; print(C.name, C.n); const D = class Named { who() { return "
        "Named.name; } }; print(new D().who());" },
    { "ObjectLiterals",
        "const k = 'dyn'; const base = { hi() { return 'b'; } };\n"
        "const o = { __proto__: base, a: 1, hi() { return super.hi() + 'o'; }, get g() { return this.a; }, set g(v) { "
        "this.a = v; },\n"
        "[k + 'x']() { return k; }, async *ag() { yield 1; }, 'str key'() { return 2; }, 12() { return 3; }, arrow: () "
        "=> 4, fn: function () { return 5; } };\n"
        "o.g = 10; print(o.hi(), o.g, o.dynx(), o['str key'](), o[12](), o.arrow(), o.fn(), o.arrow.name, o.fn.name, "
        "o.hi.name);" },
    { "GeneratorsAndAsync",
        "function* g(n) { for (let i = 0; i < n; i++) yield () => i; } print([...g(3)].map(f => f()));\n"
        "async function a(x) { const y = await x; return () => y; } a(Promise.resolve(6)).then(f => print('async', "
        "f()));\n"
        "const aa = async (v) => { await null; return [1, 2].map(async w => w + v); };\n"
        "aa(1).then(ps => Promise.all(ps)).then(r => print('arrows', r));\n"
        "(async () => { for await (const v of [Promise.resolve(1), 2]) print('for await', v); })();" },
    { "LabelsTemplatesRegex",
        "outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j === 1) continue outer; if (i === 2) "
        "break outer; print(i, j, (() => i + j)()); } }\n"
        "const t = (s, ...v) => s.raw.join('|') + v.length; print(t`a${() => 1}b${2}`, `x${(() => 'y')()}z`);\n"
        "const re = /[/]\\d+(?=a)/g; print(re.test('/12a'), 'a/b'.split(/\\//).length);" },
    // Tagged templates become calls with the site's strings object routed through the runtime: the same calls, the
    // same `this`, the same evaluation order, one strings object per site; `eval` tags and eval code stay as written.
    { "TaggedTemplates",
        "const id = (s) => s; const site = () => id`a${0}b`; print(site() === site(), site() === id`a${0}b`);\n"
        "const o = { n: 0, t(s, v) { this.n += v; return s.raw.join('|'); } }; print(o.t`x${2}\\n${3}`, o.n);\n"
        "const log = []; const tag = (s, ...v) => { log.push(s[0]); return v.join(); };\n"
        "print(tag`o${(log.push('sub'), tag`i${1}`)}${2}`, log.join());\n"
        "function M(s) { return class { constructor() { this.s = s[0]; } }; } print(new M`made`().s);\n"
        "const c = (s) => (t) => s[0] + t[0]; print(c`a``b`, String.raw`r\\n${1}`, eval`not direct`[0]);\n"
        "const f = () => eval('id`e`'); print(f() === f(), Object.isFrozen(site()));" },
    { "ASI",
        "let a = 1\nlet f = function () { return a }\n(function () { return 2 })\nprint(f)\n"
        "let g = () => a\n[0].forEach(print)\nprint(typeof g)\n"
        "let h = 1\nclass K { m() { return () => h } }\nprint(new K().m()())\n"
        "var i = 0\n++i\nprint(i)" },
    { "NamedEvaluation",
        "const named = () => 1; let f2; f2 = function () {}; var o = { m: function () {}, n: () => 2, ['c' + 1]: () => "
        "3 };\n"
        "let { d = () => 4 } = {}; const [e = class {}] = []; let z; z ?\?= () => 5; z ||= 1;\n"
        "class F { fld = () => 6; static sfld = function () {}; }\n"
        "print(named.name, f2.name, o.m.name, o.n.name, d.name, e.name, z.name, new F().fld.name, F.sfld.name, (() => "
        "1).name === '');" },
    { "DirectivePrologue",
        "'use strict'\nfunction f() { 'use strict'; return () => this; } print(f() === undefined, (function () { "
        "return typeof this; })());" },
    { "SloppyBlockFunctions",
        "{ function inner() { return () => 1; } print(inner()()); } print(typeof inner);\n"
        "function outer() { if (true) { function deep() { return 'deep'; } } return deep(); } print(outer());\n"
        "print(hoisted()); function hoisted() { return 'hoisted'; }" },
    { "DirectEval",
        "function e(x) { return eval('x + 1'); } print(e(1));\n"
        "function e2(y) { return eval('() => y * 2'); } print(e2(4)());\n"
        "function e3() { eval('var z = 3'); return z; } print(e3());\n"
        "function e4(w) { 'use strict'; return eval('let q = w; () => q + 1')(); } print(e4(5));\n"
        "print((0, eval)('1 + 1'), eval(7), eval('(function named() { return 8; })')());" },
    { "AnnexBFunctionInIf",
        "var r = []; if (true) function f() { return 'taken'; } else function g() {} r.push(typeof f, typeof g);\n"
        "function h(x) { if (x) function k() { return () => x; } return typeof k === 'function' ? k()() : 'none'; } "
        "print(r, h(1), h(0));" },
    { "LabelledFunctionDeclarations",
        "print(typeof a, typeof b); a: function a() { return () => 1; }\n"
        "function f() { print(typeof b); b: function b() {} print(typeof b); } f(); print(typeof a, a()());" },
    { "ShadowedEvalIsAnOrdinaryCall",
        "function f(eval) { return eval('abc'); } print(f((s) => s.length), (eval)('2 + 2'), eval?.('3'));" },
    { "Switch",
        "function s(k) { const fs = []; switch (k) { case 1: let q = 5; fs.push(() => q); case 2: fs.push(() => typeof "
        "q); break; default: function inSwitch() { return 'fd'; } fs.push(inSwitch); }\n"
        "return fs.map(f => { try { return f(); } catch (e) { return e.name; } }); } print(s(1), s(2), s(3));" },
    { "NewWithLiterals",
        "print(new function () { this.a = 1; }().a, new class { constructor() { this.b = 2; } }().b, new (function () "
        "{ this.c = 3; })().c);" },
    { "NamedFunctionExpression",
        "const fact = function f(n) { return n ? n * (() => f(n - 1))() : 1; }; print(fact(5));" },
    { "TemporalDeadZone",
        "function t() { const f = () => later; let r; try { r = f(); } catch (e) { r = e.name; } let later = 1; return "
        "[r, f()]; } print(t());" },
    { "ClosuresOnlyInNestedFunction",
        "function outer(a) { function mid(b) { return () => a + b; } return mid; } print(outer(1)(2)());" },
    { "HashbangFree",
        "var log = []; [1, 2, 3].forEach(function (v) { log.push(() => v); }); print(log.map(f => f()));" },
    { "Getters",
        "const o = { get f() { return () => this; } }; print(o.f() === o);\n"
        "class G { static get s() { return () => 'static getter'; } } print(G.s());" },
    { "OptionalChainsAndTags",
        "const o = { f: (x) => x }; print(o.f?.(1), o.g?.(() => 2), String.raw`${(() => 'r')()}`);" },
    { "SwitchShadowingAndNestedLoops",
        "function sw(k) { const out = []; switch (k) { case 0: let v = 'case'; { let v = 'inner'; out.push(() => v); } "
        "out.push(() => v); break; }\n"
        "outer: for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (j > i) continue outer; else out.push(() => "
        "i * 10 + j);\n"
        "return out.map(f => f()); } print(sw(0));" },
    { "ClassesInLoops",
        "const cs = []; for (let i = 0; i < 2; i++) { class K { static id = i; static { this.g = () => i; } m() { "
        "return () => i; } } cs.push(K); }\n"
        "print(cs.map(K => [K.id, K.g(), new K().m()()]));" },
    { "ArrowDefaultsUseThis",
        "const o = { v: 2, m(f = () => this.v, g = (x = this.v) => x * 2) { return [f(), g()]; } }; print(o.m());\n"
        "function P(a, b = () => a, c = eval('a + 1')) { const d = () => a + c; return [b(), c, d()]; } print(P(5));" },
    { "NestedEval",
        "function n(x) { return eval('eval(\"() => x + 1\")')(); } print(n(1));\n"
        "var g = 1; print(eval('let h = 2; (() => g + h)()'));" },
    { "ObjectMethodsWithSuperAndGenerators",
        "const base = { *items() { yield 1; } };\n"
        "const o = { __proto__: base, *items() { yield* super.items(); yield 2; }, async *agen() { yield () => 3; } "
        "};\n"
        "print([...o.items()]); o.agen().next().then(r => print(r.value()));" },
    { "ManyClosuresOneScope",
        "function many(a) { const b = a + 1; return [() => a, () => b, () => a + b, function () { return this === "
        "undefined || this === globalThis; }, { m() { return a; } }.m]; }\n"
        "print(many(1).map(f => f()));" },
    { "ForInOfHeadClosures",
        "const seen = []; for (const k in (seen.push(() => typeof k), { a: 1 })) seen.push(() => k);\n"
        "print(seen.map(f => { try { return f(); } catch (e) { return e.name; } }));" },
    { "CatchParameterShadowing",
        "let e = 'outer'; try { throw 'thrown'; } catch (e) { var f = () => e; { let e = 'block'; var g = () => e; } } "
        "print(f(), g(), e);" },
    { "BindingsNoClosureReads",
        "function f(a, b) { let c = a + b, d = 0; { let a = 'inner'; var g = () => [a, c]; } for (let i = 0, j = 1; i "
        "< 2; "
        "i++) d += j; return [g, () => b + d]; } print(f(1, 2).map(h => h()));\n"
        "function helpers(n) { function sq(x) { return x * x; } function fact(k) { return k < 2 ? 1 : k * fact(k - 1); "
        "} "
        "L: function tag() { return 'tag'; } return [sq(n), fact(n), tag(), (() => sq(n))()]; } print(helpers(4));\n"
        "function ev(x) { let y = x + 1; return function (code) { return eval(code); }; } print(ev(1)('x + y'));\n"
        "function cls(k, u) { class C { [k]() { return () => C.name; } } return new C()[k]()(); } print(cls('m', "
        "0));" },
    { "ExceptionIsPreserved",
        "function thrower() { const f = () => { throw new TypeError('boom'); }; f(); } print('before'); thrower();" },
};

INSTANTIATE_TEST_SUITE_P(Snippets, InstrumenterBehaviorTest, testing::ValuesIn(snippets),
    [](const testing::TestParamInfo<Snippet>& info) { return std::string(info.param.name); });

// The handles really read the captured bindings (what the runtime will serialise).
struct CaptureCase {
    const char* name;
    const char* code;
    const char* epilogue;
    const char* expected;
};

class InstrumenterCaptureTest : public testing::TestWithParam<CaptureCase> { };

TEST_P(InstrumenterCaptureTest, HandlesReadCapturedBindings)
{
    InstrumentOptions options;
    options.verifyOutput = true;
    GError* error = nullptr;
    auto result = Instrumenter::instrument(GetParam().code, options, &error);
    ASSERT_TRUE(result) << error->message;
    auto run = JSCTestHarness::run(result->code, result->metadataJson, GetParam().epilogue);
    EXPECT_EQ(run.exception, "");
    EXPECT_EQ(run.stubErrors, "");
    EXPECT_EQ(run.output, GetParam().expected) << result->code;
}

const CaptureCase captureCases[] = {
    { "FunctionScope", "function mk() { let a = 1; var b = 'x'; return () => a + b; } var c = mk();",
        "print(JSON.stringify(__offload.scopeOf(c)))", "{\"a\":1,\"b\":\"x\"}" },
    { "LoopIterations", "var fs = []; for (let i = 0; i < 3; i++) fs.push(() => i);",
        "print(fs.map(f => JSON.stringify(__offload.scopeOf(f))).join(' '))", "{\"i\":0} {\"i\":1} {\"i\":2}" },
    { "ShadowedParentIsEager", "function g(a) { { let a = 5; var h = () => a; } return h; } var h = g(1);",
        "print(JSON.stringify(__offload.scopeOf(h)))", "{\"a\":5}" },
    { "ParentChain", "let top = 't'; function g(a) { { let b = 2; var h = () => a + b; } return h; } var h = g(1);",
        "print(JSON.stringify(__offload.scopeOf(h)))", "{\"b\":2,\"a\":1,\"top\":\"t\"}" },
    { "SharedScope", "function pair() { let n = 0; return [() => ++n, () => n]; } var p = pair(); p[0](); p[0]();",
        "print(JSON.stringify(__offload.scopeOf(p[1])), __offload.scopeOf(p[0]).n)", "{\"n\":2} 2" },
    { "ArrowThis", "function T() { this.v = 3; this.f = () => this.v; } var t = new T();",
        "print(__offload.scopeOf(t.f).this === t)", "true" },
    { "CatchScope", "try { throw 4; } catch (e) { var f = () => e; }", "print(JSON.stringify(__offload.scopeOf(f)))",
        "{\"e\":4}" },
    { "EvalScope", "function e(y) { return eval('let z = y + 1; () => z'); } var f = e(1);",
        "const s = __offload.scopeOf(f); print(s.z, s.y)", "2 1" },
    { "ClassInnerName",
        "const D = class N { m() { return () => N; } static s = () => N.name; }; var f = new D().m(); var g = D.s;",
        "print(__offload.scopeOf(f).N === D, __offload.scopeOf(g).N === D, g())", "true true N" },
    { "AnnexBVarCopy",
        "function outer() { const get = () => typeof inner === 'function' ? inner() : 'none'; { function inner() { "
        "return 'copy'; } } return get; } var get = outer();",
        "print(get(), __offload.scopeOf(get).inner === undefined ? 'missing' : 'captured')", "copy captured" },
    { "OnlyExposedBindings",
        "function mk() { let a = 1, unused = 2; var b = 'x'; { let a = 3; var g = () => a; } return () => a; } var c = "
        "mk();",
        "print(JSON.stringify(__offload.scopeOf(c)))", "{\"a\":1}" },
    // One handle per call for a parameter scope, shared by the closures of its parameter list and its body; a body
    // `var` named like a parameter is a binding of its own, which the parameter's getter does not read.
    { "ParameterScopeShared",
        "function mk(x = 1, g = () => x) { var x = 2; const h = () => x; return [g, h, () => g]; } var p = mk();",
        "print(JSON.stringify(__offload.scopeOf(p[0])), JSON.stringify(__offload.scopeOf(p[1])), "
        "__offload.handleOf(p[1]).parent === __offload.handleOf(p[0]), __offload.scopeOf(p[2]).g === p[0])",
        "{\"x\":1} {\"x\":2} true true" },
    // Made by the body when the parameter list made no closure in that call.
    { "ParameterScopeMadeInBody", "function mk(x, g = () => x) { return () => x; } var f = mk(3, null);",
        "print(JSON.stringify(__offload.scopeOf(f)))", "{\"x\":3}" },
    { "TopLevelLexical", "let counter = 5; const inc = () => ++counter; inc();",
        "print(__offload.scopeOf(inc).counter)", "6" },
};

INSTANTIATE_TEST_SUITE_P(Cases, InstrumenterCaptureTest, testing::ValuesIn(captureCases),
    [](const testing::TestParamInfo<CaptureCase>& info) { return std::string(info.param.name); });

} // namespace

namespace {

std::string readNodeModule(const char* relativePath)
{
    std::string path = std::string(OFFLOAD_NODE_MODULES) + "/" + relativePath;
    char* contents = nullptr;
    gsize length = 0;
    if (!g_file_get_contents(path.c_str(), &contents, &length, nullptr))
        return {};
    std::string text(contents, length);
    g_free(contents);
    return text;
}

// A large real library (the TensorFlow.js bundle, 1.4 MB minified) computes the same results instrumented.
TEST(InstrumenterRealCode, TensorFlowJSComputesTheSameResults)
{
    std::string library = readNodeModule("@tensorflow/tfjs/dist/tf.min.js");
    if (library.empty())
        GTEST_SKIP() << "@tensorflow/tfjs is not installed";
    // A bare JavaScriptCore context has no platform: present a minimal browser-like one to the bundle.
    library = "var window = globalThis, document = {}, navigator = { userAgent: 'jsc', platform: '' };"
              "var TextEncoder = TextEncoder || class { encode(s) { return new "
              "Uint8Array([...unescape(encodeURIComponent(s))].map(c => c.charCodeAt(0))); } };"
              "var TextDecoder = TextDecoder || class { decode(b) { return "
              "decodeURIComponent(escape(String.fromCharCode(...b))); } };"
              "var performance = { now: () => Date.now() }, console = { log() {}, warn() {}, error() {}, info() {} };"
              "var setTimeout = (f) => Promise.resolve().then(f), clearTimeout = () => {};"
        + library;
    InstrumentOptions options;
    options.verifyOutput = true;
    GError* error = nullptr;
    auto result = Instrumenter::instrument(library, options, &error);
    ASSERT_TRUE(result) << error->message;
    const char* workload = "tf.setBackend('cpu');"
                           "print(Array.from(tf.tidy(() => tf.tensor([1, 2, 3]).add(1).mul(2)).dataSync()));"
                           "const model = tf.sequential();"
                           "model.add(tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', "
                           "biasInitializer: 'ones' }));"
                           "print(Array.from(model.predict(tf.ones([1, 3])).dataSync()));";
    auto original = JSCTestHarness::run(library, {}, workload);
    auto instrumented = JSCTestHarness::run(result->code, result->metadataJson, workload);
    EXPECT_EQ(original.exception, "");
    EXPECT_EQ(original.output, "4,6,8\n4,4");
    EXPECT_EQ(instrumented.exception, original.exception);
    EXPECT_EQ(instrumented.output, original.output);
    EXPECT_EQ(instrumented.stubErrors, "");
}

} // namespace
