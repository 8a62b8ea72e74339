/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Instrumenter/Rewriter.h"
#include <string>

namespace Offload {

// Writes the metadata document (JSON, version 1) described in Documentation/Instrumentation.md: the templates and
// literals the restorer needs to rebuild scopes from the script's own text.
class MetadataWriter {
public:
    MetadataWriter(const ScopeAnalysis&, const Rewriter&, std::string scriptId, std::string sourceKind);

    std::string write() const;

private:
    int templateIndexOf(Scope*) const;
    int enclosingPrivateClass(Scope*) const;

    const ScopeAnalysis& m_analysis;
    const Rewriter& m_rewriter;
    std::string m_scriptId;
    std::string m_sourceKind;
};

} // namespace Offload
