#include "graph/union_find.hpp"

#include <numeric>
#include <utility>

namespace redoubt {

UnionFind::UnionFind(std::uint32_t size) : parent_(size), size_(size, 1), set_count_(size) {
  std::iota(parent_.begin(), parent_.end(), 0U);
}

std::uint32_t UnionFind::Find(std::uint32_t element) {
  std::uint32_t root = element;
  while (parent_[root] != root) root = parent_[root];
  while (parent_[element] != root) {
    const std::uint32_t next = parent_[element];
    parent_[element] = root;
    element = next;
  }
  return root;
}

bool UnionFind::Unite(std::uint32_t a, std::uint32_t b) {
  std::uint32_t root_a = Find(a);
  std::uint32_t root_b = Find(b);
  if (root_a == root_b) return false;
  if (size_[root_a] < size_[root_b]) std::swap(root_a, root_b);
  parent_[root_b] = root_a;
  size_[root_a] += size_[root_b];
  --set_count_;
  return true;
}

Components ConnectedComponents(const Topology& topology, const Mask& mask) {
  const std::uint32_t node_count = topology.NodeCount();
  UnionFind sets(node_count);
  for (EdgeId edge_idx = 0; edge_idx < topology.EdgeCount(); ++edge_idx) {
    const Edge edge = topology.Ends(edge_idx);
    if (edge.a == edge.b || !mask.EdgeOn(edge_idx) || !mask.NodeOn(edge.a) || !mask.NodeOn(edge.b)) {
      continue;
    }
    sets.Unite(edge.a, edge.b);
  }
  Components components;
  components.label.assign(node_count, kNoNode);
  // Label roots in order of first appearance: the smallest node of each set.
  std::vector<std::uint32_t> root_label(node_count, kNoNode);
  for (NodeId node = 0; node < node_count; ++node) {
    if (!mask.NodeOn(node)) continue;
    const std::uint32_t root = sets.Find(node);
    if (root_label[root] == kNoNode) root_label[root] = components.count++;
    components.label[node] = root_label[root];
  }
  return components;
}

}  // namespace redoubt
