// Node-disjoint paths between two sets of nodes, and a minimum vertex cut
// between them, by unit-capacity max-flow with node splitting.
//
//   DisjointPathSolver solver(topology);
//   DisjointPaths result = solver.Solve(attachments, amf_instances, {},
//                                       {.max_paths = 4, .want_paths = true});
//   result.count;    // how many paths share no element outside the two sets
//   result.paths;    // the paths themselves, source first
//
// What is counted: paths from some source to some target that are internally
// node-disjoint: no two share a node other than their end points, and no
// path passes through a source or a target on the way. For one source s and
// one target t this is the local node connectivity κ(s, t) (Menger), as
// networkx's `node_connectivity(G, s, t)` computes it. By Menger's theorem it
// equals the size of a minimum vertex cut between the sets, returned in
// `min_cut` (nodes outside both sets whose loss disconnects them).
//
// When a source is also a target, or a source is adjacent to a target, no
// set of other nodes can separate them: the result is `unbounded`, with
// `count = max_paths` and no cut.
//
// Algorithm: Ford–Fulkerson with breadth-first augmenting paths on the split
// graph (node v becomes v_in → v_out with capacity 1; links have unbounded
// capacity, so node capacities bind), explored implicitly from the CSR
// without building the split graph. O(k (n + m)) time for k paths found
// (k ≤ max_paths), O(n) scratch kept between calls so that many small
// queries stay cheap: reset cost is proportional to what a query touched.
//
// Preconditions: sources and targets are valid node indices; duplicates and
// nodes that are off under the mask are ignored.
// Determinism: sources, targets and arcs are taken in ascending order, so the
// paths and the cut depend only on the inputs. A solver is not thread-safe;
// use one per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "graph/topology.hpp"

namespace redoubt {

struct DisjointPathOptions {
  std::uint32_t max_paths = UINT32_MAX;  // stop once this many paths are found
  bool want_paths = false;
  bool want_cut = false;
  // When set, only edges for which it returns true are used (e.g. to keep a
  // search inside the blocks that can matter).
  std::function<bool(EdgeId)> edge_filter = nullptr;
};

struct DisjointPaths {
  std::uint32_t count = 0;
  bool capped = false;     // stopped at max_paths: count is a lower bound
  bool unbounded = false;  // a source is a target or adjacent to one
  std::vector<std::vector<NodeId>> paths;  // with want_paths: source, ..., target
  // With want_cut, when neither capped nor unbounded: a minimum vertex cut
  // (ascending), of size `count`.
  std::vector<NodeId> min_cut;
};

class DisjointPathSolver {
 public:
  explicit DisjointPathSolver(const Topology& topology);

  [[nodiscard]] DisjointPaths Solve(std::span<const NodeId> sources, std::span<const NodeId> targets,
                                    const Mask& mask = {}, const DisjointPathOptions& options = {});

 private:
  // Breadth-first search for an augmenting path; the target's in-state, or
  // kNoNode when there is none (then queue_ holds every state reached).
  std::uint32_t Search(const Mask& mask, const DisjointPathOptions& options);
  void Augment(std::uint32_t target_state);
  std::vector<NodeId> TracePath(NodeId source, NodeId first) const;
  [[nodiscard]] bool IsSource(NodeId node) const { return source_mark_[node] == solve_id_; }
  [[nodiscard]] bool IsTarget(NodeId node) const { return target_mark_[node] == solve_id_; }
  bool Visit(std::uint32_t state, std::uint32_t from);
  void Touch(NodeId node);

  const Topology& topology_;
  std::vector<NodeId> sources_;
  std::vector<NodeId> next_;  // flow successor of a node, kNoNode when unused
  std::vector<NodeId> prev_;  // flow predecessor
  std::vector<NodeId> touched_;
  std::vector<std::uint32_t> source_mark_;
  std::vector<std::uint32_t> target_mark_;
  std::vector<std::uint32_t> visit_mark_;    // per state (2 per node)
  std::vector<std::uint32_t> state_parent_;  // per state
  std::vector<std::uint32_t> queue_;
  std::uint32_t solve_id_ = 0;
  std::uint32_t search_id_ = 0;
};

}  // namespace redoubt
