// FunctionReach: for every element, which elements stand between it and the
// nearest instances of a core function — read off one block-cut tree instead
// of one search per element.
//
//   FunctionReach reach(topology, mask, demand.instances);
//   reach.Reaches(cell, amf);
//   reach.Separators(cell, amf, out);   // elements whose loss alone cuts cell off every AMF
//
// How: for each function, the block-cut forest is rooted at one instance per
// connected component and the subtree spanning all instances (the Steiner
// tree of the instances) is marked. The paths from an element to every
// instance all run through the path from its tree node up to the first marked
// node; an element x ≠ e separates e from every instance exactly when x is a
// cut vertex on that path, or the only instance of the component (Menger /
// Hopcroft–Tarjan; see graph/block_cut_tree.hpp). The same walk bounds where
// disjoint paths can run: only blocks on it or in the Steiner tree can carry a
// simple path from the element to an instance (AllowsEdge).
//
// Cost: O((n + m) · functions) to build, memory 4 bytes per tree node per
// function plus one bit; each query is O(length of the walk), which in an
// access network is the depth of the element's tree, not the network size.
// Deterministic; const queries are safe to run from many threads.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/bit_vector.hpp"
#include "graph/block_cut_tree.hpp"
#include "graph/topology.hpp"

namespace redoubt {

class FunctionReach {
 public:
  // `instances[f]`: the nodes providing function f. Nodes off under `mask`
  // do not count.
  FunctionReach(const Topology& topology, const Mask& mask,
                const std::vector<std::vector<NodeId>>& instances);

  [[nodiscard]] const BlockCutTree& tree() const { return tree_; }
  [[nodiscard]] std::size_t FunctionCount() const { return functions_.size(); }

  // Whether `node` is on and in the same component as an instance of `function`.
  [[nodiscard]] bool Reaches(NodeId node, std::size_t function) const;
  [[nodiscard]] bool IsInstance(NodeId node, std::size_t function) const {
    return functions_[function].is_instance.Test(node);
  }

  // Calls visit(tree_node) for each tree node from `node`'s own up to and
  // including the first one on the instances' Steiner tree.
  // Precondition: Reaches(node, function).
  template <typename Visit>
  void Walk(NodeId node, std::size_t function, Visit&& visit) const {
    const PerFunction& data = functions_[function];
    std::uint32_t tree_idx = tree_.TreeNodeOf(node);
    while (true) {
      visit(tree_idx);
      if (data.steiner.Test(tree_idx)) return;
      tree_idx = data.parent[tree_idx];
    }
  }

  // Appends the elements other than `node` whose loss alone leaves `node`
  // without a path to any instance of `function`: cut vertices on the walk,
  // and the component's only instance when there is just one. Unsorted; may
  // hold the end instance when it is a cut vertex. Precondition: Reaches().
  void Separators(NodeId node, std::size_t function, std::vector<NodeId>& out) const;

  // Whether a simple path from a walked node to an instance may use `edge`:
  // its block lies on the Steiner tree or is marked in `walked` with `stamp`.
  [[nodiscard]] bool AllowsEdge(EdgeId edge, std::size_t function,
                                std::span<const std::uint32_t> walked, std::uint32_t stamp) const {
    const std::uint32_t block = tree_.edge_block[edge];
    return block != kNoNode && (functions_[function].steiner.Test(block) || walked[block] == stamp);
  }

  [[nodiscard]] std::size_t MemoryBytes() const;

 private:
  struct PerFunction {
    std::vector<std::uint32_t> parent;  // over tree nodes; kNoNode when no instance is reachable
    BitVector steiner;                  // over tree nodes
    BitVector is_instance;              // over nodes
    std::vector<std::uint32_t> component_instances;  // per forest component: on instances
    std::vector<NodeId> component_first;             // per forest component: the first of them
  };

  BlockCutTree tree_;
  std::vector<std::uint32_t> tree_component_;  // forest component of each tree node
  std::vector<PerFunction> functions_;
};

}  // namespace redoubt
