/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// offload-partition: prints the optimal partition of a DNN over the client and the servers, or converts a
// TensorFlow.js model.json into a model description. See Documentation/Partitioner.md.

#include "Common/GUniquePtr.h"
#include "Partitioner/Baselines.h"
#include "Partitioner/ModelDescription.h"
#include "Partitioner/Partitioner.h"
#include "Partitioner/PartitionerError.h"
#include "Partitioner/PlanFormatter.h"
#include "Partitioner/Profile.h"
#include "Partitioner/TfjsConverter.h"

#include <cstdio>
#include <glib.h>

using namespace Offload;
using namespace Offload::Partitioner;

static char* s_modelPath;
static char* s_profilePath;
static char* s_tiers;
static char* s_convertPath;
static char* s_outputPath;
static double s_bandwidthUp = -1;
static double s_bandwidthDown = -1;
static double s_rtt = -1;
static double s_deadline = -1;
static int s_privacyLayers;
static gboolean s_json;
static gboolean s_compare;

static const GOptionEntry s_options[] = { { "model", 'm', 0, G_OPTION_ARG_FILENAME, &s_modelPath,
                                              "Model description (JSON)", "M.json" },
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &s_profilePath,
        "Device and network profile (JSON); default: the paper's vertical scenario", "P.json" },
    { "bandwidth-up", 0, 0, G_OPTION_ARG_DOUBLE, &s_bandwidthUp,
        "Client uplink bandwidth in Mbps (overrides the profile)", "MBPS" },
    { "bandwidth-down", 0, 0, G_OPTION_ARG_DOUBLE, &s_bandwidthDown,
        "Client downlink bandwidth in Mbps; defaults to --bandwidth-up when that is given", "MBPS" },
    { "rtt", 0, 0, G_OPTION_ARG_DOUBLE, &s_rtt, "Client link round-trip time in ms (overrides the profile)", "MS" },
    { "tiers", 't', 0, G_OPTION_ARG_STRING, &s_tiers,
        "Comma-separated tiers to use, client first (default: all in the profile)", "client,edge,cloud" },
    { "privacy-layers", 0, 0, G_OPTION_ARG_INT, &s_privacyLayers, "Keep the input and the first K layers on the client",
        "K" },
    { "deadline", 0, 0, G_OPTION_ARG_DOUBLE, &s_deadline, "Worst-case latency bound in ms", "MS" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &s_json, "Print the plan as JSON", nullptr },
    { "compare", 0, 0, G_OPTION_ARG_NONE, &s_compare,
        "Also print the baselines (local-only, single-tier, Neurosurgeon, intent thresholds)", nullptr },
    { "convert-tfjs", 0, 0, G_OPTION_ARG_FILENAME, &s_convertPath,
        "Convert a TF.js model.json (or a JS module exporting one) to a model description", "model.json" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &s_outputPath,
        "Where --convert-tfjs writes the description (default: standard output)", "FILE" },
    { nullptr, 0, 0, G_OPTION_ARG_NONE, nullptr, nullptr, nullptr } };

static int fail(GError* error)
{
    std::fprintf(stderr, "offload-partition: %s\n", error->message);
    g_error_free(error);
    return 1;
}

static int convertModel()
{
    GError* error = nullptr;
    auto model = TfjsConverter::convertFile(s_convertPath, &error);
    if (!model)
        return fail(error);
    auto json = model->toJson();
    if (!s_outputPath) {
        std::fputs(json.c_str(), stdout);
        return 0;
    }
    if (!g_file_set_contents(s_outputPath, json.c_str(), json.size(), &error))
        return fail(error);
    std::fprintf(stderr, "offload-partition: wrote %s (%zu layers, %s)\n", s_outputPath, model->size(),
        model->isChain() ? "chain" : "DAG");
    return 0;
}

int main(int argc, char** argv)
{
    GUniquePtr<GOptionContext> context(g_option_context_new("- partition a DNN across client, edge and cloud"));
    g_option_context_add_main_entries(context.get(), s_options, nullptr);
    GError* error = nullptr;
    if (!g_option_context_parse(context.get(), &argc, &argv, &error))
        return fail(error);
    if (s_convertPath)
        return convertModel();
    if (!s_modelPath) {
        std::fprintf(stderr, "offload-partition: --model is required (or --convert-tfjs); see --help\n");
        return 2;
    }

    auto model = ModelDescription::loadFromFile(s_modelPath, &error);
    if (!model && g_error_matches(error, partitionerErrorQuark(), static_cast<int>(PartitionerError::InvalidModel))) {
        // Not a model description: accept a TF.js model.json (or its npm module wrapper) directly.
        GError* conversionError = nullptr;
        if ((model = TfjsConverter::convertFile(s_modelPath, &conversionError)))
            g_clear_error(&error);
        else
            g_error_free(conversionError);
    }
    if (!model)
        return fail(error);
    std::optional<Profile> profile = Profile::paperVertical();
    if (s_profilePath && !(profile = Profile::loadFromFile(s_profilePath, &error)))
        return fail(error);
    if (profile->links().empty() && (s_bandwidthUp > 0 || s_rtt >= 0)) {
        std::fprintf(stderr, "offload-partition: the profile has a single tier, so there is no link to set\n");
        return 2;
    }
    if (!profile->links().empty()) {
        auto& link = profile->links()[0];
        if (s_bandwidthUp > 0) {
            link.upMbps = s_bandwidthUp;
            link.downMbps = s_bandwidthUp;
        }
        if (s_bandwidthDown > 0)
            link.downMbps = s_bandwidthDown;
        if (s_rtt >= 0)
            link.rttMs = s_rtt;
    }
    std::vector<size_t> tiers;
    if (s_tiers) {
        auto selection = profile->selectTiers(s_tiers, &error);
        if (!selection)
            return fail(error);
        tiers = *selection;
    } else {
        for (size_t t = 0; t < profile->tiers().size(); ++t)
            tiers.push_back(t);
    }
    Constraints constraints;
    if (s_privacyLayers < 0) {
        std::fprintf(stderr, "offload-partition: --privacy-layers must not be negative\n");
        return 2;
    }
    constraints.privacyLayers = s_privacyLayers;
    if (s_deadline > 0)
        constraints.deadlineMs = s_deadline;

    auto problem = PartitionProblem::create(*model, *profile, tiers, constraints, &error);
    if (!problem)
        return fail(error);
    auto plan = Offload::Partitioner::Partitioner::solve(*problem, &error);
    if (!plan)
        return fail(error);
    if (s_json) {
        std::fputs(PlanFormatter::json(*problem, *plan).c_str(), stdout);
        return 0;
    }
    std::fputs(PlanFormatter::text(*problem, *plan).c_str(), stdout);
    if (s_compare) {
        std::vector<std::optional<Plan>> baselines;
        for (size_t t = 0; t < problem->tierCount(); ++t)
            baselines.push_back(Baselines::singleTier(*problem, t));
        baselines.push_back(Baselines::neurosurgeon(*problem));
        baselines.push_back(Baselines::intentThresholds(*problem));
        std::printf("Baselines (objective, T ms, E J, layers per tier):\n");
        for (auto& baseline : baselines) {
            if (!baseline)
                continue;
            std::printf("  %-18s %10.3f %10.3f %8.4f  %s\n", baseline->method.c_str(), baseline->cost.objective,
                baseline->cost.latencyMs, baseline->cost.energyJoules,
                PlanFormatter::layersPerTier(*problem, *baseline).c_str());
        }
    }
    return 0;
}
