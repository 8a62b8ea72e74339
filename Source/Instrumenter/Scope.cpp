/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Instrumenter/Scope.h"

#include <algorithm>

namespace Offload {

const char* scopeKindName(ScopeKind kind)
{
    switch (kind) {
    case ScopeKind::Script:
        return "script";
    case ScopeKind::Eval:
        return "eval";
    case ScopeKind::Function:
    case ScopeKind::StaticBlock:
        return "function";
    case ScopeKind::Params:
        return "params";
    case ScopeKind::Block:
    case ScopeKind::Switch:
        return "block";
    case ScopeKind::Catch:
        return "catch";
    case ScopeKind::For:
        return "for";
    case ScopeKind::Class:
        return "class";
    case ScopeKind::Field:
        return "field";
    }
    return "block";
}

const char* bindingKindName(BindingKind kind)
{
    switch (kind) {
    case BindingKind::Var:
        return "var";
    case BindingKind::Let:
        return "let";
    case BindingKind::Const:
        return "const";
    case BindingKind::Class:
        return "class";
    case BindingKind::Function:
        return "function";
    case BindingKind::Param:
        return "param";
    case BindingKind::Catch:
        return "catch";
    case BindingKind::This:
        return "this";
    case BindingKind::Arguments:
        return "arguments";
    case BindingKind::NewTarget:
        return "new.target";
    case BindingKind::Home:
        return "home";
    case BindingKind::Callee:
        return "callee";
    }
    return "var";
}

bool Scope::declares(std::string_view name) const
{
    for (auto& binding : bindings) {
        if (binding.name == name)
            return true;
    }
    return std::find(shadowNames.begin(), shadowNames.end(), name) != shadowNames.end();
}

bool Scope::declaresArgumentsName() const
{
    for (auto& binding : bindings) {
        if (binding.name == "arguments" && binding.kind != BindingKind::Arguments)
            return true;
    }
    return std::find(shadowNames.begin(), shadowNames.end(), "arguments") != shadowNames.end();
}

void Scope::addBinding(std::string_view name, BindingKind kind)
{
    for (auto& binding : bindings) {
        if (binding.name == name) {
            // `var f; function f() {}` binds one variable; the function declaration decides its initial value.
            if (kind == BindingKind::Function && binding.kind == BindingKind::Var)
                binding.kind = kind;
            return;
        }
    }
    bindings.push_back({ std::string(name), kind });
}

} // namespace Offload
