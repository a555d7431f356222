#include "sim/criticality.hpp"

#include <algorithm>
#include <array>

#include "graph/shortest_paths.hpp"

namespace redoubt {

std::uint8_t SectorRank(Sector sector) {
  static constexpr std::array<Sector, 10> kOrder = {
      Sector::kDefence,       Sector::kHealth,     Sector::kEnergy,    Sector::kEmergency,
      Sector::kWater,         Sector::kGovernment, Sector::kTransport, Sector::kFinance,
      Sector::kManufacturing, Sector::kPublic};
  for (std::size_t rank = 0; rank < kOrder.size(); ++rank) {
    if (kOrder[rank] == sector) return static_cast<std::uint8_t>(rank);
  }
  return static_cast<std::uint8_t>(kOrder.size());
}

Criticality ComputeCriticality(const Network& network, const Topology& topology,
                               const ServiceDemand& demand) {
  Criticality result;
  result.element_weight.assign(network.elements.size(), 0.0);
  result.element_rank.assign(network.elements.size(), kNoSectorRank);
  result.link_weight.assign(network.links.size(), 0.0);
  result.link_rank.assign(network.links.size(), kNoSectorRank);
  std::vector<BfsTree> trees;
  trees.reserve(demand.functions.size());
  for (const auto& instances : demand.instances) trees.push_back(Bfs(topology, instances));

  std::vector<std::uint32_t> element_stamp(network.elements.size(), kNone);
  std::vector<std::uint32_t> link_stamp(network.links.size(), kNone);
  for (ServiceIndex service_idx = 0; service_idx < network.services.size(); ++service_idx) {
    const Service& service = network.services[service_idx];
    const auto needs = demand.Needs(service_idx);
    ElementIndex chosen = kNone;
    for (ElementIndex attachment : service.attach) {
      const bool reaches = std::all_of(needs.begin(), needs.end(), [&](std::uint32_t function) {
        return trees[function].distance[attachment] != kUnreachable;
      });
      if (reaches) {
        chosen = attachment;
        break;
      }
    }
    if (chosen == kNone) continue;
    const std::uint8_t rank = SectorRank(service.sector);
    auto serve_element = [&](ElementIndex element) {
      if (element_stamp[element] == service_idx) return;
      element_stamp[element] = service_idx;
      result.element_weight[element] += service.weight;
      result.element_rank[element] = std::min(result.element_rank[element], rank);
    };
    serve_element(chosen);
    for (std::uint32_t function : needs) {
      const BfsTree& tree = trees[function];
      for (NodeId node = chosen; tree.parent[node] != kNoNode; node = tree.parent[node]) {
        const NodeId parent = tree.parent[node];
        serve_element(parent);
        // The link taken: the lowest-indexed edge between the two (arcs are
        // sorted by edge index).
        const auto neighbors = topology.Neighbors(node);
        const auto edges = topology.ArcEdges(node);
        for (std::size_t arc = 0; arc < neighbors.size(); ++arc) {
          if (neighbors[arc] != parent) continue;
          const EdgeId link = edges[arc];
          if (link_stamp[link] != service_idx) {
            link_stamp[link] = service_idx;
            result.link_weight[link] += service.weight;
            result.link_rank[link] = std::min(result.link_rank[link], rank);
          }
          break;
        }
      }
    }
  }
  return result;
}

}  // namespace redoubt
