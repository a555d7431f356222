// The trial engine against brute force: for random down spans on random
// networks, the service levels the evaluator finds at every checkpoint (by
// incremental or by offline dynamic connectivity) must equal those of
// ServicesUp on the network with the down elements and links masked off.
// Then the hazards on the sample, and determinism across thread counts.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <random>

#include "graph/network_topology.hpp"
#include "sim/hazards/hazard_util.hpp"
#include "sim/resilience_json.hpp"
#include "sim_testing.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

using sim_testing::LoadNetwork;
using sim_testing::ParseScenario;

std::string RandomInventory(std::mt19937& random, int routers, int cells, int extra_links) {
  std::string text = "format: redoubt/inventory@1\nnetwork: {id: random, country: GB}\nelements:\n";
  const char* core[] = {"amf", "smf", "upf"};
  for (int copy = 0; copy < 2; ++copy) {
    for (const char* kind : core)
      text += fmt::format("  - {{id: {}{}, kind: {}, vendor: nokia}}\n", kind, copy, kind);
  }
  for (int router = 0; router < routers; ++router)
    text += fmt::format("  - {{id: r{}, kind: router, vendor: cisco}}\n", router);
  for (int cell = 0; cell < cells; ++cell)
    text += fmt::format("  - {{id: g{}, kind: gnb, vendor: huawei}}\n", cell);
  text += "links:\n";
  int next_id = 0;
  auto link = [&](const std::string& a, const std::string& b) {
    text += fmt::format("  - {{id: l{}, a: {}, b: {}}}\n", next_id++, a, b);
  };
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  for (int copy = 0; copy < 2; ++copy) {
    for (const char* kind : core)
      link(fmt::format("{}{}", kind, copy), fmt::format("r{}", pick(routers)));
  }
  for (int router = 1; router < routers; ++router)
    link(fmt::format("r{}", router), fmt::format("r{}", pick(router)));
  for (int cell = 0; cell < cells; ++cell)
    link(fmt::format("g{}", cell), fmt::format("r{}", pick(routers)));
  for (int extra = 0; extra < extra_links; ++extra) {
    const int a = pick(routers);
    const int b = pick(routers);
    link(fmt::format("r{}", a), fmt::format("r{}", b == a ? (a + 1) % routers : b));
  }
  text += "services:\n";
  const char* sectors[] = {"health", "energy", "public", "defence"};
  for (int service = 0; service < cells / 2; ++service) {
    const int first = pick(cells);
    const int second = (first + 1 + pick(cells - 1)) % cells;
    text += fmt::format("  - {{id: s{}, sector: {}, attach: [g{}, g{}], weight: {}}}\n", service,
                        sectors[service % 4], first, second, 1 + pick(9));
  }
  return text;
}

// Random disjoint, non-adjacent spans per target, sorted.
std::vector<DownSpan> RandomSpans(std::mt19937& random, std::uint32_t targets, std::uint32_t count,
                                  double share, bool from_zero) {
  std::vector<DownSpan> spans;
  std::uniform_real_distribution<double> coin(0, 1);
  for (std::uint32_t target = 0; target < targets; ++target) {
    if (coin(random) >= share) continue;
    std::uint32_t cursor = 0;
    const int pieces = from_zero ? 1 : 1 + static_cast<int>(random() % 3);
    for (int piece = 0; piece < pieces && cursor < count; ++piece) {
      const std::uint32_t first =
          from_zero && piece == 0
              ? 0
              : cursor + static_cast<std::uint32_t>(random() % (count - cursor));
      if (first >= count) break;
      const std::uint32_t last = first + 1 + static_cast<std::uint32_t>(random() % (count - first));
      spans.push_back({target, first, last});
      cursor = last + 1;
    }
  }
  return spans;
}

TEST(Engine, EvaluatorMatchesBruteForceOnRandomNetworks) {
  std::mt19937 random(2024);
  for (int round = 0; round < 12; ++round) {
    const Network network = LoadNetwork(RandomInventory(random, 12 + round, 10 + round, 6 + round));
    PreparedRun run;
    run.topology = BuildNetworkTopology(network);
    run.net.network = &network;
    run.net.topology = &run.topology.topology;
    run.net.demand = BuildServiceDemand(network);
    const BitVector base = ServicesUp(network, run.topology.topology, run.net.demand);
    std::vector<ServiceIndex> followed;
    for (ServiceIndex service = 0; service < network.services.size(); ++service) {
      if (base.Test(service)) followed.push_back(service);
    }
    run.series = BuildServiceSeries(network, run.net.demand, followed);
    const CheckpointGrid grid{10.0, 11};
    LevelEvaluator evaluator(run.net, run.series, grid);
    for (int trial = 0; trial < 6; ++trial) {
      const bool from_zero = trial % 2 == 0;
      const auto elements = RandomSpans(random, static_cast<std::uint32_t>(network.elements.size()),
                                        grid.count, 0.3, from_zero);
      const auto links = RandomSpans(random, static_cast<std::uint32_t>(network.links.size()),
                                     grid.count, 0.2, from_zero);
      TrialLevels fast;
      TrialLevels general;
      evaluator.Evaluate(elements, links, false, fast);
      evaluator.Evaluate(elements, links, true, general);
      EXPECT_EQ(fast.services_up, general.services_up);
      EXPECT_EQ(fast.down_checkpoints, general.down_checkpoints);
      std::vector<std::uint32_t> down(followed.size(), 0);
      for (std::uint32_t checkpoint = 0; checkpoint < grid.count; ++checkpoint) {
        BitVector nodes(network.elements.size(), true);
        BitVector edges(network.links.size(), true);
        for (const DownSpan& span : elements) {
          if (span.first <= checkpoint && checkpoint < span.last) nodes.Reset(span.target);
        }
        for (const DownSpan& span : links) {
          if (span.first <= checkpoint && checkpoint < span.last) edges.Reset(span.target);
        }
        const BitVector up =
            ServicesUp(network, run.topology.topology, run.net.demand, {&nodes, &edges});
        std::uint32_t count = 0;
        double weight = 0;
        for (std::size_t index = 0; index < followed.size(); ++index) {
          if (up.Test(followed[index])) {
            ++count;
            weight += network.services[followed[index]].weight;
          } else {
            ++down[index];
          }
        }
        ASSERT_EQ(general.services_up[checkpoint], count)
            << "round " << round << " trial " << trial << " t " << checkpoint;
        ASSERT_DOUBLE_EQ(general.weight_up[checkpoint], weight);
      }
      EXPECT_EQ(general.down_checkpoints, down);
    }
  }
}

const std::string kSample = testing::SourcePath("data/samples/sample-gb.yaml");

Network Sample() {
  InventoryOptions options;
  options.warnings = false;
  auto loaded = LoadInventories(std::vector<std::string>{kSample}, options);
  EXPECT_TRUE(loaded.ok());
  return std::move(loaded).value().front();
}

Scenario Bundled(const std::string& name) {
  auto loaded = LoadScenario(testing::SourcePath("data/scenarios/" + name + ".yaml"));
  EXPECT_TRUE(loaded.ok()) << name;
  return std::move(loaded).value();
}

TEST(Engine, BothConnectivityMethodsAgreeOnEveryBundledScenario) {
  const Network network = Sample();
  for (const std::string& entry : testing::ListDirectory(testing::SourcePath("data/scenarios"))) {
    const Scenario scenario = Bundled(entry.substr(0, entry.rfind('.')));
    auto run = PrepareRun(network, scenario, {.seed = scenario.seed, .trials = 20});
    RunControl fast;
    fast.threads = 2;
    RunControl general = fast;
    general.force_general = true;
    const RunResults a = RunTrials(*run, fast);
    const RunResults b = RunTrials(*run, general);
    ASSERT_EQ(a.completed, 20U);
    for (std::uint32_t trial = 0; trial < a.completed; ++trial) {
      EXPECT_EQ(a.trials[trial].weight_share, b.trials[trial].weight_share)
          << entry << " trial " << trial;
    }
    EXPECT_EQ(a.down_checkpoints, b.down_checkpoints) << entry;
  }
}

TEST(Engine, ResultsDoNotDependOnTheThreadCount) {
  const Network network = Sample();
  for (const char* name : {"storm-then-blackout", "random-faults"}) {
    const Scenario scenario = Bundled(name);
    std::string first;
    for (unsigned threads : {1U, 2U, 8U}) {
      auto run = PrepareRun(network, scenario, {.seed = 9, .trials = 40});
      RunControl control;
      control.threads = threads;
      const RunResults results = RunTrials(*run, control);
      const std::string text =
          ResilienceNetworkJson(*run, results, Summarize(*run, results)).dump();
      if (first.empty()) {
        first = text;
      } else {
        EXPECT_EQ(text, first) << name << " with " << threads << " threads";
      }
    }
  }
}

TEST(Hazards, VendorKillSwitchOnTheSampleCutsOffDrax) {
  // Huawei RAN and transport down: only Drax (behind the Huawei microwave
  // hop) is lost — weight 2,000 of 185,000 — until replacement (21 days)
  // and repair; every other service has a non-Huawei attachment.
  const Network network = Sample();
  const Scenario scenario = Bundled("vendor-kill-switch");
  auto run = PrepareRun(network, scenario, {.seed = 1, .trials = 30});
  const RunResults results = RunTrials(*run, {});
  const ResilienceSummary summary = Summarize(*run, results);
  const SeriesSummary& all = summary.series[0];
  EXPECT_NEAR(all.weight_level.mean[0], 183000.0 / 185000.0, 1e-12);
  EXPECT_NEAR(all.min_level.p5, 183000.0 / 185000.0, 1e-12);
  EXPECT_NEAR(all.min_level.p95, 183000.0 / 185000.0, 1e-12);
  // Back after 504 h of lead time plus a repair of a few hours: checkpoints are 6 h apart.
  EXPECT_GE(all.recover_100_hours.p5, 504.0);
  EXPECT_LE(all.recover_100_hours.p95, 540.0);
  EXPECT_EQ(all.recover_100_hours.censored, 0U);
  ASSERT_EQ(summary.services.size(), 1U);
  EXPECT_EQ(network.Str(network.services[summary.services[0].service].id), "drax-power-station");
  EXPECT_EQ(summary.services[0].down_trials, 30U);
  ASSERT_EQ(summary.regions.size(), 1U);
  EXPECT_EQ(summary.regions[0].region, "Yorkshire and the Humber");
}

TEST(Hazards, NoOpsAreNotedNotErrors) {
  const Network network = Sample();
  const Scenario scenario = ParseScenario(R"(format: redoubt/scenario@1
id: no-op
hazard:
  composite:
    - {vendor: {vendor: zte}}
    - {vendor: {vendor: nobody-we-know}}
    - {exploit: {vendor: huawei, models: ["No Such Product"]}}
    - {link: {links: [no-such-link], conduits: [no-such-duct]}}
    - {power: {substations: [sub-nowhere]}}
horizon_hours: 24
trials: 5
)");
  auto run = PrepareRun(network, scenario, {.seed = 1, .trials = 5});
  EXPECT_GE(run->notes.size(), 6U);
  bool zte = false;
  for (const std::string& note : run->notes) zte = zte || note.find("zte") != std::string::npos;
  EXPECT_TRUE(zte);
  const RunResults results = RunTrials(*run, {});
  const ResilienceSummary summary = Summarize(*run, results);
  EXPECT_DOUBLE_EQ(summary.series[0].loss_hours.mean, 0.0);
  EXPECT_TRUE(summary.services.empty());
}

std::size_t DownElements(const PreparedRun& run, std::uint32_t trial) {
  std::size_t count = 0;
  const TrialSpans spans = SampleTrial(run, trial);
  for (std::size_t at = 0; at < spans.elements.size(); ++at) {
    if (at == 0 || spans.elements[at - 1].target != spans.elements[at].target) ++count;
  }
  return count;
}

TEST(Hazards, EachKindHitsWhatItNames) {
  const Network network = Sample();
  auto prepare = [&](const std::string& hazard) {
    return PrepareRun(network,
                      ParseScenario("format: redoubt/scenario@1\nid: t\nhazard: " + hazard +
                                    "\nhorizon_hours: 24\n"),
                      {.seed = 3, .trials = 1});
  };
  // Huawei RAN on SRAN15.1 (7 elements) is before SRAN16; nothing is before SRAN15.
  EXPECT_EQ(
      DownElements(
          *prepare("{exploit: {vendor: huawei, domains: [ran], software: {before: SRAN16}}}"), 0),
      7U);
  EXPECT_EQ(
      DownElements(
          *prepare("{exploit: {vendor: huawei, domains: [ran], software: {before: SRAN15}}}"), 0),
      0U);
  // The Huawei EMS compromised, spreading with certainty one hop to what it manages (10 elements).
  EXPECT_EQ(
      DownElements(
          *prepare("{exploit: {vendor: huawei, kinds: [ems], spread: {probability: 1, hops: 1}}}"),
          0),
      11U);
  EXPECT_EQ(DownElements(*prepare("{targeted: {count: 20, by: betweenness}}"), 0), 20U);
  EXPECT_EQ(DownElements(*prepare("{targeted: {count: 3, by: weight}}"), 0), 3U);
  // A conduit cut takes both links in duct-lon-e15.
  const auto conduit = prepare("{link: {conduits: [duct-lon-e15]}}");
  EXPECT_EQ(SampleTrial(*conduit, 0).links.size(), 2U);
  // The London Docklands data centre with everything in it (it holds the most elements).
  const auto region = prepare("{region: {centre: largest-site, radius_km: 1}}");
  EXPECT_EQ(DownElements(*region, 0), 18U);
  // The whole grid out for 4 h: only sites with under 4 h of backup drop.
  const auto power = prepare("{power: {substations: all, outage_hours: 4}}");
  const TrialSpans spans = SampleTrial(*power, 0);
  for (const DownSpan& span : spans.elements) {
    const Site& site = network.sites[network.elements[span.target].site];
    EXPECT_LT(site.backup_hours, 4.0F) << network.ElementId(span.target);
  }
  EXPECT_FALSE(spans.elements.empty());
}

TEST(Hazards, VersionsCompareInNaturalOrder) {
  using hazard_util::CompareVersions;
  EXPECT_LT(CompareVersions("1.9", "1.10"), 0);
  EXPECT_LT(CompareVersions("V100R9", "V100R10"), 0);
  EXPECT_EQ(CompareVersions("19.0", "19.00"), 0);  // leading zeros do not count
  EXPECT_EQ(CompareVersions("SRAN15.1", "SRAN15.1"), 0);
  EXPECT_GT(CompareVersions("Junos 18.4R1", "Junos 18.2R2"), 0);
  EXPECT_LT(CompareVersions("007", "8"), 0);
}

}  // namespace
}  // namespace redoubt
