// Exposure analysis on small inventories with known answers, and on seeded
// random inventories against brute force (one search per element / vendor /
// site, and unrestricted max-flow) to check the block-cut tree shortcuts.
#include "analysis/exposure.hpp"

#include <random>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "analysis/exposure_json.hpp"
#include "analysis/exposure_summary.hpp"
#include "analysis/trust.hpp"
#include "graph/disjoint_paths.hpp"
#include "graph/network_topology.hpp"
#include "graph/shortest_paths.hpp"
#include "io/inventory_reader.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

Network Load(const std::string& text) {
  std::vector<SourceFile> sources;
  sources.push_back(SourceFile::FromString("inline.yaml", text));
  InventoryOptions options;
  options.warnings = false;
  auto loaded = LoadInventorySources(std::move(sources), options);
  EXPECT_TRUE(loaded.ok()) << [&] {
    std::string all;
    for (const auto& diagnostic : loaded.diagnostics().Items()) all += diagnostic.Format() + "\n";
    return all;
  }();
  return std::move(loaded).value().front();
}

std::vector<std::string> Ids(const Network& network, const std::vector<ElementIndex>& elements) {
  std::vector<std::string> ids;
  for (ElementIndex element : elements) ids.emplace_back(network.ElementId(element));
  return ids;
}

// gnb-a and gnb-b (huawei) hang off r1; r1 reaches the core through r2
// (cisco) or r3 (huawei); the core has one AMF/SMF/UPF behind switch sw.
// gnb-c sits alone. amf-2 at the same site as amf-1, behind its own switch.
const char* kSmall = R"(format: redoubt/inventory@1
network: {id: small, country: GB}
sites:
  - {id: cell-a, kind: cell, region: North}
  - {id: cell-b, kind: cell, region: South}
  - {id: dc, kind: datacenter, region: North}
elements:
  - {id: gnb-a, kind: gnb, vendor: ericsson, site: cell-a}
  - {id: gnb-b, kind: gnb, vendor: huawei, site: cell-b}
  - {id: gnb-c, kind: gnb, vendor: ericsson, site: cell-b}
  - {id: r1, kind: router, vendor: cisco, site: cell-a, managed_by: [ems-h]}
  - {id: r2, kind: router, vendor: cisco, site: dc}
  - {id: r3, kind: router, vendor: huawei, site: dc}
  - {id: sw, kind: switch, vendor: nokia, site: dc}
  - {id: amf-1, kind: amf, vendor: nokia, site: dc}
  - {id: smf-1, kind: smf, vendor: nokia, site: dc}
  - {id: upf-1, kind: upf, vendor: nokia, site: dc}
  - {id: ems-h, kind: ems, vendor: huawei, site: dc}
links:
  - {a: gnb-a, b: r1, latency_ms: 1}
  - {a: gnb-b, b: r1, latency_ms: 1}
  - {a: r1, b: r2, latency_ms: 2}
  - {a: r1, b: r3, latency_ms: 1}
  - {a: r2, b: sw, latency_ms: 1}
  - {a: r3, b: sw, latency_ms: 1}
  - {a: sw, b: amf-1, latency_ms: 1}
  - {a: sw, b: smf-1, latency_ms: 1}
  - {a: sw, b: upf-1, latency_ms: 1}
  - {a: sw, b: ems-h, latency_ms: 1}
services:
  - {id: two-cells, sector: health, attach: [gnb-a, gnb-b], weight: 10, requires: {disjoint_paths: 2}}
  - {id: alone, sector: public, attach: [gnb-c], weight: 5}
  - {id: at-core, sector: energy, attach: [sw], needs: [amf], weight: 1, requires: {trusted_paths: true}}
)";

TEST(Exposure, SmallNetworkByHand) {
  const Network network = Load(kSmall);
  ExposureOptions options;
  options.untrusted = UntrustedByRisk(network);
  const ExposureResult result = AnalyzeExposure(network, options);
  ASSERT_EQ(result.services.size(), 3u);
  EXPECT_EQ(result.max_paths, 4u);

  const ServiceExposure& two = result.services[0];
  EXPECT_TRUE(two.up);
  // Least latency r1 → r3 → sw (2 ms) beats r1 → r2 → sw (3 ms).
  ASSERT_EQ(two.routes.size(), 6u);
  EXPECT_EQ(Ids(network, two.routes[0].path),
            (std::vector<std::string>{"gnb-a", "r1", "r3", "sw", "amf-1"}));
  EXPECT_DOUBLE_EQ(two.routes[0].latency_ms, 4.0);
  EXPECT_EQ(Ids(network, two.untrusted_on_routes), (std::vector<std::string>{"gnb-b", "r3"}));
  ASSERT_EQ(two.untrusted_managers.size(), 1u);
  EXPECT_EQ(network.ElementId(two.untrusted_managers[0].manager), "ems-h");
  EXPECT_EQ(Ids(network, two.untrusted_managers[0].manages), (std::vector<std::string>{"r1"}));
  EXPECT_TRUE(two.survives_untrusted_loss);  // gnb-a → r1 → r2 is all trusted
  std::vector<std::string> lost;
  for (VendorIndex vendor : two.lost_with_vendors) lost.emplace_back(network.Str(network.vendors[vendor].id));
  std::sort(lost.begin(), lost.end());
  EXPECT_EQ(lost, (std::vector<std::string>{"cisco", "nokia"}));  // r1, and the core
  // Both cells hang off r1: one disjoint path, r1 and sw are single points.
  for (const FunctionPaths& paths : two.paths) {
    EXPECT_EQ(paths.disjoint, 1u);
    EXPECT_EQ(paths.trusted_disjoint, 1u);
  }
  EXPECT_EQ(Ids(network, two.single_points), (std::vector<std::string>{"r1", "sw", "amf-1", "smf-1", "upf-1"}));
  const auto unmet = UnmetRequirements(network, two);
  ASSERT_EQ(unmet.size(), 1u);
  EXPECT_EQ(unmet[0].requirement, "disjoint_paths");
  EXPECT_EQ(unmet[0].found, 1u);

  const ServiceExposure& alone = result.services[1];
  EXPECT_FALSE(alone.up);
  EXPECT_TRUE(alone.routes.empty());
  EXPECT_FALSE(alone.survives_untrusted_loss);
  EXPECT_TRUE(alone.lost_with_vendors.empty());  // nothing to lose
  EXPECT_TRUE(alone.single_points.empty());
  EXPECT_EQ(MinDisjointPaths(alone, PathScope::kAll), 0u);

  // Attached to the switch the AMF hangs off: nothing between them.
  const ServiceExposure& core = result.services[2];
  EXPECT_EQ(core.paths.size(), 1u);
  EXPECT_EQ(core.paths[0].disjoint, result.max_paths);
  EXPECT_FALSE(core.Exposed());
  EXPECT_EQ(Ids(network, core.single_points), (std::vector<std::string>{"sw", "amf-1"}));
  std::vector<std::string> sites;
  for (SiteIndex site : core.single_point_sites) sites.emplace_back(network.Str(network.sites[site].id));
  EXPECT_EQ(sites, (std::vector<std::string>{"dc"}));
  EXPECT_TRUE(UnmetRequirements(network, core).empty());
}

TEST(Exposure, TwoInstancesAtOneSiteMakeTheSiteASinglePoint) {
  const Network network = Load(R"(format: redoubt/inventory@1
network: {id: twin, country: GB}
sites:
  - {id: cell, kind: cell}
  - {id: x1, kind: exchange}
  - {id: x2, kind: exchange}
  - {id: dc, kind: datacenter}
elements:
  - {id: gnb, kind: gnb, vendor: ericsson, site: cell}
  - {id: r1, kind: router, vendor: cisco, site: x1}
  - {id: r2, kind: router, vendor: juniper, site: x2}
  - {id: amf-1, kind: amf, vendor: nokia, site: dc}
  - {id: amf-2, kind: amf, vendor: ericsson, site: dc}
links:
  - {a: gnb, b: r1}
  - {a: gnb, b: r2}
  - {a: r1, b: amf-1}
  - {a: r2, b: amf-2}
services:
  - {id: s, sector: public, attach: [gnb], needs: [amf]}
)");
  const ExposureResult result = AnalyzeExposure(network, {});
  const ServiceExposure& service = result.services[0];
  EXPECT_EQ(service.paths[0].disjoint, 2u);
  EXPECT_EQ(Ids(network, service.single_points), (std::vector<std::string>{"gnb"}));
  std::vector<std::string> sites;
  for (SiteIndex site : service.single_point_sites) sites.emplace_back(network.Str(network.sites[site].id));
  EXPECT_EQ(sites, (std::vector<std::string>{"cell", "dc"}));
  // No vendor alone holds both routes; only the attachment's vendor matters.
  ASSERT_EQ(service.lost_with_vendors.size(), 1u);
  EXPECT_EQ(network.Str(network.vendors[service.lost_with_vendors[0]].id), "ericsson");
}

TEST(Exposure, SameBytesForAnyThreadCountAndSubset) {
  const std::string path = testing::SourcePath("data/samples/sample-gb.yaml");
  auto loaded = LoadInventories(std::span<const std::string>(&path, 1));
  ASSERT_TRUE(loaded.ok());
  const Network& network = loaded.value().front();
  auto dump = [&](unsigned threads, std::vector<ServiceIndex> services) {
    ExposureOptions options;
    options.untrusted = UntrustedByRisk(network);
    options.threads = threads;
    options.services = std::move(services);
    const ExposureResult result = AnalyzeExposure(network, options);
    return ExposureNetworkJson(network, result, SummarizeExposure(network, result), {.routes = true}).dump();
  };
  const std::string one = dump(1, {});
  EXPECT_EQ(one, dump(4, {}));
  EXPECT_EQ(one, dump(0, {}));
  ExposureOptions subset;
  subset.services = {4, 1};
  const ExposureResult partial = AnalyzeExposure(network, subset);
  ASSERT_EQ(partial.services.size(), 2u);
  EXPECT_EQ(partial.services[0].service, 1u);
  EXPECT_EQ(partial.services[1].service, 4u);
}

// --- seeded random inventories against brute force -----------------------

std::string RandomInventory(std::uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](std::uint32_t n) { return std::uniform_int_distribution<std::uint32_t>(0, n - 1)(rng); };
  const char* vendors[] = {"ericsson", "nokia", "huawei", "cisco"};
  const std::uint32_t count = 40;
  std::string text = "format: redoubt/inventory@1\nnetwork: {id: random, country: GB}\nsites:\n";
  for (int site = 0; site < 8; ++site) text += fmt::format("  - {{id: s{}, kind: exchange}}\n", site);
  text += "elements:\n";
  std::vector<std::string> kinds(count, "router");
  kinds[0] = kinds[7] = "amf";
  kinds[1] = "smf";
  kinds[2] = kinds[9] = "upf";
  for (std::uint32_t element = 20; element < count; ++element) kinds[element] = "gnb";
  for (std::uint32_t element = 0; element < count; ++element) {
    text += fmt::format("  - {{id: e{}, kind: {}, vendor: {}, site: s{}}}\n", element, kinds[element],
                        vendors[pick(4)], pick(8));
  }
  text += "links:\n";
  for (std::uint32_t element = 1; element < count; ++element) {  // a random tree, then extra links
    text += fmt::format("  - {{id: t{}, a: e{}, b: e{}, latency_ms: {}}}\n", element, element,
                        pick(element), 1 + pick(5));
  }
  for (std::uint32_t extra = 0; extra < 12; ++extra) {
    const std::uint32_t a = pick(count);
    const std::uint32_t b = pick(count);
    if (a == b) continue;
    text += fmt::format("  - {{id: x{}, a: e{}, b: e{}, latency_ms: {}}}\n", extra, a, b, 1 + pick(5));
  }
  text += "services:\n";
  for (std::uint32_t service = 0; service < 12; ++service) {
    text += fmt::format("  - {{id: v{}, sector: public, attach: [e{}, e{}]}}\n", service, 20 + pick(20),
                        20 + pick(20));
  }
  return text;
}

// Independent of the library's union-find: BFS from each attachment.
bool UpByBfs(const Network& network, const Topology& topology, ServiceIndex service_idx,
             const BitVector& on) {
  const Service& service = network.services[service_idx];
  for (ElementIndex attachment : service.attach) {
    if (!on.Test(attachment)) continue;
    const NodeId start[] = {attachment};
    const BfsTree tree = Bfs(topology, start, {.nodes = &on, .edges = nullptr});
    bool all = true;
    for (KindId kind : service.needs) {
      bool found = false;
      for (ElementIndex element = 0; element < network.elements.size(); ++element) {
        found = found || (network.elements[element].kind == kind && tree.distance[element] != kUnreachable);
      }
      all = all && found;
    }
    if (all) return true;
  }
  return false;
}

TEST(Exposure, RandomInventoriesAgreeWithBruteForce) {
  std::size_t multi_path = 0;  // the max-flow branch, not just the shortcut, must be exercised
  std::size_t site_points = 0;
  for (std::uint32_t seed = 1; seed <= 25; ++seed) {
    SCOPED_TRACE(fmt::format("seed {}", seed));
    const Network network = Load(RandomInventory(seed));
    ExposureOptions options;
    options.untrusted = UntrustedByRisk(network);
    options.max_paths = 3;
    const ExposureResult result = AnalyzeExposure(network, options);
    const NetworkTopology net = BuildNetworkTopology(network);
    const auto element_count = network.elements.size();
    BitVector all_on(element_count, true);
    BitVector trusted(element_count, true);
    for (ElementIndex element = 0; element < element_count; ++element) {
      if (result.untrusted[element]) trusted.Reset(element);
    }
    DisjointPathSolver solver(net.topology);
    for (const ServiceExposure& exposure : result.services) {
      const Service& service = network.services[exposure.service];
      const bool up = UpByBfs(network, net.topology, exposure.service, all_on);
      ASSERT_EQ(exposure.up, up) << network.Str(service.id);
      EXPECT_EQ(exposure.survives_untrusted_loss, up && UpByBfs(network, net.topology, exposure.service, trusted));
      // Single points: remove each element in turn.
      std::vector<ElementIndex> single;
      for (ElementIndex element = 0; up && element < element_count; ++element) {
        BitVector on(element_count, true);
        on.Reset(element);
        if (!UpByBfs(network, net.topology, exposure.service, on)) single.push_back(element);
      }
      EXPECT_EQ(exposure.single_points, single) << network.Str(service.id);
      site_points += exposure.single_point_sites.size();
      // Sites: every reported site really is one; sites of single elements are reported.
      for (SiteIndex site = 0; up && site < network.sites.size(); ++site) {
        BitVector on(element_count, true);
        for (ElementIndex element = 0; element < element_count; ++element) {
          if (network.elements[element].site == site) on.Reset(element);
        }
        const bool is_single = !UpByBfs(network, net.topology, exposure.service, on);
        const bool reported = std::binary_search(exposure.single_point_sites.begin(),
                                                 exposure.single_point_sites.end(), site);
        if (reported) {
          EXPECT_TRUE(is_single) << "site s" << site;
        }
        bool holds_single = false;
        for (ElementIndex element : single) holds_single = holds_single || network.elements[element].site == site;
        if (holds_single) {
          EXPECT_TRUE(reported) << "site s" << site;
        }
      }
      // Vendors.
      for (VendorIndex vendor : result.vendors) {
        BitVector on(element_count, true);
        for (ElementIndex element = 0; element < element_count; ++element) {
          if (network.elements[element].vendor == vendor) on.Reset(element);
        }
        const bool lost = up && !UpByBfs(network, net.topology, exposure.service, on);
        const bool reported = std::find(exposure.lost_with_vendors.begin(), exposure.lost_with_vendors.end(),
                                        vendor) != exposure.lost_with_vendors.end();
        EXPECT_EQ(reported, lost) << network.Str(network.vendors[vendor].id);
      }
      // Disjoint paths: the unrestricted max-flow.
      for (const FunctionPaths& paths : exposure.paths) {
        std::vector<NodeId> instances;
        for (ElementIndex element = 0; element < element_count; ++element) {
          if (network.elements[element].kind == paths.function) instances.push_back(element);
        }
        const DisjointPathOptions cap{.max_paths = result.max_paths};
        EXPECT_EQ(paths.disjoint, solver.Solve(service.attach, instances, {}, cap).count);
        multi_path += paths.disjoint >= 2 ? 1 : 0;
        EXPECT_EQ(paths.trusted_disjoint,
                  solver.Solve(service.attach, instances, {.nodes = &trusted, .edges = nullptr}, cap).count);
      }
      // Routes: least latency from the attachment to the nearest instance.
      for (const Route& route : exposure.routes) {
        const NodeId start[] = {route.attachment};
        const ShortestPathForest forest = Dijkstra(net.topology, net.latency_ms, start);
        double best = kInfiniteDistance;
        for (ElementIndex element = 0; element < element_count; ++element) {
          if (network.elements[element].kind == route.function) best = std::min(best, forest.distance[element]);
        }
        EXPECT_DOUBLE_EQ(route.latency_ms, best);
        EXPECT_EQ(route.path.front(), route.attachment);
        EXPECT_EQ(network.elements[route.path.back()].kind, route.function);
      }
    }
  }
  EXPECT_GT(multi_path, 20u);
  EXPECT_GT(site_points, 20u);
}

}  // namespace
}  // namespace redoubt

namespace redoubt {
namespace {

// GroupTotals is the one tally of the espionage and sabotage shares.
TEST(GroupTotals, SharesOfWeightAndNoneWithoutWeight) {
  GroupTotals totals;
  EXPECT_FALSE(totals.EspionageShare().has_value());
  EXPECT_FALSE(totals.SabotageShare().has_value());
  Service hospital;
  hospital.weight = 30;
  Service home;
  home.weight = 70;
  ServiceExposure exposed;  // up, crosses untrusted equipment, lost without it
  exposed.up = true;
  exposed.untrusted_on_routes = {0};
  exposed.survives_untrusted_loss = false;
  ServiceExposure down;  // already down: not lost by switching anything off
  down.up = false;
  down.survives_untrusted_loss = false;
  totals.Add(hospital, exposed);
  totals.Add(home, down);
  EXPECT_EQ(totals.services, 2u);
  EXPECT_DOUBLE_EQ(*totals.EspionageShare(), 0.3);
  EXPECT_DOUBLE_EQ(*totals.SabotageShare(), 0.3);
  EXPECT_EQ(totals.lost_without_untrusted, 1u);
}

}  // namespace
}  // namespace redoubt
