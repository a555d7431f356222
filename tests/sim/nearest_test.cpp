// Nearest-first recovery through a spatial index must make exactly the choices
// of a scan over every waiting job. First the index against brute force on
// random points (clusters, duplicates, the antimeridian and the poles), then
// whole runs: every bundled scenario made nearest-first with travel, on the
// bundled GB network and on a grid of equidistant sites, gives the same
// document with the index as with the scan.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "core/geo.hpp"
#include "io/inventory_reader.hpp"
#include "sim/nearest_places.hpp"
#include "sim/random.hpp"
#include "sim/recovery.hpp"
#include "sim/resilience_json.hpp"
#include "sim_testing.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

using sim_testing::LoadNetwork;

std::vector<NearestPlaces::LatLon> RandomPlaces(std::mt19937& random, int count) {
  std::uniform_real_distribution<double> lat(-90, 90);
  std::uniform_real_distribution<double> lon(-180, 180);
  std::uniform_real_distribution<double> near(-0.05, 0.05);
  std::vector<NearestPlaces::LatLon> places;
  for (int at = 0; at < count; ++at) {
    switch (random() % 5) {
      case 0:  // a duplicate of an earlier place
        places.push_back(places.empty() ? NearestPlaces::LatLon{0, 0}
                                        : places[random() % places.size()]);
        break;
      case 1:  // a cluster, as cell sites are
        places.push_back({51.5 + near(random), -0.1 + near(random)});
        break;
      case 2:  // across the antimeridian or near a pole
        places.push_back({random() % 2 == 0 ? 89.99 : -10.0 + near(random),
                          random() % 2 == 0 ? 179.99 : -179.99});
        break;
      default:
        places.push_back({lat(random), lon(random)});
    }
  }
  return places;
}

TEST(NearestPlaces, FindsWhatAScanOfTheActivePlacesFinds) {
  std::mt19937 random(7);
  for (int round = 0; round < 30; ++round) {
    const auto places = RandomPlaces(random, 1 + round * 13);
    NearestPlaces index(places);
    std::vector<std::uint32_t> active(places.size(), 0);
    std::vector<std::uint32_t> found;
    for (int step = 0; step < 200; ++step) {
      const auto place = static_cast<std::uint32_t>(random() % places.size());
      if (active[place] > 0 && random() % 2 == 0) {
        index.Deactivate(place);
        --active[place];
      } else {
        index.Activate(place);
        ++active[place];
      }
      const NearestPlaces::LatLon from = RandomPlaces(random, 1).front();
      index.Nearest(from.lat, from.lon, found);
      double least = kNever;
      for (std::uint32_t other = 0; other < places.size(); ++other) {
        if (active[other] == 0) continue;
        least =
            std::min(least, HaversineKm(from.lat, from.lon, places[other].lat, places[other].lon));
      }
      const auto live = std::count_if(active.begin(), active.end(),
                                      [](std::uint32_t count) { return count > 0; });
      ASSERT_EQ(index.ActiveCount(),
                std::accumulate(active.begin(), active.end(), std::uint32_t{0}));
      if (live == 0) {
        EXPECT_TRUE(found.empty());
        continue;
      }
      ASSERT_FALSE(found.empty()) << "round " << round << " step " << step;
      // Every place at the least great-circle distance is among the
      // candidates; every candidate is active and as near, within the slack.
      for (std::uint32_t other = 0; other < places.size(); ++other) {
        if (active[other] == 0) continue;
        const double km = HaversineKm(from.lat, from.lon, places[other].lat, places[other].lon);
        if (km == least) {
          EXPECT_NE(std::find(found.begin(), found.end(), other), found.end())
              << "round " << round << " step " << step << " place " << other;
        }
      }
      for (std::uint32_t candidate : found) {
        EXPECT_GT(active[candidate], 0U);
        EXPECT_NEAR(HaversineKm(from.lat, from.lon, places[candidate].lat, places[candidate].lon),
                    least, 1e-3);
      }
    }
  }
}

// Runs `scenario` made nearest-first with travel, by index and by scan.
void ExpectIndexEqualsScan(const Network& network, Scenario scenario, const std::string& what,
                           std::uint32_t trials) {
  if (!scenario.recovery) scenario.recovery = RecoverySpec{};
  scenario.recovery->priority = Priority::kNearestFirst;
  if (scenario.recovery->crews == 0) scenario.recovery->crews = 3;
  if (scenario.recovery->travel_kmh == 0) scenario.recovery->travel_kmh = 40;
  if (scenario.recovery->repair.Mean() == 0) scenario.recovery->repair = Distribution::Fixed(5);
  std::string documents[2];
  for (int scan = 0; scan < 2; ++scan) {
    auto run = PrepareRun(network, scenario, {.seed = 11, .trials = trials});
    run->recovery.ScanForNearestFirst(scan == 1);
    RunControl control;
    control.threads = 2;
    const RunResults results = RunTrials(*run, control);
    ASSERT_EQ(results.completed, trials) << what;
    documents[scan] = ResilienceNetworkJson(*run, results, Summarize(*run, results)).dump();
  }
  EXPECT_EQ(documents[0], documents[1]) << what;
}

TEST(NearestFirst, TheIndexChoosesAsTheScanOnEveryBundledScenario) {
  InventoryOptions options;
  options.warnings = false;
  auto loaded = LoadInventories(
      std::vector<std::string>{testing::SourcePath("data/samples/allies/gb.json")}, options);
  ASSERT_TRUE(loaded.ok());
  const Network& network = loaded.value().front();
  for (const std::string& entry : testing::ListDirectory(testing::SourcePath("data/scenarios"))) {
    auto scenario = LoadScenario(testing::SourcePath("data/scenarios/" + entry));
    ASSERT_TRUE(scenario.ok()) << entry;
    ExpectIndexEqualsScan(network, scenario.value(), entry, 2);
  }
}

// Jobs scheduled by index and by scan for random failures of every element
// and link (some twice, some replaced): the same crews start the same jobs at
// the same times.
void ExpectSameSchedules(const Network& network, const std::string& scenario_text) {
  const Scenario scenario = sim_testing::ParseScenario(scenario_text);
  auto run = PrepareRun(network, scenario, {.seed = 1, .trials = 1});
  std::mt19937 random(5);
  for (int round = 0; round < 20; ++round) {
    std::vector<RepairFailure> failures;
    for (int link = 0; link < 2; ++link) {
      const std::size_t count = link == 0 ? network.elements.size() : network.links.size();
      for (std::uint32_t target = 0; target < count; ++target) {
        if (random() % 3 == 0) continue;
        const double first = random() % 2 == 0 ? 0.0 : static_cast<double>(random() % 40);
        failures.push_back({.target = target,
                            .link = link == 1,
                            .replace = random() % 4 == 0,
                            .failed_hours = first});
        if (random() % 5 == 0) {
          failures.push_back({.target = target,
                              .link = link == 1,
                              .replace = false,
                              .failed_hours = first + static_cast<double>(random() % 30)});
        }
      }
    }
    std::vector<RepairJob> jobs[2];
    for (int scan = 0; scan < 2; ++scan) {
      run->recovery.ScanForNearestFirst(scan == 1);
      Rng rng = Rng::ForTrial(3, static_cast<std::uint64_t>(round));
      jobs[scan] = run->recovery.Schedule(failures, 500, rng);
    }
    ASSERT_EQ(jobs[0].size(), jobs[1].size()) << "round " << round;
    for (std::size_t at = 0; at < jobs[0].size(); ++at) {
      EXPECT_EQ(jobs[0][at].target, jobs[1][at].target) << "round " << round << " job " << at;
      EXPECT_EQ(jobs[0][at].start_hours, jobs[1][at].start_hours)
          << "round " << round << " job " << at;
      EXPECT_EQ(jobs[0][at].done_hours, jobs[1][at].done_hours)
          << "round " << round << " job " << at;
    }
  }
}

// Sites on a regular grid of binary-exact steps, so that many are exactly as
// far from a crew (east and west of it), and
// some elements with no site at all: the tie-breaks and the unplaced jobs.
TEST(NearestFirst, TheIndexChoosesAsTheScanAmongEquidistantSites) {
  std::string text = "format: redoubt/inventory@1\nnetwork: {id: grid, country: GB}\nsites:\n";
  for (int row = 0; row < 8; ++row) {
    for (int column = 0; column < 8; ++column) {
      text += fmt::format("  - {{id: s{}_{}, kind: cell, lat: {}, lon: {}}}\n", row, column,
                          52 + 0.125 * row, -1 + 0.125 * column);
    }
  }
  text += "elements:\n  - {id: core, kind: upf, vendor: nokia, site: s0_0}\n";
  for (int row = 0; row < 8; ++row) {
    for (int column = 0; column < 8; ++column) {
      text += fmt::format("  - {{id: r{}_{}, kind: router, vendor: huawei, site: s{}_{}}}\n", row,
                          column, row, column);
      text += fmt::format("  - {{id: g{}_{}, kind: gnb, vendor: huawei, site: s{}_{}}}\n", row,
                          column, row, column);
    }
  }
  for (int loose = 0; loose < 6; ++loose)
    text += fmt::format("  - {{id: x{}, kind: router, vendor: huawei}}\n", loose);
  text += "links:\n";
  for (int row = 0; row < 8; ++row) {
    for (int column = 0; column < 8; ++column) {
      text += fmt::format("  - {{a: g{0}_{1}, b: r{0}_{1}}}\n", row, column);
      if (column > 0)
        text += fmt::format("  - {{a: r{0}_{1}, b: r{0}_{2}}}\n", row, column, column - 1);
      if (row > 0) text += fmt::format("  - {{a: r{0}_{1}, b: r{2}_{1}}}\n", row, column, row - 1);
    }
  }
  text += "  - {a: core, b: r0_0}\n";
  for (int loose = 0; loose < 6; ++loose) text += fmt::format("  - {{a: x{}, b: r7_7}}\n", loose);
  text += "services:\n";
  for (int service = 0; service < 16; ++service) {
    text += fmt::format("  - {{id: svc{}, sector: health, attach: [g{}_{}], weight: {}}}\n",
                        service, service / 2, (service * 3) % 8, 1 + service % 4);
  }
  const Network network = LoadNetwork(text);
  const char* scenarios[] = {
      // Everything at once: every crew's choice is among ties.
      "format: redoubt/scenario@1\nid: all\nhazard: {vendor: {vendor: huawei}}\n"
      "recovery: {crews: 3, repair_hours: 2, priority: nearest-first, travel_kmh: 30}\n"
      "horizon_hours: 400\ncheckpoints: 41\ntrials: 5\nseed: 1\n",
      // Random faults over time, some of them twice: jobs join and follow up.
      "format: redoubt/scenario@1\nid: faults\nhazard: {composite: [{random: {probability: 0.4, "
      "links: 0.2}}, "
      "{at_hours: 3, hazard: {random: {probability: 0.4}}}]}\n"
      "recovery: {crews: 2, repair_hours: {lognormal: {median: 3, sigma: 0.5}}, "
      "priority: nearest-first, travel_kmh: 20, replace_days: 0.5}\n"
      "horizon_hours: 300\ncheckpoints: 31\ntrials: 12\nseed: 2\n"};
  for (const char* scenario_text : scenarios) {
    ExpectIndexEqualsScan(network, sim_testing::ParseScenario(scenario_text), scenario_text, 12);
    ExpectSameSchedules(network, scenario_text);
  }
}

}  // namespace
}  // namespace redoubt
