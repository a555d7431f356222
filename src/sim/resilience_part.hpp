// The `redoubt/resilience-part@1` document: one shard of a Monte Carlo run,
// written by `redoubt simulate --shard I/N` and merged by `redoubt merge`
// into the `redoubt/resilience@1` document a single process would have
// written, byte for byte.
//
//   auto doc = ResiliencePartDocument(header, {ResiliencePartNetworkJson(run, results)});
//   auto part = ReadResiliencePart(doc, problem);     // back, in another process
//   auto whole = MergeRuns({part->networks[0].results, ...}, problem);
//
// A part is self-describing: the content hash of every input (inventories,
// vendor registers, scenario), the seed, the number of trials of the whole
// run, its shard and trial range, and per network the per-trial outcomes and
// the integer tallies (sim/simulation.hpp, RunResults). Per-trial outcomes
// are kept rather than histograms because the bands and estimates are exact
// order statistics of them (sim/metrics.hpp), and doubles written by
// nlohmann::json round-trip exactly, so the merge loses nothing. Size: about
// (2 · series · checkpoints + regions) numbers per trial and network.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "sim/simulation.hpp"

namespace redoubt {

inline constexpr std::string_view kResiliencePartFormat = "redoubt/resilience-part@1";

// A file the run read, and the hash of its bytes then (core/hash.hpp).
struct PartInput {
  std::string path;
  std::string hash;
  bool operator==(const PartInput&) const = default;
};

struct PartHeader {
  std::vector<PartInput> inventories;
  std::vector<PartInput> vendor_registers;  // the bundled one first, when used
  bool bundled_vendors = true;
  PartInput scenario;
  nlohmann::ordered_json scenario_document;  // as in redoubt/resilience@1 (effective trials, seed)
  std::uint64_t seed = 0;
  std::uint32_t trials = 0;  // of the whole run
  std::uint32_t shard = 0;   // 1-based
  std::uint32_t shards = 1;
  TrialRange range;
  bool partial = false;
  std::uint32_t top = 10;  // services and regions listed (simulate --top)

  // The inputs and settings that must agree between parts of one run.
  [[nodiscard]] bool SameRun(const PartHeader& other) const {
    return inventories == other.inventories && vendor_registers == other.vendor_registers &&
           bundled_vendors == other.bundled_vendors && scenario.hash == other.scenario.hash &&
           seed == other.seed && trials == other.trials && shards == other.shards &&
           top == other.top;
  }
};

struct PartNetwork {
  std::string id;
  RunResults results;
};

struct ResiliencePart {
  PartHeader header;
  std::vector<PartNetwork> networks;
};

[[nodiscard]] nlohmann::ordered_json ResiliencePartNetworkJson(const PreparedRun& run,
                                                               const RunResults& results);
[[nodiscard]] nlohmann::ordered_json ResiliencePartDocument(
    const PartHeader& header, std::vector<nlohmann::ordered_json> networks);

// Reads a part document; nullopt, with `problem` saying what is wrong, when
// it is not one (wrong format, missing or mistyped fields, tallies that do not
// match the trials).
[[nodiscard]] std::optional<ResiliencePart> ReadResiliencePart(const nlohmann::ordered_json& document,
                                                               std::string& problem);

// A part file as read: its path (for messages) and contents.
struct PartFile {
  std::string path;
  ResiliencePart part;
};

// Merges the parts of one run into the redoubt/resilience@1 document that
// one process running all the trials would write (the same bytes). Checks
// that the parts are of one run (same inputs, seed, trials, shard count),
// that every input still has the hash it had, and that the parts cover every
// trial exactly once; otherwise every problem is an error naming the part
// file, and the missing or doubled trials and shards. Reads the inputs again
// (their paths are in the parts) to rebuild each network's run; `threads`
// only speeds that up.
[[nodiscard]] Result<nlohmann::ordered_json> MergeResilienceParts(const std::vector<PartFile>& parts,
                                                                  int threads);

}  // namespace redoubt
