#include "graph/shortest_paths.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <functional>
#include <queue>
#include <utility>

namespace redoubt {

namespace {

std::vector<NodeId> SortedSources([[maybe_unused]] const Topology& topology, std::span<const NodeId> sources,
                                  const Mask& mask) {
  std::vector<NodeId> sorted;
  sorted.reserve(sources.size());
  for (NodeId source : sources) {
    assert(source < topology.NodeCount());
    if (mask.NodeOn(source)) sorted.push_back(source);
  }
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  return sorted;
}

}  // namespace

BfsTree Bfs(const Topology& topology, std::span<const NodeId> sources, const Mask& mask) {
  BfsTree tree;
  tree.distance.assign(topology.NodeCount(), kUnreachable);
  tree.parent.assign(topology.NodeCount(), kNoNode);
  std::vector<NodeId> queue = SortedSources(topology, sources, mask);
  for (NodeId source : queue) tree.distance[source] = 0;
  queue.reserve(topology.NodeCount());
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const NodeId node = queue[head];
    const auto neighbors = topology.Neighbors(node);
    for (std::size_t arc = 0; arc < neighbors.size(); ++arc) {
      const NodeId next = neighbors[arc];
      if (tree.distance[next] != kUnreachable || !topology.ArcOn(mask, node, arc)) continue;
      tree.distance[next] = tree.distance[node] + 1;
      tree.parent[next] = node;
      queue.push_back(next);
    }
  }
  return tree;
}

ShortestPathForest Dijkstra(const Topology& topology, std::span<const double> edge_weight,
                            std::span<const NodeId> sources, const Mask& mask) {
  assert(edge_weight.size() == topology.EdgeCount());
  ShortestPathForest forest;
  forest.distance.assign(topology.NodeCount(), kInfiniteDistance);
  forest.parent.assign(topology.NodeCount(), kNoNode);
  using Entry = std::pair<double, NodeId>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
  for (NodeId source : SortedSources(topology, sources, mask)) {
    forest.distance[source] = 0;
    heap.emplace(0.0, source);
  }
  while (!heap.empty()) {
    const auto [distance, node] = heap.top();
    heap.pop();
    if (distance > forest.distance[node]) continue;  // stale entry
    const auto neighbors = topology.Neighbors(node);
    const auto edges = topology.ArcEdges(node);
    for (std::size_t arc = 0; arc < neighbors.size(); ++arc) {
      if (!topology.ArcOn(mask, node, arc)) continue;
      const double weight = edge_weight[edges[arc]];
      assert(weight >= 0 && std::isfinite(weight));
      const NodeId next = neighbors[arc];
      const double candidate = distance + weight;
      if (candidate < forest.distance[next]) {
        forest.distance[next] = candidate;
        forest.parent[next] = node;
        heap.emplace(candidate, next);
      }
    }
  }
  return forest;
}

std::vector<NodeId> PathToSource(std::span<const NodeId> parent, std::span<const double> distance,
                                 NodeId node) {
  std::vector<NodeId> path;
  if (distance[node] == kInfiniteDistance) return path;
  for (NodeId current = node; current != kNoNode; current = parent[current]) path.push_back(current);
  return path;
}

}  // namespace redoubt
