#include "sim/recovery.hpp"

#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <numeric>
#include <queue>
#include <tuple>

#include "core/geo.hpp"
#include "io/node_reader.hpp"
#include "sim/nearest_places.hpp"

namespace redoubt {

namespace {

constexpr std::array<std::string_view, 3> kPriorityNames = {"critical-first", "weight-first",
                                                            "nearest-first"};

std::vector<std::string_view> RepairKeys() {
  std::vector<std::string_view> keys = {"default", "link"};
  for (std::string_view name : DomainNames()) keys.push_back(name);
  for (std::string_view name : MediumNames()) keys.push_back(name);
  for (const KindInfo& info : BuiltinKinds()) keys.push_back(info.name);
  return keys;
}

}  // namespace

std::optional<RecoverySpec> ReadRecovery(const Node& node, const SourceFile& source,
                                         Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.ErrorCount();
  MapReader reader(node, source, diagnostics, "recovery",
                   {"crews", "repair_hours", "replace_days", "priority", "travel_kmh"});
  if (!reader.ok()) return std::nullopt;
  RecoverySpec spec;
  const NumberBounds count_bounds{.min = 0, .max = 1e7, .integer = true};
  if (const Node* crews = reader.Get("crews", Need::kRequired)) {
    if (crews->IsMap()) {
      MapReader crew_reader(*crews, source, diagnostics, "crews of recovery",
                            {"count", "by_region"});
      spec.crews = static_cast<std::uint32_t>(
          crew_reader.Number("count", Need::kOptional, count_bounds).value_or(0));
      if (const Node* by_region = crew_reader.Get("by_region")) {
        if (!by_region->IsMap()) {
          crew_reader.Error(*by_region, "'by_region' of crews must map region names to crew counts",
                            "write by_region: {London: 6, Scotland: 3}");
        } else {
          for (const Field& field : by_region->fields) {
            if (auto count = ReadNumber(field.value, source, diagnostics,
                                        fmt::format("crews of region '{}'", field.key),
                                        {.min = 1, .max = 1e7, .integer = true})) {
              spec.crews_by_region.emplace_back(field.key, static_cast<std::uint32_t>(*count));
            }
          }
        }
      }
    } else {
      spec.crews = static_cast<std::uint32_t>(
          reader.Number("crews", Need::kRequired, count_bounds).value_or(0));
    }
  }
  if (const Node* repair = reader.Get("repair_hours", Need::kRequired)) {
    if (LooksLikeDistribution(*repair)) {
      if (auto distribution =
              ReadDistribution(*repair, source, diagnostics, "'repair_hours' of recovery")) {
        spec.repair = *distribution;
      }
    } else if (!repair->IsMap()) {
      reader.Error(*repair, "'repair_hours' of recovery must be a distribution or a table by kind",
                   "write repair_hours: 6, or {lognormal: {median: 6, sigma: 0.6}}, or "
                   "{default: 6, gnb: 8, fiber: 12}");
    } else {
      const std::vector<std::string_view> keys = RepairKeys();
      bool has_default = false;
      for (const Field& field : repair->fields) {
        const bool known = std::find(keys.begin(), keys.end(), field.key) != keys.end();
        if (!known) {
          diagnostics.Warning(source.LocationOf(field.key_offset),
                              fmt::format("'{}' in repair_hours is not a built-in kind, domain or "
                                          "medium; it applies only to a custom kind of that name",
                                          field.key),
                              SuggestionHint(field.key, keys));
        }
        auto distribution = ReadDistribution(field.value, source, diagnostics,
                                             fmt::format("repair_hours of '{}'", field.key));
        if (!distribution) continue;
        if (field.key == "default") {
          has_default = true;
          spec.repair = *distribution;
        } else {
          spec.repair_by.emplace_back(field.key, *distribution);
        }
      }
      if (!has_default) {
        reader.Error(*repair, "'repair_hours' table of recovery has no 'default'",
                     "add default: <hours> for the kinds not listed");
      }
    }
  }
  spec.replace_hours =
      24.0 * reader.Number("replace_days", Need::kOptional, {.min = 0}).value_or(0);
  spec.travel_kmh =
      reader.Number("travel_kmh", Need::kOptional, {.min = 0, .exclusive_min = true}).value_or(0);
  if (const Node* priority = reader.Get("priority")) {
    if (priority->IsMap()) {
      MapReader order(*priority, source, diagnostics, "priority of recovery", {"order"});
      if (auto ids = order.StringList("order", Need::kRequired)) spec.order = *ids;
      spec.priority = Priority::kOrder;
    } else if (auto choice = reader.Choice("priority", kPriorityNames)) {
      spec.priority = static_cast<Priority>(*choice);
    }
  }
  if (diagnostics.ErrorCount() != errors_before) return std::nullopt;
  return spec;
}

RecoveryModel::RecoveryModel(const RecoverySpec& spec, const SimNetwork& net,
                             std::vector<std::string>& notes)
    : replace_hours_(spec.replace_hours),
      travel_kmh_(spec.travel_kmh),
      nearest_(spec.priority == Priority::kNearestFirst) {
  const Network& network = *net.network;
  element_count_ = static_cast<std::uint32_t>(network.elements.size());
  const std::size_t slots = network.elements.size() + network.links.size();

  // Pools: 0 = the shared crews, then one per region with its own crews.
  pools_.push_back(spec.crews);
  absl::flat_hash_map<StringId, std::uint32_t> pool_of_region;
  for (const auto& [region, count] : spec.crews_by_region) {
    const auto id = network.strings->Find(region);
    bool used = false;
    if (id) {
      for (const Site& site : network.sites) used = used || site.region == *id;
    }
    if (!used) {
      notes.push_back(
          fmt::format("recovery: no site in region '{}'; its {} crews stand idle", region, count));
      continue;
    }
    pool_of_region.emplace(*id, static_cast<std::uint32_t>(pools_.size()));
    pools_.push_back(count);
  }
  auto region_pool = [&](SiteIndex site) -> std::uint32_t {
    std::uint32_t pool = 0;
    if (site != kNone) {
      auto found = pool_of_region.find(network.sites[site].region);
      if (found != pool_of_region.end()) pool = found->second;
    }
    return pools_[pool] == 0 ? kNone : pool;
  };
  auto site_of_link = [&](const Link& link) {
    const SiteIndex site = network.elements[link.a].site;
    return site != kNone ? site : network.elements[link.b].site;
  };

  // Repair-time distributions: 0 = default, then one per table entry.
  distributions_.push_back(spec.repair);
  absl::flat_hash_map<std::string_view, std::uint16_t> by_name;
  for (const auto& [name, distribution] : spec.repair_by) {
    by_name.emplace(name, static_cast<std::uint16_t>(distributions_.size()));
    distributions_.push_back(distribution);
  }
  auto lookup = [&](std::string_view first, std::string_view second) -> std::uint16_t {
    if (auto found = by_name.find(first); found != by_name.end()) return found->second;
    if (auto found = by_name.find(second); found != by_name.end()) return found->second;
    return 0;
  };

  pool_of_.resize(slots);
  distribution_of_.resize(slots);
  place_.resize(slots);
  for (ElementIndex element = 0; element < network.elements.size(); ++element) {
    const Element& record = network.elements[element];
    pool_of_[element] = region_pool(record.site);
    distribution_of_[element] = lookup(network.kinds[record.kind].name, Name(record.domain));
    if (record.site != kNone && network.sites[record.site].HasCoordinates()) {
      place_[element] = {network.sites[record.site].lat, network.sites[record.site].lon, true};
    }
  }
  for (LinkIndex link = 0; link < network.links.size(); ++link) {
    const Link& record = network.links[link];
    const std::size_t slot = element_count_ + link;
    pool_of_[slot] = region_pool(site_of_link(record));
    distribution_of_[slot] = lookup(Name(record.medium), "link");
    // A link is worked on from its first end that has a known place.
    place_[slot] = place_[record.a].known ? place_[record.a] : place_[record.b];
  }

  // Static priority positions.
  std::vector<std::uint32_t> order(slots);
  std::iota(order.begin(), order.end(), 0U);
  auto weight = [&](std::uint32_t slot) {
    return slot < element_count_ ? net.criticality.element_weight[slot]
                                 : net.criticality.link_weight[slot - element_count_];
  };
  auto rank = [&](std::uint32_t slot) {
    return slot < element_count_ ? net.criticality.element_rank[slot]
                                 : net.criticality.link_rank[slot - element_count_];
  };
  std::vector<std::uint32_t> listed(slots, kNone);
  if (spec.priority == Priority::kOrder) {
    absl::flat_hash_map<std::string_view, std::uint32_t> link_by_id;
    for (LinkIndex link = 0; link < network.links.size(); ++link) {
      if (network.links[link].id != kNoString)
        link_by_id.emplace(network.Str(network.links[link].id), link);
    }
    std::uint32_t next = 0;
    for (const std::string& id : spec.order) {
      const ElementIndex element = network.FindElement(id);
      if (element != kNone) {
        if (listed[element] == kNone) listed[element] = next++;
      } else if (auto link = link_by_id.find(id); link != link_by_id.end()) {
        if (listed[element_count_ + link->second] == kNone)
          listed[element_count_ + link->second] = next++;
      } else {
        notes.push_back(
            fmt::format("recovery: priority order names '{}', which is not in this network", id));
      }
    }
  }
  const bool weight_first = spec.priority == Priority::kWeightFirst;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (listed[a] != listed[b]) return listed[a] < listed[b];
    if (weight_first && weight(a) != weight(b)) return weight(a) > weight(b);
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    if (weight(a) != weight(b)) return weight(a) > weight(b);
    return a < b;
  });
  position_.resize(slots);
  for (std::uint32_t at = 0; at < slots; ++at) position_[order[at]] = at;

  std::uint64_t total_crews = 0;
  for (std::uint32_t count : pools_) total_crews += count;
  if (total_crews == 0) {
    notes.push_back("recovery: no crews; nothing is repaired");
    pools_.clear();
  }
}

std::vector<RepairJob> RecoveryModel::Schedule(const std::vector<RepairFailure>& failures,
                                               double horizon_hours, Rng& rng) const {
  std::vector<RepairJob> jobs;
  if (pools_.empty()) {
    for (const RepairFailure& failure : failures) {
      if (!jobs.empty() && jobs.back().link == failure.link && jobs.back().target == failure.target)
        continue;
      jobs.push_back({.target = failure.target,
                      .link = failure.link,
                      .replace = failure.replace,
                      .failed_hours = failure.failed_hours,
                      .ready_hours = failure.failed_hours + LeadHours(failure.replace)});
    }
    return jobs;
  }
  std::vector<double> draws(failures.size());
  for (std::size_t index = 0; index < failures.size(); ++index) {
    const RepairFailure& failure = failures[index];
    draws[index] = distributions_[distribution_of_[Slot(failure.link, failure.target)]].Sample(rng);
  }
  // Each target's failures are contiguous: its group is its first failure.
  std::vector<std::uint32_t> group(failures.size());
  for (std::uint32_t index = 0; index < failures.size(); ++index) {
    const bool same = index > 0 && failures[index - 1].link == failures[index].link &&
                      failures[index - 1].target == failures[index].target;
    group[index] = same ? group[index - 1] : index;
  }
  std::vector<std::vector<std::uint32_t>> members(pools_.size());
  std::vector<RepairJob> stranded;  // targets no crew may serve: down for good
  for (std::uint32_t index = 0; index < failures.size(); ++index) {
    const RepairFailure& failure = failures[index];
    const std::uint32_t pool = pool_of_[Slot(failure.link, failure.target)];
    if (pool != kNone) {
      members[pool].push_back(index);
    } else if (stranded.empty() || stranded.back().link != failure.link ||
               stranded.back().target != failure.target) {
      stranded.push_back({.target = failure.target,
                          .link = failure.link,
                          .replace = failure.replace,
                          .failed_hours = failure.failed_hours,
                          .ready_hours = failure.failed_hours + LeadHours(failure.replace)});
    }
  }
  jobs = std::move(stranded);
  PoolScratch scratch;
  scratch.open_job.assign(failures.size(), kNone);
  scratch.version.assign(jobs.size(), 0);
  scratch.dispatched.assign(jobs.size(), 1);  // stranded jobs are never scheduled
  for (std::size_t pool = 0; pool < pools_.size(); ++pool) {
    if (!members[pool].empty())
      SchedulePool(failures, draws, group, members[pool], pools_[pool], horizon_hours, jobs,
                   scratch);
  }
  std::sort(jobs.begin(), jobs.end(), [](const RepairJob& a, const RepairJob& b) {
    if (a.link != b.link) return !a.link;
    if (a.target != b.target) return a.target < b.target;
    return a.failed_hours < b.failed_hours;
  });
  return jobs;
}

// An event loop over one pool: failures arrive in time order, jobs become
// ready, crews are dispatched. `clock` only moves forward, and every failure
// and ready time at or before it is taken in before a crew is dispatched at
// it, so a crew never starts a job before the job is ready.
void RecoveryModel::SchedulePool(const std::vector<RepairFailure>& failures,
                                 const std::vector<double>& draws,
                                 const std::vector<std::uint32_t>& group,
                                 std::vector<std::uint32_t>& members, std::uint32_t crews,
                                 double horizon_hours, std::vector<RepairJob>& jobs,
                                 PoolScratch& scratch) const {
  // Failures in time order; ties in (link, target) order, as given. Hazards
  // mostly strike at one moment, so the order is checked before sorting.
  auto by_time = [&](std::uint32_t a, std::uint32_t b) {
    return failures[a].failed_hours < failures[b].failed_hours;
  };
  if (!std::is_sorted(members.begin(), members.end(), by_time)) {
    std::stable_sort(members.begin(), members.end(), by_time);
  }
  // open_job: the job each target has open (waiting or worked on), by group;
  // version (bumped when a job's ready time moves) and dispatched: per job.
  // Shared by the pools of one Schedule call: their groups and jobs are disjoint.
  std::vector<std::size_t>& open_job = scratch.open_job;
  std::vector<std::uint32_t>& version = scratch.version;
  std::vector<std::uint8_t>& dispatched = scratch.dispatched;
  version.resize(jobs.size(), 0);
  dispatched.resize(jobs.size(), 1);
  std::vector<std::uint32_t>& place_of_job = scratch.place;
  std::vector<std::uint8_t>& indexed = scratch.indexed;
  place_of_job.resize(jobs.size(), kNone);
  indexed.resize(jobs.size(), 0);
  // Jobs not ready yet: (ready, job, version). A job opened by a failure is
  // ready at failure + a lead time that is the same for all replacements (and
  // 0 for the rest); as failures arrive in time order, these go to two queues
  // already in ready order (first-in first-out). Jobs whose ready time moved
  // (merged, or follow-ups) go to a heap.
  using Pending = std::tuple<double, std::size_t, std::uint32_t>;
  std::array<std::vector<Pending>, 2> in_order;  // [replace]
  std::array<std::size_t, 2> in_order_next = {0, 0};
  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> moved;
  // Ready jobs: a min-heap by (priority position, job, version), with stale
  // entries skipped when they surface. Nearest-first also keeps them by
  // place: a heap per distinct place, in a spatial index counting the live
  // jobs at each, and a heap of jobs with no known place (or, as the
  // reference, a list it scans).
  using Waiting = std::tuple<std::uint32_t, std::size_t, std::uint32_t>;
  std::vector<Waiting> waiting;
  std::vector<std::pair<std::size_t, std::uint32_t>> waiting_list;
  const bool indexed_nearest = nearest_ && !nearest_scan_;
  std::vector<NearestPlaces::LatLon> places;
  absl::flat_hash_map<std::uint32_t, std::uint32_t> place_of_slot;
  if (indexed_nearest) {
    absl::flat_hash_map<std::pair<std::uint64_t, std::uint64_t>, std::uint32_t> by_coordinates;
    for (std::uint32_t failure : members) {
      const std::uint32_t slot = Slot(failures[failure].link, failures[failure].target);
      const Place& at = place_[slot];
      if (!at.known || place_of_slot.contains(slot)) continue;
      const auto key = std::make_pair(std::bit_cast<std::uint64_t>(at.lat),
                                      std::bit_cast<std::uint64_t>(at.lon));
      const auto [found, added] =
          by_coordinates.try_emplace(key, static_cast<std::uint32_t>(places.size()));
      if (added) places.push_back({at.lat, at.lon});
      place_of_slot.emplace(slot, found->second);
    }
  }
  NearestPlaces index(places);
  std::vector<std::vector<Waiting>> at_place(places.size());
  std::vector<Waiting> unplaced;
  std::vector<std::uint32_t> candidates;
  auto stale = [&](std::size_t job, std::uint32_t stamp) {
    return dispatched[job] != 0 || version[job] != stamp;
  };
  // Takes a job out of the index when it is dispatched or no longer ready.
  auto unindex = [&](std::size_t job) {
    if (indexed[job] != 0) index.Deactivate(place_of_job[job]);
    indexed[job] = 0;
  };
  auto open = [&](std::uint32_t failure, double ready) {
    const RepairFailure& cause = failures[failure];
    const std::size_t job = jobs.size();
    jobs.push_back({.target = cause.target,
                    .link = cause.link,
                    .replace = cause.replace,
                    .failed_hours = cause.failed_hours,
                    .ready_hours = ready,
                    .repair_hours = draws[failure]});
    version.push_back(0);
    dispatched.push_back(0);
    indexed.push_back(0);
    const std::uint32_t slot = Slot(cause.link, cause.target);
    const auto placed = indexed_nearest ? place_of_slot.find(slot) : place_of_slot.end();
    place_of_job.push_back(placed != place_of_slot.end() ? placed->second : kNone);
    open_job[group[failure]] = job;
    if (ready == cause.failed_hours + LeadHours(cause.replace)) {
      in_order[cause.replace ? 1 : 0].emplace_back(ready, job, 0);
    } else {
      moved.emplace(ready, job, 0);
    }
  };
  auto arrive = [&](std::uint32_t failure) {
    const RepairFailure& cause = failures[failure];
    const double ready = cause.failed_hours + LeadHours(cause.replace);
    const std::size_t current = open_job[group[failure]];
    if (current == kNone) return open(failure, ready);
    RepairJob& job = jobs[current];
    if (dispatched[current] != 0) {
      if (job.done_hours <= cause.failed_hours) return open(failure, ready);  // it was up again
      return open(failure, std::max(job.done_hours, ready));                  // hit while worked on
    }
    job.replace = job.replace || cause.replace;
    if (ready > job.ready_hours) {
      job.ready_hours = ready;
      moved.emplace(ready, current, ++version[current]);
      unindex(current);  // waiting again
    }
  };
  std::size_t next = 0;  // next failure in `members`
  // The earliest pending entry (stale ones included): its queue (0, 1: in
  // order; 2: moved) and ready time; kNever when none.
  auto earliest = [&]() -> std::pair<int, double> {
    std::pair<int, double> best = {-1, kNever};
    for (int queue = 0; queue < 2; ++queue) {
      if (in_order_next[queue] < in_order[queue].size()) {
        const double ready = std::get<0>(in_order[queue][in_order_next[queue]]);
        if (ready < best.second) best = {queue, ready};
      }
    }
    if (!moved.empty() && std::get<0>(moved.top()) < best.second) {
      best = {2, std::get<0>(moved.top())};
    }
    return best;
  };
  auto take = [&](int queue) {
    if (queue == 2) {
      const Pending entry = moved.top();
      moved.pop();
      return entry;
    }
    return in_order[queue][in_order_next[queue]++];
  };
  // Takes in every failure and ready time up to `time`. A large batch of
  // ready jobs is heapified at once (O(batch)) rather than pushed one by one.
  auto advance = [&](double time) {
    const std::size_t before = waiting.size();
    while (true) {
      const double failure_at =
          next < members.size() ? failures[members[next]].failed_hours : kNever;
      const auto [queue, ready_at] = earliest();
      if (failure_at <= time && failure_at <= ready_at) {
        arrive(members[next++]);
      } else if (ready_at <= time) {
        const auto [ready, job, stamp] = take(queue);
        if (stale(job, stamp)) continue;
        const std::uint32_t position = position_[Slot(jobs[job].link, jobs[job].target)];
        if (nearest_scan_ && nearest_) {
          waiting_list.emplace_back(job, stamp);
          continue;
        }
        waiting.emplace_back(position, job, stamp);
        if (!indexed_nearest) continue;
        const std::uint32_t place = place_of_job[job];
        std::vector<Waiting>& heap = place != kNone ? at_place[place] : unplaced;
        heap.emplace_back(position, job, stamp);
        std::push_heap(heap.begin(), heap.end(), std::greater<>());
        if (place != kNone) {
          index.Activate(place);
          indexed[job] = 1;
        }
      } else {
        break;
      }
    }
    if (waiting.size() - before > before) {
      std::make_heap(waiting.begin(), waiting.end(), std::greater<>());
    } else {
      for (std::size_t at = before + 1; at <= waiting.size(); ++at) {
        std::push_heap(waiting.begin(), waiting.begin() + static_cast<std::ptrdiff_t>(at),
                       std::greater<>());
      }
    }
  };
  // The next time something happens while no job is ready (kNever: nothing will).
  auto next_event = [&] {
    while (true) {
      const auto [queue, ready_at] = earliest();
      if (queue < 0) break;
      const Pending& top = queue == 2 ? moved.top() : in_order[queue][in_order_next[queue]];
      if (!stale(std::get<1>(top), std::get<2>(top))) break;
      (void)take(queue);
    }
    const double failure_at = next < members.size() ? failures[members[next]].failed_hours : kNever;
    return std::min(failure_at, earliest().second);
  };

  // Crews: (free at, crew number), earliest first.
  using CrewEntry = std::pair<double, std::uint32_t>;
  std::priority_queue<CrewEntry, std::vector<CrewEntry>, std::greater<>> free_crews;
  const std::uint32_t active =
      std::min<std::uint32_t>(crews, static_cast<std::uint32_t>(members.size()));
  for (std::uint32_t crew = 0; crew < active; ++crew) free_crews.emplace(0.0, crew);
  std::vector<Place> crew_place(active);
  double clock = 0;
  while (!free_crews.empty()) {
    const auto [free_at, crew] = free_crews.top();
    clock = std::max(clock, free_at);
    if (clock > horizon_hours) break;
    advance(clock);
    std::size_t chosen = kNone;
    // The live entry at the top of a heap of Waiting, stale ones dropped;
    // kNone when none is left.
    auto top_of = [&](std::vector<Waiting>& heap) -> const Waiting* {
      while (!heap.empty() && stale(std::get<1>(heap.front()), std::get<2>(heap.front()))) {
        std::pop_heap(heap.begin(), heap.end(), std::greater<>());
        heap.pop_back();
      }
      return heap.empty() ? nullptr : &heap.front();
    };
    const Place& from = crew_place[crew];
    if (nearest_scan_ && nearest_) {
      // The reference: the least (km, position) over every waiting job.
      std::erase_if(waiting_list,
                    [&](const auto& entry) { return stale(entry.first, entry.second); });
      std::size_t best = kNone;
      double best_km = kNever;
      std::uint32_t best_position = 0;
      for (std::size_t at = 0; at < waiting_list.size(); ++at) {
        const RepairJob& job = jobs[waiting_list[at].first];
        const Place& to = place_[Slot(job.link, job.target)];
        const double km =
            !from.known ? 0.0
                        : (!to.known ? kNever : HaversineKm(from.lat, from.lon, to.lat, to.lon));
        const std::uint32_t position = position_[Slot(job.link, job.target)];
        if (best == kNone || km < best_km || (km == best_km && position < best_position)) {
          best = at;
          best_km = km;
          best_position = position;
        }
      }
      if (best != kNone) {
        chosen = waiting_list[best].first;
        waiting_list[best] = waiting_list.back();
        waiting_list.pop_back();
      }
    } else if (indexed_nearest && from.known) {
      // The same choice: every place at the least distance is a candidate,
      // each offering its least position; places unknown come last.
      index.Nearest(from.lat, from.lon, candidates);
      double best_km = kNever;
      std::uint32_t best_position = 0;
      for (std::uint32_t place : candidates) {
        const Waiting* top = top_of(at_place[place]);
        if (top == nullptr) continue;  // cannot happen: the index counts live jobs only
        const double km = HaversineKm(from.lat, from.lon, places[place].lat, places[place].lon);
        if (chosen == kNone || km < best_km ||
            (km == best_km && std::get<0>(*top) < best_position)) {
          chosen = std::get<1>(*top);
          best_km = km;
          best_position = std::get<0>(*top);
        }
      }
      if (chosen == kNone) {
        if (const Waiting* top = top_of(unplaced)) chosen = std::get<1>(*top);
      }
    } else {
      // Least position first (and nearest-first for a crew that has not
      // worked yet, from where every job is as near).
      if (const Waiting* top = top_of(waiting)) chosen = std::get<1>(*top);
    }
    if (chosen != kNone && indexed_nearest) unindex(chosen);
    if (chosen == kNone) {
      const double when = next_event();
      if (when == kNever) break;
      clock = when;
      continue;
    }
    RepairJob& job = jobs[chosen];
    dispatched[chosen] = 1;
    const Place& to = place_[Slot(job.link, job.target)];
    double travel = 0;
    if (travel_kmh_ > 0 && crew_place[crew].known && to.known) {
      travel =
          HaversineKm(crew_place[crew].lat, crew_place[crew].lon, to.lat, to.lon) / travel_kmh_;
    }
    job.start_hours = clock;
    job.done_hours = clock + travel + job.repair_hours;
    if (to.known) crew_place[crew] = to;
    free_crews.pop();
    free_crews.emplace(job.done_hours, crew);
  }
  // Failures after the crews stopped (past the horizon) still open or join a job.
  while (next < members.size()) arrive(members[next++]);
}

}  // namespace redoubt
