/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Instrumenter/ScopeAnalysis.h"
#include <string>
#include <vector>

namespace Offload {

// Turns a ScopeAnalysis into the instrumented text: decides which scopes become templates, which handles are made
// eagerly, writes the hook calls and applies them as pure insertions (the author's text is never changed).
class Rewriter {
public:
    struct Options {
        std::string scriptId;
        bool isEval { false };
        std::string parentHandleExpression;
        // Tagged templates of scripts route their strings objects through the runtime; code made at run time
        // (eval, new Function) can be made again with new sites, so its tagged templates are left as they are.
        bool routesTemplateObjects { false };
    };

    struct Offsets {
        uint32_t start { 0 };
        uint32_t end { 0 };
        std::optional<uint32_t> paramsStart;
        std::optional<uint32_t> heritageStart;
        std::optional<uint32_t> heritageEnd;
    };

    Rewriter(std::string_view source, const ScopeAnalysis&, Options);

    void run();

    const std::string& code() const { return m_code; }
    // Hands the text over without copying it (megabytes for a library); the Rewriter holds none afterwards.
    std::string takeCode() { return std::move(m_code); }
    // The scopes that became templates, in template index order.
    const std::vector<Scope*>& templates() const { return m_templates; }
    // Per literal: its offsets in the rewritten text, in UTF-16 code units.
    const std::vector<Offsets>& literalOffsets() const { return m_literalOffsets; }
    // Where code may run before the script's own (after a hashbang line and the directive prologue, before anything
    // inserted there), as a byte offset of the output, and whether such code must start with `;` (a directive
    // without one ends there).
    size_t entryOffset() const { return m_entryOffset; }
    bool entryNeedsSemicolon() const { return m_entryNeedsSemicolon; }
    std::string handleName(const Scope&) const;
    std::string makerName(const Scope&) const;
    Scope* bindingScope(Scope*) const;

private:
    struct Insertion {
        uint32_t offset;
        bool isClosing;
        unsigned key;
        size_t sequence;
        std::string text;
        int marker { -1 };
    };
    enum Slot : unsigned { OuterWrapper = 0, EntryCode = 1, Hook = 2, Marker = 3 };

    void chooseTemplates();
    void planEagerHandles();
    std::string handleExpression(Scope*, Scope* from, Scope* siteHeadOf);
    std::string paramsHandleExpression(Scope*, Scope* from, Scope* siteHeadOf);
    bool cachesParamsHandle(const Scope&) const;
    bool isShadowed(Scope* target, Scope* from) const;
    bool isInHeadOf(Scope* target, Scope* from, Scope* siteHeadOf) const;
    bool crossesBoundary(Scope* from, Scope* target) const;
    // `from` is where the getter is written: a Params scope's bindings hidden there read as `__offload.hv`. A Params
    // scope's getter also writes the parameters it can see: `getter(-1 - i, value)` sets binding i, returning true.
    std::string getter(const Scope&, const Scope* from = nullptr) const;
    std::string templateId(const Scope&) const;
    std::string literalId(size_t) const;
    // The handle declaration at the scope's entry; `registrationCode` gets the __offload.d() of its hoisted functions.
    std::string entryCode(Scope*, std::string& registrationCode);
    std::string registration(Scope*, const std::string& handle) const;
    std::string topExpression();
    void emitSites();
    void emitPrivateNames(const Literal&);
    void emitFieldKeys(const Literal&);
    static const char* const fieldKeysWrapperOpening;
    static const char* const fieldKeysWrapperClosing;
    void emitTaggedTemplates();
    void emitEntries();
    void insert(uint32_t offset, bool isClosing, unsigned depth, Slot, std::string text, int marker = -1);
    void apply();

    std::string_view m_source;
    const ScopeAnalysis& m_analysis;
    Options m_options;
    std::vector<Scope*> m_templates;
    std::vector<Insertion> m_insertions;
    std::vector<Offsets> m_literalOffsets;
    std::string m_code;
    size_t m_entryOffset { 0 };
    bool m_entryNeedsSemicolon { false };
    bool m_isPlanning { false };
    bool m_didChangePlan { false };
    bool m_usesEvalParent { false };
};

} // namespace Offload
