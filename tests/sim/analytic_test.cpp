// Cases with exact answers that the Monte Carlo estimates must match within
// their confidence intervals: series and parallel systems, a ring and a star
// with independent failures; and recovery cases whose timelines are known
// exactly (one crew, fixed repair times, replacement lead time, a power cut
// outlasting the batteries).
//
// Each inventory attaches a service to a gNB (never failing) and needs only a
// UPF (never failing); routers in between fail with probability p at t=0.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>

#include "sim_testing.hpp"

namespace redoubt {
namespace {

using sim_testing::LoadNetwork;
using sim_testing::Simulate;
using sim_testing::WithinCi;

std::string Inventory(const std::string& elements, const std::string& links,
                      const std::string& services) {
  return fmt::format(R"(format: redoubt/inventory@1
network: {{id: case, country: GB}}
sites:
  - {{id: s1, kind: cell, region: North, lat: 54.0, lon: -2.0, power: {{substation: sub-1, backup_hours: 2}}}}
  - {{id: s2, kind: exchange, region: South, lat: 51.0, lon: -1.0, power: {{substation: sub-2, backup_hours: 100}}}}
elements:
  - {{id: g, kind: gnb, vendor: ericsson, site: s1}}
  - {{id: u, kind: upf, vendor: ericsson, site: s2}}
{}links:
{}services:
{})",
                     elements, links, services);
}

std::string Routers(int count, const std::string& vendor = "cisco") {
  std::string out;
  for (int index = 0; index < count; ++index) {
    out += fmt::format("  - {{id: r{}, kind: router, vendor: {}, site: s2}}\n", index, vendor);
  }
  return out;
}

const char* kOneService = "  - {id: svc, sector: health, attach: [g], needs: [upf], weight: 1}\n";

std::string RandomRouters(double p, int trials, const std::string& extra = "") {
  return fmt::format(R"(format: redoubt/scenario@1
id: random-routers
hazard: {{random: {{kinds: {{router: {}}}{}}}}}
horizon_hours: 10
checkpoints: 3
trials: {}
seed: 11
)",
                     p, extra, trials);
}

TEST(Analytic, SeriesSystem) {
  // g - r0 - r1 - r2 - u: up when all three routers are up.
  const Network network = LoadNetwork(Inventory(
      Routers(3), "  - {a: g, b: r0}\n  - {a: r0, b: r1}\n  - {a: r1, b: r2}\n  - {a: r2, b: u}\n",
      kOneService));
  const auto outcome = Simulate(network, RandomRouters(0.2, 4000));
  EXPECT_TRUE(WithinCi(outcome.summary.series[0].min_level, std::pow(0.8, 3)));
}

TEST(Analytic, ParallelSystem) {
  // Three routers side by side between g and u: down only when all three are.
  std::string links;
  for (int index = 0; index < 3; ++index)
    links += fmt::format("  - {{a: g, b: r{0}}}\n  - {{a: r{0}, b: u}}\n", index);
  const Network network = LoadNetwork(Inventory(Routers(3), links, kOneService));
  const auto outcome = Simulate(network, RandomRouters(0.5, 4000));
  EXPECT_TRUE(WithinCi(outcome.summary.series[0].min_level, 1 - std::pow(0.5, 3)));
}

TEST(Analytic, Ring) {
  // Six routers in a ring; g hangs off r0 and u off r3: both must be up, and
  // one of the two arcs (r1, r2) or (r4, r5).
  std::string links = "  - {a: g, b: r0}\n  - {a: r3, b: u}\n";
  for (int index = 0; index < 6; ++index)
    links += fmt::format("  - {{a: r{}, b: r{}}}\n", index, (index + 1) % 6);
  const Network network = LoadNetwork(Inventory(Routers(6), links, kOneService));
  const double q = 0.7;
  const double exact = q * q * (1 - (1 - q * q) * (1 - q * q));
  const auto outcome = Simulate(network, RandomRouters(0.3, 4000));
  EXPECT_TRUE(WithinCi(outcome.summary.series[0].min_level, exact));
}

TEST(Analytic, StarWithIndependentLeaves) {
  // A hub router with five gNB leaves, one service each, and the UPF on the
  // hub. Leaves fail with 0.2, the hub with 0.1: each service is up with
  // probability 0.9 × 0.8, and the expected share up is the same.
  std::string elements = "  - {id: hub, kind: router, vendor: cisco, site: s2}\n";
  std::string links = "  - {a: hub, b: u}\n  - {a: g, b: hub}\n";
  std::string services;
  for (int leaf = 0; leaf < 5; ++leaf) {
    elements += fmt::format("  - {{id: leaf{}, kind: gnb, vendor: nokia, site: s1}}\n", leaf);
    links += fmt::format("  - {{a: leaf{}, b: hub}}\n", leaf);
    services += fmt::format(
        "  - {{id: svc{0}, sector: energy, attach: [leaf{0}], needs: [upf], weight: 1}}\n", leaf);
  }
  const Network network = LoadNetwork(Inventory(elements, links, services));
  const auto outcome = Simulate(network, R"(format: redoubt/scenario@1
id: star
hazard:
  composite:
    - {random: {kinds: {router: 0.1}}}
    - {vendor: {vendor: nokia, probability: 0.2}}
horizon_hours: 10
checkpoints: 3
trials: 3000
seed: 5
)");
  const SeriesSummary& all = outcome.summary.series[0];
  EXPECT_TRUE(WithinCi(all.min_level, 0.72));
  // Each service is down in a trial with probability 1 − 0.72.
  ASSERT_EQ(outcome.summary.services.size(), 5U);
  for (const ServiceHurt& hurt : outcome.summary.services) {
    EXPECT_LE(hurt.down_share_low, 0.28);
    EXPECT_GE(hurt.down_share_high, 0.28);
  }
}

TEST(Recovery, OneCrewFixedRepairGivesTheExactTriangle) {
  // The only router fails at t=0; one crew repairs it in exactly 10 h.
  const Network network =
      LoadNetwork(Inventory(Routers(1), "  - {a: g, b: r0}\n  - {a: r0, b: u}\n", kOneService));
  const auto outcome = Simulate(network, R"(format: redoubt/scenario@1
id: triangle
hazard: {random: {kinds: {router: 1}}}
recovery: {crews: 1, repair_hours: 10}
horizon_hours: 20
checkpoints: 21
trials: 3
)");
  const SeriesSummary& all = outcome.summary.series[0];
  EXPECT_DOUBLE_EQ(all.loss_hours.mean, 9.5);  // 0 for t < 10, trapezoid over [9, 10]
  EXPECT_DOUBLE_EQ(all.min_level.mean, 0.0);
  EXPECT_DOUBLE_EQ(all.recover_100_hours.mean, 10.0);
  EXPECT_DOUBLE_EQ(all.recover_90_hours.mean, 10.0);
  EXPECT_EQ(all.recover_100_hours.censored, 0U);
  EXPECT_DOUBLE_EQ(all.weight_level.mean[9], 0.0);
  EXPECT_DOUBLE_EQ(all.weight_level.mean[10], 1.0);
}

TEST(Recovery, ExponentialRepairMeanIsTheExpectedLoss) {
  const Network network =
      LoadNetwork(Inventory(Routers(1), "  - {a: g, b: r0}\n  - {a: r0, b: u}\n", kOneService));
  const auto outcome = Simulate(network, R"(format: redoubt/scenario@1
id: exponential
hazard: {random: {kinds: {router: 1}}}
recovery: {crews: 1, repair_hours: {exponential: {mean: 6}}}
horizon_hours: 100
checkpoints: 401
trials: 1000
seed: 3
)");
  // Loss = repair time up to the grid (the mean rounding is 0 on average).
  EXPECT_TRUE(WithinCi(outcome.summary.series[0].loss_hours, 6.0));
}

TEST(Recovery, CrewsFollowThePriority) {
  // Two routers fail; one crew, 5 h each. Health rides on r1 (weight 1),
  // public on r0 (weight 10): critical-first repairs r1 first, weight-first r0.
  const std::string services =
      "  - {id: clinic, sector: health, attach: [g], needs: [upf], weight: 1}\n"
      "  - {id: homes, sector: public, attach: [g2], needs: [upf], weight: 10}\n";
  const Network network = LoadNetwork(Inventory(
      Routers(2) + "  - {id: g2, kind: gnb, vendor: ericsson, site: s1}\n",
      "  - {a: g, b: r1}\n  - {a: r1, b: u}\n  - {a: g2, b: r0}\n  - {a: r0, b: u}\n", services));
  auto scenario = [](const char* priority) {
    return fmt::format(R"(format: redoubt/scenario@1
id: priority
hazard: {{random: {{kinds: {{router: 1}}}}}}
recovery: {{crews: 1, repair_hours: 5, priority: {}}}
horizon_hours: 20
checkpoints: 21
trials: 2
)",
                       priority);
  };
  auto hours_down = [&](const sim_testing::Outcome& outcome, const std::string& id) {
    for (const ServiceHurt& hurt : outcome.summary.services) {
      if (network.Str(network.services[hurt.service].id) == id) return hurt.mean_down_hours;
    }
    return -1.0;
  };
  const auto critical = Simulate(network, scenario("critical-first"));
  EXPECT_DOUBLE_EQ(hours_down(critical, "clinic"), 5.0);
  EXPECT_DOUBLE_EQ(hours_down(critical, "homes"), 10.0);
  const auto heavy = Simulate(network, scenario("weight-first"));
  EXPECT_DOUBLE_EQ(hours_down(heavy, "clinic"), 10.0);
  EXPECT_DOUBLE_EQ(hours_down(heavy, "homes"), 5.0);
  const auto listed = Simulate(network, scenario("{order: [r0]}"));
  EXPECT_DOUBLE_EQ(hours_down(listed, "homes"), 5.0);
}

TEST(Recovery, ReplacementWaitsForNewEquipment) {
  // A kill-switch on the (Huawei) router: new equipment after 1 day, then 2 h of work.
  const Network network = LoadNetwork(
      Inventory(Routers(1, "huawei"), "  - {a: g, b: r0}\n  - {a: r0, b: u}\n", kOneService));
  const auto outcome = Simulate(network, R"(format: redoubt/scenario@1
id: replace
hazard: {vendor: {vendor: huawei}}
recovery: {crews: 3, repair_hours: 2, replace_days: 1}
horizon_hours: 48
checkpoints: 49
trials: 2
)");
  EXPECT_DOUBLE_EQ(outcome.summary.series[0].recover_100_hours.mean, 26.0);
  EXPECT_DOUBLE_EQ(outcome.summary.series[0].loss_hours.mean, 25.5);
}

TEST(Recovery, PowerCutDropsTheSiteWhenItsBatteriesRunOut) {
  // The gNB's site has 2 h of backup; the UPF's has 100 h. The grid is out
  // for 24 h: the service is down from t=2 to t=24, with no crew needed.
  const Network network = LoadNetwork(Inventory("", "  - {a: g, b: u}\n", kOneService));
  for (bool force_general : {false, true}) {
    const auto outcome = Simulate(network, R"(format: redoubt/scenario@1
id: blackout
hazard: {power: {substations: all, outage_hours: 24}}
horizon_hours: 48
checkpoints: 49
trials: 2
)",
                                  1, force_general);
    const Band& level = outcome.summary.series[0].weight_level;
    EXPECT_DOUBLE_EQ(level.mean[1], 1.0);
    EXPECT_DOUBLE_EQ(level.mean[2], 0.0);
    EXPECT_DOUBLE_EQ(level.mean[23], 0.0);
    EXPECT_DOUBLE_EQ(level.mean[24], 1.0);
    EXPECT_DOUBLE_EQ(outcome.summary.series[0].loss_hours.mean, 22.0);
    EXPECT_DOUBLE_EQ(outcome.summary.series[0].recover_100_hours.mean, 24.0);
    ASSERT_EQ(outcome.summary.regions.size(), 1U);
    EXPECT_EQ(outcome.summary.regions[0].region, "North");
    EXPECT_DOUBLE_EQ(outcome.summary.regions[0].weight_hours_lost.mean, 22.0);
  }
}

}  // namespace
}  // namespace redoubt
