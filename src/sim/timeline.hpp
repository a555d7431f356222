// LevelEvaluator: given when each element and link is down in one trial,
// which services are up at each checkpoint, and the service level per sector.
//
// Connectivity changes over time in both directions (power failures take
// sites down hours after t=0 while crews bring others back), so this is
// offline dynamic connectivity: every edge's up-intervals over the
// checkpoints are known before the sweep. Edges untouched by the trial are
// united once and the union-find is flattened; then
//   - when every outage starts at t=0 (vendor, exploit, region, targeted,
//     link, random), the network only heals: edges are added in the order they
//     come back, one sweep over the checkpoints (incremental connectivity);
//   - otherwise each edge's up-intervals go onto a segment tree over the
//     checkpoints and a depth-first walk unites on the way down and rolls back
//     on the way up (the offline dynamic-connectivity method of Eppstein et al.
//     and Holm et al.; see e.g. D. Eppstein, "Offline algorithms for dynamic
//     minimum spanning tree problems", J. Algorithms 17(2), 1994), with
//     graph/rollback_union_find.hpp.
// At each checkpoint the services are checked as in analysis/service_demand.hpp:
// up when an up attachment's component holds an up instance of every needed
// function. A checkpoint where nothing changed copies the previous one.
//
// Cost per trial, for A edges touched by the outages and C checkpoints:
// O(m + n) for the untouched part (O(n) when the same edges were touched in
// the evaluator's previous trial: the base is kept), then O(A log n) (healing only) or
// O(A log C log n) (general), plus O(C' · (S·a + I) · log n) for the C' ≤ C
// checkpoints where something changed, S services with a attachments and I
// function instances. Memory O(n + m) per evaluator (one per thread), with a
// copy of the base union-find.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/rollback_union_find.hpp"
#include "sim/hazard.hpp"

namespace redoubt {

// Checkpoints evenly spaced from 0 to the horizon, both included.
struct CheckpointGrid {
  double horizon_hours = 0;
  std::uint32_t count = 2;

  [[nodiscard]] double At(std::uint32_t checkpoint) const {
    return horizon_hours * checkpoint / (count - 1);
  }
  // The first checkpoint at or after `hours` (count when none).
  [[nodiscard]] std::uint32_t FirstAtOrAfter(double hours) const;
};

// One element or link down over checkpoints [first, last).
struct DownSpan {
  std::uint32_t target = 0;
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

// The services a run follows (those up before any hazard) and how they group
// into series: 0 = all, then one per sector present.
struct ServiceSeries {
  std::vector<ServiceIndex> services;
  std::vector<std::uint16_t> series_of;  // per followed service: its sector's series
  std::vector<Sector> sector_of_series;  // per series ≥ 1
  std::vector<double> weight_total;      // per series
  std::vector<std::uint32_t> count_total;
  std::uint32_t words = 1;               // 64-bit words per function mask
  std::vector<std::uint64_t> need_mask;  // per followed service, `words` words

  [[nodiscard]] std::size_t SeriesCount() const { return weight_total.size(); }
};

[[nodiscard]] ServiceSeries BuildServiceSeries(const Network& network, const ServiceDemand& demand,
                                               std::span<const ServiceIndex> followed);

// What one trial yields, indexed [series * checkpoints + checkpoint].
struct TrialLevels {
  std::vector<double> weight_up;
  std::vector<std::uint32_t> services_up;
  std::vector<std::uint32_t> down_checkpoints;  // per followed service
};

class LevelEvaluator {
 public:
  LevelEvaluator(const SimNetwork& net, const ServiceSeries& series, CheckpointGrid grid);

  // `elements` and `links`: sorted by (target, first), spans of one target
  // disjoint and non-adjacent. `force_general` uses the segment tree even
  // when the trial only heals (for tests). Overwrites `out`.
  void Evaluate(std::span<const DownSpan> elements, std::span<const DownSpan> links,
                bool force_general, TrialLevels& out);

 private:
  [[nodiscard]] bool ElementUp(ElementIndex element, std::uint32_t checkpoint) const;
  void Leaf(std::uint32_t checkpoint, TrialLevels& out);
  void Walk(std::uint32_t node, std::uint32_t lo, std::uint32_t hi, TrialLevels& out);
  void UniteEdge(EdgeId edge);

  const SimNetwork& net_;
  const ServiceSeries& series_;
  CheckpointGrid grid_;
  RollbackUnionFind sets_;
  std::span<const DownSpan> element_spans_;
  std::vector<std::uint32_t> element_first_;  // per element: first span index or kNone
  std::vector<std::uint32_t> link_first_;     // per link: first span index or kNone
  std::vector<std::uint32_t> edge_stamp_;     // per edge: trial stamp when touched
  std::uint32_t trial_stamp_ = 0;
  std::vector<std::uint32_t> root_stamp_;  // per node: leaf stamp when its mask is valid
  std::uint32_t leaf_stamp_ = 0;
  std::vector<std::uint64_t> root_mask_;   // per node, `words` words
  std::vector<std::uint8_t> changed_;      // per checkpoint
  std::vector<std::uint32_t> last_down_;   // followed services down at the last leaf
  std::vector<std::uint32_t> candidates_;
  bool monotone_ = false;  // this trial only heals
  std::vector<EdgeId> touched_;                // this trial's touched edges
  std::vector<std::pair<std::uint32_t, EdgeId>> heal_pairs_;  // (checkpoint back up, edge)
  std::vector<std::uint32_t> heal_offsets_, heal_fill_;
  std::vector<EdgeId> heal_edges_;
  RollbackUnionFind::Snapshot base_;          // the untouched edges united, flattened
  std::vector<EdgeId> base_touched_;           // the touched edges it was built without
  bool has_base_ = false;
  std::vector<std::vector<EdgeId>> tree_;  // segment tree nodes: edges up over the node's range
  std::uint32_t tree_size_ = 1;
};

}  // namespace redoubt
