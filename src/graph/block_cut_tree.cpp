#include "graph/block_cut_tree.hpp"

#include <algorithm>
#include <utility>

namespace redoubt {

namespace {

struct Frame {
  NodeId node;
  EdgeId parent_edge;  // kNoNode for a DFS root
  std::uint32_t arc;   // next arc position to look at
};

class Builder {
 public:
  Builder(const Topology& topology, const Mask& mask) : topology_(topology), mask_(mask) {
    const std::uint32_t node_count = topology.NodeCount();
    discovery_.assign(node_count, 0);
    low_.assign(node_count, 0);
    last_block_.assign(node_count, kNoNode);
    tree_.edge_block.assign(topology.EdgeCount(), kNoNode);
    tree_.is_cut = BitVector(node_count);
  }

  BlockCutTree Build() {
    for (NodeId root = 0; root < topology_.NodeCount(); ++root) {
      if (mask_.NodeOn(root) && discovery_[root] == 0) Search(root);
    }
    BuildForest();
    return std::move(tree_);
  }

 private:
  void Search(NodeId root) {
    std::uint32_t root_children = 0;
    discovery_[root] = low_[root] = ++time_;
    frames_.push_back({root, kNoNode, 0});
    while (!frames_.empty()) {
      Frame& frame = frames_.back();
      const NodeId node = frame.node;
      if (frame.arc < topology_.Degree(node)) {
        const std::uint32_t arc = frame.arc++;
        if (!topology_.ArcOn(mask_, node, arc)) continue;
        const EdgeId edge = topology_.ArcEdges(node)[arc];
        const NodeId next = topology_.Neighbors(node)[arc];
        if (edge == frame.parent_edge) continue;
        if (discovery_[next] == 0) {
          edge_stack_.push_back(edge);
          discovery_[next] = low_[next] = ++time_;
          if (node == root) ++root_children;
          frames_.push_back({next, edge, 0});  // invalidates `frame`
        } else if (discovery_[next] < discovery_[node]) {
          edge_stack_.push_back(edge);  // back edge to an ancestor
          low_[node] = std::min(low_[node], discovery_[next]);
        }
        continue;
      }
      const EdgeId parent_edge = frame.parent_edge;
      frames_.pop_back();
      if (frames_.empty()) break;
      const NodeId parent = frames_.back().node;
      low_[parent] = std::min(low_[parent], low_[node]);
      if (low_[node] >= discovery_[parent]) {
        EmitBlock(parent_edge);
        if (parent != root) tree_.is_cut.Set(parent);
      }
    }
    if (root_children >= 2) tree_.is_cut.Set(root);
    if (root_children == 0) {  // no usable edge: a block on its own
      tree_.block_nodes.push_back(root);
      CloseBlock();
    }
  }

  // Pops edges up to and including `last` into a new block.
  void EmitBlock(EdgeId last) {
    const std::uint32_t block = tree_.block_count;
    const std::size_t first = tree_.block_nodes.size();
    EdgeId edge = kNoNode;
    do {
      edge = edge_stack_.back();
      edge_stack_.pop_back();
      tree_.edge_block[edge] = block;
      const Edge ends = topology_.Ends(edge);
      for (NodeId end : {ends.a, ends.b}) {
        if (last_block_[end] == block) continue;
        last_block_[end] = block;
        tree_.block_nodes.push_back(end);
      }
    } while (edge != last);
    std::sort(tree_.block_nodes.begin() + static_cast<std::ptrdiff_t>(first), tree_.block_nodes.end());
    CloseBlock();
  }

  void CloseBlock() {
    ++tree_.block_count;
    tree_.block_offsets.push_back(static_cast<std::uint32_t>(tree_.block_nodes.size()));
  }

  void BuildForest() {
    const std::uint32_t node_count = topology_.NodeCount();
    std::vector<std::uint32_t> cut_position(node_count, kNoNode);
    for (NodeId node = 0; node < node_count; ++node) {
      if (!tree_.is_cut.Test(node)) continue;
      cut_position[node] = static_cast<std::uint32_t>(tree_.cut_nodes.size());
      tree_.cut_nodes.push_back(node);
    }
    const std::uint32_t blocks = tree_.block_count;
    tree_.tree_node.assign(node_count, kNoNode);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (std::uint32_t block = 0; block < blocks; ++block) {
      for (NodeId node : tree_.BlockNodes(block)) {
        if (cut_position[node] == kNoNode) {
          tree_.tree_node[node] = block;
        } else {
          tree_.tree_node[node] = blocks + cut_position[node];
          pairs.emplace_back(block, blocks + cut_position[node]);
          pairs.emplace_back(blocks + cut_position[node], block);
        }
      }
    }
    std::sort(pairs.begin(), pairs.end());
    tree_.tree_offsets.assign(static_cast<std::size_t>(tree_.TreeNodeCount()) + 1, 0);
    for (const auto& [from, to] : pairs) ++tree_.tree_offsets[from + 1];
    for (std::uint32_t tree_idx = 0; tree_idx < tree_.TreeNodeCount(); ++tree_idx) {
      tree_.tree_offsets[tree_idx + 1] += tree_.tree_offsets[tree_idx];
    }
    tree_.tree_adjacent.reserve(pairs.size());
    for (const auto& [from, to] : pairs) tree_.tree_adjacent.push_back(to);
  }

  const Topology& topology_;
  const Mask& mask_;
  BlockCutTree tree_;
  std::vector<std::uint32_t> discovery_;
  std::vector<std::uint32_t> low_;
  std::vector<std::uint32_t> last_block_;
  std::vector<Frame> frames_;
  std::vector<EdgeId> edge_stack_;
  std::uint32_t time_ = 0;
};

}  // namespace

BlockCutTree BuildBlockCutTree(const Topology& topology, const Mask& mask) {
  return Builder(topology, mask).Build();
}

std::size_t BlockCutTree::MemoryBytes() const {
  return (block_offsets.capacity() + block_nodes.capacity() + edge_block.capacity() +
          cut_nodes.capacity() + tree_node.capacity() + tree_offsets.capacity() +
          tree_adjacent.capacity()) *
             sizeof(std::uint32_t) +
         is_cut.MemoryBytes();
}

}  // namespace redoubt
