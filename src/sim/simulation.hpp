// Monte Carlo resilience runs: a scenario on one network, trial after trial,
// in parallel, reproducibly (DESIGN.md, "Resilience simulation").
//
//   auto run = PrepareRun(network, scenario, {.seed = 1, .trials = 500});
//   RunResults results = RunTrials(*run, {.threads = 8});
//   ResilienceSummary summary = Summarize(*run, results);   // sim/metrics.hpp
//
// A trial: its generator is Rng::ForTrial(seed, trial); the hazard draws its
// outages; the failures that need a crew become repair jobs and the crews
// are scheduled (sim/recovery.hpp: a job starts no earlier than its
// replacement arrives); each element's and link's down intervals (its jobs,
// and the outages that end by themselves, like power cuts) are merged,
// clipped to the checkpoints and go to the LevelEvaluator (sim/timeline.hpp).
//
// Threads take trial indices from a shared counter, each with its own
// evaluator; per-trial results are stored at their index and per-service
// tallies are integers, so the results are identical for any thread count.
// `stop` is polled before each trial: trials in flight finish, and the
// results then hold the completed trials 0..k-1 with `partial` set.
// Memory: the network's topology plus O(n + m) per thread, plus
// O(series · checkpoints + regions) per trial kept.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/network_topology.hpp"
#include "sim/recovery.hpp"
#include "sim/scenario.hpp"
#include "sim/timeline.hpp"

namespace redoubt {

struct RunSettings {
  std::uint64_t seed = 1;
  std::uint32_t trials = 1;
};

// A scenario bound to one network, ready to run. Not movable (the bound parts
// point into it); held by unique_ptr.
struct PreparedRun {
  PreparedRun() = default;
  PreparedRun(const PreparedRun&) = delete;
  PreparedRun& operator=(const PreparedRun&) = delete;

  NetworkTopology topology;
  SimNetwork net;
  std::unique_ptr<Hazard> hazard;
  RecoveryModel recovery;
  ServiceSeries series;
  CheckpointGrid grid;
  RunSettings settings;
  std::vector<std::string> notes;
  std::vector<ServiceIndex> down_at_start;  // down before any hazard: not followed
  std::vector<std::string> regions;         // of followed services, sorted; "" = unknown
  std::vector<std::uint32_t> region_of;     // per followed service
};

[[nodiscard]] std::unique_ptr<PreparedRun> PrepareRun(const Network& network,
                                                      const Scenario& scenario,
                                                      RunSettings settings);

// Trials [first, last) of a run; `last` past the run's trials means "to the end".
struct TrialRange {
  std::uint32_t first = 0;
  std::uint32_t last = UINT32_MAX;
};

// Shard `index` of `count` of a run's trials, as even as can be:
// [trials·index/count, trials·(index+1)/count). Precondition: index < count.
[[nodiscard]] TrialRange ShardRange(std::uint32_t trials, std::uint32_t index, std::uint32_t count);

struct RunControl {
  TrialRange range;                         // the trials to run (default: all)
  unsigned threads = 0;                     // 0: all cores
  const std::atomic<bool>* stop = nullptr;  // set to stop early
  // Called from the calling thread with (completed, total) about 10 times a second.
  std::function<void(std::uint32_t, std::uint32_t)> progress;
  bool force_general = false;  // always use the segment tree (tests)
};

struct TrialOutcome {
  std::vector<double> weight_share;  // [series * checkpoints + checkpoint]
  std::vector<double> service_share;
  std::vector<double> region_loss;  // per region: weight × hours lost
};

// The results of trials first..first+completed-1 of a run (a whole run has
// first = 0). Everything in it is either per trial or an integer tally, so
// parts of a run merge exactly (MergeRuns) and a merged run equals, to the
// bit, the same trials run in one process.
struct RunResults {
  std::uint32_t first = 0;
  std::uint32_t completed = 0;
  bool partial = false;
  std::vector<TrialOutcome> trials;  // trial first + i at i
  // Per followed service, over completed trials.
  std::vector<std::uint64_t> down_trials;       // trials where it was down at some checkpoint
  std::vector<std::uint64_t> down_checkpoints;  // Σ checkpoints down
  std::vector<std::uint64_t> down_checkpoints_sq;
  std::vector<std::uint64_t> region_hurt_trials;  // per region
};

[[nodiscard]] RunResults RunTrials(const PreparedRun& run, const RunControl& control);

// Merges parts of one run (same PreparedRun inputs and settings, in any
// order) into one. The parts must tile [0, k) for some k without overlap; a
// partial part may only be the last. On failure returns nullopt and says in
// `problem` which trials are missing or doubled. The result is the same
// whatever the order of `parts`: trials go to their index, tallies are
// integer sums.
[[nodiscard]] std::optional<RunResults> MergeRuns(std::vector<RunResults> parts,
                                                  std::string& problem);

// One trial's outages turned into sorted, merged down spans (exposed for tests).
struct TrialSpans {
  std::vector<DownSpan> elements;
  std::vector<DownSpan> links;
};
[[nodiscard]] TrialSpans SampleTrial(const PreparedRun& run, std::uint32_t trial);

}  // namespace redoubt
