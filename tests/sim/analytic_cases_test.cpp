// The analytic suite: one case per hazard and recovery rule, each a network
// small enough to solve by hand (tests/sim/analytic/*.yaml; the derivation is
// written in the case). A case holds an inventory, then one or more runs of a
// scenario with the answers they must give:
//
//   why: ...                      # the derivation, in words
//   inventory: |                  # redoubt/inventory@1, inline
//   runs:
//     - name: one-crew
//       scenario: |               # redoubt/scenario@1, inline
//       expect:
//         level: {0: 0, 245: 0, 246: 1}   # hour: share of weight up (series "all"), exact
//         service_level: {...}            # hour: share of services up, exact
//         loss_hours: 245.5               # exact (every trial the same)
//         min_level: 0
//         recover_90_hours: ...  recover_95_hours: ...  recover_100_hours: ...
//         censored_100: 2                 # trials still below 100% at the horizon
//         down_hours: {svc0: 246}         # mean hours down per service (0: never down)
//         mean: {loss_hours: 6.799}       # stochastic: the exact value inside the
//                                         # 99.99% interval of the estimate
//         notes: ["no crews"]             # substrings of the run's notes
//
// Every run is done four ways (1 and 2 threads; the healing-only sweep and the
// general segment tree) and must give the same answer each time.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "sim_testing.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

using sim_testing::LoadNetwork;
using sim_testing::Simulate;

const std::string kFolder = std::string(REDOUBT_SOURCE_DIR) + "/tests/sim/analytic";

// |estimate − exact| within the 99.99% normal interval (z = 3.8906) of the
// estimate: a false alarm is rarer than 1 in 10^4 per check.
::testing::AssertionResult Within9999(const Estimate& estimate, double exact) {
  const double half95 = (estimate.ci_high - estimate.ci_low) / 2;
  const double half = half95 * 3.8906 / 1.95996;
  if (std::abs(estimate.mean - exact) <= half) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "estimate " << estimate.mean << " ± " << half
                                       << " (99.99%) misses the exact value " << exact;
}

constexpr double kExact = 1e-9;

std::uint32_t CheckpointAt(const CheckpointGrid& grid, double hours) {
  const auto checkpoint =
      static_cast<std::uint32_t>(std::lround(hours * (grid.count - 1) / grid.horizon_hours));
  EXPECT_LT(checkpoint, grid.count) << hours << " h lies past the horizon";
  EXPECT_NEAR(grid.At(checkpoint), hours, kExact) << hours << " h is not a checkpoint";
  return std::min(checkpoint, grid.count - 1);
}

const Estimate& Named(const SeriesSummary& series, const std::string& name) {
  if (name == "loss_hours") return series.loss_hours;
  if (name == "min_level") return series.min_level;
  if (name == "recover_90_hours") return series.recover_90_hours;
  if (name == "recover_95_hours") return series.recover_95_hours;
  if (name == "recover_100_hours") return series.recover_100_hours;
  ADD_FAILURE() << "unknown estimate '" << name << "'";
  return series.loss_hours;
}

void CheckRun(const Network& network, const YAML::Node& run, const sim_testing::Outcome& outcome) {
  const YAML::Node& expect = run["expect"];
  ASSERT_TRUE(expect.IsMap()) << "a run needs expect:";
  const SeriesSummary& all = outcome.summary.series.at(0);
  const CheckpointGrid& grid = outcome.run->grid;
  for (const auto& entry : expect) {
    const auto key = entry.first.as<std::string>();
    const YAML::Node& value = entry.second;
    SCOPED_TRACE(key);
    if (key == "level" || key == "service_level") {
      const Band& band = key == "level" ? all.weight_level : all.service_level;
      for (const auto& point : value) {
        const auto hours = point.first.as<double>();
        const std::uint32_t checkpoint = CheckpointAt(grid, hours);
        EXPECT_NEAR(band.mean[checkpoint], point.second.as<double>(), kExact)
            << key << " at " << hours << " h";
      }
    } else if (key == "censored_100") {
      EXPECT_EQ(all.recover_100_hours.censored, value.as<std::uint32_t>());
    } else if (key == "down_hours") {
      for (const auto& service : value) {
        const auto id = service.first.as<std::string>();
        ServiceIndex index = kNone;
        for (ServiceIndex at = 0; at < network.services.size(); ++at) {
          if (network.Str(network.services[at].id) == id) index = at;
        }
        ASSERT_NE(index, kNone) << "no service " << id;
        double hours = 0;
        for (const ServiceHurt& hurt : outcome.summary.services) {
          if (hurt.service == index) hours = hurt.mean_down_hours;
        }
        EXPECT_NEAR(hours, service.second.as<double>(), kExact) << "hours down of " << id;
      }
    } else if (key == "mean") {
      for (const auto& estimate : value) {
        const auto name = estimate.first.as<std::string>();
        EXPECT_TRUE(Within9999(Named(all, name), estimate.second.as<double>())) << name;
      }
    } else if (key == "notes") {
      std::string notes;
      for (const std::string& note : outcome.run->notes) notes += note + "\n";
      for (const auto& wanted : value) {
        EXPECT_NE(notes.find(wanted.as<std::string>()), std::string::npos)
            << "no note says '" << wanted.as<std::string>() << "'; notes:\n"
            << notes;
      }
    } else {
      EXPECT_NEAR(Named(all, key).mean, value.as<double>(), kExact) << key;
    }
  }
}

// The same answer, to the bit, from every way of running.
void ExpectSameLevels(const sim_testing::Outcome& a, const sim_testing::Outcome& b) {
  ASSERT_EQ(a.results.trials.size(), b.results.trials.size());
  for (std::size_t trial = 0; trial < a.results.trials.size(); ++trial) {
    EXPECT_EQ(a.results.trials[trial].weight_share, b.results.trials[trial].weight_share)
        << "trial " << trial;
  }
  EXPECT_EQ(a.results.down_checkpoints, b.results.down_checkpoints);
}

class AnalyticCase : public ::testing::TestWithParam<std::string> {};

TEST_P(AnalyticCase, GivesTheExactAnswer) {
  const YAML::Node root = YAML::LoadFile(kFolder + "/" + GetParam());
  ASSERT_TRUE(root["why"]) << "every case explains its answer (why:)";
  const Network network = LoadNetwork(root["inventory"].as<std::string>());
  const YAML::Node& runs = root["runs"];
  ASSERT_TRUE(runs.IsSequence() && runs.size() > 0);
  for (const YAML::Node& run : runs) {
    SCOPED_TRACE(run["name"] ? run["name"].as<std::string>() : "run");
    const auto scenario = run["scenario"].as<std::string>();
    const auto outcome = Simulate(network, scenario, 1, false);
    CheckRun(network, run, outcome);
    ExpectSameLevels(outcome, Simulate(network, scenario, 2, false));
    ExpectSameLevels(outcome, Simulate(network, scenario, 1, true));
    ExpectSameLevels(outcome, Simulate(network, scenario, 2, true));
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, AnalyticCase, ::testing::ValuesIn(redoubt::testing::CorpusCases(kFolder)),
                         redoubt::testing::CorpusTestName);

}  // namespace
}  // namespace redoubt
