/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/ScriptModelExtractor.h"

#include "Common/GRefPtr.h"
#include "Common/GUniquePtr.h"
#include "Partitioner/PartitionerError.h"

#include <jsc/jsc.h>

namespace Offload::Partitioner {

std::optional<std::string> ScriptModelExtractor::extractJson(
    std::string_view script, const std::string& sourceName, GError** error)
{
    auto context = adoptGRef(jsc_context_new());
    auto prelude = adoptGRef(
        jsc_context_evaluate(context.get(), "var module = { exports: {} }; var exports = module.exports;", -1));
    auto result = adoptGRef(
        jsc_context_evaluate_with_source_uri(context.get(), script.data(), script.size(), sourceName.c_str(), 1));
    if (auto* exception = jsc_context_get_exception(context.get())) {
        setPartitionerError(error, PartitionerError::InvalidModel, "evaluating %s failed: %s", sourceName.c_str(),
            jsc_exception_get_message(exception));
        return std::nullopt;
    }
    auto json = adoptGRef(jsc_context_evaluate(context.get(),
        "JSON.stringify(module.exports && module.exports.modelTopology ? module.exports : (typeof model === 'object' ? "
        "model : module.exports))",
        -1));
    if (jsc_context_get_exception(context.get()) || !jsc_value_is_string(json.get())) {
        setPartitionerError(
            error, PartitionerError::InvalidModel, "%s does not export a JSON-serialisable object", sourceName.c_str());
        return std::nullopt;
    }
    GUniquePtr<char> text(jsc_value_to_string(json.get()));
    return std::string(text.get());
}

} // namespace Offload::Partitioner
