// The `redoubt/resilience@1` result document: the run's seed, trials and
// scenario (so it can be reproduced), whether it is partial, and per network
// the notes of binding the scenario, the curves, the metrics, and the
// services and regions hurt most (sim/metrics.hpp for the definitions).
// With --percolation, a network carries its percolation curve instead.
//
//   auto doc = ResilienceDocument({.seed = 1, .trials = 500, ...}, {ResilienceNetworkJson(...)});
//
// Numbers are rounded to 6 decimals and nothing depends on the thread count
// or the clock, so the same input gives the same bytes. O(size of the output).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "sim/metrics.hpp"
#include "sim/percolation.hpp"
#include "sim/simulation.hpp"

namespace redoubt {

struct RunHeader {
  std::uint64_t seed = 0;
  std::uint32_t trials = 0;     // requested
  std::uint32_t completed = 0;  // the fewest completed over the networks
  bool partial = false;
  nlohmann::ordered_json scenario;  // null for a percolation run
};

[[nodiscard]] nlohmann::ordered_json ResilienceNetworkJson(const PreparedRun& run,
                                                           const RunResults& results,
                                                           const ResilienceSummary& summary);
[[nodiscard]] nlohmann::ordered_json PercolationNetworkJson(const Network& network,
                                                            const PercolationResult& result);
[[nodiscard]] nlohmann::ordered_json ResilienceDocument(
    const RunHeader& header, std::vector<nlohmann::ordered_json> networks);

}  // namespace redoubt
