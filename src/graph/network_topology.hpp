// Builds the Topology of a Network: one node per element (NodeId ==
// ElementIndex), one edge per link (EdgeId == LinkIndex), and the link
// annotations routing needs, in arrays beside the graph.
//
//   NetworkTopology net = BuildNetworkTopology(network);
//   Dijkstra(net.topology, net.latency_ms, sources);
//
// O(elements + links) time; see topology.hpp for memory (plus 8 bytes per
// link for the latency). Deterministic.
#pragma once

#include <vector>

#include "graph/topology.hpp"
#include "model/network.hpp"

namespace redoubt {

struct NetworkTopology {
  Topology topology;
  std::vector<double> latency_ms;  // per link: Network::EffectiveLatency

  [[nodiscard]] std::size_t MemoryBytes() const {
    return topology.MemoryBytes() + latency_ms.capacity() * sizeof(double);
  }
};

[[nodiscard]] NetworkTopology BuildNetworkTopology(const Network& network);

}  // namespace redoubt
