// `redoubt simulate` end to end: the resilience document on the sample,
// byte-identical JSON for any thread count, reproduction from the document,
// percolation, bad input, and Ctrl-C stopping cleanly with partial results.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;
using Json = nlohmann::ordered_json;
const std::string kSample = testing::SourcePath("data/samples/sample-gb.yaml");
std::string ScenarioPath(const std::string& name) {
  return testing::SourcePath("data/scenarios/" + name + ".yaml");
}

TEST(CliSimulate, KillSwitchOnTheSample) {
  auto result = RunRedoubt({"simulate", kSample, "--scenario", ScenarioPath("vendor-kill-switch"),
                            "--trials", "20", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json document = Json::parse(result.out);
  EXPECT_EQ(document["format"], "redoubt/resilience@1");
  EXPECT_EQ(document["seed"], 1);
  EXPECT_EQ(document["trials"], 20);
  EXPECT_EQ(document["trials_completed"], 20);
  EXPECT_EQ(document["partial"], false);
  EXPECT_EQ(document["scenario"]["id"], "vendor-kill-switch");
  EXPECT_EQ(document["scenario"]["trials"], 20);  // the effective value, for reproduction
  const Json& network = document["networks"][0];
  EXPECT_EQ(network["id"], "gb-sample");
  EXPECT_EQ(network["checkpoints_hours"].size(), 121U);
  EXPECT_EQ(network["checkpoints_hours"][1], 6.0);
  const Json& all = network["series"][0];
  EXPECT_EQ(all["series"], "all");
  EXPECT_EQ(all["services"], 7);
  EXPECT_EQ(all["weight"], 185000.0);
  EXPECT_EQ(all["min_level"]["mean"], 0.989189);  // 183,000 of 185,000 (Drax lost)
  EXPECT_EQ(all["weight_level"]["mean"][0], 0.989189);
  EXPECT_EQ(all["weight_level"]["mean"][120], 1.0);
  EXPECT_EQ(network["services_hurt"][0]["id"], "drax-power-station");
  EXPECT_EQ(network["services_hurt"][0]["down_share"], 1.0);
  EXPECT_EQ(network["regions_hurt"][0]["region"], "Yorkshire and the Humber");
}

TEST(CliSimulate, SameBytesForOneTwoAndEightThreads) {
  std::string first;
  for (const char* threads : {"1", "2", "8"}) {
    auto result =
        RunRedoubt({"simulate", kSample, "--scenario", ScenarioPath("storm-then-blackout"),
                    "--trials", "30", "--threads", threads, "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    if (first.empty()) {
      first = result.out;
    } else {
      EXPECT_EQ(result.out, first) << threads << " threads";
    }
  }
}

TEST(CliSimulate, TheDocumentReproducesTheRun) {
  // The scenario embedded in the output, run again, gives the same document.
  auto result = RunRedoubt({"simulate", kSample, "--scenario", ScenarioPath("random-faults"),
                            "--trials", "15", "--seed", "99", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json document = Json::parse(result.out);
  EXPECT_EQ(document["scenario"]["seed"], 99);
  const std::string dir = testing::TempDir("reproduce");
  const std::string path = dir + "/scenario.json";
  {
    std::ofstream out(path);
    out << document["scenario"].dump();
  }
  auto again = RunRedoubt({"simulate", kSample, "--scenario", path, "--format", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, result.out);
}

TEST(CliSimulate, TextReport) {
  auto result = RunRedoubt(
      {"simulate", kSample, "--scenario", ScenarioPath("grid-failure-24h"), "--trials", "5"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("scenario grid-failure-24h"), std::string::npos);
  EXPECT_NE(result.out.find("network gb-sample"), std::string::npos);
  EXPECT_NE(result.out.find("services hurt most"), std::string::npos);
  EXPECT_TRUE(result.err.empty()) << result.err;  // no progress bar when not on a terminal
}

TEST(CliSimulate, Percolation) {
  auto result =
      RunRedoubt({"simulate", kSample, "--percolation", "--trials", "8", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json document = Json::parse(result.out);
  EXPECT_TRUE(document["scenario"].is_null());
  const Json& network = document["networks"][0];
  EXPECT_EQ(network["orderings_completed"], 8);
  EXPECT_EQ(network["fraction_failed"].size(), 101U);
  EXPECT_EQ(network["weight_level"]["mean"][0], 1.0);
  EXPECT_EQ(network["weight_level"]["mean"][100], 0.0);
}

TEST(CliSimulate, BadInput) {
  auto bad = RunRedoubt({"simulate", kSample, "--scenario",
                         testing::SourcePath("tests/cases/bad-scenario/04-unknown-hazard.yaml")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unknown hazard kind 'vendr' \u2014 did you mean 'vendor'?"),
            std::string::npos)
      << bad.err;
  auto none = RunRedoubt({"simulate", kSample});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("no scenario"), std::string::npos);
}

// Stops a run with `signal` and checks the partial document.
void ExpectSignalStopsCleanly(int signal) {
  const std::string dir = testing::TempDir(fmt::format("interrupt-{}", signal));
  const std::string out = dir + "/out.json";
  // A run that would take hours, interrupted once it is under way. On a loaded
  // machine the signal can arrive before the process has set its handler (it
  // then dies of the signal, as any program would) or before the first trial is
  // done; only then is it sent again, later. Whatever the timing, a handled
  // interrupt must exit 130 with a partial document.
  const std::vector<std::string> args = {REDOUBT_BINARY,
                                         "simulate",
                                         kSample,
                                         "--scenario",
                                         ScenarioPath("random-faults"),
                                         "--trials",
                                         "100000000",
                                         "--format",
                                         "json",
                                         "-o",
                                         out};
  bool checked = false;
  for (int delay_ms = 1000; delay_ms <= 32000 && !checked; delay_ms *= 2) {
    std::filesystem::remove(out);
    const int status = testing::SignalAfter(args, {}, signal, std::chrono::milliseconds(delay_ms));
    if (WIFSIGNALED(status)) {
      ASSERT_EQ(WTERMSIG(status), signal);
      ASSERT_FALSE(std::filesystem::exists(out));  // nothing half-written
      continue;
    }
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 130);
    ASSERT_TRUE(std::filesystem::exists(out)) << "interrupted after " << delay_ms << " ms";
    const Json document = Json::parse(testing::ReadText(out));
    EXPECT_EQ(document["partial"], true);
    EXPECT_EQ(document["trials"], 100000000);
    EXPECT_LT(document["trials_completed"].get<int>(), 100000000);
    EXPECT_EQ(document["networks"][0]["trials_completed"], document["trials_completed"]);
    if (document["trials_completed"].get<int>() == 0) continue;  // interrupted while loading
    checked = true;
  }
  EXPECT_TRUE(checked) << "never interrupted a run with trials completed";
}

TEST(CliSimulate, InterruptStopsCleanlyWithPartialResults) { ExpectSignalStopsCleanly(SIGINT); }

// SIGUSR1 is what mpirun forwards and what a batch scheduler sends before a
// time limit.
TEST(CliSimulate, Sigusr1StopsCleanlyWithPartialResults) { ExpectSignalStopsCleanly(SIGUSR1); }

}  // namespace
}  // namespace redoubt

namespace redoubt {
namespace {

TEST(CliSimulate, MisspeltHazardVendorIsAnErrorWithDidYouMean) {
  const std::string dir = testing::TempDir("misspelt-vendor");
  const std::string path = dir + "/scenario.yaml";
  {
    std::ofstream out(path);
    out << "format: redoubt/scenario@1\nid: typo\nhazard: {vendor: {vendor: [zte, huawai]}}\n"
           "horizon_hours: 10\n";
  }
  auto result = RunRedoubt({"simulate", kSample, "--scenario", path});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(path + ":3:33: error: vendor 'huawai' of the hazard is in no vendor "
                                   "register and no inventory's vendors \u2014 did you mean "
                                   "'huawei'?"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(result.err.find("'zte'"), std::string::npos) << "zte is registered: " << result.err;
}

// The same question asked of two commands: the vendor hazard's level at t=0
// (simulate) is the share of weight that survives with that vendor's
// equipment switched off (expose, by_vendor), over the same services.
class VendorLossAgrees : public ::testing::TestWithParam<std::string> {};

TEST_P(VendorLossAgrees, SimulateAtTimeZeroEqualsExpose) {
  const std::string inventory = testing::SourcePath("data/samples/allies/" + GetParam() + ".json");
  auto expose = RunRedoubt({"expose", inventory, "--format", "json"});
  ASSERT_EQ(expose.exit_code, 0) << expose.err;
  const Json exposed = Json::parse(expose.out)["networks"][0];
  double lost_by_any = 0;
  for (const char* vendor : {"huawei", "zte", "ericsson", "nokia"}) {
    SCOPED_TRACE(vendor);
    const std::string dir = testing::TempDir(std::string("vendor-loss-") + vendor);
    const std::string path = dir + "/scenario.yaml";
    {
      std::ofstream out(path);
      out << fmt::format(
          "format: redoubt/scenario@1\nid: off\nhazard: {{vendor: {{vendor: {}}}}}\n"
          "horizon_hours: 1\ncheckpoints: 2\ntrials: 1\n",
          vendor);
    }
    auto simulate = RunRedoubt({"simulate", inventory, "--scenario", path, "--format", "json"});
    ASSERT_EQ(simulate.exit_code, 0) << simulate.err;
    const Json document = Json::parse(simulate.out);
    const Json& all = document["networks"][0]["series"][0];
    double weight_up = 0;
    std::size_t services_up = 0;
    for (const Json& service : exposed["services"]) {
      if (service["up"].get<bool>()) {
        weight_up += service["weight"].get<double>();
        ++services_up;
      }
    }
    EXPECT_EQ(all["services"].get<std::size_t>(), services_up);
    EXPECT_NEAR(all["weight"].get<double>(), weight_up, 1e-6 * weight_up);
    double lost = 0;
    std::size_t services_lost = 0;
    for (const Json& totals : exposed["by_vendor"]) {
      if (totals["vendor"] == vendor) {
        lost = totals["weight_lost"].get<double>();
        services_lost = totals["services_lost"].get<std::size_t>();
      }
    }
    lost_by_any += lost;
    // Levels are written with 6 decimals.
    EXPECT_NEAR(all["weight_level"]["mean"][0].get<double>(), 1.0 - lost / weight_up, 1e-6);
    EXPECT_NEAR(all["service_level"]["mean"][0].get<double>(),
                1.0 - static_cast<double>(services_lost) / static_cast<double>(services_up), 1e-6);
  }
  EXPECT_GT(lost_by_any, 0) << "no vendor's loss takes anything down: the check would be vacuous";
}

INSTANTIATE_TEST_SUITE_P(Allies, VendorLossAgrees, ::testing::Values("us", "gb", "de", "ca", "lv"));

}  // namespace
}  // namespace redoubt
