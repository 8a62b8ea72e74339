/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <glib.h>

namespace Offload {

// What went wrong in the runtime, as the host must act on it. Only a refusal means "run locally"; an internal error
// is a bug of ours, which tests must catch and hosts report as such.
enum class RuntimeError {
    // The capture met state a snapshot cannot represent; the message names the object (its path) and the reason.
    // The app goes on locally, with nothing lost.
    CaptureRefused,
    // A snapshot that cannot be restored here: malformed, or naming a script, blob or built-in this side lacks. Bad
    // input: the sender still holds the program.
    RestoreRefused,
    // Anything else: an engine error thrown inside the runtime (a TypeError in capture.js), a runtime that would not
    // install, or a host that used it wrongly. The message holds the exception's report with its stack.
    Internal,
};

inline GQuark runtimeErrorQuark()
{
    return g_quark_from_static_string("offload-runtime-error-quark");
}
#define OFFLOAD_RUNTIME_ERROR (Offload::runtimeErrorQuark())

inline bool isRuntimeError(const GError* error, RuntimeError code)
{
    return error && error->domain == OFFLOAD_RUNTIME_ERROR && error->code == static_cast<int>(code);
}

} // namespace Offload
