// Monte Carlo trials across the ranks of an MPI job, with results identical
// to one process (sim/simulation.hpp: RunTrials on trial ranges, MergeRuns).
//
//   RunResults results = RunTrialsAcrossRanks(*run, control, Communicator::World());
//   if (world.Rank() == 0) { Summarize(*run, results); ... write ... }
//
// Rank r runs shard r of the ranks' count (ShardRange), with control.threads
// threads of its own; only the per-trial outcomes and integer tallies cross
// the network (a compact binary encoding, a few bytes per number), gathered
// on rank 0, which merges them. Every rank must have prepared the same run
// (the same inputs, read by each rank itself). With one rank this is
// RunTrials. Cost on rank 0: O(trials · outcome size) to decode and merge.
// The encoding is the machine's own byte order: the ranks of a job share one
// architecture.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dist/communicator.hpp"
#include "sim/simulation.hpp"

namespace redoubt {

// On rank 0: the whole run's results (partial if any rank was interrupted:
// then the trials up to the first gap). On other ranks: their own part,
// which is not to be summarised or written.
[[nodiscard]] RunResults RunTrialsAcrossRanks(const PreparedRun& run, const RunControl& control,
                                              const Communicator& world);

[[nodiscard]] std::string EncodeRunResults(const RunResults& results);
// nullopt when `bytes` is not what EncodeRunResults wrote.
[[nodiscard]] std::optional<RunResults> DecodeRunResults(std::string_view bytes);

}  // namespace redoubt
