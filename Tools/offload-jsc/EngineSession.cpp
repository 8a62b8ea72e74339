/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Tools/offload-jsc/EngineSession.h"

#include "Common/GUniquePtr.h"

#include <cstdio>

namespace Offload {

// print() and step() are written in JavaScript over one native write(): String() must apply to symbols too, which
// the native conversion refuses. They are built before the runtime takes its inventory of built-ins, so that a
// program holding `print` holds a built-in.
static constexpr char hostGlobals[] = R"JS((function (write) {
    "use strict";
    const toString = String;
    const join = Function.prototype.call.bind(Array.prototype.join);
    const queue = __offload.queue;
    globalThis.print = function print(...args) {
        // An index loop: the program may replace the array iterator, and print must not call it.
        const parts = [];
        for (let i = 0; i < args.length; ++i)
            parts[i] = toString(args[i]);
        write(join(parts, " ") + "\n");
    };
    globalThis.step = function step(fn) {
        queue(fn);
    };
}))JS";

static void writeToStandardOutput(const char* text, gpointer)
{
    fputs(text, stdout);
}

std::unique_ptr<EngineSession> EngineSession::create(GError** error)
{
    std::unique_ptr<EngineSession> session(new EngineSession);
    if (!session->initialize(error))
        return nullptr;
    return session;
}

EngineSession::~EngineSession()
{
    m_runtime.reset();
    m_context.clear();
    m_virtualMachine.clear();
}

bool EngineSession::initialize(GError** error)
{
    m_virtualMachine = adoptGRef(jsc_virtual_machine_new());
    m_context = adoptGRef(jsc_context_new_with_virtual_machine(m_virtualMachine.get()));
    m_runtime = RuntimeSession::install(m_context.get(), error);
    if (!m_runtime)
        return false;

    auto installer = adoptGRef(
        jsc_context_evaluate_with_source_uri(m_context.get(), hostGlobals, -1, "offload-jsc:///host-globals.js", 1));
    auto write = adoptGRef(jsc_value_new_function(
        m_context.get(), "write", G_CALLBACK(writeToStandardOutput), nullptr, nullptr, G_TYPE_NONE, 1, G_TYPE_STRING));
    auto ignored = adoptGRef(jsc_value_function_call(installer.get(), JSC_TYPE_VALUE, write.get(), G_TYPE_NONE));
    if (auto* exception = jsc_context_get_exception(m_context.get())) {
        GUniquePtr<char> report(jsc_exception_report(exception));
        g_set_error(error, OFFLOAD_RUNTIME_ERROR, static_cast<int>(RuntimeError::Internal),
            "Installing the engine-test globals failed: %s", report.get());
        jsc_context_clear_exception(m_context.get());
        return false;
    }
    return m_runtime->start(error);
}

void EngineSession::reportUncaughtException()
{
    auto* exception = jsc_context_get_exception(m_context.get());
    if (!exception)
        return;
    GUniquePtr<char> text(jsc_exception_to_string(exception));
    printf("Uncaught %s\n", text.get());
    jsc_context_clear_exception(m_context.get());
}

bool EngineSession::runScript(const EngineScript& script, GError** error)
{
    if (!m_runtime->declareScript(script, error))
        return false;
    if (!script.isInstrumented && !m_runtime->noteScriptRunsAsWritten(script, error))
        return false;
    auto result = adoptGRef(jsc_context_evaluate_with_source_uri(
        m_context.get(), script.code.c_str(), script.code.size(), script.url.c_str(), 1));
    reportUncaughtException();
    return true;
}

bool EngineSession::runTurn(bool& ranTurn, GError**)
{
    // Not through RuntimeSession::call: an exception here is the program's, printed like an uncaught exception in a
    // page, not an error of the runtime.
    auto function = adoptGRef(jsc_value_object_get_property(m_runtime->runtimeObject(), "runTurn"));
    auto result = adoptGRef(jsc_value_function_call(function.get(), G_TYPE_NONE));
    if (jsc_context_get_exception(m_context.get())) {
        reportUncaughtException();
        ranTurn = true;
        return true;
    }
    ranTurn = jsc_value_to_boolean(result.get());
    return true;
}

bool EngineSession::hasPendingTurns()
{
    auto result = m_runtime->call("pendingTurns", {}, nullptr);
    return result && jsc_value_to_int32(result.get()) > 0;
}

} // namespace Offload
