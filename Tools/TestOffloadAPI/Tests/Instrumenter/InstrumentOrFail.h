/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Instrumenter/Instrumenter.h"

#include <gtest/gtest.h>
#include <string_view>

namespace Offload {

// Instruments `source` with the output checked by JavaScriptCore; a refusal fails the calling test.
inline InstrumentationResult instrumentOrFail(std::string_view source, SourceKind kind = SourceKind::Script)
{
    InstrumentOptions options;
    options.kind = kind;
    options.verifyOutput = true;
    GError* error = nullptr;
    auto result = Instrumenter::instrument(source, options, &error);
    if (!result) {
        ADD_FAILURE() << error->message;
        g_error_free(error);
        return {};
    }
    return *result;
}

} // namespace Offload
