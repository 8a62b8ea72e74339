/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Instrumenter/JSCSyntaxChecker.h"

#include "Common/GRefPtr.h"
#include <jsc/jsc.h>

namespace Offload {

static JSCContext* threadContext()
{
    thread_local GRefPtr<JSCContext> context = adoptGRef(jsc_context_new());
    return context.get();
}

std::optional<JSCSyntaxChecker::Failure> JSCSyntaxChecker::check(std::string_view source, std::string_view sourceURL)
{
    std::string url(sourceURL.empty() ? "<script>" : sourceURL);
    JSCException* rawException = nullptr;
    auto result = jsc_context_check_syntax(
        threadContext(), source.data(), source.size(), JSC_CHECK_SYNTAX_MODE_SCRIPT, url.c_str(), 1, &rawException);
    GRefPtr<JSCException> exception = adoptGRef(rawException);
    if (result == JSC_CHECK_SYNTAX_RESULT_SUCCESS)
        return std::nullopt;
    Failure failure;
    if (exception) {
        const char* message = jsc_exception_get_message(exception.get());
        failure.message = message ? message : "";
        failure.line = jsc_exception_get_line_number(exception.get());
        failure.column = jsc_exception_get_column_number(exception.get());
    }
    if (failure.message.empty())
        failure.message
            = result == JSC_CHECK_SYNTAX_RESULT_RECOVERABLE_ERROR ? "Unexpected end of script" : "Syntax error";
    return failure;
}

} // namespace Offload
