#include "graph/disjoint_paths.hpp"

#include <algorithm>
#include <cassert>
#include <utility>

namespace redoubt {

namespace {

// A state of the split graph: node v's in-side is 2v, its out-side 2v + 1.
constexpr NodeId NodeOf(std::uint32_t state) { return state >> 1; }
constexpr bool IsOut(std::uint32_t state) { return (state & 1U) != 0; }
constexpr std::uint32_t InState(NodeId node) { return node << 1; }
constexpr std::uint32_t OutState(NodeId node) { return (node << 1) | 1U; }

std::vector<NodeId> SortedOn(std::span<const NodeId> nodes, const Mask& mask) {
  std::vector<NodeId> sorted;
  for (NodeId node : nodes) {
    if (mask.NodeOn(node)) sorted.push_back(node);
  }
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  return sorted;
}

}  // namespace

DisjointPathSolver::DisjointPathSolver(const Topology& topology)
    : topology_(topology),
      next_(topology.NodeCount(), kNoNode),
      prev_(topology.NodeCount(), kNoNode),
      source_mark_(topology.NodeCount(), 0),
      target_mark_(topology.NodeCount(), 0),
      visit_mark_(2 * static_cast<std::size_t>(topology.NodeCount()), 0),
      state_parent_(2 * static_cast<std::size_t>(topology.NodeCount()), kNoNode) {
  assert(topology.NodeCount() < (1U << 31));
}

void DisjointPathSolver::Touch(NodeId node) { touched_.push_back(node); }

bool DisjointPathSolver::Visit(std::uint32_t state, std::uint32_t from) {
  if (visit_mark_[state] == search_id_) return false;
  visit_mark_[state] = search_id_;
  state_parent_[state] = from;
  queue_.push_back(state);
  return true;
}

DisjointPaths DisjointPathSolver::Solve(std::span<const NodeId> sources,
                                        std::span<const NodeId> targets, const Mask& mask,
                                        const DisjointPathOptions& options) {
  if (++solve_id_ == 0) {  // wrapped: forget every old mark
    std::fill(source_mark_.begin(), source_mark_.end(), 0);
    std::fill(target_mark_.begin(), target_mark_.end(), 0);
    solve_id_ = 1;
  }
  DisjointPaths result;
  sources_ = SortedOn(sources, mask);
  const std::vector<NodeId> sorted_targets = SortedOn(targets, mask);
  for (NodeId node : sources_) source_mark_[node] = solve_id_;
  for (NodeId node : sorted_targets) target_mark_[node] = solve_id_;
  if (sources_.empty() || sorted_targets.empty() || options.max_paths == 0) return result;

  // A source that is a target, or touches one, cannot be cut off.
  for (NodeId source : sources_) {
    bool inseparable = IsTarget(source);
    const auto neighbors = topology_.Neighbors(source);
    const auto edges = topology_.ArcEdges(source);
    for (std::size_t arc = 0; arc < neighbors.size() && !inseparable; ++arc) {
      if (!topology_.ArcOn(mask, source, arc)) continue;
      if (options.edge_filter && !options.edge_filter(edges[arc])) continue;
      inseparable = IsTarget(neighbors[arc]);
    }
    if (inseparable) {
      result.count = options.max_paths;
      result.capped = true;
      result.unbounded = true;
      return result;
    }
  }

  bool exhausted = false;
  while (result.count < options.max_paths) {
    const std::uint32_t found = Search(mask, options);
    if (found == kNoNode) {
      exhausted = true;
      break;
    }
    Augment(found);
    ++result.count;
  }
  result.capped = !exhausted;

  if (exhausted && options.want_cut) {
    for (std::uint32_t state : queue_) {
      if (IsOut(state)) continue;
      const NodeId node = NodeOf(state);
      if (IsTarget(node)) continue;
      if (visit_mark_[OutState(node)] != search_id_) result.min_cut.push_back(node);
    }
    std::sort(result.min_cut.begin(), result.min_cut.end());
  }
  if (options.want_paths) {
    std::vector<std::pair<NodeId, NodeId>> starts;  // (source, first node after it)
    std::sort(touched_.begin(), touched_.end());
    touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
    for (NodeId node : touched_) {
      if (next_[node] != kNoNode && prev_[node] != kNoNode && IsSource(prev_[node])) starts.emplace_back(prev_[node], node);
    }
    std::sort(starts.begin(), starts.end());
    for (const auto& [source, first] : starts) result.paths.push_back(TracePath(source, first));
  }
  for (NodeId node : touched_) next_[node] = prev_[node] = kNoNode;
  touched_.clear();
  return result;
}

std::uint32_t DisjointPathSolver::Search(const Mask& mask, const DisjointPathOptions& options) {
  if (++search_id_ == 0) {
    std::fill(visit_mark_.begin(), visit_mark_.end(), 0);
    search_id_ = 1;
  }
  queue_.clear();
  auto usable = [&](NodeId from, std::size_t arc) {
    if (!topology_.ArcOn(mask, from, arc)) return false;
    return !options.edge_filter || options.edge_filter(topology_.ArcEdges(from)[arc]);
  };
  // From the super-source: every neighbour of a source (sources are merged).
  for (NodeId source : sources_) {
    const auto neighbors = topology_.Neighbors(source);
    for (std::size_t arc = 0; arc < neighbors.size(); ++arc) {
      const NodeId next = neighbors[arc];
      if (IsSource(next) || !usable(source, arc)) continue;
      Visit(InState(next), OutState(source));
    }
  }
  for (std::size_t head = 0; head < queue_.size(); ++head) {
    const std::uint32_t state = queue_[head];
    const NodeId node = NodeOf(state);
    if (!IsOut(state)) {
      if (IsTarget(node)) return state;
      if (next_[node] == kNoNode) {
        Visit(OutState(node), state);
      } else if (prev_[node] != kNoNode && !IsSource(prev_[node])) {
        Visit(OutState(prev_[node]), state);  // cancel the flow prev → node
      }
      continue;
    }
    if (next_[node] != kNoNode) Visit(InState(node), state);  // undo node's own flow
    const auto neighbors = topology_.Neighbors(node);
    for (std::size_t arc = 0; arc < neighbors.size(); ++arc) {
      const NodeId next = neighbors[arc];
      if (IsSource(next) || !usable(node, arc)) continue;
      if (Visit(InState(next), state) && IsTarget(next)) return InState(next);
    }
  }
  return kNoNode;
}

void DisjointPathSolver::Augment(std::uint32_t target_state) {
  std::vector<std::pair<NodeId, NodeId>> added;
  std::vector<std::pair<NodeId, NodeId>> cancelled;
  std::uint32_t state = target_state;
  while (true) {
    const std::uint32_t parent = state_parent_[state];
    const NodeId from = NodeOf(parent);
    const NodeId to = NodeOf(state);
    if (from != to) {
      if (IsOut(parent)) {
        added.emplace_back(from, to);  // along a link: from → to
      } else {
        cancelled.emplace_back(to, from);  // against the flow to → from
      }
    }
    if (IsSource(from)) break;
    state = parent;
  }
  for (const auto& [from, to] : cancelled) {
    next_[from] = kNoNode;
    prev_[to] = kNoNode;
  }
  for (const auto& [from, to] : added) {
    if (!IsSource(from)) next_[from] = to;
    if (!IsTarget(to)) prev_[to] = from;
    Touch(from);
    Touch(to);
  }
}

std::vector<NodeId> DisjointPathSolver::TracePath(NodeId source, NodeId first) const {
  std::vector<NodeId> path{source};
  for (NodeId node = first; node != kNoNode; node = IsTarget(node) ? kNoNode : next_[node]) {
    path.push_back(node);
  }
  return path;
}

}  // namespace redoubt
