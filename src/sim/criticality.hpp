// Criticality: how much each element and link matters to the services,
// read once per run by the recovery priorities (critical-first,
// weight-first) and the `targeted` hazard (by weight served).
//
// An element or link *serves* a service when it lies on the service's
// primary path: from its first attachment that reaches every needed
// function, the fewest-hops path to the nearest instance of each function
// (one multi-source BFS per function, ties broken by node index; see
// graph/shortest_paths.hpp). Its weight is the total weight of the services
// it serves; its rank the most critical sector among them.
//
// Sector order for "critical first" (0 first): defence, health, energy,
// emergency, water, government, transport, finance, manufacturing, public —
// life and safety, then the state, then the economy.
//
// O(F·(n + m) + Σ path lengths) for F distinct needed functions; deterministic.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/service_demand.hpp"
#include "graph/topology.hpp"
#include "model/network.hpp"

namespace redoubt {

inline constexpr std::uint8_t kNoSectorRank = 255;

// 0 for the most critical sector (see above).
[[nodiscard]] std::uint8_t SectorRank(Sector sector);

struct Criticality {
  std::vector<double> element_weight;
  std::vector<std::uint8_t> element_rank;  // kNoSectorRank when it serves nothing
  std::vector<double> link_weight;
  std::vector<std::uint8_t> link_rank;
};

[[nodiscard]] Criticality ComputeCriticality(const Network& network, const Topology& topology,
                                             const ServiceDemand& demand);

}  // namespace redoubt
