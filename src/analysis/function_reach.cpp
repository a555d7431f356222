#include "analysis/function_reach.hpp"

namespace redoubt {

FunctionReach::FunctionReach(const Topology& topology, const Mask& mask,
                             const std::vector<std::vector<NodeId>>& instances)
    : tree_(BuildBlockCutTree(topology, mask)) {
  const std::uint32_t tree_count = tree_.TreeNodeCount();
  // Forest components, numbered in order of their smallest tree node.
  tree_component_.assign(tree_count, kNoNode);
  std::uint32_t component_count = 0;
  std::vector<std::uint32_t> queue;
  queue.reserve(tree_count);
  for (std::uint32_t start = 0; start < tree_count; ++start) {
    if (tree_component_[start] != kNoNode) continue;
    tree_component_[start] = component_count;
    queue.assign(1, start);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      for (std::uint32_t next : tree_.TreeNeighbors(queue[head])) {
        if (tree_component_[next] != kNoNode) continue;
        tree_component_[next] = component_count;
        queue.push_back(next);
      }
    }
    ++component_count;
  }

  functions_.resize(instances.size());
  for (std::size_t function = 0; function < instances.size(); ++function) {
    PerFunction& data = functions_[function];
    data.parent.assign(tree_count, kNoNode);
    data.steiner = BitVector(tree_count);
    data.is_instance = BitVector(topology.NodeCount());
    data.component_instances.assign(component_count, 0);
    data.component_first.assign(component_count, kNoNode);
    // Root each component at its first instance; breadth-first parents.
    queue.clear();
    for (NodeId instance : instances[function]) {
      if (!mask.NodeOn(instance)) continue;
      data.is_instance.Set(instance);
      const std::uint32_t tree_idx = tree_.TreeNodeOf(instance);
      const std::uint32_t component = tree_component_[tree_idx];
      if (data.component_instances[component]++ > 0) continue;
      data.component_first[component] = instance;
      data.parent[tree_idx] = tree_idx;
      queue.push_back(tree_idx);
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
      for (std::uint32_t next : tree_.TreeNeighbors(queue[head])) {
        if (data.parent[next] != kNoNode) continue;
        data.parent[next] = queue[head];
        queue.push_back(next);
      }
    }
    // Steiner tree: every tree node on the way from an instance up to its root.
    for (NodeId instance : instances[function]) {
      if (!mask.NodeOn(instance)) continue;
      std::uint32_t tree_idx = tree_.TreeNodeOf(instance);
      while (!data.steiner.Test(tree_idx)) {
        data.steiner.Set(tree_idx);
        if (data.parent[tree_idx] == tree_idx) break;
        tree_idx = data.parent[tree_idx];
      }
    }
  }
}

bool FunctionReach::Reaches(NodeId node, std::size_t function) const {
  const std::uint32_t tree_idx = tree_.TreeNodeOf(node);
  return tree_idx != kNoNode && functions_[function].parent[tree_idx] != kNoNode;
}

void FunctionReach::Separators(NodeId node, std::size_t function, std::vector<NodeId>& out) const {
  Walk(node, function, [&](std::uint32_t tree_idx) {
    if (tree_.IsCutTreeNode(tree_idx) && tree_.CutVertex(tree_idx) != node) {
      out.push_back(tree_.CutVertex(tree_idx));
    }
  });
  const PerFunction& data = functions_[function];
  const std::uint32_t component = tree_component_[tree_.TreeNodeOf(node)];
  if (data.component_instances[component] == 1 && data.component_first[component] != node) {
    out.push_back(data.component_first[component]);
  }
}

std::size_t FunctionReach::MemoryBytes() const {
  std::size_t bytes = tree_.MemoryBytes() + tree_component_.capacity() * sizeof(std::uint32_t);
  for (const PerFunction& data : functions_) {
    bytes += data.parent.capacity() * sizeof(std::uint32_t) + data.steiner.MemoryBytes() +
             data.is_instance.MemoryBytes() +
             (data.component_instances.capacity() + data.component_first.capacity()) *
                 sizeof(std::uint32_t);
  }
  return bytes;
}

}  // namespace redoubt
