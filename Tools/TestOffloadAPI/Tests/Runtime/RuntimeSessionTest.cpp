/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// The host's half of the runtime tells a refusal (run locally) from a bug (an internal error): the error domain
// OFFLOAD_RUNTIME_ERROR.

#include "OffloadModule/RuntimeSession.h"
#include "Instrumenter/Instrumenter.h"
#include "Snapshot/BlobStore.h"
#include "Tools/offload-jsc/EngineSession.h"

#include <gtest/gtest.h>

using namespace Offload;

namespace {

EngineScript instrumented(const char* source)
{
    EngineScript script;
    GError* error = nullptr;
    auto result = Instrumenter::instrument(source, {}, &error);
    EXPECT_TRUE(result) << (error ? error->message : "");
    if (!result)
        return script;
    script.sid = result->scriptId;
    script.url = "test.js";
    script.code = result->code;
    script.metadataJSON = result->metadataJson;
    script.isInstrumented = true;
    return script;
}

TEST(RuntimeSession, CaptureOfStateItCannotRepresentIsARefusalNamingTheObject)
{
    GError* error = nullptr;
    auto session = EngineSession::create(&error);
    ASSERT_TRUE(session) << error->message;
    ASSERT_TRUE(session->runScript(instrumented("var kept = { ref: new WeakRef({}) };"), &error));
    CapturedState state;
    ASSERT_FALSE(session->capture(state, &error));
    EXPECT_TRUE(isRuntimeError(error, RuntimeError::CaptureRefused)) << error->message;
    EXPECT_NE(std::string(error->message).find("kept.ref"), std::string::npos) << error->message;
    g_clear_error(&error);
}

TEST(RuntimeSession, CorruptSnapshotIsARefusedRestore)
{
    GError* error = nullptr;
    auto session = EngineSession::create(&error);
    ASSERT_TRUE(session) << error->message;
    std::vector<uint8_t> bytes { 'W', 'K', 'O', 'F', 'S', 'N', 'A', 'P', 1, 0, 0 };
    BlobStore noBlobs;
    ASSERT_FALSE(session->restore(bytes, {}, noBlobs, &error));
    EXPECT_TRUE(isRuntimeError(error, RuntimeError::RestoreRefused)) << error->message;
    g_clear_error(&error);
}

TEST(RuntimeSession, ScriptThatRanAsWrittenRefusesCapturesNamingIt)
{
    GError* error = nullptr;
    auto session = EngineSession::create(&error);
    ASSERT_TRUE(session) << error->message;
    EngineScript script;
    script.url = "legacy.js";
    script.code = "var o = {}; with (o) { var x = 1; }";
    script.refusal = "legacy.js:1:13: 'with' statements are not supported";
    ASSERT_TRUE(session->runScript(script, &error)) << error->message;
    CapturedState state;
    ASSERT_FALSE(session->capture(state, &error));
    EXPECT_TRUE(isRuntimeError(error, RuntimeError::CaptureRefused)) << error->message;
    EXPECT_NE(std::string(error->message).find("legacy.js"), std::string::npos) << error->message;
    g_clear_error(&error);
}

// An engine error inside the runtime is a bug, never a refusal: here the host declares a script with metadata that
// is not JSON, and JSON.parse throws inside registerScript.
TEST(RuntimeSession, EngineErrorInsideTheRuntimeIsAnInternalError)
{
    GError* error = nullptr;
    auto virtualMachine = adoptGRef(jsc_virtual_machine_new());
    auto context = adoptGRef(jsc_context_new_with_virtual_machine(virtualMachine.get()));
    auto runtime = RuntimeSession::install(context.get(), &error);
    ASSERT_TRUE(runtime) << error->message;
    ASSERT_TRUE(runtime->start(&error)) << error->message;
    EngineScript script;
    script.sid = "0123456789abcdef";
    script.code = "var a;";
    script.metadataJSON = "{ not JSON";
    script.isInstrumented = true;
    EXPECT_FALSE(runtime->declareScript(script, &error));
    ASSERT_TRUE(error);
    EXPECT_TRUE(isRuntimeError(error, RuntimeError::Internal)) << error->message;
    EXPECT_NE(std::string(error->message).find("SyntaxError: JSON Parse error"), std::string::npos) << error->message;
    g_clear_error(&error);
}

} // namespace
