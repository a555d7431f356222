#include "sim/timeline.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace redoubt {

std::uint32_t CheckpointGrid::FirstAtOrAfter(double hours) const {
  if (hours <= 0) return 0;
  if (!(hours <= horizon_hours)) return count;  // also +inf
  auto checkpoint = static_cast<std::uint32_t>(std::ceil(hours * (count - 1) / horizon_hours));
  checkpoint = std::min(checkpoint, count - 1);
  // Settle rounding so that At() agrees exactly.
  while (checkpoint < count && At(checkpoint) < hours) ++checkpoint;
  while (checkpoint > 0 && At(checkpoint - 1) >= hours) --checkpoint;
  return checkpoint;
}

ServiceSeries BuildServiceSeries(const Network& network, const ServiceDemand& demand,
                                 std::span<const ServiceIndex> followed) {
  ServiceSeries series;
  series.words =
      static_cast<std::uint32_t>(std::max<std::size_t>(1, (demand.functions.size() + 63) / 64));
  std::vector<bool> present(SectorNames().size(), false);
  for (ServiceIndex service : followed)
    present[static_cast<std::size_t>(network.services[service].sector)] = true;
  std::vector<std::uint16_t> series_of_sector(SectorNames().size(), 0);
  series.weight_total.push_back(0);
  series.count_total.push_back(0);
  for (std::size_t sector = 0; sector < present.size(); ++sector) {
    if (!present[sector]) continue;
    series_of_sector[sector] = static_cast<std::uint16_t>(series.weight_total.size());
    series.sector_of_series.push_back(static_cast<Sector>(sector));
    series.weight_total.push_back(0);
    series.count_total.push_back(0);
  }
  for (ServiceIndex service : followed) {
    const Service& record = network.services[service];
    const std::uint16_t index = series_of_sector[static_cast<std::size_t>(record.sector)];
    series.services.push_back(service);
    series.series_of.push_back(index);
    series.weight_total[0] += record.weight;
    series.weight_total[index] += record.weight;
    ++series.count_total[0];
    ++series.count_total[index];
    const std::size_t base = series.need_mask.size();
    series.need_mask.resize(base + series.words, 0);
    for (std::uint32_t function : demand.Needs(service)) {
      series.need_mask[base + function / 64] |= std::uint64_t{1} << (function % 64);
    }
  }
  return series;
}

LevelEvaluator::LevelEvaluator(const SimNetwork& net, const ServiceSeries& series,
                               CheckpointGrid grid)
    : net_(net), series_(series), grid_(grid) {
  const std::uint32_t nodes = net.topology->NodeCount();
  sets_.Reset(nodes);
  element_first_.assign(nodes, kNone);
  link_first_.assign(net.topology->EdgeCount(), kNone);
  edge_stamp_.assign(net.topology->EdgeCount(), 0);
  root_stamp_.assign(nodes, 0);
  root_mask_.assign(static_cast<std::size_t>(nodes) * series.words, 0);
  changed_.assign(grid.count + 1, 0);
  while (tree_size_ < grid.count) tree_size_ *= 2;
  tree_.resize(2 * static_cast<std::size_t>(tree_size_));
}

bool LevelEvaluator::ElementUp(ElementIndex element, std::uint32_t checkpoint) const {
  std::uint32_t at = element_first_[element];
  if (at == kNone) return true;
  for (; at < element_spans_.size() && element_spans_[at].target == element; ++at) {
    if (element_spans_[at].first <= checkpoint && checkpoint < element_spans_[at].last)
      return false;
  }
  return true;
}

void LevelEvaluator::UniteEdge(EdgeId edge) {
  const Edge ends = net_.topology->Ends(edge);
  if (ends.a != ends.b) sets_.Unite(ends.a, ends.b);
}

void LevelEvaluator::Leaf(std::uint32_t checkpoint, TrialLevels& out) {
  const std::uint32_t count = grid_.count;
  const std::size_t series_count = series_.SeriesCount();
  if (checkpoint > 0 && !changed_[checkpoint]) {
    for (std::size_t index = 0; index < series_count; ++index) {
      out.weight_up[index * count + checkpoint] = out.weight_up[index * count + checkpoint - 1];
      out.services_up[index * count + checkpoint] = out.services_up[index * count + checkpoint - 1];
    }
    for (std::uint32_t followed : last_down_) ++out.down_checkpoints[followed];
    return;
  }
  const std::uint32_t words = series_.words;
  ++leaf_stamp_;
  const ServiceDemand& demand = net_.demand;
  for (std::size_t function = 0; function < demand.functions.size(); ++function) {
    for (NodeId instance : demand.instances[function]) {
      if (!ElementUp(instance, checkpoint)) continue;
      const std::uint32_t root = sets_.Find(instance);
      std::uint64_t* mask = &root_mask_[static_cast<std::size_t>(root) * words];
      if (root_stamp_[root] != leaf_stamp_) {
        root_stamp_[root] = leaf_stamp_;
        std::fill(mask, mask + words, 0);
      }
      mask[function / 64] |= std::uint64_t{1} << (function % 64);
    }
  }
  // While the network only heals, a service that is up stays up: only the
  // services down at the previous checkpoint need a look.
  const bool incremental = monotone_ && checkpoint > 0;
  if (incremental) {
    for (std::size_t index = 0; index < series_count; ++index) {
      out.weight_up[index * count + checkpoint] = out.weight_up[index * count + checkpoint - 1];
      out.services_up[index * count + checkpoint] = out.services_up[index * count + checkpoint - 1];
    }
    candidates_.swap(last_down_);
  }
  last_down_.clear();
  const Network& network = *net_.network;
  const auto total = static_cast<std::uint32_t>(incremental ? candidates_.size() : series_.services.size());
  for (std::uint32_t position = 0; position < total; ++position) {
    const std::uint32_t followed = incremental ? candidates_[position] : position;
    const Service& service = network.services[series_.services[followed]];
    const std::uint64_t* need = &series_.need_mask[static_cast<std::size_t>(followed) * words];
    bool up = false;
    for (ElementIndex attachment : service.attach) {
      if (!ElementUp(attachment, checkpoint)) continue;
      const std::uint32_t root = sets_.Find(attachment);
      bool all = true;
      if (root_stamp_[root] != leaf_stamp_) {
        for (std::uint32_t word = 0; word < words; ++word) all = all && need[word] == 0;
      } else {
        const std::uint64_t* have = &root_mask_[static_cast<std::size_t>(root) * words];
        for (std::uint32_t word = 0; word < words; ++word)
          all = all && (need[word] & ~have[word]) == 0;
      }
      if (all) {
        up = true;
        break;
      }
    }
    if (up) {
      const std::size_t index = series_.series_of[followed];
      out.weight_up[checkpoint] += service.weight;
      out.weight_up[index * count + checkpoint] += service.weight;
      ++out.services_up[checkpoint];
      ++out.services_up[index * count + checkpoint];
    } else {
      last_down_.push_back(followed);
      ++out.down_checkpoints[followed];
    }
  }
}

void LevelEvaluator::Walk(std::uint32_t node, std::uint32_t lo, std::uint32_t hi,
                          TrialLevels& out) {
  if (lo >= grid_.count) return;
  const std::size_t mark = sets_.Mark();
  for (EdgeId edge : tree_[node]) UniteEdge(edge);
  if (hi - lo == 1) {
    Leaf(lo, out);
  } else {
    const std::uint32_t mid = lo + (hi - lo) / 2;
    Walk(2 * node, lo, mid, out);
    Walk(2 * node + 1, mid, hi, out);
  }
  sets_.Rollback(mark);
}

void LevelEvaluator::Evaluate(std::span<const DownSpan> elements, std::span<const DownSpan> links,
                              bool force_general, TrialLevels& out) {
  const Topology& topology = *net_.topology;
  const std::uint32_t count = grid_.count;
  const std::size_t series_count = series_.SeriesCount();
  out.weight_up.assign(series_count * count, 0.0);
  out.services_up.assign(series_count * count, 0);
  out.down_checkpoints.assign(series_.services.size(), 0);

  element_spans_ = elements;
  std::fill(changed_.begin(), changed_.end(), 0);
  bool heals_only = true;
  for (std::uint32_t at = 0; at < elements.size(); ++at) {
    const DownSpan& span = elements[at];
    if (at == 0 || elements[at - 1].target != span.target) element_first_[span.target] = at;
    changed_[span.first] = 1;
    changed_[span.last] = 1;
    heals_only = heals_only && span.first == 0;
  }
  for (std::uint32_t at = 0; at < links.size(); ++at) {
    const DownSpan& span = links[at];
    if (at == 0 || links[at - 1].target != span.target) link_first_[span.target] = at;
    changed_[span.first] = 1;
    changed_[span.last] = 1;
    heals_only = heals_only && span.first == 0;
  }
  if (force_general) heals_only = false;

  // Edges touched by the trial: those of a down link or with a down end.
  if (++trial_stamp_ == 0) {
    std::fill(edge_stamp_.begin(), edge_stamp_.end(), 0);
    trial_stamp_ = 1;
  }
  std::vector<EdgeId>& touched = touched_;
  touched.clear();
  for (std::uint32_t at = 0; at < elements.size(); ++at) {
    if (at > 0 && elements[at - 1].target == elements[at].target) continue;
    for (EdgeId edge : topology.ArcEdges(elements[at].target)) {
      if (edge_stamp_[edge] != trial_stamp_) {
        edge_stamp_[edge] = trial_stamp_;
        touched.push_back(edge);
      }
    }
  }
  for (const DownSpan& span : links) {
    if (edge_stamp_[span.target] != trial_stamp_) {
      edge_stamp_[span.target] = trial_stamp_;
      touched.push_back(span.target);
    }
  }
  // (The order in which touched edges are united does not change which
  // nodes end up connected, so they are not sorted.)

  // The untouched edges, united once. Many hazards touch the same edges in
  // every trial (a vendor's equipment, the k most central elements): then the
  // flattened union-find of the previous trial is reused as it is.
  if (touched != base_touched_ || !has_base_) {
    sets_.Reset(topology.NodeCount());
    for (EdgeId edge = 0; edge < topology.EdgeCount(); ++edge) {
      if (edge_stamp_[edge] != trial_stamp_) UniteEdge(edge);
    }
    sets_.Flatten();
    sets_.Save(base_);
    base_touched_ = touched;
    has_base_ = true;
  } else {
    sets_.Restore(base_);
  }

  // Each touched edge's down spans: the union of its link's and its ends'.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> down;
  auto collect = [&](std::span<const DownSpan> spans, const std::vector<std::uint32_t>& first,
                     std::uint32_t target) {
    for (std::uint32_t at = first[target]; at < spans.size() && spans[at].target == target; ++at) {
      down.emplace_back(spans[at].first, spans[at].last);
    }
  };
  // Healing only: each touched edge comes back at one checkpoint; bucket the
  // edges by it (counting sort into heal_edges_).
  heal_pairs_.clear();
  for (EdgeId edge : touched) {
    down.clear();
    const Edge ends = topology.Ends(edge);
    collect(links, link_first_, edge);
    collect(elements, element_first_, ends.a);
    collect(elements, element_first_, ends.b);
    if (heals_only) {
      std::uint32_t back = 0;
      for (const auto& range : down) back = std::max(back, range.second);
      if (back < count) heal_pairs_.emplace_back(back, edge);
      continue;
    }
    // Up ranges: the gaps between the merged down ranges, inserted into the tree.
    std::sort(down.begin(), down.end());
    std::uint32_t cursor = 0;
    auto insert = [&](std::uint32_t lo, std::uint32_t hi) {
      for (lo += tree_size_, hi += tree_size_; lo < hi; lo /= 2, hi /= 2) {
        if (lo & 1U) tree_[lo++].push_back(edge);
        if (hi & 1U) tree_[--hi].push_back(edge);
      }
    };
    for (const auto& [first, last] : down) {
      if (first > cursor) insert(cursor, first);
      cursor = std::max(cursor, last);
    }
    if (cursor < count) insert(cursor, count);
  }

  last_down_.clear();
  monotone_ = heals_only;
  if (heals_only) {
    heal_offsets_.assign(count + 1, 0);
    for (const auto& [back, edge] : heal_pairs_) ++heal_offsets_[back + 1];
    for (std::uint32_t checkpoint = 0; checkpoint < count; ++checkpoint) {
      heal_offsets_[checkpoint + 1] += heal_offsets_[checkpoint];
    }
    heal_edges_.resize(heal_pairs_.size());
    std::vector<std::uint32_t>& fill = heal_fill_;
    fill.assign(heal_offsets_.begin(), heal_offsets_.end() - 1);
    for (const auto& [back, edge] : heal_pairs_) heal_edges_[fill[back]++] = edge;
    for (std::uint32_t checkpoint = 0; checkpoint < count; ++checkpoint) {
      for (std::uint32_t at = heal_offsets_[checkpoint]; at < heal_offsets_[checkpoint + 1]; ++at) {
        UniteEdge(heal_edges_[at]);
      }
      Leaf(checkpoint, out);
    }
  } else {
    Walk(1, 0, tree_size_, out);
    for (auto& node : tree_) node.clear();
  }

  for (const DownSpan& span : elements) element_first_[span.target] = kNone;
  for (const DownSpan& span : links) link_first_[span.target] = kNone;
  element_spans_ = {};
}

}  // namespace redoubt
