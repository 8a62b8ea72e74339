/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/ConstrainedChainSearch.h"

#include "Partitioner/ChainOptimizer.h"
#include "Partitioner/PartitionerError.h"
#include "Partitioner/PlanEvaluator.h"

#include <algorithm>
#include <limits>

namespace Offload::Partitioner {

static constexpr double s_infinity = std::numeric_limits<double>::infinity();

namespace {

    class Search {
    public:
        Search(const PartitionProblem& problem, size_t nodeBudget)
            : m_problem(problem)
            , m_k(problem.tierCount())
            , m_objectiveToGo(ChainOptimizer::costToGo(problem, ChainMetric::Objective))
            , m_latencyToGo(ChainOptimizer::costToGo(problem, ChainMetric::WorstCaseLatency))
            , m_deadline(problem.constraints().deadlineMs.value_or(s_infinity))
            , m_nodeBudget(nodeBudget)
            , m_assignment(problem.layerCount(), 0)
            , m_used(m_k, 0)
        {
            for (size_t t = 0; t < m_k; ++t) {
                auto& memory = problem.tier(t).memoryBytes;
                m_capacity.push_back(
                    memory && problem.constraints().enforceMemory ? *memory : std::numeric_limits<uint64_t>::max());
            }
        }

        void run() { visit(0, 0, 0, 1, 0); }
        bool exhausted() const { return m_exhausted; }
        const std::vector<size_t>& best() const { return m_best; }
        double bestCost() const { return m_bestCost; }

    private:
        // Layer v runs on tier t; cost and latency include its compute, survival is the chance it is reached.
        void visit(size_t v, size_t t, double cost, double survival, double latency)
        {
            if (++m_nodes > m_nodeBudget) {
                m_exhausted = true;
                return;
            }
            double computeCost = m_problem.computeCost(v, t);
            if (cost - survival * computeCost + survival * m_objectiveToGo[v * m_k + t] >= m_bestCost - 1e-12)
                return;
            if (latency - m_problem.latencyMs(v, t) + m_latencyToGo[v * m_k + t] > m_deadline + 1e-9)
                return;
            uint64_t weight = m_problem.model().layer(v).weightBytes;
            if (m_used[t] + weight > m_capacity[t])
                return;
            m_used[t] += weight;
            m_assignment[v] = t;
            uint64_t bytes = m_problem.model().layer(v).outputBytes;
            if (v + 1 == m_problem.layerCount()) {
                auto result = m_problem.transfer(bytes, t, 0);
                double total = cost + survival * m_problem.objective(result.timeMs, result.energyJoules, 0);
                if (latency + result.timeMs <= m_deadline + 1e-9 && total < m_bestCost) {
                    m_bestCost = total;
                    m_best = m_assignment;
                }
                m_used[t] -= weight;
                return;
            }
            // Children in the order of their unconstrained cost to go, so the first descent follows the DP optimum.
            std::vector<std::pair<double, size_t>> order;
            for (size_t next = 0; next < m_k; ++next) {
                if (m_problem.isAllowed(v + 1, next))
                    order.push_back(
                        { next == t ? m_objectiveToGo[(v + 1) * m_k + next]
                                    : m_problem.transferCost(bytes, t, next) + m_objectiveToGo[(v + 1) * m_k + next],
                            next });
            }
            std::sort(order.begin(), order.end());
            for (auto [estimate, next] : order) {
                double childCost = cost;
                double childSurvival = survival;
                double childLatency = latency;
                if (next != t) {
                    if (auto* exit = m_problem.exitAfter(v)) {
                        childCost += survival
                            * (m_problem.objective(exit->latencyMs[t], t ? 0 : exit->clientEnergyJoules, 0)
                                + exit->probability * m_problem.transferCost(exit->resultBytes, t, 0));
                        childLatency += exit->latencyMs[t];
                        childSurvival *= 1 - exit->probability;
                    }
                    auto move = m_problem.transfer(bytes, t, next);
                    childCost += childSurvival * m_problem.objective(move.timeMs, move.energyJoules, 0);
                    childLatency += move.timeMs;
                }
                childCost += childSurvival * m_problem.computeCost(v + 1, next);
                childLatency += m_problem.latencyMs(v + 1, next);
                visit(v + 1, next, childCost, childSurvival, childLatency);
                if (m_exhausted)
                    break;
            }
            m_used[t] -= weight;
        }

        const PartitionProblem& m_problem;
        size_t m_k;
        std::vector<double> m_objectiveToGo;
        std::vector<double> m_latencyToGo;
        double m_deadline;
        size_t m_nodeBudget;
        size_t m_nodes { 0 };
        bool m_exhausted { false };
        std::vector<size_t> m_assignment;
        std::vector<uint64_t> m_used;
        std::vector<uint64_t> m_capacity;
        std::vector<size_t> m_best;
        double m_bestCost { s_infinity };
    };

} // namespace

std::optional<Plan> ConstrainedChainSearch::solve(
    const PartitionProblem& problem, const Options& options, GError** error)
{
    if (!problem.isChain()) {
        setPartitionerError(
            error, PartitionerError::InvalidArgument, "model \"%s\" is not a chain", problem.model().name().c_str());
        return std::nullopt;
    }
    Search search(problem, options.nodeBudget);
    search.run();
    if (search.best().empty()) {
        if (search.exhausted())
            setPartitionerError(error, PartitionerError::Infeasible,
                "no plan for model \"%s\" meeting the deadline and memory limits was found within %zu search nodes",
                problem.model().name().c_str(), options.nodeBudget);
        else
            setPartitionerError(error, PartitionerError::Infeasible,
                "no plan for model \"%s\" meets the deadline and the tiers' memory", problem.model().name().c_str());
        return std::nullopt;
    }
    Plan plan;
    plan.method = "chain-branch-and-bound";
    plan.tierOfLayer = search.best();
    plan.isProvablyOptimal = !search.exhausted();
    if (search.exhausted())
        plan.note = "search node budget exhausted; best feasible plan found so far";
    PlanEvaluator::complete(problem, plan);
    return plan;
}

} // namespace Offload::Partitioner
