/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Instrumenter/ScopeAnalysis.h"

#include "Instrumenter/NodeChildren.h"
#include "Instrumenter/PropertyKey.h"
#include <algorithm>
#include <unordered_map>

namespace Offload {

ScopeAnalysis::ScopeAnalysis(const SyntaxTree& tree, Mode mode, bool isStrictEvalContext)
    : m_tree(tree)
    , m_mode(mode)
    , m_isStrictEvalContext(isStrictEvalContext)
{
}

static constexpr unsigned maximumDepth = 3000;

static bool typeIs(TSNode node, const char* type)
{
    return nodeIs(node, type);
}

static bool isFunctionNode(TSNode node)
{
    const char* type = ts_node_type(node);
    return !std::strcmp(type, "function_expression") || !std::strcmp(type, "arrow_function")
        || !std::strcmp(type, "generator_function") || !std::strcmp(type, "class")
        || !std::strcmp(type, "method_definition") || !std::strcmp(type, "function_declaration")
        || !std::strcmp(type, "generator_function_declaration") || !std::strcmp(type, "class_declaration");
}

Scope* ScopeAnalysis::makeScope(ScopeKind kind, Scope* parent, TSNode node, const Context& context)
{
    auto scope = std::make_unique<Scope>();
    scope->kind = kind;
    scope->parent = parent;
    scope->start = ts_node_start_byte(node);
    scope->depth = context.depth;
    scope->entryDepth = context.depth;
    scope->isStrict = parent ? parent->isStrict : false;
    scope->headOf = context.headOf;
    m_scopes.push_back(std::move(scope));
    return m_scopes.back().get();
}

size_t ScopeAnalysis::makeLiteral(LiteralKind kind, TSNode node, Scope* scope, unsigned depth)
{
    auto literal = std::make_unique<Literal>();
    literal->kind = kind;
    literal->start = ts_node_start_byte(node);
    literal->end = m_tree.endOf(node);
    literal->depth = depth;
    literal->scope = scope;
    literal->isStrict = scope->isStrict;
    literal->index = m_literals.size();
    m_literals.push_back(std::move(literal));
    return m_literals.size() - 1;
}

void ScopeAnalysis::refuse(Refusal refusal, TSNode node, std::string reason)
{
    if (m_refusal != Refusal::None)
        return;
    m_refusal = refusal;
    m_refusalOffset = ts_node_start_byte(node);
    m_refusalReason = std::move(reason);
}

// Finds the end of a directive prologue among the named children of a program or function body, starting at
// `entry`. Returns the offset after the last directive and whether one of them is "use strict".
static uint32_t prologueEnd(
    const SyntaxTree& tree, TSNode container, uint32_t entry, bool& needsSemicolon, bool& isStrict)
{
    needsSemicolon = false;
    for (TSNode child : namedChildren(container)) {
        if (typeIs(child, "hash_bang_line"))
            continue;
        // `"use strict" // why` is a directive: the comment is not part of the statement here.
        if (!typeIs(child, "expression_statement") || namedChildCount(child) != 1
            || !typeIs(firstNamedChild(child), "string"))
            break;
        auto text = tree.text(firstNamedChild(child));
        if (text == "\"use strict\"" || text == "'use strict'")
            isStrict = true;
        entry = tree.endOf(child);
        needsSemicolon = tree.text(child).back() != ';';
    }
    return entry;
}

bool ScopeAnalysis::run()
{
    TSNode root = m_tree.root();
    Context context { nullptr, nullptr, 0 };
    Scope* rootScope = makeScope(m_mode == Mode::Eval ? ScopeKind::Eval : ScopeKind::Script, nullptr, root, context);
    rootScope->isStrict = m_mode == Mode::Eval && m_isStrictEvalContext;

    // Code goes after a hashbang line (at the start of the next line, so that it is not part of the comment) and
    // after the directive prologue.
    uint32_t entry = 0;
    if (typeIs(firstNamedChild(root), "hash_bang_line")) {
        // The hashbang comment runs to the first line terminator: \n, \r\n, \r, U+2028 or U+2029.
        auto source = m_tree.source();
        entry = ts_node_end_byte(firstNamedChild(root));
        if (source.substr(entry, 2) == "\r\n")
            entry += 2;
        else if (source.substr(entry, 3) == "\xe2\x80\xa8" || source.substr(entry, 3) == "\xe2\x80\xa9")
            entry += 3;
        else if (entry < source.size())
            ++entry;
    }
    bool isStrict = rootScope->isStrict;
    rootScope->entryOffsets.push_back(prologueEnd(m_tree, root, entry, rootScope->entryNeedsSemicolon, isStrict));
    rootScope->isStrict = isStrict;

    Context rootContext { rootScope, nullptr, 1 };
    visitChildren(root, rootContext);
    if (m_refusal != Refusal::None)
        return false;

    // A local binding named `eval` makes `eval(x)` an ordinary call: its argument must reach the callee unchanged.
    std::erase_if(m_sites, [](const Site& site) {
        if (site.kind != SiteKind::DirectEval)
            return false;
        for (Scope* scope = site.scope; scope; scope = scope->parent) {
            if (scope->declares("eval"))
                return true;
        }
        return false;
    });

    // Reads of a local binding named `eval` are not the global eval.
    std::erase_if(m_evalReads, [](const EvalRead& read) {
        if (read.kind == EvalRead::Kind::Property || read.kind == EvalRead::Kind::MethodCallReceiver)
            return false;
        for (Scope* scope = read.scope; scope; scope = scope->parent) {
            if (scope->declares("eval"))
                return true;
        }
        return false;
    });

    // Annex B.3.3 applies when a `var` of that name would not conflict with a lexical declaration in between.
    for (auto& [block, name] : m_annexBFunctions) {
        Scope* target = varScope(block);
        if (!target) {
            if (declaresIntoCaller(block))
                m_callerVars.push_back(name);
            continue;
        }
        bool conflicts = false;
        for (Scope* scope = block->parent; scope && scope != target && !conflicts; scope = scope->parent)
            conflicts = scope->declares(name);
        for (auto& binding : target->bindings)
            conflicts |= binding.name == name
                && (binding.kind == BindingKind::Let || binding.kind == BindingKind::Const
                    || binding.kind == BindingKind::Class);
        if (!conflicts)
            target->addBinding(name, BindingKind::Var);
    }

    for (auto& scope : m_scopes) {
        Scope* target = scope->paramsScope ? scope->paramsScope : scope.get();
        if (scope->needsThis)
            target->addBinding("this", BindingKind::This);
        if (scope->needsArguments)
            target->addBinding("arguments", BindingKind::Arguments);
        if (scope->needsNewTarget)
            target->addBinding("new.target", BindingKind::NewTarget);
        if (scope->needsHome) {
            target->addBinding("super", BindingKind::Home);
            target->needsHome = true;
            target->homeLiteral = scope->homeLiteral;
            target->isStaticHome = scope->isStaticHome;
        }
        if (!scope->calleeName.empty() && !target->declares(scope->calleeName) && !scope->declares(scope->calleeName))
            scope->addBinding(scope->calleeName, BindingKind::Callee);
    }
    resolveExposure();
    return true;
}

// Whether entering this scope from its parent enters code nested in the parent that the restore re-creates from its
// text rather than resumes: a function literal (its parameter scope when it has one), a class field initializer, a
// static block, or a class body (re-creating a class evaluates its computed keys again). Such code can also run after
// the parent's activation has returned, so what it reaches of the parent must be readable through a handle.
static bool startsNestedCode(const Scope& scope)
{
    switch (scope.kind) {
    case ScopeKind::Function:
        return !scope.paramsScope;
    case ScopeKind::Params:
    case ScopeKind::Field:
    case ScopeKind::StaticBlock:
    case ScopeKind::Class:
        return true;
    default:
        return false;
    }
}

namespace {

    struct Declaration {
        const Scope* scope;
        std::string_view name;

        bool operator==(const Declaration&) const = default;
    };

    struct DeclarationHash {
        size_t operator()(const Declaration& declaration) const
        {
            return std::hash<std::string_view>()(declaration.name) ^ (std::hash<const void*>()(declaration.scope) << 1);
        }
    };

} // namespace

void ScopeAnalysis::noteReference(std::string_view name, Scope* scope)
{
    m_references.push_back({ scope, name });
}

// A template lists only the bindings that code nested in its scope (a function, class or class element created there
// or below, within the same function) or a direct eval can refer to. Every binding a handle getter names must be
// captured by JavaScriptCore (heap-allocated, its reads and writes indirect) although most locals of a function that
// creates closures are never read by them; the others stay plain locals. The restore declares only the listed
// bindings, which is all that the re-created functions can refer to. When in doubt, a binding is exposed.
void ScopeAnalysis::resolveExposure()
{
    auto exposeAll = [](Scope& scope) {
        for (auto& binding : scope.bindings)
            binding.isExposed = true;
    };
    // The binding index of each declared name in its scope, or -1 for a name that only shadows (a class's own name).
    std::unordered_map<Declaration, int, DeclarationHash> declarations;
    for (auto& scope : m_scopes) {
        for (size_t i = 0; i < scope->bindings.size(); ++i) {
            auto& binding = scope->bindings[i];
            declarations.emplace(Declaration { scope.get(), binding.name }, static_cast<int>(i));
            // `this`, `arguments` and `new.target` are only listed when an arrow or a direct eval reads them.
            if (binding.kind == BindingKind::This || binding.kind == BindingKind::Arguments
                || binding.kind == BindingKind::NewTarget || binding.kind == BindingKind::Home)
                binding.isExposed = true;
        }
        for (auto& name : scope->shadowNames)
            declarations.emplace(Declaration { scope.get(), name }, -1);
        // A script's top-level lexical bindings are shared with every later script and travel as roots of the
        // capture; eval code's own are few and short-lived.
        if (scope->kind == ScopeKind::Script || scope->kind == ScopeKind::Eval)
            exposeAll(*scope);
    }
    // A switch body registers its hoisted functions in the case clause that makes its handle, once: it stays a
    // template.
    for (auto& scope : m_scopes) {
        if (scope->kind != ScopeKind::Switch)
            continue;
        for (size_t index : scope->hoistedFunctions) {
            for (auto& binding : scope->bindings)
                binding.isExposed |= binding.name == m_literals[index]->name;
        }
    }
    // Eval code can read any binding in scope where it runs.
    for (Scope* scope : m_evalScopes) {
        for (; scope; scope = scope->parent)
            exposeAll(*scope);
    }
    for (auto& reference : m_references) {
        bool isNested = false;
        for (Scope* scope = reference.scope; scope; scope = scope->parent) {
            auto found = declarations.find({ scope, reference.name });
            if (found != declarations.end()) {
                if (isNested && found->second >= 0)
                    scope->bindings[found->second].isExposed = true;
                break;
            }
            // A non-arrow function has an `arguments` object of its own.
            if (reference.name == "arguments" && !scope->isArrow
                && (scope->kind == ScopeKind::Function || scope->kind == ScopeKind::Params))
                break;
            isNested |= startsNestedCode(*scope);
        }
    }
    for (auto& scope : m_scopes) {
        for (auto& binding : scope->bindings) {
            if (!binding.isExposed)
                scope->shadowNames.push_back(binding.name);
        }
        std::erase_if(scope->bindings, [](const Binding& binding) { return !binding.isExposed; });
    }
}

void ScopeAnalysis::visitChildren(TSNode node, const Context& context)
{
    Context childContext { context.scope, context.headOf, context.depth + 1 };
    for (TSNode child : namedChildren(node)) {
        if (m_refusal != Refusal::None)
            break;
        visit(child, childContext);
    }
}

static bool isReserved(std::string_view name)
{
    return name.starts_with("__of");
}

// Whether an `eval` identifier is read as a value: not the callee of a call (a direct eval, or an ordinary call
// through a local binding), not a target of assignment or `delete`.
static bool isReadAsValue(TSNode identifier)
{
    TSNode child = identifier;
    TSNode parent = ts_node_parent(identifier);
    while (!ts_node_is_null(parent) && typeIs(parent, "parenthesized_expression")) {
        child = parent;
        parent = ts_node_parent(parent);
    }
    if (ts_node_is_null(parent))
        return false;
    auto isField = [&](const char* field) { return ts_node_eq(childByField(parent, field), child); };
    if (typeIs(parent, "call_expression"))
        return !isField("function") || !ts_node_is_null(childByField(parent, "optional_chain"));
    if (typeIs(parent, "assignment_expression") || typeIs(parent, "augmented_assignment_expression")
        || typeIs(parent, "for_in_statement"))
        return !isField("left");
    if (typeIs(parent, "update_expression"))
        return false;
    if (typeIs(parent, "unary_expression")) {
        TSNode op = childByField(parent, "operator");
        return ts_node_is_null(op) || std::string_view(ts_node_type(op)) != "delete";
    }
    return true;
}

// Whether the chain ending in `node` (its objects and callees, down to the first expression that is not a member
// read or a call) has an optional link: wrapping a part of it in a call would end the chain there, so a short-circuit
// would no longer skip what follows.
static bool chainHasOptionalLink(TSNode node)
{
    while (true) {
        bool isMember = typeIs(node, "member_expression") || typeIs(node, "subscript_expression");
        if (!isMember && !typeIs(node, "call_expression"))
            return false;
        if (!ts_node_is_null(childByField(node, "optional_chain")))
            return true;
        node = childByField(node, isMember ? "object" : "function");
    }
}

static TSNode unwrapParentheses(TSNode node)
{
    while (typeIs(node, "parenthesized_expression") && namedChildCount(node) == 1)
        node = firstNamedChild(node);
    return node;
}

// `new function () {}` must stay a construction of the function: `new __offload.f(…)` would construct the hook.
static bool needsNewParentheses(TSNode node)
{
    TSNode current = node;
    for (TSNode parent = ts_node_parent(current); !ts_node_is_null(parent); parent = ts_node_parent(current)) {
        if (typeIs(parent, "new_expression"))
            return ts_node_eq(childByField(parent, "constructor"), current);
        if ((typeIs(parent, "member_expression") || typeIs(parent, "subscript_expression"))
            && ts_node_eq(childByField(parent, "object"), current)) {
            current = parent;
            continue;
        }
        return false;
    }
    return false;
}

void ScopeAnalysis::visit(TSNode node, const Context& context, const std::optional<std::string>& inferredName)
{
    if (m_refusal != Refusal::None || ts_node_is_null(node) || !ts_node_is_named(node))
        return;
    // The walk is recursive: refuse absurdly deep nesting rather than exhaust the stack of the web process.
    if (context.depth > maximumDepth)
        return refuse(
            Refusal::Unsupported, node, "the script nests expressions or statements too deeply to instrument");
    const char* type = ts_node_type(node);
    auto is = [type](const char* name) { return !std::strcmp(type, name); };

    if (is("function_declaration") || is("generator_function_declaration")) {
        visitFunctionDeclaration(node, context);
        return;
    }
    if (is("function_expression") || is("generator_function") || is("arrow_function") || is("class")) {
        bool isClass = is("class");
        size_t index
            = makeLiteral(isClass ? LiteralKind::Class : LiteralKind::Function, node, context.scope, context.depth);
        auto& literal = *m_literals[index];
        literal.isArrow = is("arrow_function");
        TSNode name = childByField(node, "name");
        if (!ts_node_is_null(name))
            literal.name = std::string(m_tree.text(name));
        else {
            literal.name = inferredName;
            literal.isNameInferred = inferredName.has_value();
        }
        Site site { SiteKind::FunctionHook, context.scope, context.depth, literal.start, literal.end };
        site.literal = index;
        site.needsNewParentheses = needsNewParentheses(node);
        // `x = function () {}`: the hook takes the assignment's value, the function the engine has named. (Only named
        // functions look at their parent, which tree-sitter finds by walking down from the root.)
        TSNode parent = literal.isNameInferred && !isClass && context.depth > 0 ? ts_node_parent(node) : TSNode {};
        if (!ts_node_is_null(parent) && typeIs(parent, "assignment_expression")
            && ts_node_eq(childByField(parent, "right"), node)) {
            site.start = ts_node_start_byte(parent);
            site.end = m_tree.endOf(parent);
            site.depth = context.depth - 1;
            site.needsNewParentheses = false;
            site.wrapsAssignment = true;
        }
        site.headOf = context.headOf;
        m_sites.push_back(std::move(site));
        if (isClass)
            visitClass(node, index, context);
        else
            visitFunction(node, index, context);
        return;
    }
    if (is("class_declaration")) {
        TSNode name = childByField(node, "name");
        std::string className(m_tree.text(name));
        if (isReserved(className))
            return refuse(Refusal::ReservedIdentifier, name,
                "the identifier '" + className + "' is reserved for the offload runtime");
        context.scope->addBinding(className, BindingKind::Class);
        size_t index = makeLiteral(LiteralKind::Class, node, context.scope, context.depth);
        m_literals[index]->isDeclaration = true;
        m_literals[index]->name = className;
        Site site { SiteKind::ClassDeclaration, context.scope, context.depth, m_literals[index]->start,
            m_literals[index]->end };
        site.literal = index;
        site.declaredName = className;
        site.headOf = context.headOf;
        m_sites.push_back(std::move(site));
        visitClass(node, index, context);
        return;
    }
    if (is("object")) {
        visitObject(node, context);
        return;
    }
    if (is("variable_declaration")) {
        Scope* target = varScope(context.scope);
        if (!target && declaresIntoCaller(context.scope)) {
            for (TSNode declarator : namedChildren(node)) {
                if (typeIs(declarator, "variable_declarator"))
                    m_callerVars.emplace_back(m_tree.text(childByField(declarator, "name")));
            }
        }
        visitDeclarators(node, target, BindingKind::Var, context);
        return;
    }
    if (is("lexical_declaration")) {
        bool isConst = m_tree.text(ts_node_child(node, 0)) == "const";
        visitDeclarators(node, context.scope, isConst ? BindingKind::Const : BindingKind::Let, context);
        return;
    }
    if (is("assignment_expression") || is("augmented_assignment_expression")) {
        TSNode left = childByField(node, "left");
        TSNode right = childByField(node, "right");
        std::optional<std::string> name;
        TSNode target = unwrapParentheses(left);
        bool isNamingOperator = is("assignment_expression");
        if (!isNamingOperator) {
            auto op = m_tree.text(childByField(node, "operator"));
            isNamingOperator = op == "&&=" || op == "||=" || op == "?\?=";
        }
        if (isNamingOperator && typeIs(target, "identifier") && ts_node_eq(target, left))
            name = std::string(m_tree.text(target));
        Context childContext { context.scope, context.headOf, context.depth + 1 };
        if (typeIs(left, "object_pattern") || typeIs(left, "array_pattern"))
            visitPattern(left, nullptr, BindingKind::Var, childContext);
        else
            visit(left, childContext);
        visit(right, childContext, name);
        return;
    }
    if (is("statement_block")) {
        Scope* block = makeScope(ScopeKind::Block, context.scope, node, context);
        visitBody(node, block, context);
        return;
    }
    if (is("for_statement") || is("for_in_statement")) {
        visitFor(node, context);
        return;
    }
    if (is("catch_clause")) {
        visitCatch(node, context);
        return;
    }
    if (is("switch_statement")) {
        visitSwitch(node, context);
        return;
    }
    if (is("with_statement"))
        return refuse(Refusal::Unsupported, node,
            "'with' statements are not supported: the bindings of a 'with' scope depend on an object at run time and "
            "cannot be captured");
    if (is("member_expression"))
        noteMemberEvalRead(node, context);
    if (is("call_expression")) {
        // `eval(x)` and `(eval)(x)` are direct evals; `eval?.(x)` is not.
        TSNode callee = unwrapParentheses(childByField(node, "function"));
        TSNode arguments = childByField(node, "arguments");
        // A tagged template whose tag is `eval` is not a direct eval; rewritten as a call, it would become one.
        if (typeIs(arguments, "template_string")
            && !(typeIs(childByField(node, "function"), "identifier") && m_tree.text(callee) == "eval")) {
            size_t substitutions = 0;
            for (TSNode part : namedChildren(arguments))
                substitutions += typeIs(part, "template_substitution");
            m_taggedTemplates.push_back({ ts_node_start_byte(node), m_tree.endOf(node), ts_node_start_byte(arguments),
                m_tree.endOf(arguments), context.depth, substitutions, needsNewParentheses(node) });
        }
        // Any call of `eval` may be a direct eval (also `eval(...args)`, or through a local binding of the real eval):
        // for exposure, all bindings in scope count as read.
        if (typeIs(callee, "identifier") && m_tree.text(callee) == "eval"
            && ts_node_is_null(childByField(node, "optional_chain")))
            m_evalScopes.push_back(context.scope);
        if (typeIs(callee, "identifier") && m_tree.text(callee) == "eval" && typeIs(arguments, "arguments")
            && ts_node_is_null(childByField(node, "optional_chain")) && namedChildCount(arguments)
            && !typeIs(firstNamedChild(arguments), "spread_element")) {
            TSNode argument = firstNamedChild(arguments);
            m_sites.emplace_back(SiteKind::DirectEval, context.scope, context.depth + 1, ts_node_start_byte(argument),
                m_tree.endOf(argument));
            m_sites.back().headOf = context.headOf;
            noteSpecialUse(BindingKind::This, context, true);
            noteSpecialUse(BindingKind::Arguments, context, true);
            noteSpecialUse(BindingKind::NewTarget, context, true);
        }
        visitChildren(node, context);
        return;
    }
    if (is("this")) {
        noteSpecialUse(BindingKind::This, context, false);
        return;
    }
    if (is("super")) {
        // The function whose home object `super` reads, and the arrows in between, use super.
        TSNode parent = ts_node_parent(node);
        bool isCall = typeIs(parent, "call_expression") && ts_node_eq(childByField(parent, "function"), node);
        bool crossedArrow = false;
        for (Scope* scope = context.scope; scope; scope = scope->parent) {
            if (scope->kind == ScopeKind::Field || scope->kind == ScopeKind::StaticBlock) {
                if (crossedArrow && !isCall)
                    noteHomeUse(scope);
                break;
            }
            if (scope->kind != ScopeKind::Function || scope->functionLiteral < 0)
                continue;
            auto& literal = *m_literals[scope->functionLiteral];
            literal.usesSuper = true;
            if (!literal.isArrow) {
                if (crossedArrow && !isCall)
                    noteHomeUse(scope);
                break;
            }
            crossedArrow = true;
            literal.callsSuper |= isCall;
        }
        // `super.m()` calls m with the enclosing method's `this`: an arrow using super reads `this`. (An arrow calling
        // super() is refused by the capture.)
        if (crossedArrow && !isCall)
            noteSpecialUse(BindingKind::This, context, false);
        return;
    }
    if (is("meta_property")) {
        if (m_tree.text(node).ends_with("target"))
            noteSpecialUse(BindingKind::NewTarget, context, false);
        return;
    }
    if (is("identifier") || is("shorthand_property_identifier") || is("shorthand_property_identifier_pattern")) {
        auto name = m_tree.text(node);
        if (isReserved(name))
            return refuse(Refusal::ReservedIdentifier, node,
                "the identifier '" + std::string(name) + "' is reserved for the offload runtime");
        if (name == "arguments")
            noteSpecialUse(BindingKind::Arguments, context, false);
        if (name == "eval" && !is("shorthand_property_identifier_pattern") && isReadAsValue(node))
            m_evalReads.push_back({ context.scope, context.depth + 1, ts_node_start_byte(node), m_tree.endOf(node),
                is("shorthand_property_identifier") ? EvalRead::Kind::ShorthandProperty : EvalRead::Kind::Identifier });
        noteReference(name, context.scope);
        for (Scope* scope = context.scope; scope; scope = scope->parent) {
            if (scope->declares(name)) {
                if (scope->kind == ScopeKind::Class)
                    scope->isNameReferenced = true;
                break;
            }
        }
        return;
    }
    if (is("parenthesized_expression") && namedChildCount(node) == 1) {
        visit(firstNamedChild(node), { context.scope, context.headOf, context.depth + 1 }, inferredName);
        return;
    }
    visitChildren(node, context);
}

// `x.eval` may be the engine's eval reached through a property (`globalThis.eval`), whose code the runtime must
// instrument (Documentation/Instrumentation.md, "Indirect eval"). A method call `x.eval(…)` becomes
// `__offload.em(x).eval(…)`, which keeps the call a method call of `x` unless `x.eval` is the engine's eval; any other
// read as a value becomes `__offload.ie(x.eval)`. Assignment targets, `delete`, `new x.eval`, tagged templates (the
// engine's eval returns a template's strings object unevaluated) and reads inside an optional chain that goes on
// after them are left alone.
void ScopeAnalysis::noteMemberEvalRead(TSNode node, const Context& context)
{
    TSNode property = childByField(node, "property");
    if (!typeIs(property, "property_identifier") || m_tree.text(property) != "eval")
        return;
    TSNode child = node;
    TSNode parent = ts_node_parent(node);
    while (!ts_node_is_null(parent) && typeIs(parent, "parenthesized_expression")) {
        child = parent;
        parent = ts_node_parent(parent);
    }
    if (ts_node_is_null(parent))
        return;
    auto isField = [&](const char* field) { return ts_node_eq(childByField(parent, field), child); };
    TSNode object = childByField(node, "object");
    if (typeIs(parent, "call_expression") && isField("function")) {
        if (typeIs(childByField(parent, "arguments"), "template_string") || typeIs(object, "super")
            || chainHasOptionalLink(object))
            return;
        m_evalReads.push_back({ context.scope, context.depth, ts_node_start_byte(object), m_tree.endOf(object),
            EvalRead::Kind::MethodCallReceiver });
        return;
    }
    if (typeIs(parent, "new_expression") || typeIs(parent, "update_expression") || typeIs(parent, "array_pattern")
        || typeIs(parent, "object_pattern") || typeIs(parent, "rest_pattern"))
        return;
    if ((typeIs(parent, "assignment_expression") || typeIs(parent, "augmented_assignment_expression")
            || typeIs(parent, "for_in_statement") || typeIs(parent, "assignment_pattern"))
        && isField("left"))
        return;
    if (typeIs(parent, "pair_pattern") && isField("value"))
        return;
    if (typeIs(parent, "unary_expression")) {
        TSNode op = childByField(parent, "operator");
        if (!ts_node_is_null(op) && std::string_view(ts_node_type(op)) == "delete")
            return;
    }
    bool continuesChain = ts_node_eq(child, node)
        && (((typeIs(parent, "member_expression") || typeIs(parent, "subscript_expression")) && isField("object"))
            || (typeIs(parent, "call_expression") && isField("function")));
    if (continuesChain && chainHasOptionalLink(node))
        return;
    m_evalReads.push_back(
        { context.scope, context.depth, ts_node_start_byte(node), m_tree.endOf(node), EvalRead::Kind::Property });
}

// An arrow made in `scope` (a method's, field initializer's or static block's) uses super: its scope instances must
// carry the home object (through a `home` binding the capture fills), found from the class (or object literal)
// evaluation that made the method.
void ScopeAnalysis::noteHomeUse(Scope* scope)
{
    if (scope->kind == ScopeKind::Field || scope->kind == ScopeKind::StaticBlock) {
        if (!scope->parent || scope->parent->kind != ScopeKind::Class)
            return;
        scope->needsHome = true;
        scope->homeLiteral = scope->parent->classLiteral;
        scope->isStaticHome = scope->kind == ScopeKind::StaticBlock || scope->isStaticElement;
        return;
    }
    auto& literal = *m_literals[scope->functionLiteral];
    if (!literal.method)
        return;
    scope->needsHome = true;
    scope->homeLiteral = literal.owner >= 0 ? literal.owner : static_cast<int>(literal.index);
    scope->isStaticHome = literal.owner >= 0 && literal.method->isStatic;
}

void ScopeAnalysis::noteSpecialUse(BindingKind kind, const Context& context, bool fromEval)
{
    // `this`, `arguments` and `new.target` only need a binding when an arrow (or eval code) reads the value of an
    // enclosing non-arrow function: then a closure captures them.
    bool crossedArrow = fromEval;
    for (Scope* scope = context.scope; scope; scope = scope->parent) {
        bool isFunctionLike = scope->kind == ScopeKind::Function || scope->kind == ScopeKind::Params
            || scope->kind == ScopeKind::Field || scope->kind == ScopeKind::StaticBlock;
        if (scope->kind == ScopeKind::Script || scope->kind == ScopeKind::Eval)
            return;
        if (!isFunctionLike)
            continue;
        if (scope->isArrow) {
            crossedArrow = true;
            continue;
        }
        if (!crossedArrow)
            return;
        if (kind == BindingKind::This)
            scope->needsThis = true;
        else if (kind == BindingKind::Arguments && scope->kind != ScopeKind::Field
            && scope->kind != ScopeKind::StaticBlock)
            scope->needsArguments = true;
        else if (kind == BindingKind::NewTarget)
            scope->needsNewTarget = true;
        return;
    }
}

Scope* ScopeAnalysis::varScope(Scope* scope) const
{
    for (; scope; scope = scope->parent) {
        switch (scope->kind) {
        case ScopeKind::Function:
        case ScopeKind::StaticBlock:
            return scope;
        case ScopeKind::Script:
            // Top-level `var`s live on the global object and travel with it.
            return nullptr;
        case ScopeKind::Eval:
            // A sloppy direct eval declares its `var`s in the caller's variable environment.
            return scope->isStrict ? scope : nullptr;
        default:
            break;
        }
    }
    return nullptr;
}

// Whether a `var` declared in `scope` lands in the variable environment of a sloppy direct eval's caller, which
// the eval code's own templates cannot hold.
bool ScopeAnalysis::declaresIntoCaller(Scope* scope) const
{
    for (; scope; scope = scope->parent) {
        switch (scope->kind) {
        case ScopeKind::Function:
        case ScopeKind::StaticBlock:
        case ScopeKind::Script:
            return false;
        case ScopeKind::Eval:
            return !scope->isStrict;
        default:
            break;
        }
    }
    return false;
}

void ScopeAnalysis::visitDeclarators(TSNode node, Scope* target, BindingKind kind, const Context& context)
{
    Context childContext { context.scope, context.headOf, context.depth + 1 };
    for (TSNode declarator : namedChildren(node)) {
        if (!typeIs(declarator, "variable_declarator"))
            continue;
        TSNode name = childByField(declarator, "name");
        visitPattern(name, target, kind, childContext);
        TSNode value = childByField(declarator, "value");
        if (!ts_node_is_null(value)) {
            std::optional<std::string> inferredName;
            if (typeIs(name, "identifier"))
                inferredName = std::string(m_tree.text(name));
            visit(value, childContext, inferredName);
        }
    }
}

void ScopeAnalysis::visitPattern(TSNode node, Scope* target, BindingKind kind, const Context& context)
{
    if (m_refusal != Refusal::None || ts_node_is_null(node) || !ts_node_is_named(node))
        return;
    Context childContext { context.scope, context.headOf, context.depth + 1 };
    if (typeIs(node, "identifier") || typeIs(node, "shorthand_property_identifier_pattern")) {
        auto name = m_tree.text(node);
        if (isReserved(name))
            return refuse(Refusal::ReservedIdentifier, node,
                "the identifier '" + std::string(name) + "' is reserved for the offload runtime");
        if (target)
            target->addBinding(name, kind);
        else
            noteReference(name, context.scope);
        return;
    }
    if (typeIs(node, "object_pattern") || typeIs(node, "array_pattern") || typeIs(node, "rest_pattern")) {
        for (TSNode child : namedChildren(node))
            visitPattern(child, target, kind, childContext);
        return;
    }
    if (typeIs(node, "pair_pattern")) {
        TSNode key = childByField(node, "key");
        if (typeIs(key, "computed_property_name"))
            visit(key, childContext);
        visitPattern(childByField(node, "value"), target, kind, childContext);
        return;
    }
    if (typeIs(node, "assignment_pattern") || typeIs(node, "object_assignment_pattern")) {
        TSNode left = childByField(node, "left");
        visitPattern(left, target, kind, childContext);
        std::optional<std::string> inferredName;
        if (typeIs(left, "identifier") || typeIs(left, "shorthand_property_identifier_pattern"))
            inferredName = std::string(m_tree.text(left));
        visit(childByField(node, "right"), childContext, inferredName);
        return;
    }
    // Member expressions and other assignment targets of destructuring assignments.
    visit(node, context);
}

void ScopeAnalysis::visitFunctionDeclaration(TSNode node, const Context& context)
{
    TSNode name = childByField(node, "name");
    std::string functionName(m_tree.text(name));
    if (isReserved(functionName))
        return refuse(Refusal::ReservedIdentifier, name,
            "the identifier '" + functionName + "' is reserved for the offload runtime");

    // Annex B allows `if (x) function f() {}` and `L: function f() {}` in sloppy code. The first behaves as if the
    // declaration were in a block; JavaScriptCore does not hoist the second either (it is created when the statement
    // runs). The rewrite makes that block explicit so that the registration has an entry to go to.
    Scope* scope = context.scope;
    TSNode statement = node;
    while (typeIs(ts_node_parent(statement), "labeled_statement"))
        statement = ts_node_parent(statement);
    TSNode container = ts_node_parent(statement);
    bool isInStatementList = typeIs(container, "program") || typeIs(container, "statement_block")
        || typeIs(container, "switch_case") || typeIs(container, "switch_default");
    if (!isInStatementList || !ts_node_eq(statement, node)) {
        scope = makeScope(ScopeKind::Block, context.scope, statement, context);
        scope->wrapsBody = true;
        scope->bodyStart = ts_node_start_byte(statement);
        scope->bodyEnd = m_tree.endOf(statement);
        scope->bodyDepth = context.depth;
        scope->entryOffsets.push_back(scope->bodyStart);
        scope->entryDepth = context.depth;
        scope->registersAfterBody = !ts_node_eq(statement, node);
    }

    switch (scope->kind) {
    case ScopeKind::Function:
    case ScopeKind::StaticBlock:
        scope->addBinding(functionName, BindingKind::Function);
        break;
    case ScopeKind::Script:
        break;
    case ScopeKind::Eval:
        if (scope->isStrict)
            scope->addBinding(functionName, BindingKind::Function);
        else
            m_callerVars.push_back(functionName);
        break;
    default:
        scope->addBinding(functionName, BindingKind::Function);
        // Sloppy-mode block functions also get a function-level `var` copy (Annex B.3.3), decided after the walk.
        if (!scope->isStrict)
            m_annexBFunctions.emplace_back(scope, functionName);
        break;
    }
    size_t index = makeLiteral(LiteralKind::Function, node, scope, context.depth);
    m_literals[index]->isDeclaration = true;
    m_literals[index]->name = functionName;
    scope->hoistedFunctions.push_back(index);
    ++m_hookCount;
    visitFunction(node, index, { scope, context.headOf, context.depth });
}

bool ScopeAnalysis::containsSite(TSNode node) const
{
    if (isFunctionNode(node))
        return true;
    if (typeIs(node, "call_expression")) {
        TSNode callee = childByField(node, "function");
        if (typeIs(callee, "identifier") && m_tree.text(callee) == "eval")
            return true;
    }
    for (TSNode child : namedChildren(node)) {
        if (containsSite(child))
            return true;
    }
    return false;
}

void ScopeAnalysis::visitFunction(TSNode node, size_t index, const Context& context)
{
    auto& literal = *m_literals[index];
    TSNode parameters = childByField(node, "parameters");
    if (ts_node_is_null(parameters))
        parameters = childByField(node, "parameter");
    TSNode body = childByField(node, "body");
    unsigned depth = context.depth + 1;

    bool isStrict = context.scope->isStrict;
    bool needsSemicolon = false;
    uint32_t entry = 0;
    if (typeIs(body, "statement_block"))
        entry = prologueEnd(m_tree, body, ts_node_start_byte(body) + 1, needsSemicolon, isStrict);

    Scope* paramsScope = nullptr;
    if (!ts_node_is_null(parameters)) {
        literal.paramsStart = ts_node_start_byte(parameters);
        literal.paramsDepth = depth;
        if (containsSite(parameters)) {
            paramsScope = makeScope(ScopeKind::Params, context.scope, node, { context.scope, context.headOf, depth });
            paramsScope->isArrow = literal.isArrow;
            paramsScope->isStrict = isStrict;
        }
    }
    Scope* function = makeScope(
        ScopeKind::Function, paramsScope ? paramsScope : context.scope, node, { context.scope, context.headOf, depth });
    function->isArrow = literal.isArrow;
    function->isStrict = isStrict;
    function->paramsScope = paramsScope;
    function->functionLiteral = static_cast<int>(index);
    if (paramsScope) {
        paramsScope->functionLiteral = static_cast<int>(index);
        paramsScope->functionScope = function;
    }
    literal.isStrict = isStrict;
    if (typeIs(node, "function_expression") || typeIs(node, "generator_function")) {
        TSNode name = childByField(node, "name");
        if (!ts_node_is_null(name))
            function->calleeName = std::string(m_tree.text(name));
    }

    if (!ts_node_is_null(parameters) && !isStrict && !literal.isArrow && typeIs(parameters, "formal_parameters")) {
        std::vector<std::string> names;
        bool isSimple = true;
        for (TSNode parameter : namedChildren(parameters)) {
            if (!isSimple)
                break;
            isSimple = typeIs(parameter, "identifier");
            names.emplace_back(m_tree.text(parameter));
        }
        if (isSimple)
            literal.simpleParameters = std::move(names);
    }
    if (!ts_node_is_null(parameters)) {
        Scope* target = paramsScope ? paramsScope : function;
        Context parameterContext { target, context.headOf, depth + 1 };
        if (typeIs(parameters, "identifier"))
            visitPattern(parameters, target, BindingKind::Param, parameterContext);
        else {
            for (TSNode parameter : namedChildren(parameters))
                visitPattern(parameter, target, BindingKind::Param, { target, context.headOf, depth + 2 });
        }
    }

    Context bodyContext { function, context.headOf, depth + 1 };
    if (typeIs(body, "statement_block")) {
        literal.bodyEntry = entry;
        literal.bodyEntryDepth = depth + 1;
        function->entryOffsets.push_back(entry);
        function->entryNeedsSemicolon = needsSemicolon;
        function->entryDepth = depth + 1;
        Context statementContext { function, context.headOf, depth + 2 };
        for (TSNode statement : namedChildren(body))
            visit(statement, statementContext);
        return;
    }
    function->isExpressionBody = true;
    function->bodyStart = ts_node_start_byte(body);
    function->bodyEnd = m_tree.endOf(body);
    function->bodyDepth = depth + 1;
    visit(body, bodyContext);
}

void ScopeAnalysis::visitBody(TSNode block, Scope* scope, const Context& context)
{
    scope->entryOffsets.push_back(ts_node_start_byte(block) + 1);
    scope->entryDepth = context.depth;
    Context statementContext { scope, context.headOf, context.depth + 1 };
    for (TSNode statement : namedChildren(block)) {
        if (m_refusal != Refusal::None)
            break;
        visit(statement, statementContext);
    }
}

} // namespace Offload
