/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Offload {

enum class ScopeKind { Script, Eval, Function, Params, Block, Catch, For, Switch, Class, Field, StaticBlock };
enum class BindingKind { Var, Let, Const, Class, Function, Param, Catch, This, Arguments, NewTarget, Home, Callee };

const char* scopeKindName(ScopeKind);
const char* bindingKindName(BindingKind);

struct Binding {
    std::string name;
    BindingKind kind;
    // Set by ScopeAnalysis::resolveExposure(): something that can outlive the scope's activation reads or writes it.
    bool isExposed { false };
};

// A static scope of the program. Scopes without exposed bindings (and Class scopes, which only shadow the class's inner
// name) never become templates; the Rewriter decides which scopes become templates and how their handles are made.
struct Scope {
    ScopeKind kind;
    Scope* parent { nullptr };
    uint32_t start { 0 };
    unsigned depth { 0 };
    bool isStrict { false };
    bool isArrow { false };
    // For a Function scope whose parameter expressions create closures: the scope of the parameters.
    Scope* paramsScope { nullptr };
    // For a Params scope: the Function scope of the body (its `var`s and declarations, a separate environment).
    Scope* functionScope { nullptr };
    // The For scope whose head (initializer, test, update or right-hand side) contains this scope, if any.
    Scope* headOf { nullptr };
    // After the analysis: the exposed bindings only (what the template lists and its getter reads), in declaration
    // order. See ScopeAnalysis::resolveExposure().
    std::vector<Binding> bindings;
    // Names that shadow outer bindings without being captured: a class's inner name binding, and the bindings no
    // nested function or direct eval can reach (a getter written below them must not read the outer ones).
    std::vector<std::string> shadowNames;
    // A Class scope: code inside the class body refers to the class's inner name.
    bool isNameReferenced { false };
    // A Class scope: the index of its class literal.
    int classLiteral { -1 };
    // A Function or Params scope: the index of the function literal whose calls make it.
    int functionLiteral { -1 };
    bool needsThis { false };
    bool needsArguments { false };
    bool needsNewTarget { false };
    // An arrow inside uses `super`: the scope lists a `home` binding, which the capture fills with the home object's
    // owner (the class, or the object literal's object) found from `homeLiteral` (ScopeAnalysis::visit, "super").
    bool needsHome { false };
    // For needsHome: the class literal of a class element, or the method literal of an object literal's method, and
    // whether the home object is the class itself (static elements) rather than its prototype.
    int homeLiteral { -1 };
    bool isStaticHome { false };
    // A Field scope: the field is static.
    bool isStaticElement { false };
    std::string calleeName;

    // Where the handle declaration goes (the scope's entry). For Switch scopes, every case clause is an entry.
    std::vector<uint32_t> entryOffsets;
    unsigned entryDepth { 0 };
    bool entryNeedsSemicolon { false };
    // A For body that is not a block, or an arrow's expression body: wrapped in a block to hold the handle.
    bool wrapsBody { false };
    bool isExpressionBody { false };
    // A labelled function declaration is only created when its statement runs (JavaScriptCore does not hoist it):
    // it is registered after the statement rather than at the entry of its (explicit) block.
    bool registersAfterBody { false };
    uint32_t bodyStart { 0 };
    uint32_t bodyEnd { 0 };
    unsigned bodyDepth { 0 };
    // A Switch scope is wrapped in a block holding its handle (a switch body cannot start with a declaration).
    uint32_t statementStart { 0 };
    uint32_t statementEnd { 0 };
    // Literal indices of the function declarations hoisted to this scope (registered with __offload.d at entry).
    std::vector<size_t> hoistedFunctions;

    // Decided by the Rewriter.
    int templateIndex { -1 };
    bool isEager { false };
    // Many creation sites of one lazy handle would each repeat the getter: such scopes declare a maker arrow at entry
    // (`const __ofmN = () => __ofsN || (__ofsN = __offload.s(…))`) and the sites call it.
    bool usesMaker { false };
    unsigned lazyUseCount { 0 };
    bool needsVariable { false };

    bool hasBindings() const { return !bindings.empty(); }
    bool isBoundary() const
    {
        return kind == ScopeKind::Function || kind == ScopeKind::Params || kind == ScopeKind::Field
            || kind == ScopeKind::StaticBlock;
    }
    bool declares(std::string_view name) const;
    // Declares a binding named `arguments` of its own (a parameter, variable or function), which hides the
    // arguments object of the enclosing function.
    bool declaresArgumentsName() const;
    void addBinding(std::string_view name, BindingKind);
};

enum class LiteralKind { Function, Class, Method, Field, StaticBlock };

// What the runtime needs to read and re-install the private state of a class that declares private names. The class
// body gets a static block (`__offload.pc(…)`) with arrows that read and write its private fields; during a restore its
// instance field initializers and its constructor's body do not run, so that constructing it only stamps the private
// names onto an object (Documentation/Instrumentation.md, "Private names").
struct PrivateNames {
    std::vector<std::string> instanceFields;
    std::vector<std::string> staticFields;
    // An instance private name (field, method or accessor): `#name in o` tells whether o carries the class's names.
    std::optional<std::string> brand;
    bool isDerived { false };
    uint32_t bodyStart { 0 };
    unsigned bodyDepth { 0 };
    std::optional<uint32_t> constructorEntry;
    unsigned constructorDepth { 0 };
};

struct MethodInfo {
    std::string kind { "method" }; // "method", "get" or "set".
    std::string prefix; // "", "async ", "*", "async *".
    bool isComputed { false };
    std::optional<std::string> key;
    bool isStatic { false };
};

// A function literal (or a class, or a class element that runs code) of the script, numbered in source order.
struct Literal {
    LiteralKind kind;
    uint32_t start;
    uint32_t end;
    unsigned depth;
    Scope* scope; // The scope it is created in.
    bool isDeclaration { false };
    bool isArrow { false };
    bool isStrict { false };
    std::optional<std::string> name;
    std::optional<MethodInfo> method;
    std::optional<uint32_t> paramsStart;
    unsigned paramsDepth { 0 };
    // Classes with an `extends` clause: the offsets of its expression, which a restore replaces by `null`.
    std::optional<std::pair<uint32_t, uint32_t>> heritage;
    // A sloppy non-arrow function with a simple parameter list (identifiers only): its parameter names, which its
    // mapped arguments object aliases by position.
    std::optional<std::vector<std::string>> simpleParameters;
    std::vector<size_t> members;
    int owner { -1 };
    // Functions with a statement body: where its code starts (after the directive prologue).
    std::optional<uint32_t> bodyEntry;
    unsigned bodyEntryDepth { 0 };
    bool hasPrivateNames { false };
    bool hasComputedFieldNames { false };
    // Classes: the computed field keys (`[expr] = …`) as the offsets of `expr` (inside the brackets), in element
    // order, when the class records them (no `yield` or `await` in its keys or heritage, which the wrapper that
    // holds the evaluation's key list would break: Documentation/Instrumentation.md, "Computed field names").
    std::vector<std::pair<uint32_t, uint32_t>> computedFieldKeys;
    unsigned computedFieldKeysDepth { 0 };
    bool recordsFieldKeys { false };
    // Its own code (or that of arrows in it) uses `super`.
    bool usesSuper { false };
    // An arrow whose code (or that of arrows in it) calls `super(…)`.
    bool callsSuper { false };
    // An anonymous function or class named by where it stands (`const f = () => {}`, `{ key: function () {} }`).
    bool isNameInferred { false };
    PrivateNames privateNames; // Classes with private names.
    // Sites (hook calls) inside the class body that may run while the class is being defined (static blocks and
    // fields) or later (methods): the enclosing template's handle must then exist before the class does.
    bool hasInnerSites { false };
    size_t index { 0 };
};

enum class SiteKind { FunctionHook, ClassDeclaration, ObjectLiteral, DirectEval };

// A place where the rewritten code hands a new function (or an eval string) to the runtime with a scope handle.
struct Site {
    Site(SiteKind kind, Scope* scope, unsigned depth, uint32_t start, uint32_t end)
        : kind(kind)
        , scope(scope)
        , depth(depth)
        , start(start)
        , end(end)
    {
    }

    SiteKind kind;
    Scope* scope; // Where the hook call is written.
    unsigned depth;
    uint32_t start;
    uint32_t end;
    size_t literal { 0 };
    std::vector<std::pair<size_t, std::string>> methods; // Object literals: (literal, key expression).
    bool needsNewParentheses { false };
    // A function named by the plain assignment it is the value of (`x = function () {}`): the hook call wraps the
    // whole assignment, whose value is the function, so that the engine names it and no object literal is needed.
    bool wrapsAssignment { false };
    std::string declaredName; // Class declarations.
    Scope* headOf { nullptr }; // The For scope whose head contains the site, if any.
};

// A read of the identifier `eval` as a value (`const run = eval`, `(0, eval)(x)`, `{ eval }`), rewritten to
// `__offload.ie(eval)` so that the code an indirect eval runs is instrumented too. Direct calls are DirectEval sites.
// A property read `x.eval` as a value becomes `__offload.ie(x.eval)`; a method call `x.eval(…)` becomes
// `__offload.em(x).eval(…)` (start and end then span `x`), see Documentation/Instrumentation.md, "Indirect eval".
struct EvalRead {
    enum class Kind { Identifier, ShorthandProperty, Property, MethodCallReceiver };
    Scope* scope;
    unsigned depth;
    uint32_t start;
    uint32_t end;
    Kind kind;
};

// A tagged template (`tag\`a${x}b\``): the rewrite routes its strings object through the runtime so that the object
// a restore brings back is the one the site gives again (Documentation/Instrumentation.md, "Tagged templates").
struct TaggedTemplate {
    uint32_t callStart;
    uint32_t callEnd;
    uint32_t templateStart;
    uint32_t templateEnd;
    unsigned depth;
    size_t substitutionCount;
    bool needsNewParentheses;
};

// Code that must not run while the runtime re-creates a class during a restore (`__offload.r` is true then): a static
// block's body becomes `if (!__offload.r) { … }`, a static field's initializer `__offload.r ? void 0 : (…)`, and so
// does an instance field's initializer in a class with private names (the restore constructs such classes).
struct RestoreGuard {
    uint32_t start;
    uint32_t end;
    unsigned depth;
    bool isStaticBlock;
};

} // namespace Offload
