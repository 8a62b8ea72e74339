/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Tools/InstrumenterCorpus/DifferentialLoad.h"

#include "Common/GRefPtr.h"
#include "Common/GUniquePtr.h"

#include <gio/gio.h>

namespace {

using namespace Offload;

// "TypeError: undefined is not an object (evaluating 'a.b')" quotes the source text, which the instrumented code
// may spell differently; the name, the rest of the message and the line (the rewrite adds no line) must match.
std::string describeException(JSCException* exception, DifferentialLoad::ExceptionDetail detail)
{
    if (detail == DifferentialLoad::ExceptionDetail::NameOnly) {
        const char* name = jsc_exception_get_name(exception);
        return std::string(name ? name : "(not an Error)") + " (line "
            + std::to_string(jsc_exception_get_line_number(exception)) + ")";
    }
    const char* name = jsc_exception_get_name(exception);
    const char* message = jsc_exception_get_message(exception);
    std::string text;
    if (name && message)
        text = std::string(name) + ": " + message;
    else {
        GUniquePtr<char> string(jsc_exception_to_string(exception));
        text = string ? string.get() : "(no description)";
    }
    if (text.ends_with("')")) {
        auto quoted = text.rfind(" (evaluating '");
        if (quoted != std::string::npos)
            text.erase(quoted);
    }
    // "x.f is not a function. (In 'x.f(a)', 'x.f' is undefined)" and "(near '...x...')" quote it too.
    if (auto near = text.find(" (near '"); near != std::string::npos)
        text.erase(near);
    if (text.ends_with(")")) {
        auto quoted = text.find(". (In '");
        if (quoted != std::string::npos)
            text.erase(quoted + 1);
    }
    return text + " (line " + std::to_string(jsc_exception_get_line_number(exception)) + ")";
}

class PageRun {
public:
    PageRun(JSCContext* context, DifferentialLoad::ExceptionDetail detail)
        : m_context(context)
        , m_exceptionDetail(detail)
    {
    }

    bool installHarness(const std::string& harness, bool withDocument, GError** error)
    {
        auto factory = adoptGRef(jsc_context_evaluate_with_source_uri(
            m_context, harness.c_str(), harness.size(), "offload-corpus:///harness.js", 1));
        GRefPtr<JSCValue> argument = adoptGRef(jsc_value_new_boolean(m_context, withDocument));
        if (!jsc_context_get_exception(m_context) && jsc_value_is_function(factory.get()))
            m_harness = adoptGRef(jsc_value_function_call(factory.get(), JSC_TYPE_VALUE, argument.get(), G_TYPE_NONE));
        if (auto* exception = jsc_context_get_exception(m_context)) {
            g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "the corpus harness threw %s",
                describeException(exception, DifferentialLoad::ExceptionDetail::Message).c_str());
            return false;
        }
        if (!m_harness || !jsc_value_is_object(m_harness.get())) {
            g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "the corpus harness did not evaluate to a function");
            return false;
        }
        return true;
    }

    // Runs a script; an uncaught exception is part of the output.
    void evaluate(const std::string& code, const std::string& url, const char* what)
    {
        auto result
            = adoptGRef(jsc_context_evaluate_with_source_uri(m_context, code.c_str(), code.size(), url.c_str(), 1));
        reportException(what);
    }

    void callHarness(const char* name)
    {
        auto function = adoptGRef(jsc_value_object_get_property(m_harness.get(), name));
        auto result = adoptGRef(jsc_value_function_call(function.get(), G_TYPE_NONE));
        reportException(name);
    }

    std::string output()
    {
        auto function = adoptGRef(jsc_value_object_get_property(m_harness.get(), "output"));
        auto result = adoptGRef(jsc_value_function_call(function.get(), G_TYPE_NONE));
        jsc_context_clear_exception(m_context);
        GUniquePtr<char> text(jsc_value_to_string(result.get()));
        return text ? text.get() : "";
    }

private:
    void reportException(const char* what)
    {
        auto* exception = jsc_context_get_exception(m_context);
        if (!exception)
            return;
        std::string line = std::string("Uncaught (") + what + ") " + describeException(exception, m_exceptionDetail);
        jsc_context_clear_exception(m_context);
        auto note = adoptGRef(jsc_value_object_get_property(m_harness.get(), "note"));
        auto result = adoptGRef(jsc_value_function_call(note.get(), G_TYPE_STRING, line.c_str(), G_TYPE_NONE));
        jsc_context_clear_exception(m_context);
    }

    JSCContext* m_context;
    DifferentialLoad::ExceptionDetail m_exceptionDetail;
    GRefPtr<JSCValue> m_harness;
};

} // namespace

namespace Offload {

std::optional<std::string> DifferentialLoad::run(const std::string& harness, const Page& page, GError** error)
{
    std::unique_ptr<EngineSession> session;
    GRefPtr<JSCContext> plainContext;
    JSCContext* context = nullptr;
    if (page.script.isInstrumented) {
        session = EngineSession::create(error);
        if (!session)
            return std::nullopt;
        context = session->context();
    } else {
        plainContext = adoptGRef(jsc_context_new());
        context = plainContext.get();
    }

    PageRun run(context, page.exceptionDetail);
    if (!run.installHarness(harness, page.withDocument, error))
        return std::nullopt;
    auto runScript = [&](const EngineScript& script) {
        if (session && !session->declareScript(script, error))
            return false;
        run.evaluate(script.code, script.url, script.url.c_str());
        return true;
    };
    for (const auto& script : page.prerequisites) {
        if (!runScript(script))
            return std::nullopt;
    }
    run.callHarness("markBaseline");
    if (!runScript(page.script))
        return std::nullopt;
    run.callHarness("describe");
    if (!page.smoke.empty())
        run.evaluate(page.smoke, "offload-corpus:///smoke.js", "smoke");
    run.callHarness("drainTimers");
    return run.output();
}

} // namespace Offload
