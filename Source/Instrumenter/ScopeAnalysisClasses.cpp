/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// The part of ScopeAnalysis that walks classes and object literals: their members are literals created in the
// enclosing scope and registered by the class's (or object's) own hook call.

#include "Instrumenter/ScopeAnalysis.h"

#include "Instrumenter/NodeChildren.h"
#include "Instrumenter/PropertyKey.h"

namespace Offload {

static bool typeIs(TSNode node, const char* type)
{
    return !std::strcmp(ts_node_type(node), type);
}

void ScopeAnalysis::visitMethod(TSNode node, size_t index, Scope* parent, const Context& context)
{
    auto& literal = *m_literals[index];
    MethodInfo info;
    TSNode name = childByField(node, "name");
    uint32_t count = ts_node_child_count(node);
    for (uint32_t i = 0; i < count; ++i) {
        TSNode child = ts_node_child(node, i);
        if (ts_node_start_byte(child) >= ts_node_start_byte(name))
            break;
        auto type = std::string_view(ts_node_type(child));
        if (type == "static")
            info.isStatic = true;
        else if (type == "async")
            info.prefix += "async ";
        else if (type == "*")
            info.prefix += "*";
        else if (type == "get" || type == "set")
            info.kind = std::string(type);
    }
    info.isComputed = typeIs(name, "computed_property_name");
    info.key = propertyKeyName(m_tree, name);
    literal.method = info;
    literal.name = info.key;
    literal.start = ts_node_start_byte(name);
    if (typeIs(name, "private_property_identifier") && literal.owner >= 0) {
        auto& owner = *m_literals[literal.owner];
        owner.hasPrivateNames = true;
        if (!info.isStatic && !owner.privateNames.brand)
            owner.privateNames.brand = std::string(m_tree.text(name));
    }
    Context keyContext { parent, context.headOf, context.depth + 1 };
    if (info.isComputed)
        visit(name, keyContext);
    visitFunction(node, index, { parent, context.headOf, context.depth });
}

void ScopeAnalysis::visitObject(TSNode node, const Context& context)
{
    Context childContext { context.scope, context.headOf, context.depth + 1 };
    Site site { SiteKind::ObjectLiteral, context.scope, context.depth, ts_node_start_byte(node), m_tree.endOf(node) };
    for (TSNode child : namedChildren(node)) {
        if (m_refusal != Refusal::None)
            break;
        if (typeIs(child, "method_definition")) {
            size_t index = makeLiteral(LiteralKind::Method, child, context.scope, context.depth + 1);
            site.methods.emplace_back(index, propertyKeyExpression(m_tree, childByField(child, "name")));
            visitMethod(child, index, context.scope, childContext);
            continue;
        }
        if (typeIs(child, "pair")) {
            TSNode key = childByField(child, "key");
            if (typeIs(key, "computed_property_name"))
                visit(key, childContext);
            visit(childByField(child, "value"), childContext, propertyKeyName(m_tree, key));
            continue;
        }
        visit(child, childContext);
    }
    site.headOf = context.headOf;
    if (!site.methods.empty())
        m_sites.push_back(std::move(site));
}

// Whether the code a class evaluates itself (its heritage and computed keys, also those of classes nested there)
// contains a `yield` or `await` of the enclosing function. Method bodies, field initializers and static blocks are
// code of their own, where neither can stand for the enclosing function.
bool ScopeAnalysis::suspendsInClassCode(TSNode node) const
{
    if (ts_node_is_null(node))
        return false;
    auto type = std::string_view(ts_node_type(node));
    if (type == "yield_expression" || type == "await_expression")
        return true;
    if (type == "function_expression" || type == "function_declaration" || type == "generator_function"
        || type == "generator_function_declaration" || type == "arrow_function" || type == "class_static_block")
        return false;
    if (type == "method_definition")
        return suspendsInClassCode(childByField(node, "name"));
    if (type == "field_definition")
        return suspendsInClassCode(childByField(node, "property"));
    for (TSNode child : namedChildren(node)) {
        if (suspendsInClassCode(child))
            return true;
    }
    return false;
}

bool ScopeAnalysis::isStaticMember(TSNode member) const
{
    uint32_t count = ts_node_child_count(member);
    for (uint32_t i = 0; i < count; ++i) {
        TSNode child = ts_node_child(member, i);
        if (ts_node_is_named(child))
            return false;
        if (typeIs(child, "static"))
            return true;
    }
    return false;
}

void ScopeAnalysis::visitClass(TSNode node, size_t index, const Context& context)
{
    Scope* scope = makeScope(ScopeKind::Class, context.scope, node, context);
    scope->isStrict = true;
    scope->classLiteral = static_cast<int>(index);
    m_literals[index]->isStrict = true;
    auto& privateNames = m_literals[index]->privateNames;
    TSNode name = childByField(node, "name");
    if (!ts_node_is_null(name))
        scope->shadowNames.push_back(std::string(m_tree.text(name)));
    Context classContext { scope, context.headOf, context.depth + 1 };
    for (TSNode child : namedChildren(node)) {
        if (typeIs(child, "class_heritage")) {
            privateNames.isDerived = true;
            TSNode expression = firstNamedChild(child);
            if (!ts_node_is_null(expression))
                m_literals[index]->heritage = std::make_pair(ts_node_start_byte(expression), m_tree.endOf(expression));
            visit(child, classContext);
        }
    }

    size_t hooksBefore = m_sites.size() + m_hookCount;
    size_t scopesBefore = m_scopes.size();
    TSNode body = childByField(node, "body");
    privateNames.bodyStart = ts_node_start_byte(body) + 1;
    privateNames.bodyDepth = context.depth + 1;
    // Instance field initializers are guarded only in classes with private names, the only classes a restore
    // constructs; which classes those are is known once the whole body has been seen.
    std::vector<RestoreGuard> instanceFieldGuards;
    Context memberContext { scope, context.headOf, context.depth + 2 };
    for (TSNode member : namedChildren(body)) {
        if (m_refusal != Refusal::None)
            break;
        if (typeIs(member, "method_definition")) {
            size_t memberIndex = makeLiteral(LiteralKind::Method, member, scope, context.depth + 2);
            m_literals[memberIndex]->owner = index;
            m_literals[index]->members.push_back(memberIndex);
            visitMethod(member, memberIndex, scope, memberContext);
            auto& method = *m_literals[memberIndex];
            auto& info = *method.method;
            if (info.key == "constructor" && !info.isStatic && !info.isComputed && info.kind == "method"
                && info.prefix.empty()) {
                privateNames.constructorEntry = method.bodyEntry;
                privateNames.constructorDepth = method.bodyEntryDepth;
            }
            continue;
        }
        if (typeIs(member, "field_definition")) {
            TSNode property = childByField(member, "property");
            bool isStatic = isStaticMember(member);
            if (typeIs(property, "private_property_identifier")) {
                m_literals[index]->hasPrivateNames = true;
                std::string privateName(m_tree.text(property));
                if (isStatic)
                    privateNames.staticFields.push_back(privateName);
                else {
                    privateNames.instanceFields.push_back(privateName);
                    if (!privateNames.brand)
                        privateNames.brand = privateName;
                }
            }
            if (typeIs(property, "computed_property_name")) {
                m_literals[index]->hasComputedFieldNames = true;
                m_literals[index]->computedFieldKeys.emplace_back(
                    ts_node_start_byte(property) + 1, m_tree.endOf(property) - 1);
                visit(property, memberContext);
            }
            TSNode value = childByField(member, "value");
            if (ts_node_is_null(value))
                continue;
            // The field literal's text includes the hook call of a function value (depth + 2 sorts its markers
            // outside the value's own insertions).
            size_t fieldIndex = makeLiteral(LiteralKind::Field, value, scope, context.depth + 2);
            m_literals[fieldIndex]->owner = index;
            RestoreGuard guard { ts_node_start_byte(value), m_tree.endOf(value), context.depth + 1, false };
            if (isStatic)
                m_guards.push_back(guard);
            else
                instanceFieldGuards.push_back(guard);
            Scope* field = makeScope(ScopeKind::Field, scope, value, memberContext);
            field->isStaticElement = isStatic;
            visit(value, { field, context.headOf, context.depth + 3 }, propertyKeyName(m_tree, property));
            continue;
        }
        if (typeIs(member, "class_static_block")) {
            size_t blockIndex = makeLiteral(LiteralKind::StaticBlock, member, scope, context.depth + 2);
            m_literals[blockIndex]->owner = index;
            Scope* block = makeScope(ScopeKind::StaticBlock, scope, member, memberContext);
            TSNode blockBody = childByField(member, "body");
            m_guards.push_back(
                { ts_node_start_byte(blockBody) + 1, m_tree.endOf(blockBody) - 1, context.depth + 3, true });
            visitBody(blockBody, block, { block, context.headOf, context.depth + 3 });
            continue;
        }
        visit(member, memberContext);
    }
    m_literals[index]->hasInnerSites = m_sites.size() + m_hookCount != hooksBefore;
    m_literals[index]->computedFieldKeysDepth = context.depth + 1;
    m_literals[index]->recordsFieldKeys = m_literals[index]->hasComputedFieldNames && !suspendsInClassCode(node);
    if (m_literals[index]->hasPrivateNames)
        m_guards.insert(m_guards.end(), instanceFieldGuards.begin(), instanceFieldGuards.end());

    // Closures in the class body see the class's inner name binding, which no template of the enclosing scope holds
    // (a class expression's name is only bound inside it; a declaration's outer binding can be reassigned). When the
    // body refers to that name, the element scopes right below the class list it like a named function expression's
    // own name; otherwise nothing is added, so that methods' closures keep using the enclosing handle directly.
    if (!ts_node_is_null(name) && scope->isNameReferenced) {
        std::string className(m_tree.text(name));
        for (size_t i = scopesBefore; i < m_scopes.size(); ++i) {
            if (m_scopes[i]->parent == scope && m_scopes[i]->calleeName.empty())
                m_scopes[i]->calleeName = className;
        }
    }
}

} // namespace Offload
