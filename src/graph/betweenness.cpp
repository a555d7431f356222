#include "graph/betweenness.hpp"

#include <numeric>

namespace redoubt {

namespace {

// SplitMix64 (Steele, Lea & Flood 2014): enough to pick pivots reproducibly.
std::uint64_t NextRandom(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

std::vector<double> Betweenness(const Topology& topology, const BetweennessOptions& options,
                                const Mask& mask) {
  const std::uint32_t node_count = topology.NodeCount();
  std::vector<double> score(node_count, 0.0);
  std::vector<NodeId> sources;
  for (NodeId node = 0; node < node_count; ++node) {
    if (mask.NodeOn(node)) sources.push_back(node);
  }
  double scale = 0.5;  // each unordered pair is reached from both ends
  if (options.pivots != 0 && options.pivots < sources.size()) {
    std::uint64_t state = options.seed;
    for (std::size_t index = 0; index < options.pivots; ++index) {
      const std::size_t pick = index + NextRandom(state) % (sources.size() - index);
      std::swap(sources[index], sources[pick]);
    }
    scale *= static_cast<double>(sources.size()) / options.pivots;
    sources.resize(options.pivots);
  }
  std::vector<std::uint32_t> distance(node_count, kNoNode);
  std::vector<double> paths(node_count, 0.0);
  std::vector<double> dependency(node_count, 0.0);
  std::vector<NodeId> order;
  order.reserve(node_count);
  for (NodeId source : sources) {
    order.clear();
    distance[source] = 0;
    paths[source] = 1.0;
    order.push_back(source);
    for (std::size_t head = 0; head < order.size(); ++head) {
      const NodeId node = order[head];
      const auto neighbors = topology.Neighbors(node);
      for (std::size_t arc = 0; arc < neighbors.size(); ++arc) {
        if (!topology.ArcOn(mask, node, arc)) continue;
        const NodeId next = neighbors[arc];
        if (distance[next] == kNoNode) {
          distance[next] = distance[node] + 1;
          order.push_back(next);
        }
        if (distance[next] == distance[node] + 1) paths[next] += paths[node];
      }
    }
    for (std::size_t position = order.size(); position-- > 1;) {
      const NodeId node = order[position];
      const auto neighbors = topology.Neighbors(node);
      for (std::size_t arc = 0; arc < neighbors.size(); ++arc) {
        if (!topology.ArcOn(mask, node, arc)) continue;
        const NodeId prev = neighbors[arc];
        if (distance[prev] != kNoNode && distance[prev] + 1 == distance[node]) {
          dependency[prev] += paths[prev] / paths[node] * (1.0 + dependency[node]);
        }
      }
      score[node] += dependency[node];
    }
    for (NodeId node : order) {
      distance[node] = kNoNode;
      paths[node] = 0.0;
      dependency[node] = 0.0;
    }
  }
  for (double& value : score) value *= scale;
  return score;
}

}  // namespace redoubt
