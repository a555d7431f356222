#include "sim/simulation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <chrono>
#include <thread>

#include "analysis/exposure_summary.hpp"

namespace redoubt {

std::unique_ptr<PreparedRun> PrepareRun(const Network& network, const Scenario& scenario,
                                        RunSettings settings) {
  auto run = std::make_unique<PreparedRun>();
  run->settings = settings;
  run->topology = BuildNetworkTopology(network);
  run->net.network = &network;
  run->net.topology = &run->topology.topology;
  run->net.demand = BuildServiceDemand(network);
  run->net.criticality = ComputeCriticality(network, run->topology.topology, run->net.demand);
  run->net.seed = settings.seed;
  run->grid = {scenario.horizon_hours, scenario.checkpoints};
  run->hazard = scenario.hazard->Bind(run->net, run->notes);
  if (scenario.recovery) run->recovery = RecoveryModel(*scenario.recovery, run->net, run->notes);

  const BitVector up = ServicesUp(network, run->topology.topology, run->net.demand);
  std::vector<ServiceIndex> followed;
  for (ServiceIndex service = 0; service < network.services.size(); ++service) {
    (up.Test(service) ? followed : run->down_at_start).push_back(service);
  }
  run->series = BuildServiceSeries(network, run->net.demand, followed);
  for (ServiceIndex service : followed) {
    run->regions.emplace_back(ServiceRegion(network, network.services[service]));
  }
  std::vector<std::string> names = run->regions;
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (const std::string& region : run->regions) {
    run->region_of.push_back(static_cast<std::uint32_t>(
        std::lower_bound(names.begin(), names.end(), region) - names.begin()));
  }
  run->regions = std::move(names);
  return run;
}

namespace {

// Merged [down, up) intervals of one target, in hours, to checkpoint spans.
void AppendSpans(std::uint32_t target, std::vector<std::pair<double, double>>& intervals,
                 const CheckpointGrid& grid, std::vector<DownSpan>& out) {
  std::sort(intervals.begin(), intervals.end());
  const std::size_t begin = out.size();
  for (const auto& [down, up] : intervals) {
    const std::uint32_t first = grid.FirstAtOrAfter(down);
    const std::uint32_t last = grid.FirstAtOrAfter(up);
    if (first >= last) continue;
    if (out.size() > begin && out.back().last >= first) {
      out.back().last = std::max(out.back().last, last);
    } else {
      out.push_back({target, first, last});
    }
  }
}

// Outages in (link, target, down, needs a crew first, replacement first, up)
// order. Hazards emit them grouped by cause (a substation, a region), not by
// target, and a comparison sort of every element's outage was a quarter of a
// power-cut trial. A stable radix sort on (link, target), then a sort within
// each target's few outages, is linear and gives the same order: the
// comparison below is total up to outages equal in every field.
void SortOutages(std::vector<Outage>& outages) {
  auto less = [](const Outage& a, const Outage& b) {
    if (a.link != b.link) return !a.link;
    if (a.target != b.target) return a.target < b.target;
    if (a.down_hours != b.down_hours) return a.down_hours < b.down_hours;
    if (a.needs_crew != b.needs_crew) return a.needs_crew;
    if (a.replace != b.replace) return a.replace;
    return a.up_hours < b.up_hours;
  };
  if (std::is_sorted(outages.begin(), outages.end(), less)) return;
  if (outages.size() < 256) {
    std::sort(outages.begin(), outages.end(), less);
    return;
  }
  auto key = [](const Outage& outage) {
    return (static_cast<std::uint64_t>(outage.link) << 32) | outage.target;
  };
  std::uint64_t largest = 0;
  for (const Outage& outage : outages) largest = std::max(largest, key(outage));
  constexpr int kBits = 11;
  std::vector<Outage> buffer(outages.size());
  for (int shift = 0; shift < 64 && (largest >> shift) != 0; shift += kBits) {
    std::array<std::size_t, (1U << kBits) + 1> start{};
    for (const Outage& outage : outages)
      ++start[((key(outage) >> shift) & ((1U << kBits) - 1)) + 1];
    for (std::size_t digit = 1; digit < start.size(); ++digit) start[digit] += start[digit - 1];
    for (const Outage& outage : outages)
      buffer[start[(key(outage) >> shift) & ((1U << kBits) - 1)]++] = outage;
    outages.swap(buffer);
  }
  for (std::size_t begin = 0; begin < outages.size();) {
    std::size_t end = begin + 1;
    while (end < outages.size() && key(outages[end]) == key(outages[begin])) ++end;
    if (end - begin > 1) std::sort(outages.begin() + begin, outages.begin() + end, less);
    begin = end;
  }
}

}  // namespace

TrialSpans SampleTrial(const PreparedRun& run, std::uint32_t trial) {
  Rng rng = Rng::ForTrial(run.settings.seed, trial);
  std::vector<Outage> outages;
  run.hazard->Sample(run.net, rng, 0.0, outages);
  SortOutages(outages);
  // Every failure that needs a crew, in (link, target, time) order; the
  // scheduler turns them into jobs (several per target when a target fails
  // again after it was repaired).
  std::vector<RepairFailure> failures;
  for (const Outage& outage : outages) {
    if (!outage.needs_crew) continue;
    failures.push_back({.target = outage.target,
                        .link = outage.link,
                        .replace = outage.replace,
                        .failed_hours = outage.down_hours});
  }
  const std::vector<RepairJob> jobs = run.recovery.Schedule(failures, run.grid.horizon_hours, rng);

  TrialSpans spans;
  std::vector<std::pair<double, double>> intervals;
  std::size_t job = 0;
  for (std::size_t at = 0; at < outages.size();) {
    const bool link = outages[at].link;
    const std::uint32_t target = outages[at].target;
    intervals.clear();
    for (; at < outages.size() && outages[at].link == link && outages[at].target == target; ++at) {
      if (!outages[at].needs_crew)
        intervals.emplace_back(outages[at].down_hours, outages[at].up_hours);
    }
    for (; job < jobs.size() && jobs[job].link == link && jobs[job].target == target; ++job) {
      intervals.emplace_back(jobs[job].failed_hours, jobs[job].done_hours);
    }
    AppendSpans(target, intervals, run.grid, link ? spans.links : spans.elements);
  }
  return spans;
}

TrialRange ShardRange(std::uint32_t trials, std::uint32_t index, std::uint32_t count) {
  assert(index < count);
  auto at = [&](std::uint32_t shard) {
    return static_cast<std::uint32_t>(static_cast<std::uint64_t>(trials) * shard / count);
  };
  return {at(index), at(index + 1)};
}

RunResults RunTrials(const PreparedRun& run, const RunControl& control) {
  const std::uint32_t first = std::min(control.range.first, run.settings.trials);
  const std::uint32_t last = std::max(first, std::min(control.range.last, run.settings.trials));
  const std::uint32_t total = last - first;
  const std::size_t followed = run.series.services.size();
  const std::size_t regions = run.regions.size();
  const std::uint32_t count = run.grid.count;
  const std::size_t series_count = run.series.SeriesCount();
  unsigned threads =
      control.threads != 0 ? control.threads : std::max(1U, std::thread::hardware_concurrency());
  threads = std::max(1U, std::min<unsigned>(threads, std::max(total, 1U)));

  struct Tally {
    std::vector<std::uint64_t> down_trials, down_checkpoints, down_checkpoints_sq, region_hurt;
    std::vector<std::pair<std::uint32_t, TrialOutcome>>
        outcomes;  // in the order this worker ran them
  };
  std::vector<Tally> tallies(threads);
  std::atomic<std::uint32_t> next{0};
  std::atomic<std::uint32_t> finished{0};
  const double step_hours = run.grid.horizon_hours / (count - 1);

  auto work = [&](unsigned worker) {
    Tally& tally = tallies[worker];
    tally.down_trials.assign(followed, 0);
    tally.down_checkpoints.assign(followed, 0);
    tally.down_checkpoints_sq.assign(followed, 0);
    tally.region_hurt.assign(regions, 0);
    LevelEvaluator evaluator(run.net, run.series, run.grid);
    TrialLevels levels;
    std::vector<std::uint8_t> region_hit(regions);
    while (true) {
      if (control.stop != nullptr && control.stop->load(std::memory_order_relaxed)) break;
      const std::uint32_t claimed = next.fetch_add(1);
      if (claimed >= total) break;
      const std::uint32_t trial = first + claimed;
      const TrialSpans spans = SampleTrial(run, trial);
      evaluator.Evaluate(spans.elements, spans.links, control.force_general, levels);
      TrialOutcome& outcome = tally.outcomes.emplace_back(claimed, TrialOutcome{}).second;
      outcome.weight_share.resize(series_count * count);
      outcome.service_share.resize(series_count * count);
      for (std::size_t index = 0; index < series_count; ++index) {
        for (std::uint32_t checkpoint = 0; checkpoint < count; ++checkpoint) {
          const std::size_t cell = index * count + checkpoint;
          outcome.weight_share[cell] = run.series.weight_total[index] > 0
                                           ? levels.weight_up[cell] / run.series.weight_total[index]
                                           : 1.0;
          outcome.service_share[cell] =
              static_cast<double>(levels.services_up[cell]) / run.series.count_total[index];
        }
      }
      outcome.region_loss.assign(regions, 0.0);
      std::fill(region_hit.begin(), region_hit.end(), 0);
      for (std::size_t service = 0; service < followed; ++service) {
        const std::uint64_t down = levels.down_checkpoints[service];
        if (down == 0) continue;
        ++tally.down_trials[service];
        tally.down_checkpoints[service] += down;
        tally.down_checkpoints_sq[service] += down * down;
        const std::uint32_t region = run.region_of[service];
        region_hit[region] = 1;
        outcome.region_loss[region] +=
            run.net.network->services[run.series.services[service]].weight *
            static_cast<double>(down) * step_hours;
      }
      for (std::size_t region = 0; region < regions; ++region)
        tally.region_hurt[region] += region_hit[region];
      finished.fetch_add(1, std::memory_order_release);
    }
  };

  std::vector<std::thread> pool;
  for (unsigned worker = 1; worker < threads; ++worker) pool.emplace_back(work, worker);
  if (control.progress) {
    // The calling thread reports progress; worker 0 runs on a thread of its own.
    pool.emplace_back(work, 0U);
    while (true) {
      const std::uint32_t now = finished.load(std::memory_order_acquire);
      control.progress(now, total);
      if (now >= total) break;
      bool stopping = control.stop != nullptr && control.stop->load(std::memory_order_relaxed);
      if (stopping && now >= std::min(next.load(), total)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  } else {
    work(0);
  }
  for (std::thread& thread : pool) thread.join();

  // Every claimed trial finishes, and trials are claimed in index order, so
  // the completed trials are exactly 0..completed-1.
  RunResults results;
  const std::uint32_t completed = std::min(next.load(), total);
  assert(finished.load() == completed);
  results.first = first;
  results.completed = completed;
  results.partial = completed < total;
  results.trials.resize(completed);
  for (Tally& tally : tallies) {
    for (auto& [trial, outcome] : tally.outcomes) results.trials[trial] = std::move(outcome);
  }
  results.down_trials.assign(followed, 0);
  results.down_checkpoints.assign(followed, 0);
  results.down_checkpoints_sq.assign(followed, 0);
  results.region_hurt_trials.assign(regions, 0);
  for (const Tally& tally : tallies) {
    for (std::size_t service = 0; service < followed; ++service) {
      results.down_trials[service] += tally.down_trials[service];
      results.down_checkpoints[service] += tally.down_checkpoints[service];
      results.down_checkpoints_sq[service] += tally.down_checkpoints_sq[service];
    }
    for (std::size_t region = 0; region < regions; ++region) {
      results.region_hurt_trials[region] += tally.region_hurt[region];
    }
  }
  return results;
}

std::optional<RunResults> MergeRuns(std::vector<RunResults> parts, std::string& problem) {
  std::sort(parts.begin(), parts.end(), [](const RunResults& a, const RunResults& b) {
    return a.first != b.first ? a.first < b.first : a.completed < b.completed;
  });
  RunResults merged;
  std::uint32_t expected = 0;
  for (std::size_t index = 0; index < parts.size(); ++index) {
    RunResults& part = parts[index];
    if (part.first > expected) {
      problem = fmt::format("trials {}..{} are in no part", expected, part.first - 1);
      return std::nullopt;
    }
    if (part.first < expected && part.completed > 0) {
      problem = fmt::format("trials {}..{} are in more than one part", part.first,
                            std::min(expected, part.first + part.completed) - 1);
      return std::nullopt;
    }
    if (merged.partial && part.completed > 0) {
      problem = fmt::format("trials from {} follow a partial part (interrupted at trial {})",
                            part.first, expected);
      return std::nullopt;
    }
    if (index == 0) {
      merged.down_trials.assign(part.down_trials.size(), 0);
      merged.down_checkpoints.assign(part.down_checkpoints.size(), 0);
      merged.down_checkpoints_sq.assign(part.down_checkpoints_sq.size(), 0);
      merged.region_hurt_trials.assign(part.region_hurt_trials.size(), 0);
    } else if (part.down_trials.size() != merged.down_trials.size() ||
               part.region_hurt_trials.size() != merged.region_hurt_trials.size()) {
      problem = "the parts follow different services or regions: they come from different inputs";
      return std::nullopt;
    }
    for (std::size_t service = 0; service < merged.down_trials.size(); ++service) {
      merged.down_trials[service] += part.down_trials[service];
      merged.down_checkpoints[service] += part.down_checkpoints[service];
      merged.down_checkpoints_sq[service] += part.down_checkpoints_sq[service];
    }
    for (std::size_t region = 0; region < merged.region_hurt_trials.size(); ++region) {
      merged.region_hurt_trials[region] += part.region_hurt_trials[region];
    }
    for (TrialOutcome& outcome : part.trials) merged.trials.push_back(std::move(outcome));
    expected = part.first + part.completed;
    merged.partial = merged.partial || part.partial;
  }
  merged.completed = expected;
  return merged;
}

}  // namespace redoubt
