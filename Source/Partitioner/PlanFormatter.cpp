/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/PlanFormatter.h"

#include "Partitioner/JsonUtilitiesPrivate.h"

#include <cstdio>

namespace Offload::Partitioner {

static const char* transferKindName(TransferKind kind)
{
    switch (kind) {
    case TransferKind::Activation:
        return "activation";
    case TransferKind::Result:
        return "result";
    case TransferKind::ExitResult:
        return "exit-result";
    }
    return "activation";
}

template <typename... Arguments> static std::string format(const char* pattern, Arguments... arguments)
{
    int length = std::snprintf(nullptr, 0, pattern, arguments...);
    std::string result(length, '\0');
    std::snprintf(result.data(), length + 1, pattern, arguments...);
    return result;
}

struct Run {
    size_t tier;
    size_t first;
    size_t last;
};

static std::vector<Run> runsOf(const Plan& plan)
{
    std::vector<Run> runs;
    for (size_t v = 0; v < plan.tierOfLayer.size(); ++v) {
        if (!runs.empty() && runs.back().tier == plan.tierOfLayer[v] && runs.back().last + 1 == v)
            runs.back().last = v;
        else
            runs.push_back({ plan.tierOfLayer[v], v, v });
    }
    return runs;
}

std::string PlanFormatter::layersPerTier(const PartitionProblem& problem, const Plan& plan)
{
    std::vector<size_t> counts(problem.tierCount());
    for (size_t v = 1; v < plan.tierOfLayer.size(); ++v)
        ++counts[plan.tierOfLayer[v]];
    std::string result;
    for (size_t t = 0; t < counts.size(); ++t)
        result += (t ? " / " : "") + problem.tier(t).name + " " + std::to_string(counts[t]);
    return result;
}

std::string PlanFormatter::text(const PartitionProblem& problem, const Plan& plan)
{
    auto& model = problem.model();
    std::string result = format("Plan for %s (%zu layers after the input) on", model.name().c_str(), model.size() - 1);
    for (size_t t = 0; t < problem.tierCount(); ++t)
        result += (t ? ", " : " ") + problem.tier(t).name;
    result += format(
        ": %s, %s\n", plan.method.c_str(), plan.isProvablyOptimal ? "provably optimal" : "not proven optimal");
    if (!plan.note.empty())
        result += "  note: " + plan.note + "\n";
    result += "  layers per tier: " + layersPerTier(problem, plan) + "\n";
    for (auto& run : runsOf(plan)) {
        result += format("  %-8s layers %zu-%zu (%s .. %s)\n", problem.tier(run.tier).name.c_str(), run.first, run.last,
            model.layer(run.first).name.c_str(), model.layer(run.last).name.c_str());
    }
    result += format(
        "Predicted: T = %.3f ms (worst case %.3f ms), E = %.4f J, D = %.4f, objective T + %g·E + %g·D = %.3f\n",
        plan.cost.latencyMs, plan.cost.worstCaseLatencyMs, plan.cost.energyJoules, plan.cost.deployment,
        problem.profile().weights().energy, problem.profile().weights().deployment, plan.cost.objective);
    result += format("Transfers (%zu):\n", plan.transfers.size());
    for (auto& transfer : plan.transfers) {
        result += format("  %-28s %s -> %s: %llu bytes, %.3f ms, %.4f J", model.layer(transfer.layer).name.c_str(),
            problem.tier(transfer.fromTier).name.c_str(), problem.tier(transfer.toTier).name.c_str(),
            static_cast<unsigned long long>(transfer.bytes), transfer.timeMs, transfer.energyJoules);
        if (transfer.kind != TransferKind::Activation)
            result += std::string(" (") + transferKindName(transfer.kind) + ")";
        if (transfer.probability < 1)
            result += format(" with probability %.3f", transfer.probability);
        result += "\n";
    }
    return result;
}

std::string PlanFormatter::json(const PartitionProblem& problem, const Plan& plan)
{
    auto& model = problem.model();
    auto builder = adoptGRef(json_builder_new());
    auto* b = builder.get();
    auto member = [b](const char* name) { json_builder_set_member_name(b, name); };
    auto number = [b](const char* name, double value) {
        json_builder_set_member_name(b, name);
        json_builder_add_double_value(b, value);
    };
    auto integer = [b](const char* name, int64_t value) {
        json_builder_set_member_name(b, name);
        json_builder_add_int_value(b, value);
    };
    auto string = [b](const char* name, const std::string& value) {
        json_builder_set_member_name(b, name);
        json_builder_add_string_value(b, value.c_str());
    };
    json_builder_begin_object(b);
    string("model", model.name());
    string("method", plan.method);
    member("provablyOptimal");
    json_builder_add_boolean_value(b, plan.isProvablyOptimal);
    if (!plan.note.empty())
        string("note", plan.note);
    member("tiers");
    json_builder_begin_array(b);
    for (size_t t = 0; t < problem.tierCount(); ++t)
        json_builder_add_string_value(b, problem.tier(t).name.c_str());
    json_builder_end_array(b);
    number("latencyMs", plan.cost.latencyMs);
    number("worstCaseLatencyMs", plan.cost.worstCaseLatencyMs);
    number("energyJoules", plan.cost.energyJoules);
    number("deployment", plan.cost.deployment);
    number("objective", plan.cost.objective);
    member("runs");
    json_builder_begin_array(b);
    for (auto& run : runsOf(plan)) {
        json_builder_begin_object(b);
        string("tier", problem.tier(run.tier).name);
        string("first", model.layer(run.first).name);
        string("last", model.layer(run.last).name);
        integer("layers", run.last - run.first + 1);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    member("assignment");
    json_builder_begin_object(b);
    for (size_t v = 0; v < model.size(); ++v)
        string(model.layer(v).name.c_str(), problem.tier(plan.tierOfLayer[v]).name);
    json_builder_end_object(b);
    member("transfers");
    json_builder_begin_array(b);
    for (auto& transfer : plan.transfers) {
        json_builder_begin_object(b);
        string("after", model.layer(transfer.layer).name);
        string("from", problem.tier(transfer.fromTier).name);
        string("to", problem.tier(transfer.toTier).name);
        string("kind", transferKindName(transfer.kind));
        integer("bytes", transfer.bytes);
        number("timeMs", transfer.timeMs);
        number("energyJoules", transfer.energyJoules);
        number("probability", transfer.probability);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
    return jsonBuilderToString(b);
}

} // namespace Offload::Partitioner
