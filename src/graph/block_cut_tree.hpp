// The block-cut tree of a Topology: its blocks (biconnected components), its
// cut vertices (articulation points), and the forest that joins them.
//
//   BlockCutTree tree = BuildBlockCutTree(topology);
//   tree.is_cut.Test(node);              // does losing `node` disconnect its component?
//   tree.TreeNodeOf(node);               // where `node` sits in the forest
//
// The forest has one tree node per block, numbered 0..block_count-1 in the
// order the blocks are found, then one per cut vertex (block_count + i for
// the i-th cut vertex in ascending node order). A block is joined to each cut
// vertex it contains. Every node that is on belongs to at least one block: a
// node with no usable edge is a block on its own.
//
// Why it matters: a node x separates nodes u and v (x ≠ u, v) exactly when x
// is a cut vertex on the forest path between the tree nodes of u and v. So one
// tree answers "which elements are single points of failure between here and
// there" for every pair, without one search per element.
//
// Algorithm: Hopcroft & Tarjan, "Efficient algorithms for graph manipulation"
// (CACM 16(6), 1973), with an explicit stack (no recursion, so a path of
// millions of elements does not overflow the call stack). Parallel edges are
// told apart by edge index, so two parallel links make a block of two nodes.
// O(n + m) time and memory.
//
// Determinism: DFS roots are taken in ascending node order and arcs in edge
// order, so block numbering depends only on the graph and the mask.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/bit_vector.hpp"
#include "graph/topology.hpp"

namespace redoubt {

struct BlockCutTree {
  std::uint32_t block_count = 0;
  // Nodes of block b (ascending): block_nodes[block_offsets[b] .. block_offsets[b + 1]).
  std::vector<std::uint32_t> block_offsets{0};
  std::vector<NodeId> block_nodes;
  // Block of each edge; kNoNode for self-loops and edges that are off.
  std::vector<std::uint32_t> edge_block;
  BitVector is_cut;             // per node
  std::vector<NodeId> cut_nodes;  // ascending
  // Tree node of each node: its cut tree node if it is a cut vertex, else the
  // one block that holds it; kNoNode for nodes that are off.
  std::vector<std::uint32_t> tree_node;
  // Adjacency of the forest (CSR over tree nodes, ascending within a node).
  std::vector<std::uint32_t> tree_offsets{0};
  std::vector<std::uint32_t> tree_adjacent;

  [[nodiscard]] std::uint32_t TreeNodeCount() const {
    return block_count + static_cast<std::uint32_t>(cut_nodes.size());
  }
  [[nodiscard]] bool IsCutTreeNode(std::uint32_t tree_idx) const { return tree_idx >= block_count; }
  // The cut vertex a cut tree node stands for.
  [[nodiscard]] NodeId CutVertex(std::uint32_t tree_idx) const { return cut_nodes[tree_idx - block_count]; }
  [[nodiscard]] std::uint32_t TreeNodeOf(NodeId node) const { return tree_node[node]; }
  [[nodiscard]] std::span<const NodeId> BlockNodes(std::uint32_t block) const {
    return {block_nodes.data() + block_offsets[block], block_offsets[block + 1] - block_offsets[block]};
  }
  [[nodiscard]] std::span<const std::uint32_t> TreeNeighbors(std::uint32_t tree_idx) const {
    return {tree_adjacent.data() + tree_offsets[tree_idx],
            tree_offsets[tree_idx + 1] - tree_offsets[tree_idx]};
  }
  [[nodiscard]] std::size_t MemoryBytes() const;
};

[[nodiscard]] BlockCutTree BuildBlockCutTree(const Topology& topology, const Mask& mask = {});

}  // namespace redoubt
