// Metamorphic checks on the bundled allies: relations that must hold between
// runs whatever the exact numbers are. More crews never lower the service
// level at any checkpoint; a longer replacement lead time never raises it;
// without crews nothing comes back. The repair times are drawn per failure
// before scheduling, so two runs with the same seed differ only in what the
// relation changes.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "io/inventory_reader.hpp"
#include "sim_testing.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

using sim_testing::Simulate;

Network LoadAlly(const std::string& country) {
  const std::vector<std::string> paths = {
      redoubt::testing::SourcePath("data/samples/allies/" + country + ".json")};
  InventoryOptions options;
  options.warnings = false;
  auto loaded = LoadInventories(paths, options);
  EXPECT_TRUE(loaded.ok());
  return std::move(loaded).value().front();
}

// The kill-switch of data/scenarios/vendor-kill-switch.yaml with the crews
// and lead time as given, on a coarser grid and fewer trials.
std::string KillSwitch(std::uint32_t crews, double replace_days, const std::string& vendor) {
  return fmt::format(R"(format: redoubt/scenario@1
id: kill-switch
hazard: {{vendor: {{vendor: {}, domains: [ran, transport]}}}}
recovery:
  crews: {}
  repair_hours: {{lognormal: {{median: 6, sigma: 0.6}}}}
  replace_days: {}
  priority: critical-first
horizon_hours: 1440
checkpoints: 121
trials: 12
seed: 4
)",
                     vendor, crews, replace_days);
}

std::string Disaster(std::uint32_t crews) {
  return fmt::format(R"(format: redoubt/scenario@1
id: disaster
hazard: {{region: {{centre: largest-site, radius_km: 40, fragility: [{{km: 0, probability: 0.9}}, {{km: 40, probability: 0.2}}]}}}}
recovery:
  crews: {}
  repair_hours: {{default: {{lognormal: {{median: 8, sigma: 0.7}}}}, fiber: 12}}
  priority: critical-first
horizon_hours: 240
checkpoints: 121
trials: 12
seed: 6
)",
                     crews);
}

// a ≤ b at every checkpoint of every series' mean weight level.
void ExpectNoHigher(const sim_testing::Outcome& a, const sim_testing::Outcome& b,
                    const std::string& what) {
  ASSERT_EQ(a.summary.series.size(), b.summary.series.size());
  for (std::size_t series = 0; series < a.summary.series.size(); ++series) {
    const auto& low = a.summary.series[series].weight_level.mean;
    const auto& high = b.summary.series[series].weight_level.mean;
    ASSERT_EQ(low.size(), high.size());
    for (std::size_t checkpoint = 0; checkpoint < low.size(); ++checkpoint) {
      EXPECT_LE(low[checkpoint], high[checkpoint] + 1e-12)
          << what << ": series " << a.summary.series[series].name << ", checkpoint "
          << checkpoint;
    }
  }
}

class Metamorphic : public ::testing::TestWithParam<std::string> {};

TEST_P(Metamorphic, MoreCrewsNeverLowerTheLevel) {
  const Network network = LoadAlly(GetParam());
  for (const char* vendor : {"huawei", "zte"}) {
    auto few = Simulate(network, KillSwitch(10, 21, vendor));
    auto more = Simulate(network, KillSwitch(20, 21, vendor));
    auto many = Simulate(network, KillSwitch(40, 21, vendor));
    ExpectNoHigher(few, more, fmt::format("{} 10 → 20 crews", vendor));
    ExpectNoHigher(more, many, fmt::format("{} 20 → 40 crews", vendor));
  }
  ExpectNoHigher(Simulate(network, Disaster(4)), Simulate(network, Disaster(8)),
                 "disaster 4 → 8 crews");
}

TEST_P(Metamorphic, LongerLeadTimeNeverRaisesTheLevel) {
  const Network network = LoadAlly(GetParam());
  auto soon = Simulate(network, KillSwitch(40, 7, "huawei"));
  auto later = Simulate(network, KillSwitch(40, 21, "huawei"));
  auto latest = Simulate(network, KillSwitch(40, 45, "huawei"));
  ExpectNoHigher(later, soon, "7 → 21 days");
  ExpectNoHigher(latest, later, "21 → 45 days");
  // Nothing can come back before the new equipment arrives: the level at
  // every checkpoint before 21 days is the level at t=0.
  const SeriesSummary& all = later.summary.series[0];
  const CheckpointGrid& grid = later.run->grid;
  for (std::uint32_t checkpoint = 0; grid.At(checkpoint) < 21 * 24; ++checkpoint) {
    EXPECT_DOUBLE_EQ(all.weight_level.mean[checkpoint], all.weight_level.mean[0])
        << "at " << grid.At(checkpoint) << " h";
  }
}

TEST_P(Metamorphic, WithoutCrewsNothingComesBack) {
  const Network network = LoadAlly(GetParam());
  for (const std::string& scenario : {KillSwitch(0, 21, "huawei"), Disaster(0)}) {
    const auto outcome = Simulate(network, scenario);
    const std::uint32_t count = outcome.run->grid.count;
    for (std::size_t index = 0; index < outcome.summary.series.size(); ++index) {
      const SeriesSummary& series = outcome.summary.series[index];
      const auto& level = series.weight_level.mean;
      for (std::size_t checkpoint = 1; checkpoint < level.size(); ++checkpoint) {
        EXPECT_DOUBLE_EQ(level[checkpoint], level[0]) << series.name << " at " << checkpoint;
      }
      // Every trial that lost anything at t=0 is still short of 100% at the horizon.
      std::uint32_t hurt = 0;
      for (const TrialOutcome& trial : outcome.results.trials) {
        hurt += trial.weight_share[index * count] < 1 ? 1 : 0;
      }
      EXPECT_EQ(series.recover_100_hours.censored, hurt) << series.name;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Allies, Metamorphic, ::testing::Values("gb", "ca", "lv"));

}  // namespace
}  // namespace redoubt
