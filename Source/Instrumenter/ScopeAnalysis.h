/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Instrumenter/Scope.h"
#include "Instrumenter/SyntaxTree.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Offload {

// The static scopes, function literals and hook sites of one parsed script.
class ScopeAnalysis {
public:
    enum class Mode { Script, Eval };
    ScopeAnalysis(const SyntaxTree&, Mode, bool isStrictEvalContext);

    // Walks the tree; returns false with m_error* set on a refused construct (`with`, reserved identifiers).
    bool run();

    const std::vector<std::unique_ptr<Scope>>& scopes() const { return m_scopes; }
    const std::vector<std::unique_ptr<Literal>>& literals() const { return m_literals; }
    const std::vector<Site>& sites() const { return m_sites; }
    const std::vector<RestoreGuard>& guards() const { return m_guards; }
    const std::vector<EvalRead>& evalReads() const { return m_evalReads; }
    // Sloppy eval code: the names its `var` and function declarations add to the caller's variable environment.
    const std::vector<std::string>& callerVars() const { return m_callerVars; }
    const std::vector<TaggedTemplate>& taggedTemplates() const { return m_taggedTemplates; }
    Scope* rootScope() const { return m_scopes.front().get(); }
    bool isScriptStrict() const { return rootScope()->isStrict; }

    enum class Refusal { None, Unsupported, ReservedIdentifier };
    Refusal refusal() const { return m_refusal; }
    uint32_t refusalOffset() const { return m_refusalOffset; }
    const std::string& refusalReason() const { return m_refusalReason; }

private:
    struct Context {
        Scope* scope;
        Scope* headOf;
        unsigned depth;
    };

    Scope* makeScope(ScopeKind, Scope* parent, TSNode, const Context&);
    size_t makeLiteral(LiteralKind, TSNode, Scope*, unsigned depth);
    void refuse(Refusal, TSNode, std::string reason);

    void visit(TSNode, const Context&, const std::optional<std::string>& inferredName = std::nullopt);
    void visitChildren(TSNode, const Context&);
    void visitFunction(TSNode, size_t literal, const Context&);
    void visitClass(TSNode, size_t literal, const Context&);
    void visitObject(TSNode, const Context&);
    void visitMethod(TSNode, size_t literal, Scope* parent, const Context&);
    void visitBody(TSNode block, Scope*, const Context&);
    void visitFor(TSNode, const Context&);
    void visitLoopBody(TSNode body, Scope*, const Context&);
    void visitCatch(TSNode, const Context&);
    void visitSwitch(TSNode, const Context&);
    void visitDeclarators(TSNode, Scope* target, BindingKind, const Context&);
    void visitPattern(TSNode, Scope* target, BindingKind, const Context&);
    void visitFunctionDeclaration(TSNode, const Context&);
    void noteSpecialUse(BindingKind, const Context&, bool fromEval);
    void noteMemberEvalRead(TSNode, const Context&);
    void noteHomeUse(Scope*);
    void noteReference(std::string_view name, Scope*);
    void resolveExposure();

    Scope* varScope(Scope*) const;
    bool declaresIntoCaller(Scope*) const;
    bool containsSite(TSNode) const;
    bool isStaticMember(TSNode) const;
    bool suspendsInClassCode(TSNode) const;

    const SyntaxTree& m_tree;
    Mode m_mode;
    bool m_isStrictEvalContext;
    std::vector<std::unique_ptr<Scope>> m_scopes;
    std::vector<std::unique_ptr<Literal>> m_literals;
    std::vector<Site> m_sites;
    std::vector<RestoreGuard> m_guards;
    std::vector<EvalRead> m_evalReads;
    std::vector<std::string> m_callerVars;
    std::vector<TaggedTemplate> m_taggedTemplates;
    std::vector<std::pair<Scope*, std::string>> m_annexBFunctions;
    // Every identifier reference (read or write), with the scope it occurs in; resolved after the walk, when every
    // declaration (hoisted `var`s, later `let`s, function names) is known.
    struct Reference {
        Scope* scope;
        std::string_view name;
    };
    std::vector<Reference> m_references;
    // Scopes holding a call of `eval` (also one that a local `eval` binding makes an ordinary call).
    std::vector<Scope*> m_evalScopes;
    // Function declarations registered at scope entry: hooks that are not sites.
    size_t m_hookCount { 0 };
    Refusal m_refusal { Refusal::None };
    uint32_t m_refusalOffset { 0 };
    std::string m_refusalReason;
};

} // namespace Offload
