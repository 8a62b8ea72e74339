/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/PartitionerError.h"

#include <cstdarg>

namespace Offload::Partitioner {

GQuark partitionerErrorQuark()
{
    return g_quark_from_static_string("offload-partitioner-error-quark");
}

void setPartitionerError(GError** error, PartitionerError code, const char* format, ...)
{
    if (!error)
        return;
    va_list arguments;
    va_start(arguments, format);
    char* message = g_strdup_vprintf(format, arguments);
    va_end(arguments);
    g_set_error_literal(error, partitionerErrorQuark(), static_cast<int>(code), message);
    g_free(message);
}

} // namespace Offload::Partitioner
