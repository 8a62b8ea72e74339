/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <glib.h>

namespace Offload::Partitioner {

// The partitioner's error domain. Every fallible call takes a trailing GError** and fills it with one of these
// codes and a message naming what failed and why.
enum class PartitionerError {
    InvalidModel,
    InvalidProfile,
    UnsupportedLayer,
    Unsupported,
    Infeasible,
    InvalidArgument,
    Io,
};

GQuark partitionerErrorQuark();

void setPartitionerError(GError**, PartitionerError, const char* format, ...) G_GNUC_PRINTF(3, 4);

} // namespace Offload::Partitioner
