#include "graph/topology.hpp"

#include <cassert>

namespace redoubt {

Topology Topology::FromEdges(std::uint32_t node_count, std::span<const Edge> edges) {
  Topology topology;
  topology.node_count_ = node_count;
  topology.ends_.assign(edges.begin(), edges.end());
  std::vector<std::uint32_t>& offsets = topology.offsets_;
  offsets.assign(static_cast<std::size_t>(node_count) + 1, 0);
  for (const Edge& edge : edges) {
    assert(edge.a < node_count && edge.b < node_count);
    if (edge.a == edge.b) continue;
    ++offsets[edge.a + 1];
    ++offsets[edge.b + 1];
  }
  for (std::uint32_t node = 0; node < node_count; ++node) offsets[node + 1] += offsets[node];
  topology.heads_.resize(offsets[node_count]);
  topology.arc_edges_.resize(offsets[node_count]);
  std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
  // Edges in index order, so each node's arcs come out sorted by edge index.
  for (EdgeId edge_idx = 0; edge_idx < edges.size(); ++edge_idx) {
    const Edge& edge = edges[edge_idx];
    if (edge.a == edge.b) continue;
    topology.heads_[fill[edge.a]] = edge.b;
    topology.arc_edges_[fill[edge.a]++] = edge_idx;
    topology.heads_[fill[edge.b]] = edge.a;
    topology.arc_edges_[fill[edge.b]++] = edge_idx;
  }
  return topology;
}

std::size_t Topology::MemoryBytes() const {
  return offsets_.capacity() * sizeof(std::uint32_t) + heads_.capacity() * sizeof(NodeId) +
         arc_edges_.capacity() * sizeof(EdgeId) + ends_.capacity() * sizeof(Edge);
}

}  // namespace redoubt
