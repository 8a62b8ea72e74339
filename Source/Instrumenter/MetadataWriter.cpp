/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Instrumenter/MetadataWriter.h"

#include "Instrumenter/PropertyKey.h"

namespace Offload {

MetadataWriter::MetadataWriter(
    const ScopeAnalysis& analysis, const Rewriter& rewriter, std::string scriptId, std::string sourceKind)
    : m_analysis(analysis)
    , m_rewriter(rewriter)
    , m_scriptId(std::move(scriptId))
    , m_sourceKind(std::move(sourceKind))
{
}

int MetadataWriter::templateIndexOf(Scope* scope) const
{
    Scope* target = m_rewriter.bindingScope(scope);
    return target ? target->templateIndex : -1;
}

// The innermost class with private names around `scope` (inclusive) below the scope's template: what is made there
// is made inside that class's body, so a restore must make it there too (its text may use the private names).
int MetadataWriter::enclosingPrivateClass(Scope* scope) const
{
    Scope* boundary = m_rewriter.bindingScope(scope);
    for (; scope && scope != boundary; scope = scope->parent) {
        if (scope->kind == ScopeKind::Class && scope->classLiteral >= 0
            && m_analysis.literals()[scope->classLiteral]->hasPrivateNames)
            return scope->classLiteral;
    }
    return -1;
}

static const char* literalKindName(LiteralKind kind)
{
    switch (kind) {
    case LiteralKind::Function:
        return "function";
    case LiteralKind::Class:
        return "class";
    case LiteralKind::Method:
        return "method";
    case LiteralKind::Field:
        return "field";
    case LiteralKind::StaticBlock:
        return "staticBlock";
    }
    return "function";
}

static std::string nameList(const std::vector<std::string>& names)
{
    std::string list = "[";
    for (auto& name : names)
        list += (list.size() > 1 ? "," : "") + quoteString(name);
    return list + "]";
}

static const char* boolean(bool value)
{
    return value ? "true" : "false";
}

std::string MetadataWriter::write() const
{
    std::string json = "{\"version\":1,\"sid\":" + quoteString(m_scriptId) + ",\"kind\":" + quoteString(m_sourceKind)
        + ",\"strict\":" + boolean(m_analysis.isScriptStrict()) + ",\"entry\":["
        + std::to_string(m_rewriter.entryOffset()) + "," + boolean(m_rewriter.entryNeedsSemicolon()) + "]";
    if (!m_analysis.callerVars().empty()) {
        json += ",\"callerVars\":[";
        for (size_t i = 0; i < m_analysis.callerVars().size(); ++i)
            json += (i ? "," : "") + quoteString(m_analysis.callerVars()[i]);
        json += "]";
    }
    json += ",\"templates\":[";
    bool isFirst = true;
    for (Scope* scope : m_rewriter.templates()) {
        if (!isFirst)
            json += ",";
        isFirst = false;
        json += "{\"kind\":" + quoteString(scopeKindName(scope->kind));
        json += ",\"parent\":" + std::to_string(templateIndexOf(scope->parent));
        json += ",\"strict\":" + std::string(boolean(scope->isStrict));
        json += ",\"arrow\":" + std::string(boolean(scope->isArrow));
        json += ",\"function\":" + std::to_string(scope->functionLiteral);
        json += ",\"handle\":" + quoteString(m_rewriter.handleName(*scope));
        json += ",\"eager\":" + std::string(boolean(scope->isEager));
        json += ",\"privateClass\":" + std::to_string(enclosingPrivateClass(scope->parent));
        // Only templates with a `home` binding say whose evaluation makes the home object.
        if (scope->needsHome) {
            json += ",\"home\":{\"literal\":" + std::to_string(scope->homeLiteral)
                + ",\"static\":" + boolean(scope->isStaticHome) + "}";
        }
        json += ",\"bindings\":[";
        for (size_t i = 0; i < scope->bindings.size(); ++i) {
            if (i)
                json += ",";
            json += "[" + quoteString(scope->bindings[i].name) + ","
                + quoteString(bindingKindName(scope->bindings[i].kind)) + "]";
        }
        json += "]}";
    }
    json += "],\"literals\":[";
    auto& offsets = m_rewriter.literalOffsets();
    for (auto& literal : m_analysis.literals()) {
        if (literal->index)
            json += ",";
        auto& offset = offsets[literal->index];
        json += "{\"kind\":" + quoteString(literalKindName(literal->kind));
        json += ",\"template\":" + std::to_string(templateIndexOf(literal->scope));
        json += ",\"start\":" + std::to_string(offset.start) + ",\"end\":" + std::to_string(offset.end);
        json += ",\"name\":" + (literal->name ? quoteString(*literal->name) : std::string("null"));
        json += ",\"declaration\":" + std::string(boolean(literal->isDeclaration));
        json += ",\"strict\":" + std::string(boolean(literal->isStrict));
        json += ",\"arrow\":" + std::string(boolean(literal->isArrow));
        json += ",\"method\":";
        if (literal->method) {
            auto& method = *literal->method;
            json += "{\"kind\":" + quoteString(method.kind) + ",\"prefix\":" + quoteString(method.prefix)
                + ",\"computed\":" + boolean(method.isComputed)
                + ",\"key\":" + (method.key ? quoteString(*method.key) : std::string("null"))
                + ",\"static\":" + boolean(method.isStatic) + "}";
        } else
            json += "null";
        json += ",\"paramsStart\":" + (offset.paramsStart ? std::to_string(*offset.paramsStart) : std::string("null"));
        if (offset.heritageStart) {
            json += ",\"heritage\":[" + std::to_string(*offset.heritageStart) + ","
                + std::to_string(*offset.heritageEnd) + "]";
        }
        json += ",\"parameters\":"
            + (literal->simpleParameters ? nameList(*literal->simpleParameters) : std::string("null"));
        json += ",\"members\":[";
        for (size_t i = 0; i < literal->members.size(); ++i)
            json += (i ? "," : "") + std::to_string(literal->members[i]);
        json += "],\"owner\":" + std::to_string(literal->owner);
        json += ",\"privateClass\":" + std::to_string(enclosingPrivateClass(literal->scope));
        json += ",\"computedFields\":" + std::string(boolean(literal->hasComputedFieldNames));
        json += ",\"usesSuper\":" + std::string(boolean(literal->usesSuper));
        json += ",\"callsSuper\":" + std::string(boolean(literal->callsSuper));
        json += ",\"privateNames\":";
        if (literal->hasPrivateNames) {
            auto& names = literal->privateNames;
            json += "{\"derived\":" + std::string(boolean(names.isDerived)) + ",\"brand\":" + boolean(!!names.brand)
                + ",\"fields\":" + nameList(names.instanceFields) + ",\"staticFields\":" + nameList(names.staticFields)
                + "}";
        } else
            json += "null";
        json += "}";
    }
    json += "]}";
    return json;
}

} // namespace Offload
