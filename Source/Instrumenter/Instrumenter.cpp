/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Instrumenter/Instrumenter.h"

#include "Common/ContentHash.h"
#include "Instrumenter/JSCSyntaxChecker.h"
#include "Instrumenter/MetadataWriter.h"
#include "Instrumenter/Rewriter.h"
#include "Instrumenter/ScopeAnalysis.h"
#include "Instrumenter/SyntaxTree.h"

namespace Offload {

std::string Instrumenter::scriptId(std::string_view source)
{
    return ContentHash::compute(source).toHex().substr(0, 16);
}

static const char* sourceKindName(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Script:
        return "script";
    case SourceKind::DirectEval:
        return "eval";
    case SourceKind::FunctionConstructor:
        return "function";
    }
    return "script";
}

// Strict direct eval code is checked as a strict script: a directive on the same line keeps JavaScriptCore's line
// numbers right.
static std::optional<JSCSyntaxChecker::Failure> checkSyntax(std::string_view code, const InstrumentOptions& options)
{
    if (options.kind == SourceKind::DirectEval && options.isStrictCaller)
        return JSCSyntaxChecker::check("'use strict';" + std::string(code), options.sourceURL);
    return JSCSyntaxChecker::check(code, options.sourceURL);
}

std::optional<InstrumentationResult> Instrumenter::instrument(
    std::string_view source, const InstrumentOptions& options, GError** error)
{
    if (!g_utf8_validate_len(source.data(), source.size(), nullptr)) {
        setInstrumenterError(
            error, InstrumenterError::InvalidArgument, options.sourceURL, 1, 1, "the script is not valid UTF-8");
        return std::nullopt;
    }
    if (auto failure = checkSyntax(source, options)) {
        setInstrumenterError(error, InstrumenterError::SyntaxError, options.sourceURL, failure->line, failure->column,
            "SyntaxError: " + failure->message);
        return std::nullopt;
    }

    SyntaxTree tree(source);
    if (!tree.isValid()) {
        setInstrumenterError(error, InstrumenterError::ParserLimitation, options.sourceURL, 1, 1,
            "tree-sitter could not parse the script");
        return std::nullopt;
    }
    TSNode errorNode = tree.firstErrorNode();
    if (!ts_node_is_null(errorNode)) {
        auto [line, column] = lineAndColumnForOffset(source, ts_node_start_byte(errorNode));
        std::string reason = ts_node_is_missing(errorNode)
            ? "tree-sitter expected a missing '" + std::string(ts_node_type(errorNode)) + "'"
            : "tree-sitter cannot parse this construct";
        auto excerpt = tree.text(errorNode).substr(0, 40);
        if (!excerpt.empty() && excerpt.find_first_of("\r\n") == std::string_view::npos)
            reason += " ('" + std::string(excerpt) + "')";
        setInstrumenterError(error, InstrumenterError::ParserLimitation, options.sourceURL, line, column,
            reason + "; JavaScriptCore accepts the script, which must run uninstrumented");
        return std::nullopt;
    }

    if (auto offset = tree.misreadHtmlComment()) {
        auto [line, column] = lineAndColumnForOffset(source, *offset);
        setInstrumenterError(error, InstrumenterError::ParserLimitation, options.sourceURL, line, column,
            "tree-sitter reads this HTML-like comment as operators; JavaScriptCore accepts the script, which must run "
            "uninstrumented");
        return std::nullopt;
    }

    bool isEval = options.kind == SourceKind::DirectEval;
    ScopeAnalysis analysis(
        tree, isEval ? ScopeAnalysis::Mode::Eval : ScopeAnalysis::Mode::Script, options.isStrictCaller);
    if (!analysis.run()) {
        auto [line, column] = lineAndColumnForOffset(source, analysis.refusalOffset());
        auto code = analysis.refusal() == ScopeAnalysis::Refusal::ReservedIdentifier
            ? InstrumenterError::ReservedIdentifier
            : InstrumenterError::UnsupportedSyntax;
        setInstrumenterError(error, code, options.sourceURL, line, column, analysis.refusalReason());
        return std::nullopt;
    }

    InstrumentationResult result;
    result.scriptId = scriptId(source);
    Rewriter rewriter(source, analysis,
        { result.scriptId, isEval, options.parentHandleExpression, options.kind == SourceKind::Script });
    rewriter.run();
    result.metadataJson = MetadataWriter(analysis, rewriter, result.scriptId, sourceKindName(options.kind)).write();
    result.entryOffset = rewriter.entryOffset();
    result.entryNeedsSemicolon = rewriter.entryNeedsSemicolon();
    result.code = rewriter.takeCode();

    if (options.verifyOutput) {
        if (auto failure = checkSyntax(result.code, options)) {
            setInstrumenterError(error, InstrumenterError::InternalError, options.sourceURL, failure->line,
                failure->column, "the instrumented script is invalid (an instrumenter bug): " + failure->message);
            return std::nullopt;
        }
    }
    return result;
}

} // namespace Offload
