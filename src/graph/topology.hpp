// Topology: the compact undirected graph over a network's elements, in
// compressed sparse row (CSR) form, built once and then only read.
//
// Nodes are dense indices 0..n-1 (for a Network, the ElementIndex); edges keep
// the index they were given (for a Network, the LinkIndex), so annotations of
// nodes and edges live in plain arrays beside the graph, indexed the same way
// (OR-Tools style): latency per link, vendor per element, trust per element.
// Each edge {a, b} becomes two arcs, a→b and b→a; the arcs of a node are
// ordered by edge index, so every traversal is deterministic. Parallel edges
// are kept (they are distinct links); self-loops are kept as edges but get no
// arcs (they connect nothing).
//
// A `Mask` switches nodes and edges off for one computation without
// rebuilding: an algorithm given a mask behaves as if the switched-off nodes
// (and every edge touching them) and the switched-off edges were absent.
//
//   Topology topology = Topology::FromEdges(4, {{0, 1}, {1, 2}, {2, 3}});
//   for (NodeId next : topology.Neighbors(1)) ...   // 0, 2
//
// Memory: 4 bytes per node (offsets) + 24 bytes per edge (two arcs of head +
// edge index, and the two ends). Building is O(n + m) (counting sort).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "graph/bit_vector.hpp"

namespace redoubt {

using NodeId = std::uint32_t;
using EdgeId = std::uint32_t;
inline constexpr std::uint32_t kNoNode = UINT32_MAX;

struct Edge {
  NodeId a = kNoNode;
  NodeId b = kNoNode;
};

// Which nodes and edges are on; a null pointer means "all on". The bit
// vectors must be sized to the topology's node and edge counts.
struct Mask {
  const BitVector* nodes = nullptr;
  const BitVector* edges = nullptr;

  [[nodiscard]] bool NodeOn(NodeId node) const { return nodes == nullptr || nodes->Test(node); }
  [[nodiscard]] bool EdgeOn(EdgeId edge) const { return edges == nullptr || edges->Test(edge); }
};

class Topology {
 public:
  Topology() = default;

  // Builds the graph on `node_count` nodes; edge i is `edges[i]`.
  // Precondition: every end < node_count (asserted).
  [[nodiscard]] static Topology FromEdges(std::uint32_t node_count, std::span<const Edge> edges);

  [[nodiscard]] std::uint32_t NodeCount() const { return node_count_; }
  [[nodiscard]] std::uint32_t EdgeCount() const { return static_cast<std::uint32_t>(ends_.size()); }
  [[nodiscard]] std::size_t ArcCount() const { return heads_.size(); }
  [[nodiscard]] std::uint32_t Degree(NodeId node) const { return offsets_[node + 1] - offsets_[node]; }

  // The neighbours of `node` and, at the same positions, the edges to them.
  [[nodiscard]] std::span<const NodeId> Neighbors(NodeId node) const {
    return {heads_.data() + offsets_[node], Degree(node)};
  }
  [[nodiscard]] std::span<const EdgeId> ArcEdges(NodeId node) const {
    return {arc_edges_.data() + offsets_[node], Degree(node)};
  }
  [[nodiscard]] Edge Ends(EdgeId edge) const { return ends_[edge]; }
  [[nodiscard]] bool IsSelfLoop(EdgeId edge) const { return ends_[edge].a == ends_[edge].b; }

  // An arc is usable under `mask` when its edge and both ends are on.
  [[nodiscard]] bool ArcOn(const Mask& mask, NodeId from, std::size_t arc_position) const {
    const std::size_t arc = offsets_[from] + arc_position;
    return mask.EdgeOn(arc_edges_[arc]) && mask.NodeOn(heads_[arc]);
  }

  // Bytes held (capacity-based), for bench/README.md.
  [[nodiscard]] std::size_t MemoryBytes() const;

 private:
  std::uint32_t node_count_ = 0;
  std::vector<std::uint32_t> offsets_{0};  // node_count_ + 1 entries
  std::vector<NodeId> heads_;              // arc → head node
  std::vector<EdgeId> arc_edges_;          // arc → edge index
  std::vector<Edge> ends_;                 // edge → its two ends
};

}  // namespace redoubt
