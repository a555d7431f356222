// Helpers for the simulation tests: inline inventories and scenarios, and
// running a scenario on a network.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "io/inventory_reader.hpp"
#include "sim/metrics.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"

namespace redoubt::sim_testing {

inline std::string DiagnosticsText(const Diagnostics& diagnostics) {
  std::string all;
  for (const auto& diagnostic : diagnostics.Items()) all += diagnostic.Format() + "\n";
  return all;
}

inline Network LoadNetwork(const std::string& text) {
  std::vector<SourceFile> sources;
  sources.push_back(SourceFile::FromString("inline.yaml", text));
  InventoryOptions options;
  options.warnings = false;
  auto loaded = LoadInventorySources(std::move(sources), options);
  EXPECT_TRUE(loaded.ok()) << DiagnosticsText(loaded.diagnostics());
  return std::move(loaded).value().front();
}

inline Scenario ParseScenario(const std::string& text) {
  auto loaded = ReadScenario(SourceFile::FromString("scenario.yaml", text));
  EXPECT_TRUE(loaded.ok()) << DiagnosticsText(loaded.diagnostics());
  return std::move(loaded).value();
}

struct Outcome {
  std::unique_ptr<PreparedRun> run;
  RunResults results;
  ResilienceSummary summary;
};

inline Outcome Simulate(const Network& network, const std::string& scenario_text,
                        unsigned threads = 2, bool force_general = false) {
  const Scenario scenario = ParseScenario(scenario_text);
  Outcome outcome;
  outcome.run = PrepareRun(network, scenario, {.seed = scenario.seed, .trials = scenario.trials});
  RunControl control;
  control.threads = threads;
  control.force_general = force_general;
  outcome.results = RunTrials(*outcome.run, control);
  outcome.summary = Summarize(*outcome.run, outcome.results);
  return outcome;
}

// |estimate − exact| within the 99.9% normal interval (z = 3.29) of the
// estimate, derived from its 95% interval.
inline ::testing::AssertionResult WithinCi(const Estimate& estimate, double exact) {
  const double half95 = (estimate.ci_high - estimate.ci_low) / 2;
  const double half999 = half95 * 3.2905 / 1.95996;
  if (std::abs(estimate.mean - exact) <= half999) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "estimate " << estimate.mean << " ± " << half999
                                       << " (99.9%) misses the exact value " << exact;
}

}  // namespace redoubt::sim_testing
