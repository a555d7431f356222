// Scenario files: the bad-scenario corpus (every file in
// tests/cases/bad-scenario must produce exactly the diagnostics in its
// .expected file), and every bundled scenario in data/scenarios must read
// cleanly and bind to the sample network.
//
// To regenerate after a deliberate change of wording:
//   REDOUBT_UPDATE_GOLDEN=1 ctest -R BadScenario   (then review the diff)
#include "sim/scenario.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "io/inventory_reader.hpp"
#include "sim/simulation.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

const std::string kCorpus = testing::SourcePath("tests/cases/bad-scenario");

class BadScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(BadScenario, ReportsExactlyTheExpectedDiagnostics) {
  const std::string name = GetParam();
  auto loaded = LoadScenario(kCorpus + "/" + name);
  const std::string actual = testing::DiagnosticsText(loaded.diagnostics(), kCorpus, loaded.ok());
  testing::ExpectGolden(kCorpus + "/" + testing::CorpusStem(name) + ".expected", actual);
  EXPECT_FALSE(loaded.ok());
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadScenario, ::testing::ValuesIn(testing::CorpusCases(kCorpus)),
                         testing::CorpusTestName);

TEST(Scenario, ReadsTheDesignExampleWithDefaults) {
  auto loaded = ReadScenario(SourceFile::FromString("s.yaml", R"(format: redoubt/scenario@1
id: vendor-kill-switch
hazard: {vendor: {vendor: huawei, domains: [ran, transport]}}
recovery:
  crews: 40
  repair_hours: {lognormal: {median: 6, sigma: 0.6}}
  replace_days: 21
  priority: critical-first
horizon_hours: 720
seed: 18446744073709551615
)"));
  ASSERT_TRUE(loaded.ok()) << testing::DiagnosticsText(loaded.diagnostics(), kCorpus, loaded.ok());
  const Scenario& scenario = loaded.value();
  EXPECT_EQ(scenario.id, "vendor-kill-switch");
  EXPECT_EQ(scenario.checkpoints, kDefaultCheckpoints);
  EXPECT_EQ(scenario.trials, kDefaultTrials);
  EXPECT_EQ(scenario.seed, UINT64_MAX);  // all 64 bits survive
  ASSERT_TRUE(scenario.recovery.has_value());
  EXPECT_EQ(scenario.recovery->crews, 40U);
  EXPECT_EQ(scenario.recovery->replace_hours, 21 * 24.0);
  EXPECT_EQ(scenario.recovery->repair.kind, Distribution::Kind::kLognormal);
  EXPECT_EQ(scenario.recovery->repair.value, 6.0);
  EXPECT_EQ(scenario.recovery->repair.sigma, 0.6);
  EXPECT_EQ(scenario.document["hazard"]["vendor"]["domains"][1], "transport");
  EXPECT_EQ(scenario.document["horizon_hours"], 720);
}

TEST(Scenario, EveryBundledScenarioReadsAndBindsToTheSample) {
  InventoryOptions options;
  options.warnings = false;
  const std::vector<std::string> paths = {testing::SourcePath("data/samples/sample-gb.yaml")};
  auto networks = LoadInventories(paths, options);
  ASSERT_TRUE(networks.ok());
  const std::string folder = testing::SourcePath("data/scenarios");
  const std::vector<std::string> names = testing::ListDirectory(folder);
  ASSERT_GE(names.size(), 5U);
  for (const std::string& name : names) {
    auto loaded = LoadScenario(folder + "/" + name);
    ASSERT_TRUE(loaded.ok()) << name << "\n" << testing::DiagnosticsText(loaded.diagnostics(), kCorpus, loaded.ok());
    EXPECT_TRUE(loaded.diagnostics().Empty()) << name << "\n" << testing::DiagnosticsText(loaded.diagnostics(), kCorpus, loaded.ok());
    auto run = PrepareRun(networks.value().front(), loaded.value(), {.seed = 1, .trials = 3});
    RunControl control;
    control.threads = 1;
    const RunResults results = RunTrials(*run, control);
    EXPECT_EQ(results.completed, 3U) << name;
    EXPECT_EQ(run->series.services.size(), 7U) << name;
  }
}

}  // namespace
}  // namespace redoubt
