/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/Profile.h"

#include "Partitioner/JsonUtilitiesPrivate.h"

#include <array>
#include <utility>

namespace Offload::Partitioner {

static constexpr const char* s_formatName = "offload-partition-profile";
static constexpr std::array s_tierKindNames = { "client", "edge", "cloud", "peer" };
static constexpr std::array s_radioKindNames = { "5g", "d2d", "wired" };

const char* tierKindName(TierKind kind)
{
    return s_tierKindNames[static_cast<size_t>(kind)];
}

const char* radioKindName(RadioKind kind)
{
    return s_radioKindNames[static_cast<size_t>(kind)];
}

template <typename Enum, size_t N>
static std::optional<Enum> parseName(const std::array<const char*, N>& names, std::string_view text)
{
    for (size_t i = 0; i < N; ++i) {
        if (text == names[i])
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

Profile Profile::paperVertical()
{
    Profile profile;
    // The capabilities are this project's reading of the paper's devices against its reference server: a phone
    // browser running WebAssembly is several times slower, the cloud Xeon slightly faster. The link figures are
    // Table 2's averages; the CLI and the network monitor replace them with live measurements.
    profile.m_tiers = {
        { "client", TierKind::Client, 4.0, std::nullopt, 0 },
        { "edge", TierKind::Edge, 1.0, std::nullopt, 2 },
        { "cloud", TierKind::Cloud, 0.8, std::nullopt, 3 },
    };
    profile.m_links = {
        { 76.1, 382.4, 8.76, RadioKind::FiveG },
        { 73.3, 542.3, 27.04, RadioKind::Wired },
    };
    return profile;
}

Profile Profile::paperHorizontal()
{
    Profile profile;
    profile.m_tiers = {
        { "client", TierKind::Client, 4.0, std::nullopt, 0 },
        { "peer", TierKind::Peer, 2.0, std::nullopt, 0 },
    };
    profile.m_links = { { 87.6, 87.6, 23.14, RadioKind::DeviceToDevice } };
    // The horizontal objective is T + η·E: the provider pays nothing for a collaborator.
    profile.m_weights.deployment = 0;
    return profile;
}

std::optional<size_t> Profile::tierIndex(std::string_view name) const
{
    for (size_t i = 0; i < m_tiers.size(); ++i) {
        if (m_tiers[i].name == name)
            return i;
    }
    return std::nullopt;
}

std::optional<std::vector<size_t>> Profile::selectTiers(std::string_view names, GError** error) const
{
    std::vector<size_t> result;
    size_t start = 0;
    while (start <= names.size()) {
        size_t end = names.find(',', start);
        if (end == std::string_view::npos)
            end = names.size();
        auto name = names.substr(start, end - start);
        auto index = tierIndex(name);
        if (!index) {
            setPartitionerError(error, PartitionerError::InvalidArgument, "the profile has no tier named \"%.*s\"",
                static_cast<int>(name.size()), name.data());
            return std::nullopt;
        }
        if (!result.empty() && *index <= result.back()) {
            setPartitionerError(error, PartitionerError::InvalidArgument,
                "tiers must be listed in the profile's path order (client first), \"%.*s\" is out of order",
                static_cast<int>(name.size()), name.data());
            return std::nullopt;
        }
        result.push_back(*index);
        start = end + 1;
    }
    if (result.empty() || m_tiers[result[0]].kind != TierKind::Client) {
        setPartitionerError(error, PartitionerError::InvalidArgument,
            "the tier list must start with the client: the input is there and the result returns there");
        return std::nullopt;
    }
    return result;
}

const RadioPowerModel& Profile::radioModel(RadioKind kind) const
{
    static constexpr RadioPowerModel none = RadioPowerModel::none();
    switch (kind) {
    case RadioKind::FiveG:
        return m_fiveG;
    case RadioKind::DeviceToDevice:
        return m_deviceToDevice;
    case RadioKind::Wired:
        return none;
    }
    return none;
}

void Profile::setRadioModel(RadioKind kind, RadioPowerModel model)
{
    if (kind == RadioKind::FiveG)
        m_fiveG = model;
    else if (kind == RadioKind::DeviceToDevice)
        m_deviceToDevice = model;
}

bool Profile::validate(GError** error) const
{
    if (m_tiers.empty() || m_tiers[0].kind != TierKind::Client) {
        setPartitionerError(error, PartitionerError::InvalidProfile, "the profile's first tier must be the client");
        return false;
    }
    if (m_links.size() + 1 != m_tiers.size()) {
        setPartitionerError(error, PartitionerError::InvalidProfile,
            "the profile has %zu tiers but %zu links; tiers form a path, so it needs %zu", m_tiers.size(),
            m_links.size(), m_tiers.size() - 1);
        return false;
    }
    for (auto& tier : m_tiers) {
        if (!(tier.capability > 0) || tier.providerCost < 0) {
            setPartitionerError(error, PartitionerError::InvalidProfile,
                "tier \"%s\" needs a positive capability and a non-negative provider cost", tier.name.c_str());
            return false;
        }
    }
    for (size_t i = 0; i < m_links.size(); ++i) {
        auto& link = m_links[i];
        if (!(link.upMbps > 0) || !(link.downMbps > 0) || !(link.rttMs >= 0)) {
            setPartitionerError(error, PartitionerError::InvalidProfile,
                "the link %s–%s needs positive bandwidths and a non-negative RTT", m_tiers[i].name.c_str(),
                m_tiers[i + 1].name.c_str());
            return false;
        }
    }
    return true;
}

std::optional<Profile> Profile::loadFromFile(const std::string& path, GError** error)
{
    auto data = readWholeFile(path, PartitionerError::Io, error);
    if (!data)
        return std::nullopt;
    return loadFromData(*data, error);
}

static bool readCoefficients(JsonObject* object, const char* member, Coefficients& coefficients)
{
    JsonArray* values = jsonArray(object, member);
    if (!values)
        return true;
    if (json_array_get_length(values) != 3)
        return false;
    coefficients = { json_array_get_double_element(values, 0), json_array_get_double_element(values, 1),
        json_array_get_double_element(values, 2) };
    return true;
}

std::optional<Profile> Profile::loadFromData(std::string_view data, GError** error)
{
    auto parser = parseJsonDocument(data, "the profile", PartitionerError::InvalidProfile, error);
    if (!parser)
        return std::nullopt;
    JsonObject* root = json_node_get_object(json_parser_get_root(parser.get()));
    if (jsonString(root, "format") != s_formatName) {
        setPartitionerError(
            error, PartitionerError::InvalidProfile, "the profile's \"format\" must be \"%s\"", s_formatName);
        return std::nullopt;
    }
    Profile profile;
    JsonArray* tiers = jsonArray(root, "tiers");
    JsonArray* links = jsonArray(root, "links");
    if (!tiers || !links) {
        setPartitionerError(
            error, PartitionerError::InvalidProfile, "the profile needs \"tiers\" and \"links\" arrays");
        return std::nullopt;
    }
    for (guint i = 0; i < json_array_get_length(tiers); ++i) {
        JsonObject* object = json_array_get_object_element(tiers, i);
        auto kind = object ? parseName<TierKind>(s_tierKindNames, jsonString(object, "kind")) : std::nullopt;
        if (!kind || jsonString(object, "name").empty()) {
            setPartitionerError(error, PartitionerError::InvalidProfile,
                "tier %u needs a \"name\" and a \"kind\" (client, edge, cloud or peer)", i);
            return std::nullopt;
        }
        Tier tier { jsonString(object, "name"), *kind, jsonNumber(object, "capability", 1), std::nullopt,
            jsonNumber(object, "providerCost", 0) };
        if (jsonHasNumber(object, "memoryBytes"))
            tier.memoryBytes = static_cast<uint64_t>(jsonNumber(object, "memoryBytes", 0));
        profile.m_tiers.push_back(std::move(tier));
    }
    for (guint i = 0; i < json_array_get_length(links); ++i) {
        JsonObject* object = json_array_get_object_element(links, i);
        auto radio = object ? parseName<RadioKind>(s_radioKindNames, jsonString(object, "radio", "5g")) : std::nullopt;
        auto from = object ? profile.tierIndex(jsonString(object, "from")) : std::nullopt;
        auto to = object ? profile.tierIndex(jsonString(object, "to")) : std::nullopt;
        if (!radio || !from || !to || *from != i || *to != i + 1) {
            setPartitionerError(error, PartitionerError::InvalidProfile,
                "link %u must join tier %u to tier %u by name (\"from\", \"to\") and name a radio (5g, d2d, wired)", i,
                i, i + 1);
            return std::nullopt;
        }
        profile.m_links.push_back({ jsonNumber(object, "upMbps", 0),
            jsonNumber(object, "downMbps", jsonNumber(object, "upMbps", 0)), jsonNumber(object, "rttMs", 0), *radio });
    }
    if (JsonObject* weights = jsonObject(root, "weights")) {
        profile.m_weights.energy = jsonNumber(weights, "energy", profile.m_weights.energy);
        profile.m_weights.deployment = jsonNumber(weights, "deployment", profile.m_weights.deployment);
    }
    if (JsonObject* radio = jsonObject(root, "radio")) {
        if (JsonObject* fiveG = jsonObject(radio, "5g"))
            profile.m_fiveG = { jsonNumber(fiveG, "alphaUp", 65), jsonNumber(fiveG, "alphaDown", 6.5),
                jsonNumber(fiveG, "beta", 11475.97) };
        if (JsonObject* d2d = jsonObject(radio, "d2d"))
            profile.m_deviceToDevice = { jsonNumber(d2d, "alpha", 283.17), jsonNumber(d2d, "alpha", 283.17),
                jsonNumber(d2d, "beta", 132.86) };
    }
    if (JsonObject* costModel = jsonObject(root, "costModel")) {
        GList* members = json_object_get_members(costModel);
        for (GList* item = members; item; item = item->next) {
            auto* member = static_cast<const char*>(item->data);
            auto kind = parseCostKind(member);
            JsonObject* object = jsonObject(costModel, member);
            auto coefficients = kind ? profile.m_costModel.coefficients(*kind) : KindCoefficients {};
            if (!kind || !object || !readCoefficients(object, "latency", coefficients.latency)
                || !readCoefficients(object, "energy", coefficients.energy)) {
                setPartitionerError(error, PartitionerError::InvalidProfile,
                    "costModel.%s must be a known layer kind with [α, β, γ] arrays for \"latency\" and \"energy\"",
                    member);
                g_list_free(members);
                return std::nullopt;
            }
            profile.m_costModel.setCoefficients(*kind, coefficients);
        }
        g_list_free(members);
    }
    if (!profile.validate(error))
        return std::nullopt;
    return profile;
}

std::string Profile::toJson() const
{
    auto builder = adoptGRef(json_builder_new());
    auto* b = builder.get();
    auto number = [b](const char* name, double value) {
        json_builder_set_member_name(b, name);
        json_builder_add_double_value(b, value);
    };
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "format");
    json_builder_add_string_value(b, s_formatName);
    json_builder_set_member_name(b, "tiers");
    json_builder_begin_array(b);
    for (auto& tier : m_tiers) {
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "name");
        json_builder_add_string_value(b, tier.name.c_str());
        json_builder_set_member_name(b, "kind");
        json_builder_add_string_value(b, tierKindName(tier.kind));
        number("capability", tier.capability);
        number("providerCost", tier.providerCost);
        if (tier.memoryBytes) {
            json_builder_set_member_name(b, "memoryBytes");
            json_builder_add_int_value(b, *tier.memoryBytes);
        }
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_set_member_name(b, "links");
    json_builder_begin_array(b);
    for (size_t i = 0; i < m_links.size(); ++i) {
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "from");
        json_builder_add_string_value(b, m_tiers[i].name.c_str());
        json_builder_set_member_name(b, "to");
        json_builder_add_string_value(b, m_tiers[i + 1].name.c_str());
        number("upMbps", m_links[i].upMbps);
        number("downMbps", m_links[i].downMbps);
        number("rttMs", m_links[i].rttMs);
        json_builder_set_member_name(b, "radio");
        json_builder_add_string_value(b, radioKindName(m_links[i].radio));
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_set_member_name(b, "weights");
    json_builder_begin_object(b);
    number("energy", m_weights.energy);
    number("deployment", m_weights.deployment);
    json_builder_end_object(b);
    json_builder_set_member_name(b, "costModel");
    json_builder_begin_object(b);
    for (size_t i = 0; i + 1 < costKindCount; ++i) {
        auto& coefficients = m_costModel.coefficients(static_cast<CostKind>(i));
        json_builder_set_member_name(b, costKindName(static_cast<CostKind>(i)));
        json_builder_begin_object(b);
        for (auto [name, c] :
            { std::pair { "latency", coefficients.latency }, std::pair { "energy", coefficients.energy } }) {
            json_builder_set_member_name(b, name);
            json_builder_begin_array(b);
            json_builder_add_double_value(b, c.alpha);
            json_builder_add_double_value(b, c.beta);
            json_builder_add_double_value(b, c.gamma);
            json_builder_end_array(b);
        }
        json_builder_end_object(b);
    }
    json_builder_end_object(b);
    json_builder_end_object(b);
    return jsonBuilderToString(b);
}

} // namespace Offload::Partitioner
