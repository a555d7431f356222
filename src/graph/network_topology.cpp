#include "graph/network_topology.hpp"

namespace redoubt {

NetworkTopology BuildNetworkTopology(const Network& network) {
  NetworkTopology result;
  std::vector<Edge> edges;
  edges.reserve(network.links.size());
  result.latency_ms.reserve(network.links.size());
  for (const Link& link : network.links) {
    edges.push_back({link.a, link.b});
    result.latency_ms.push_back(Network::EffectiveLatency(link));
  }
  result.topology =
      Topology::FromEdges(static_cast<std::uint32_t>(network.elements.size()), edges);
  return result;
}

}  // namespace redoubt
