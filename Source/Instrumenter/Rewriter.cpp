/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Instrumenter/Rewriter.h"

#include "Instrumenter/PropertyKey.h"
#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>
#include <unordered_map>

namespace Offload {

// From this many lazy creation sites on, a scope declares a maker at entry instead of repeating the getter at every
// site: one arrow allocation per scope entry against output size (Octane's Box2D grows by 225 % without makers, by 23 %
// with them). FIXME: Tune against the Octane slowdown target once the runtime's benchmarks run.
static constexpr unsigned makerSiteThreshold = 3;

// A literal's start and end, the start of its parameters, and the start and end of a class's heritage expression.
static constexpr size_t markersPerLiteral = 5;

Rewriter::Rewriter(std::string_view source, const ScopeAnalysis& analysis, Options options)
    : m_source(source)
    , m_analysis(analysis)
    , m_options(std::move(options))
{
}

Scope* Rewriter::bindingScope(Scope* scope) const
{
    while (scope && !scope->hasBindings())
        scope = scope->parent;
    return scope;
}

std::string Rewriter::handleName(const Scope& scope) const
{
    // The script's top level shares the global lexical environment with every other script: its handle variable is
    // named after the script.
    if (scope.kind == ScopeKind::Script)
        return "__ofs_" + m_options.scriptId;
    return "__ofs" + std::to_string(scope.templateIndex);
}

std::string Rewriter::makerName(const Scope& scope) const
{
    return "__ofm" + std::to_string(scope.templateIndex);
}

std::string Rewriter::templateId(const Scope& scope) const
{
    return quoteString(m_options.scriptId + ":" + std::to_string(scope.templateIndex));
}

std::string Rewriter::literalId(size_t index) const
{
    return quoteString(m_options.scriptId + ":" + std::to_string(index));
}

std::string Rewriter::getter(const Scope& scope, const Scope* from) const
{
    // A parameter scope's getters also write its parameters: the capture tells which of its handles belong to one
    // call by the tags it writes through them (Instrumentation.md, "Parameter scopes").
    bool isWritable = scope.kind == ScopeKind::Params;
    auto isHidden = [&](const std::string& name) {
        if (scope.kind != ScopeKind::Params)
            return false;
        for (const Scope* between = from; between && between != &scope; between = between->parent) {
            if (between->declares(name))
                return true;
        }
        return false;
    };
    std::string text = isWritable ? "(__ofi, __ofv) => { switch (__ofi) {" : "(__ofi) => { switch (__ofi) {";
    for (size_t i = 0; i < scope.bindings.size(); ++i) {
        auto& binding = scope.bindings[i];
        // No expression gives a method's home object: the capture finds it (Instrumentation.md, "Home objects").
        if (binding.kind == BindingKind::Home)
            continue;
        text += " case " + std::to_string(i) + ": return ";
        switch (binding.kind) {
        case BindingKind::This:
            text += "this";
            break;
        case BindingKind::Arguments:
            text += "arguments";
            break;
        case BindingKind::NewTarget:
            text += "new.target";
            break;
        default:
            // A parameter that a declaration between here and the parameter list hides (a body `var` or function of
            // the same name, a binding of a function nested in the parameter list). The capture takes its value from
            // another handle of the same scope instance, if any; else no closure can read it any more.
            text += isHidden(binding.name) ? "__offload.hv" : binding.name;
        }
        text += ";";
    }
    for (size_t i = 0; isWritable && i < scope.bindings.size(); ++i) {
        auto& binding = scope.bindings[i];
        if (binding.kind == BindingKind::Param && !isHidden(binding.name))
            text += " case " + std::to_string(-static_cast<long>(i) - 1) + ": " + binding.name
                + " = __ofv; return true;";
    }
    text += " } }";
    return text;
}

void Rewriter::run()
{
    chooseTemplates();
    planEagerHandles();
    // The first pass finds which handle variables are referenced (a lazy expression written in an eager scope's
    // entry can make an outer scope need its variable); the second writes the insertions.
    for (int pass = 0; pass < 2; ++pass) {
        m_insertions.clear();
        emitSites();
        emitEntries();
    }
    apply();
}

void Rewriter::chooseTemplates()
{
    std::set<Scope*> used;
    auto markChain = [&](Scope* scope) {
        for (scope = bindingScope(scope); scope; scope = bindingScope(scope->parent))
            used.insert(scope);
    };
    for (auto& site : m_analysis.sites())
        markChain(site.scope);
    for (auto& scope : m_analysis.scopes()) {
        if (!scope->hoistedFunctions.empty())
            markChain(scope.get());
    }
    // Scopes are created in source order of their start, so their creation order is the template order.
    for (auto& scope : m_analysis.scopes()) {
        if (used.contains(scope.get())) {
            scope->templateIndex = m_templates.size();
            m_templates.push_back(scope.get());
        }
    }
}

bool Rewriter::isShadowed(Scope* target, Scope* from) const
{
    for (Scope* scope = from; scope && scope != target; scope = scope->parent) {
        for (auto& binding : target->bindings) {
            if (binding.kind == BindingKind::This || binding.kind == BindingKind::NewTarget
                || binding.kind == BindingKind::Home)
                continue;
            if (scope->declares(binding.name))
                return true;
        }
    }
    return false;
}

bool Rewriter::isInHeadOf(Scope* target, Scope* from, Scope* siteHeadOf) const
{
    if (target->kind != ScopeKind::For)
        return false;
    if (siteHeadOf == target)
        return true;
    for (Scope* scope = from; scope && scope != target; scope = scope->parent) {
        if (scope->headOf == target)
            return true;
    }
    return false;
}

bool Rewriter::crossesBoundary(Scope* from, Scope* target) const
{
    for (Scope* scope = from; scope && scope != target; scope = scope->parent) {
        if (scope->isBoundary())
            return true;
    }
    return false;
}

std::string Rewriter::topExpression()
{
    if (!m_options.isEval)
        return "null";
    if (!m_isPlanning)
        m_usesEvalParent = true;
    return "__ofsp";
}

std::string Rewriter::handleExpression(Scope* target, Scope* from, Scope* siteHeadOf)
{
    if (!target)
        return topExpression();
    if (target->kind == ScopeKind::Params && cachesParamsHandle(*target))
        return paramsHandleExpression(target, from, siteHeadOf);
    // Class field initializers, `for` heads and the parameters of arrows cannot hold a handle variable (nothing can
    // be declared there): their handles are made at every use. Closures made there do not share one handle object,
    // which the runtime tolerates (Documentation/Instrumentation.md, "Uncached handles"); the capture finds the
    // handles of one parameter scope instance through the parameters their getters write.
    if (target->kind == ScopeKind::Params || target->kind == ScopeKind::Field || isInHeadOf(target, from, siteHeadOf)) {
        return "__offload.s(" + templateId(*target) + ", " + getter(*target, from) + ", "
            + handleExpression(bindingScope(target->parent), from, siteHeadOf) + ")";
    }
    // Across a function boundary the handle exists: the function was registered with it when it was created.
    if (crossesBoundary(from, target) || target->isEager) {
        if (!m_isPlanning)
            target->needsVariable = true;
        return handleName(*target);
    }
    if (m_isPlanning && isShadowed(target, from)) {
        // A getter written here would read the shadowing binding: make the handle at the scope's entry instead.
        target->isEager = true;
        m_didChangePlan = true;
        return handleName(*target);
    }
    if (!m_isPlanning)
        target->needsVariable = true;
    if (target->usesMaker)
        return makerName(*target) + "()";
    if (m_isPlanning)
        ++target->lazyUseCount;
    auto name = handleName(*target);
    return "(" + name + " || (" + name + " = __offload.s(" + templateId(*target) + ", " + getter(*target) + ", "
        + handleExpression(bindingScope(target->parent), from, siteHeadOf) + ")))";
}

// A non-arrow function's arguments object is new at every call and the same in its parameter list and its body: the
// handle of its parameter scope is kept with it (`__offload.pa`), so that every closure made in the parameters and
// the body of one call shares one handle. Not when a binding named `arguments` hides that object.
bool Rewriter::cachesParamsHandle(const Scope& params) const
{
    return !params.isArrow && params.functionScope && !params.declaresArgumentsName()
        && !params.functionScope->declaresArgumentsName();
}

// The handle of a parameter scope (see cachesParamsHandle). In the parameter list it is looked up by the arguments
// object, which arrows nested there share. In the body it lives in a variable declared at the body's entry, made on
// first use (joining the handle the parameter list made, if any), and read across function boundaries like any other
// handle variable. Where neither works (in a non-arrow function nested in the parameter list, or below a binding named
// `arguments`), the handle is uncached, and its getter can write the parameters, by which the capture tells that it
// belongs to the same call as another handle.
std::string Rewriter::paramsHandleExpression(Scope* target, Scope* from, Scope* siteHeadOf)
{
    bool isInBody = false;
    bool crossesBoundary = false;
    bool hidesArguments = false;
    for (Scope* scope = from; scope && scope != target; scope = scope->parent) {
        if (scope == target->functionScope) {
            isInBody = true;
            break;
        }
        crossesBoundary |= scope->isBoundary();
        hidesArguments |= (scope->isBoundary() && !scope->isArrow) || scope->declaresArgumentsName();
    }
    auto parent = [&] { return handleExpression(bindingScope(target->parent), from, siteHeadOf); };
    auto lookup = [&] {
        return "__offload.pa(arguments, " + templateId(*target) + ", " + getter(*target, from) + ", " + parent() + ")";
    };
    auto name = handleName(*target);
    if (isInBody && (crossesBoundary || target->isEager)) {
        if (!m_isPlanning)
            target->needsVariable = true;
        return name;
    }
    if (hidesArguments)
        return "__offload.s(" + templateId(*target) + ", " + getter(*target, from) + ", " + parent() + ")";
    if (!isInBody)
        return lookup();
    if (!m_isPlanning)
        target->needsVariable = true;
    return "(" + name + " || (" + name + " = " + lookup() + "))";
}

void Rewriter::planEagerHandles()
{
    for (Scope* scope : m_templates) {
        if (!scope->hoistedFunctions.empty())
            scope->isEager = true;
    }
    for (auto& literal : m_analysis.literals()) {
        if (literal->kind != LiteralKind::Class || !literal->hasInnerSites)
            continue;
        // Static blocks, static fields and methods called from them run before __offload.f() of the class returns;
        // the handle their hook calls refer to must exist before the class is defined.
        Scope* target = bindingScope(literal->scope);
        if (!target || target->kind == ScopeKind::Field)
            continue;
        if (target->kind != ScopeKind::Params)
            target->isEager = true;
        else if (cachesParamsHandle(*target)) {
            // Eager in the body; a class in the parameter list itself finds the handle by the arguments object.
            bool isInBody = false;
            for (Scope* scope = literal->scope; scope && scope != target && !isInBody; scope = scope->parent)
                isInBody = scope == target->functionScope;
            target->isEager |= isInBody;
        }
    }
    // The script's top level runs once: its handle is made at its start, which also keeps the getter out of every
    // creation site.
    for (Scope* scope : m_templates) {
        if (scope->kind == ScopeKind::Script)
            scope->isEager = true;
    }
    m_isPlanning = true;
    bool didChooseMakers;
    do {
        do {
            m_didChangePlan = false;
            for (Scope* scope : m_templates)
                scope->lazyUseCount = 0;
            for (auto& site : m_analysis.sites())
                handleExpression(bindingScope(site.scope), site.scope, site.headOf);
            for (auto& scope : m_analysis.scopes()) {
                if (scope->isEager || scope->usesMaker || !scope->hoistedFunctions.empty())
                    handleExpression(bindingScope(scope->templateIndex >= 0 ? scope->parent : scope.get()), scope.get(),
                        scope->headOf);
            }
        } while (m_didChangePlan);
        didChooseMakers = false;
        for (Scope* scope : m_templates) {
            // A switch's maker would be declared outside the switch body, where its getter would read other bindings.
            if (scope->lazyUseCount >= makerSiteThreshold && !scope->isEager && !scope->usesMaker
                && scope->kind != ScopeKind::Switch) {
                scope->usesMaker = true;
                didChooseMakers = true;
            }
        }
    } while (didChooseMakers);
    m_isPlanning = false;
}

void Rewriter::insert(uint32_t offset, bool isClosing, unsigned depth, Slot slot, std::string text, int marker)
{
    m_insertions.push_back({ offset, isClosing, depth * 4 + slot, m_insertions.size(), std::move(text), marker });
}

void Rewriter::emitSites()
{
    auto& literals = m_analysis.literals();
    for (auto& site : m_analysis.sites()) {
        std::string handle = handleExpression(bindingScope(site.scope), site.scope, site.headOf);
        switch (site.kind) {
        case SiteKind::FunctionHook: {
            // The hook call hides the position that names an anonymous function; standing as a property value of an
            // object literal names it again, at no cost the engine does not optimize away (setting `name` on every
            // creation instead costs several times the creation itself).
            auto& literal = *literals[site.literal];
            bool keepsName
                = literal.isNameInferred && literal.name && *literal.name != "__proto__" && !site.wrapsAssignment;
            // `f` only stamps the function, which the engine can inline at every closure creation; `fw` also does what
            // the runtime must do when a class is made (its members) or a function named `__proto__` (its name).
            bool needsCreationWork
                = literal.kind == LiteralKind::Class || (literal.name == "__proto__" && !literal.isDeclaration);
            std::string hook = needsCreationWork ? "__offload.fw(" : "__offload.f(";
            insert(site.start, false, site.depth, Hook, site.needsNewParentheses ? "(" + hook : hook);
            if (literal.recordsFieldKeys)
                insert(site.start, false, site.depth, Hook, fieldKeysWrapperOpening);
            if (keepsName)
                insert(site.start, false, site.depth, Hook, "{" + quoteString(*literal.name) + ":");
            if (keepsName)
                insert(site.end, true, site.depth, Hook, "}[" + quoteString(*literal.name) + "]");
            if (literal.recordsFieldKeys)
                insert(site.end, true, site.depth, Hook, fieldKeysWrapperClosing);
            insert(site.end, true, site.depth, Hook,
                ", " + literalId(site.literal) + ", " + handle + (site.needsNewParentheses ? "))" : ")"));
            break;
        }
        case SiteKind::ClassDeclaration: {
            bool recordsFieldKeys = literals[site.literal]->recordsFieldKeys;
            insert(site.start, false, site.depth, Hook,
                "let " + site.declaredName + " = __offload.fw(" + (recordsFieldKeys ? fieldKeysWrapperOpening : ""));
            insert(site.end, true, site.depth, Hook,
                (recordsFieldKeys ? fieldKeysWrapperClosing : "") + std::string(", ") + literalId(site.literal) + ", "
                    + handle + ");");
            break;
        }
        case SiteKind::ObjectLiteral: {
            std::string list;
            for (auto& [index, key] : site.methods) {
                if (!list.empty())
                    list += ", ";
                list += literalId(index) + ", " + key;
            }
            insert(site.start, false, site.depth, Hook, "__offload.o(");
            insert(site.end, true, site.depth, Hook, ", " + handle + ", [" + list + "])");
            break;
        }
        case SiteKind::DirectEval:
            insert(site.start, false, site.depth, Hook, "__offload.ev(");
            insert(site.end, true, site.depth, Hook, ", " + handle + (site.scope->isStrict ? ", true)" : ", false)"));
            break;
        }
    }
    for (auto& read : m_analysis.evalReads()) {
        const char* opening = "__offload.ie(";
        if (read.kind == EvalRead::Kind::ShorthandProperty)
            opening = "eval: __offload.ie(";
        else if (read.kind == EvalRead::Kind::MethodCallReceiver)
            opening = "__offload.em(";
        insert(read.start, false, read.depth, Hook, opening);
        insert(read.end, true, read.depth, Hook, ")");
    }
    for (auto& guard : m_analysis.guards()) {
        // An empty static block runs no code.
        if (guard.start >= guard.end)
            continue;
        if (guard.isStaticBlock) {
            insert(guard.start, false, guard.depth, OuterWrapper, "if (!__offload.r) {");
            insert(guard.end, true, guard.depth, OuterWrapper, "}");
        } else {
            insert(guard.start, false, guard.depth, Hook, "__offload.r ? void 0 : (");
            insert(guard.end, true, guard.depth, Hook, ")");
        }
    }
    for (auto& literal : literals) {
        if (literal->kind == LiteralKind::Class && literal->hasPrivateNames)
            emitPrivateNames(*literal);
        if (literal->kind == LiteralKind::Class && literal->recordsFieldKeys)
            emitFieldKeys(*literal);
    }
    if (m_options.routesTemplateObjects)
        emitTaggedTemplates();
    for (auto& literal : literals) {
        int marker = static_cast<int>(literal->index * markersPerLiteral);
        insert(literal->start, false, literal->depth, Marker, {}, marker);
        insert(literal->end, true, literal->depth, Marker, {}, marker + 1);
        if (literal->paramsStart)
            insert(*literal->paramsStart, false, literal->paramsDepth, Marker, {}, marker + 2);
        // At the class's depth: the heritage's own hooks (`extends class {}`) lie inside the marked text.
        if (literal->heritage) {
            insert(literal->heritage->first, false, literal->depth, Marker, {}, marker + 3);
            insert(literal->heritage->second, true, literal->depth, Marker, {}, marker + 4);
        }
    }
}

// A computed field key is evaluated once per evaluation of its class and kept where no code can read it (the class's
// list of fields). The class is evaluated inside an arrow that declares the list of this evaluation's keys, each key
// hook converts its value to a property key (as the engine would, once) and adds it, and `__offload.fc` hands the
// list over with the class. During a restore (`__offload.r`) the expression is not evaluated: the hook gives the
// recorded key instead, from the list the restore declares around the class's text.
const char* const Rewriter::fieldKeysWrapperOpening = "(() => {const __ofk = [];return __offload.fc(";
const char* const Rewriter::fieldKeysWrapperClosing = ", __ofk);})()";

void Rewriter::emitFieldKeys(const Literal& literal)
{
    for (auto& [start, end] : literal.computedFieldKeys) {
        insert(start, false, literal.computedFieldKeysDepth, Hook, "__offload.fk(__ofk, __offload.r || (");
        insert(end, true, literal.computedFieldKeysDepth, Hook, "))");
    }
}

// A class with private names hands the runtime, from a static block that runs before its other static elements,
// arrows that test for its instance names and read and write its private fields (`#name` only works inside the
// class body). A restore re-creates the class with an evaluator in place of `null` (restore.js), so that closures
// that use the names can be made inside the body. During a restore the constructor's body does not run: constructing
// the class then only adds its private names to the object (with `super()` returning that object).
void Rewriter::emitPrivateNames(const Literal& literal)
{
    auto& names = literal.privateNames;
    auto fieldList = [](const std::vector<std::string>& fields, const char* object) {
        std::string list;
        for (auto& field : fields)
            list += (list.empty() ? "" : ",") + std::string(object) + "." + field;
        return list;
    };
    auto fieldStores = [](const std::vector<std::string>& fields, const char* object) {
        std::string stores;
        for (size_t i = 0; i < fields.size(); ++i)
            stores += std::string(object) + "." + fields[i] + "=__ofv[" + std::to_string(i) + "];";
        return stores;
    };
    std::string text = "static {__offload.pc(this,null," + literalId(literal.index) + ",";
    text += names.brand ? "(__ofo)=>" + *names.brand + " in __ofo," : "null,";
    if (names.instanceFields.empty())
        text += "null,null,";
    else {
        text += "(__ofo)=>[" + fieldList(names.instanceFields, "__ofo") + "],(__ofo,__ofv)=>{"
            + fieldStores(names.instanceFields, "__ofo") + "},";
    }
    if (names.staticFields.empty())
        text += "null,null";
    else {
        text += "()=>[" + fieldList(names.staticFields, "this") + "],(__ofv)=>{"
            + fieldStores(names.staticFields, "this") + "}";
    }
    insert(names.bodyStart, false, names.bodyDepth, Hook, text + ");}");
    if (names.constructorEntry) {
        insert(*names.constructorEntry, false, names.constructorDepth, OuterWrapper,
            names.isDerived ? "if (__offload.r) {super();return;}" : "if (__offload.r) return;");
    }
}

// `tag\`a${x}b\`` becomes `tag(__offload.ts("sid:K", __offload.tq\`a${x}b\`), __offload.tv(0))`: the same call with
// the same arguments, evaluated in the same order (the tag, its strings object, then the substitutions). `tq` gets
// the site's strings object from the engine and keeps the substitution values, which `tv` hands out (no user code
// runs between the two); `ts` returns the strings object the runtime holds for site K (a restored one), or
// remembers the engine's. Sites are numbered in the order the walk meets them (an outer call before the calls in
// its tag). A tagged template constructed by `new` keeps being
// the constructor: `new tag\`x\`` becomes `new (tag(…))`.
void Rewriter::emitTaggedTemplates()
{
    size_t site = 0;
    for (auto& tagged : m_analysis.taggedTemplates()) {
        if (tagged.needsNewParentheses) {
            insert(tagged.callStart, false, tagged.depth, OuterWrapper, "(");
            insert(tagged.callEnd, true, tagged.depth, OuterWrapper, ")");
        }
        insert(tagged.templateStart, false, tagged.depth, Hook,
            "(__offload.ts(" + quoteString(m_options.scriptId + ":" + std::to_string(site++)) + ", __offload.tq");
        std::string closing = ")";
        for (size_t i = 0; i < tagged.substitutionCount; ++i)
            closing += ", __offload.tv(" + std::to_string(i) + ")";
        insert(tagged.templateEnd, true, tagged.depth, Hook, closing + ")");
    }
}

std::string Rewriter::registration(Scope* scope, const std::string& handle) const
{
    if (scope->hoistedFunctions.empty())
        return {};
    std::string text = "__offload.d(" + handle;
    for (size_t index : scope->hoistedFunctions)
        text += ", " + m_analysis.literals()[index]->name.value_or("") + ", " + literalId(index);
    return text + ");";
}

// The keyword that declares a scope's handle variable at its entry. A `let` at the top of a function body that closures
// read (the handle is the parent of the handles made in nested functions) makes JavaScriptCore allocate a lexical
// environment of its own at every call, besides the function's `var` scope; a `var` lives in the function's scope,
// which the closures capture anyway. Blocks, loops and the top levels of scripts and eval code keep `let`: their
// handle belongs to one block instance or iteration, or must not become a global or a caller's variable.
static const char* handleDeclarationKeyword(const Scope& scope)
{
    return scope.kind == ScopeKind::Function || scope.kind == ScopeKind::Params ? "var " : "let ";
}

std::string Rewriter::entryCode(Scope* scope, std::string& registrationCode)
{
    const char* keyword = handleDeclarationKeyword(*scope);
    bool isTemplate = scope->templateIndex >= 0;
    std::string code;
    std::string handle;
    if (isTemplate && scope->kind == ScopeKind::Params) {
        // Declared at the body's entry (a parameter list cannot declare anything); see paramsHandleExpression.
        if (!cachesParamsHandle(*scope))
            return {};
        handle = handleName(*scope);
        if (scope->isEager) {
            return keyword + handle + " = __offload.pa(arguments, " + templateId(*scope) + ", "
                + getter(*scope, scope->functionScope) + ", "
                + handleExpression(bindingScope(scope->parent), scope->functionScope, scope->headOf) + ");";
        }
        return scope->needsVariable ? keyword + handle + ";" : std::string();
    }
    if (isTemplate) {
        handle = handleName(*scope);
        if (scope->isEager) {
            code = keyword + handle + " = __offload.s(" + templateId(*scope) + ", " + getter(*scope) + ", "
                + handleExpression(bindingScope(scope->parent), scope, scope->headOf) + ");";
        } else if (scope->usesMaker) {
            code = keyword + handle + "; const " + makerName(*scope) + " = () => " + handle + " || (" + handle
                + " = __offload.s(" + templateId(*scope) + ", " + getter(*scope) + ", "
                + handleExpression(bindingScope(scope->parent), scope, scope->headOf) + "));";
        } else if (scope->needsVariable)
            code = keyword + handle + ";";
    } else if (!scope->hoistedFunctions.empty())
        handle = handleExpression(bindingScope(scope), scope, scope->headOf);
    registrationCode = registration(scope, handle);
    return code;
}

void Rewriter::emitEntries()
{
    for (auto& scopePointer : m_analysis.scopes()) {
        Scope* scope = scopePointer.get();
        if (scope->kind == ScopeKind::Switch) {
            if (scope->templateIndex < 0 || (!scope->needsVariable && !scope->isEager))
                continue;
            // A switch body cannot start with a declaration: the handle variable lives in a block around the switch
            // statement, and every case clause makes the handle (once) and registers the hoisted functions.
            auto handle = handleName(*scope);
            insert(scope->statementStart, false, scope->bodyDepth, OuterWrapper, "{let " + handle + ";");
            insert(scope->statementEnd, true, scope->bodyDepth, OuterWrapper, "}");
            if (!scope->isEager)
                continue;
            std::string code = "if (!" + handle + ") { " + handle + " = __offload.s(" + templateId(*scope) + ", "
                + getter(*scope) + ", " + handleExpression(bindingScope(scope->parent), scope, scope->headOf) + "); "
                + registration(scope, handle) + " }";
            for (uint32_t offset : scope->entryOffsets)
                insert(offset, false, scope->entryDepth, EntryCode, code);
            continue;
        }
        if (scope->kind == ScopeKind::Params) {
            std::string registrationCode;
            std::string code = scope->templateIndex >= 0 ? entryCode(scope, registrationCode) : std::string();
            Scope* body = scope->functionScope;
            if (!code.empty() && body && !body->entryOffsets.empty()) {
                insert(body->entryOffsets.front(), false, body->entryDepth, EntryCode,
                    (body->entryNeedsSemicolon ? ";" : "") + code);
            }
            continue;
        }
        if (scope->entryOffsets.empty() && !scope->isExpressionBody)
            continue;
        std::string registrationCode;
        std::string code = entryCode(scope, registrationCode);
        if (scope->kind == ScopeKind::Eval && m_usesEvalParent)
            code = "const __ofsp = " + m_options.parentHandleExpression + ";" + code;
        if (scope->wrapsBody && scope->registersAfterBody) {
            insert(scope->bodyStart, false, scope->bodyDepth, OuterWrapper, "{" + code);
            insert(scope->bodyEnd, true, scope->bodyDepth, OuterWrapper, ";" + registrationCode + "}");
            continue;
        }
        code += registrationCode;
        if (code.empty())
            continue;
        if (scope->isExpressionBody) {
            insert(scope->bodyStart, false, scope->bodyDepth, OuterWrapper, "{" + code + "return ");
            insert(scope->bodyEnd, true, scope->bodyDepth, OuterWrapper, "}");
        } else if (scope->wrapsBody) {
            insert(scope->bodyStart, false, scope->bodyDepth, OuterWrapper, "{" + code);
            insert(scope->bodyEnd, true, scope->bodyDepth, OuterWrapper, "}");
        } else
            insert(scope->entryOffsets.front(), false, scope->entryDepth, EntryCode,
                (scope->entryNeedsSemicolon ? ";" : "") + code);
    }
}

// Whether two characters, written next to each other, could be read as one token, or start a comment, where the
// author's code had a token boundary: `return{…}` must not become `return__offload.o({…})`, nor `a<` + `!--` an
// HTML-like comment, nor `1` + `.x` a number. Inserted text is separated from its neighbours by a space then; white
// space between tokens changes nothing (insertions never add a line terminator, so no automatic semicolon moves).
static bool wouldJoin(char before, char after)
{
    auto isWordPart = [](char c) {
        auto byte = static_cast<unsigned char>(c);
        // Identifier parts, escapes (`\u0061`), private names, and every non-ASCII byte (Unicode letters).
        return std::isalnum(byte) || c == '_' || c == '$' || c == '\\' || c == '#' || byte >= 0x80;
    };
    auto isOperatorPart = [](char c) { return c && std::strchr("<>=!+-*/%&|^?.", c); };
    if (isWordPart(before) && isWordPart(after))
        return true;
    if (isOperatorPart(before) && isOperatorPart(after))
        return true;
    // A number and a period: `1` + `.x`, `.` + `5`.
    return (std::isdigit(static_cast<unsigned char>(before)) && after == '.')
        || (before == '.' && std::isdigit(static_cast<unsigned char>(after)));
}

void Rewriter::apply()
{
    std::stable_sort(m_insertions.begin(), m_insertions.end(), [](const Insertion& a, const Insertion& b) {
        if (a.offset != b.offset)
            return a.offset < b.offset;
        if (a.isClosing != b.isClosing)
            return a.isClosing;
        if (a.key != b.key)
            return a.isClosing ? a.key > b.key : a.key < b.key;
        return a.sequence < b.sequence;
    });

    size_t extra = 0;
    for (auto& insertion : m_insertions)
        extra += insertion.text.size() + 2;
    m_code.clear();
    m_code.reserve(m_source.size() + extra);
    std::vector<uint32_t> markerBytes(m_analysis.literals().size() * markersPerLiteral, 0);
    size_t copied = 0;
    // Whether the text last appended was inserted: only there may two characters meet that did not in the source.
    bool endsWithInsertion = false;
    // A literal's start is where its first character lands, after a separating space if one is added.
    std::vector<int> pendingStartMarkers;
    auto append = [&](std::string_view text, bool isInserted) {
        if (text.empty())
            return;
        if ((isInserted || endsWithInsertion) && !m_code.empty() && wouldJoin(m_code.back(), text.front()))
            m_code += ' ';
        for (int marker : pendingStartMarkers)
            markerBytes[marker] = m_code.size();
        pendingStartMarkers.clear();
        m_code.append(text);
        endsWithInsertion = isInserted;
    };
    const Scope& top = *m_analysis.scopes().front();
    uint32_t entry = top.entryOffsets.empty() ? 0 : top.entryOffsets.front();
    m_entryNeedsSemicolon = top.entryNeedsSemicolon;
    bool isEntryFound = false;
    // Copies the source up to `offset`, noting where the entry lands on the way (before what is inserted there).
    auto copyUpTo = [&](size_t offset) {
        if (!isEntryFound && offset >= entry) {
            append(m_source.substr(copied, entry - copied), false);
            copied = entry;
            isEntryFound = true;
            m_entryOffset = m_code.size();
        }
        append(m_source.substr(copied, offset - copied), false);
        copied = offset;
    };
    for (auto& insertion : m_insertions) {
        copyUpTo(insertion.offset);
        if (insertion.marker >= 0 && insertion.isClosing)
            markerBytes[insertion.marker] = m_code.size();
        else if (insertion.marker >= 0)
            pendingStartMarkers.push_back(insertion.marker);
        append(insertion.text, true);
    }
    copyUpTo(m_source.size());
    for (int marker : pendingStartMarkers)
        markerBytes[marker] = m_code.size();

    // The runtime slices JavaScript strings: convert byte offsets of the output to UTF-16 code units in one walk.
    std::vector<uint32_t> sorted(markerBytes);
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::unordered_map<uint32_t, uint32_t> utf16;
    size_t byte = 0;
    uint32_t units = 0;
    for (uint32_t target : sorted) {
        for (; byte < target && byte < m_code.size(); ++byte) {
            auto c = static_cast<unsigned char>(m_code[byte]);
            if ((c & 0xc0) != 0x80)
                units += c >= 0xf0 ? 2 : 1;
        }
        utf16[target] = units;
    }
    m_literalOffsets.resize(m_analysis.literals().size());
    for (auto& literal : m_analysis.literals()) {
        auto& offsets = m_literalOffsets[literal->index];
        size_t first = literal->index * markersPerLiteral;
        offsets.start = utf16[markerBytes[first]];
        offsets.end = utf16[markerBytes[first + 1]];
        if (literal->paramsStart)
            offsets.paramsStart = utf16[markerBytes[first + 2]];
        if (literal->heritage) {
            offsets.heritageStart = utf16[markerBytes[first + 3]];
            offsets.heritageEnd = utf16[markerBytes[first + 4]];
        }
    }
}

} // namespace Offload
