// Breadth-first search (hop counts) and Dijkstra (weighted, e.g. latency) from
// a set of sources, over the nodes and edges that are on under a mask.
//
//   ShortestPathForest forest = Dijkstra(topology, latency_ms, instances_of_amf);
//   forest.distance[cell];                 // latency to the nearest AMF
//   PathToSource(forest, cell);            // cell, ..., that AMF
//
// Both are multi-source: every source starts at distance 0, so the result
// gives, for every node, the distance to the *nearest* source and a parent
// pointer towards it (a shortest-path forest). On an undirected graph this is
// also the nearest source seen *from* the node.
//
// Determinism: sources are processed in ascending node order and ties are
// broken by node index (the heap orders (distance, node)); a parent is
// replaced only on a strict improvement. So the forest depends only on the
// graph, the weights, the sources and the mask — not on the order the sources
// were given in.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "graph/topology.hpp"

namespace redoubt {

inline constexpr std::uint32_t kUnreachable = UINT32_MAX;
inline constexpr double kInfiniteDistance = std::numeric_limits<double>::infinity();

struct BfsTree {
  std::vector<std::uint32_t> distance;  // hops; kUnreachable when not reached
  std::vector<NodeId> parent;           // kNoNode for sources and unreached nodes
};

// O(n + m) time. Sources that are off under `mask` are ignored.
[[nodiscard]] BfsTree Bfs(const Topology& topology, std::span<const NodeId> sources,
                          const Mask& mask = {});

struct ShortestPathForest {
  std::vector<double> distance;  // kInfiniteDistance when not reached
  std::vector<NodeId> parent;    // kNoNode for sources and unreached nodes
};

// Dijkstra with a binary heap: O((n + m) log n) time, O(n) memory.
// Precondition: `edge_weight` has one finite, non-negative weight per edge
// (asserted in debug builds).
[[nodiscard]] ShortestPathForest Dijkstra(const Topology& topology,
                                          std::span<const double> edge_weight,
                                          std::span<const NodeId> sources, const Mask& mask = {});

// The nodes from `node` back to its source, following parents (node first).
// Empty when `node` was not reached.
[[nodiscard]] std::vector<NodeId> PathToSource(std::span<const NodeId> parent,
                                               std::span<const double> distance, NodeId node);
[[nodiscard]] inline std::vector<NodeId> PathToSource(const ShortestPathForest& forest, NodeId node) {
  return PathToSource(forest.parent, forest.distance, node);
}

}  // namespace redoubt
