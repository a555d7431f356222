// Trial ranges and the exact merge of parts of a run (sim/simulation.hpp).
#include <gtest/gtest.h>

#include "sim_testing.hpp"

namespace redoubt {
namespace {

using sim_testing::LoadNetwork;
using sim_testing::ParseScenario;

TEST(ShardRange, TilesTheTrialsEvenly) {
  EXPECT_EQ(ShardRange(10, 0, 3).first, 0U);
  EXPECT_EQ(ShardRange(10, 0, 3).last, 3U);
  EXPECT_EQ(ShardRange(10, 1, 3).first, 3U);
  EXPECT_EQ(ShardRange(10, 1, 3).last, 6U);
  EXPECT_EQ(ShardRange(10, 2, 3).last, 10U);
  // More shards than trials: some are empty, none overlap.
  std::uint32_t next = 0;
  for (std::uint32_t shard = 0; shard < 7; ++shard) {
    const TrialRange range = ShardRange(3, shard, 7);
    EXPECT_EQ(range.first, next);
    EXPECT_GE(range.last, range.first);
    next = range.last;
  }
  EXPECT_EQ(next, 3U);
  // No overflow near the 32-bit limit.
  EXPECT_EQ(ShardRange(4000000000U, 1, 2).first, 2000000000U);
}

class ShardMerge : public ::testing::Test {
 protected:
  void SetUp() override {
    network_ = LoadNetwork(R"(format: redoubt/inventory@1
network: {id: case, country: GB}
sites:
  - {id: a, kind: exchange, region: North, lat: 54.0, lon: -2.0}
  - {id: b, kind: exchange, region: South, lat: 51.0, lon: -1.0}
elements:
  - {id: g, kind: gnb, vendor: ericsson, site: a}
  - {id: r0, kind: router, vendor: cisco, site: a}
  - {id: r1, kind: router, vendor: cisco, site: b}
  - {id: u, kind: upf, vendor: ericsson, site: b}
links:
  - {a: g, b: r0}
  - {a: g, b: r1}
  - {a: r0, b: u}
  - {a: r1, b: u}
services:
  - {id: svc, sector: health, attach: [g], needs: [upf], weight: 1}
)");
    scenario_ = ParseScenario(R"(format: redoubt/scenario@1
id: random
hazard: {random: {kinds: {router: 0.4}}}
recovery: {crews: 1, repair_hours: {exponential: {mean: 5}}}
horizon_hours: 24
checkpoints: 25
trials: 100
seed: 3
)");
    run_ = PrepareRun(network_, scenario_, {.seed = 3, .trials = 100});
  }
  RunResults Range(std::uint32_t first, std::uint32_t last) const {
    RunControl control;
    control.range = {first, last};
    control.threads = 2;
    return RunTrials(*run_, control);
  }

  Network network_;
  Scenario scenario_;
  std::unique_ptr<PreparedRun> run_;
};

void ExpectSame(const RunResults& a, const RunResults& b) {
  EXPECT_EQ(a.first, b.first);
  EXPECT_EQ(a.completed, b.completed);
  EXPECT_EQ(a.partial, b.partial);
  ASSERT_EQ(a.trials.size(), b.trials.size());
  for (std::size_t trial = 0; trial < a.trials.size(); ++trial) {
    EXPECT_EQ(a.trials[trial].weight_share, b.trials[trial].weight_share) << trial;
    EXPECT_EQ(a.trials[trial].service_share, b.trials[trial].service_share) << trial;
    EXPECT_EQ(a.trials[trial].region_loss, b.trials[trial].region_loss) << trial;
  }
  EXPECT_EQ(a.down_trials, b.down_trials);
  EXPECT_EQ(a.down_checkpoints, b.down_checkpoints);
  EXPECT_EQ(a.down_checkpoints_sq, b.down_checkpoints_sq);
  EXPECT_EQ(a.region_hurt_trials, b.region_hurt_trials);
}

TEST_F(ShardMerge, UnevenPartsInAnyOrderEqualTheWholeRun) {
  const RunResults whole = Range(0, 100);
  ASSERT_EQ(whole.completed, 100U);
  // The trials differ from each other, so a misplaced one would show.
  bool varied = false;
  for (const TrialOutcome& trial : whole.trials)
    varied = varied || trial.weight_share != whole.trials[0].weight_share;
  ASSERT_TRUE(varied);
  std::string problem;
  auto merged = MergeRuns({Range(61, 100), Range(0, 7), Range(7, 61)}, problem);
  ASSERT_TRUE(merged) << problem;
  ExpectSame(*merged, whole);
  auto reordered = MergeRuns({Range(7, 61), Range(61, 100), Range(0, 7)}, problem);
  ASSERT_TRUE(reordered) << problem;
  ExpectSame(*reordered, whole);
}

TEST_F(ShardMerge, RefusesGapsAndOverlaps) {
  std::string problem;
  EXPECT_FALSE(MergeRuns({Range(0, 40), Range(50, 100)}, problem));
  EXPECT_EQ(problem, "trials 40..49 are in no part");
  EXPECT_FALSE(MergeRuns({Range(0, 60), Range(50, 100)}, problem));
  EXPECT_EQ(problem, "trials 50..59 are in more than one part");
  EXPECT_FALSE(MergeRuns({Range(10, 100)}, problem));
  EXPECT_EQ(problem, "trials 0..9 are in no part");
}

TEST_F(ShardMerge, ARangePastTheEndIsClipped) {
  const RunResults tail = Range(90, 1000);
  EXPECT_EQ(tail.first, 90U);
  EXPECT_EQ(tail.completed, 10U);
  const RunResults none = Range(200, 300);
  EXPECT_EQ(none.completed, 0U);
  EXPECT_TRUE(none.trials.empty());
}

}  // namespace
}  // namespace redoubt
