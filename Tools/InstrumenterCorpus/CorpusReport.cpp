/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Tools/InstrumenterCorpus/CorpusReport.h"

#include "Common/GRefPtr.h"
#include "Common/GUniquePtr.h"
#include "Tools/InstrumenterCorpus/TokenComparison.h"

#include <cstdio>
#include <json-glib/json-glib.h>

namespace Offload {

size_t CorpusReport::refused() const
{
    size_t count = 0;
    for (auto& [kind, n] : refusals)
        count += n;
    return count;
}

void CorpusReport::printSummary() const
{
    std::printf("%s: %zu files, %.2f MB in %.1f s: %zu passed, %zu failed", name.c_str(), files, bytes / 1e6, seconds,
        passed, failed);
    if (!refusals.empty()) {
        std::printf(", %zu refused as expected (", refused());
        const char* separator = "";
        for (auto& [kind, count] : refusals) {
            std::printf("%s%s %zu", separator, kind.c_str(), count);
            separator = ", ";
        }
        std::printf(")");
    }
    if (rejectedAsExpected)
        std::printf(", %zu rejected by JavaScriptCore and the instrumenter alike", rejectedAsExpected);
    std::printf("; %zu run plainly and instrumented\n", compared);
    std::fflush(stdout);
}

bool CorpusReport::writeJSON(const std::vector<CorpusReport>& reports, const char* path, GError** error)
{
    auto builder = adoptGRef(json_builder_new());
    json_builder_begin_object(builder.get());
    json_builder_set_member_name(builder.get(), "parts");
    json_builder_begin_array(builder.get());
    for (auto& report : reports) {
        json_builder_begin_object(builder.get());
        auto member = [&](const char* name, int64_t value) {
            json_builder_set_member_name(builder.get(), name);
            json_builder_add_int_value(builder.get(), value);
        };
        json_builder_set_member_name(builder.get(), "name");
        json_builder_add_string_value(builder.get(), report.name.c_str());
        member("files", report.files);
        member("bytes", report.bytes);
        json_builder_set_member_name(builder.get(), "seconds");
        json_builder_add_double_value(builder.get(), report.seconds);
        member("passed", report.passed);
        member("failed", report.failed);
        member("refused", report.refused());
        member("rejectedAsExpected", report.rejectedAsExpected);
        member("compared", report.compared);
        json_builder_end_object(builder.get());
    }
    json_builder_end_array(builder.get());
    json_builder_end_object(builder.get());
    auto generator = adoptGRef(json_generator_new());
    JsonNode* root = json_builder_get_root(builder.get());
    json_generator_set_root(generator.get(), root);
    json_generator_set_pretty(generator.get(), TRUE);
    bool written = json_generator_to_file(generator.get(), path, error);
    json_node_unref(root);
    return written;
}

std::optional<std::string> readCorpusFile(const std::string& path, GError** error)
{
    char* contents = nullptr;
    gsize length = 0;
    if (!g_file_get_contents(path.c_str(), &contents, &length, error))
        return std::nullopt;
    GUniquePtr<char> holder(contents);
    return std::string(contents, length);
}

const char* instrumenterErrorName(int code)
{
    switch (static_cast<InstrumenterError>(code)) {
    case InstrumenterError::SyntaxError:
        return "SyntaxError";
    case InstrumenterError::UnsupportedSyntax:
        return "UnsupportedSyntax";
    case InstrumenterError::ParserLimitation:
        return "ParserLimitation";
    case InstrumenterError::ReservedIdentifier:
        return "ReservedIdentifier";
    case InstrumenterError::InternalError:
        return "InternalError";
    case InstrumenterError::InvalidArgument:
        return "InvalidArgument";
    }
    return "UnknownError";
}

std::optional<InstrumentationResult> instrumentCorpusFile(
    const std::string& source, const std::string& url, int& errorCode, std::string& message)
{
    InstrumentOptions options;
    options.kind = SourceKind::Script;
    options.sourceURL = url;
    options.verifyOutput = true;
    GError* rawError = nullptr;
    auto result = Instrumenter::instrument(source, options, &rawError);
    if (!result) {
        GUniquePtr<GError> error(rawError);
        errorCode = error && error->domain == OFFLOAD_INSTRUMENTER_ERROR ? error->code : -1;
        message = error ? error->message : "no error reported";
    }
    return result;
}

std::string diagnoseRejectedOutput(const std::string& source, const std::string& url)
{
    InstrumentOptions options;
    options.sourceURL = url;
    options.verifyOutput = false;
    auto output = Instrumenter::instrument(source, options, nullptr);
    if (!output)
        return {};
    auto difference = TokenComparison::firstDifference(source, output->code);
    return difference ? "; tokens: " + *difference : std::string();
}

} // namespace Offload
