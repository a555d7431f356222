// UnionFind (disjoint sets) and connected components of a Topology.
//
//   UnionFind sets(4);
//   sets.Unite(0, 1);
//   sets.Same(0, 1);   // true
//
// UnionFind uses union by size and full path compression (Tarjan & van
// Leeuwen, "Worst-case analysis of set union algorithms", JACM 1984), so a
// sequence of m operations on n elements takes O(m α(n)) time; 8 bytes per
// element. Find compresses paths, so it is not const and not thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/topology.hpp"

namespace redoubt {

class UnionFind {
 public:
  explicit UnionFind(std::uint32_t size);

  // The representative of `element`'s set.
  [[nodiscard]] std::uint32_t Find(std::uint32_t element);
  // Merges the sets of `a` and `b`; false when they were already one set.
  bool Unite(std::uint32_t a, std::uint32_t b);
  [[nodiscard]] bool Same(std::uint32_t a, std::uint32_t b) { return Find(a) == Find(b); }
  [[nodiscard]] std::uint32_t SetSize(std::uint32_t element) { return size_[Find(element)]; }
  [[nodiscard]] std::uint32_t SetCount() const { return set_count_; }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_;
  std::uint32_t set_count_;
};

// Connected components of the nodes that are on under `mask`.
struct Components {
  // label[node]: component of the node, numbered 0.. in the order of each
  // component's smallest node; kNoNode for nodes switched off.
  std::vector<std::uint32_t> label;
  std::uint32_t count = 0;
};

// O((n + m) α(n)) time, O(n) memory. Deterministic: labels depend only on the
// graph and the mask.
[[nodiscard]] Components ConnectedComponents(const Topology& topology, const Mask& mask = {});

}  // namespace redoubt
