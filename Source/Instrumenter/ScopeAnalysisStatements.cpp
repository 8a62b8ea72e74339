/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// The part of ScopeAnalysis that walks the statements with scopes of their own: loops with lexical heads (one scope
// instance per iteration), catch clauses and switch statements.

#include "Instrumenter/ScopeAnalysis.h"

#include "Instrumenter/NodeChildren.h"

namespace Offload {

static bool typeIs(TSNode node, const char* type)
{
    return !std::strcmp(ts_node_type(node), type);
}

void ScopeAnalysis::visitLoopBody(TSNode body, Scope* scope, const Context& context)
{
    if (typeIs(body, "statement_block")) {
        visitBody(body, scope, { scope, context.headOf, context.depth });
        return;
    }
    scope->wrapsBody = true;
    scope->bodyStart = ts_node_start_byte(body);
    scope->bodyEnd = m_tree.endOf(body);
    scope->bodyDepth = context.depth;
    scope->entryOffsets.push_back(scope->bodyStart);
    scope->entryDepth = context.depth;
    visit(body, { scope, context.headOf, context.depth });
}

void ScopeAnalysis::visitFor(TSNode node, const Context& context)
{
    Context childContext { context.scope, context.headOf, context.depth + 1 };
    TSNode body = childByField(node, "body");
    if (typeIs(node, "for_statement")) {
        TSNode initializer = childByField(node, "initializer");
        if (!typeIs(initializer, "lexical_declaration")) {
            visitChildren(node, context);
            return;
        }
        Scope* scope = makeScope(ScopeKind::For, context.scope, node, context);
        Context headContext { scope, scope, context.depth + 1 };
        bool isConst = m_tree.text(ts_node_child(initializer, 0)) == "const";
        visitDeclarators(initializer, scope, isConst ? BindingKind::Const : BindingKind::Let, headContext);
        visit(childByField(node, "condition"), headContext);
        visit(childByField(node, "increment"), headContext);
        visitLoopBody(body, scope, { scope, context.headOf, context.depth + 1 });
        return;
    }

    TSNode left = childByField(node, "left");
    std::string_view declarationKind;
    uint32_t count = ts_node_child_count(node);
    for (uint32_t i = 0; i < count; ++i) {
        TSNode child = ts_node_child(node, i);
        if (ts_node_start_byte(child) >= ts_node_start_byte(left))
            break;
        auto type = std::string_view(ts_node_type(child));
        if (type == "let" || type == "const" || type == "var")
            declarationKind = type;
    }
    if (declarationKind == "let" || declarationKind == "const") {
        Scope* scope = makeScope(ScopeKind::For, context.scope, node, context);
        Context headContext { scope, scope, context.depth + 1 };
        visitPattern(left, scope, declarationKind == "const" ? BindingKind::Const : BindingKind::Let, headContext);
        visit(childByField(node, "right"), headContext);
        visitLoopBody(body, scope, { scope, context.headOf, context.depth + 1 });
        return;
    }
    if (declarationKind == "var") {
        if (!varScope(context.scope) && declaresIntoCaller(context.scope))
            m_callerVars.emplace_back(m_tree.text(left));
        visitPattern(left, varScope(context.scope), BindingKind::Var, childContext);
    } else if (typeIs(left, "object_pattern") || typeIs(left, "array_pattern"))
        visitPattern(left, nullptr, BindingKind::Var, childContext);
    else
        visit(left, childContext);
    visit(childByField(node, "value"), childContext);
    visit(childByField(node, "right"), childContext);
    visit(body, childContext);
}

void ScopeAnalysis::visitCatch(TSNode node, const Context& context)
{
    Scope* scope = makeScope(ScopeKind::Catch, context.scope, node, context);
    Context catchContext { scope, context.headOf, context.depth + 1 };
    TSNode parameter = childByField(node, "parameter");
    if (!ts_node_is_null(parameter))
        visitPattern(parameter, scope, BindingKind::Catch, catchContext);
    visitBody(childByField(node, "body"), scope, catchContext);
}

void ScopeAnalysis::visitSwitch(TSNode node, const Context& context)
{
    Context childContext { context.scope, context.headOf, context.depth + 1 };
    visit(childByField(node, "value"), childContext);
    TSNode body = childByField(node, "body");
    Scope* scope = makeScope(ScopeKind::Switch, context.scope, body, childContext);
    scope->statementStart = ts_node_start_byte(node);
    scope->statementEnd = m_tree.endOf(node);
    scope->bodyDepth = context.depth;
    scope->entryDepth = context.depth + 2;
    Context caseContext { scope, context.headOf, context.depth + 3 };
    for (TSNode clause : namedChildren(body)) {
        if (!typeIs(clause, "switch_case") && !typeIs(clause, "switch_default"))
            continue;
        bool afterColon = false;
        for (TSNode child : children(clause)) {
            if (!afterColon && !ts_node_is_named(child) && typeIs(child, ":")) {
                afterColon = true;
                scope->entryOffsets.push_back(m_tree.endOf(child));
                continue;
            }
            visit(child, caseContext);
        }
    }
}

} // namespace Offload
