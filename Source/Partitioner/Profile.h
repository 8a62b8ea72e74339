/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Partitioner/CostModel.h"
#include "Partitioner/RadioPowerModel.h"

#include <glib.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Offload::Partitioner {

enum class TierKind { Client, Edge, Cloud, Peer };
enum class RadioKind { FiveG, DeviceToDevice, Wired };

const char* tierKindName(TierKind);
const char* radioKindName(RadioKind);

struct Tier {
    std::string name;
    TierKind kind { TierKind::Edge };
    double capability { 1 }; // Slowdown d relative to the paper's reference server.
    std::optional<uint64_t> memoryBytes; // What the tier can hold for the model; unset means unlimited.
    double providerCost { 0 }; // Provider cost per layer placed here (the paper's S_i: edge 2, cloud 3).
};

// The link between tiers[i] and tiers[i + 1]. "Up" is away from the client.
struct Link {
    double upMbps { 30 };
    double downMbps { 30 };
    double rttMs { 5 };
    RadioKind radio { RadioKind::FiveG };
};

struct ObjectiveWeights {
    double energy { 100 }; // η1, milliseconds per joule.
    double deployment { 10 }; // η2, milliseconds per unit of D.
};

// Everything the cost of a plan depends on except the model: tiers in path order (client first), the links
// between consecutive tiers, the layer cost coefficients, the radio power models and the objective's weights.
// A transfer between tiers i < j crosses links i … j − 1, as in the paper's device → edge → cloud path.
class Profile {
public:
    // Ren et al.'s vertical scenario: client (d = 4), edge (d = 1), cloud (d = 0.8); 5G client link, wired backhaul.
    static Profile paperVertical();
    // Ren et al.'s horizontal scenario: client (d = 4) and a collaborator phone (d = 2) over D2D.
    static Profile paperHorizontal();

    static std::optional<Profile> loadFromFile(const std::string& path, GError**);
    static std::optional<Profile> loadFromData(std::string_view json, GError**);
    std::string toJson() const;
    bool validate(GError**) const;

    std::vector<Tier>& tiers() { return m_tiers; }
    const std::vector<Tier>& tiers() const { return m_tiers; }
    std::vector<Link>& links() { return m_links; }
    const std::vector<Link>& links() const { return m_links; }
    std::optional<size_t> tierIndex(std::string_view name) const;
    // Resolves a comma-separated list such as "client,edge,cloud" to tier indices; the client must come first.
    std::optional<std::vector<size_t>> selectTiers(std::string_view names, GError**) const;

    CostModel& costModel() { return m_costModel; }
    const CostModel& costModel() const { return m_costModel; }
    const RadioPowerModel& radioModel(RadioKind) const;
    void setRadioModel(RadioKind, RadioPowerModel);
    ObjectiveWeights& weights() { return m_weights; }
    const ObjectiveWeights& weights() const { return m_weights; }

private:
    std::vector<Tier> m_tiers;
    std::vector<Link> m_links;
    CostModel m_costModel { CostModel::paperDefaults() };
    RadioPowerModel m_fiveG { RadioPowerModel::fiveG() };
    RadioPowerModel m_deviceToDevice { RadioPowerModel::deviceToDevice() };
    ObjectiveWeights m_weights;
};

} // namespace Offload::Partitioner
