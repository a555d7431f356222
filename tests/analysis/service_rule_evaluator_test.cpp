// The one evaluator of `service` rules: what each property measures, the
// date (equipment not yet in service is not untrusted), the rule for a
// service that is already down, and that the cached and uncached paths, and
// many threads sharing one cache, give the same shortfalls.
#include "analysis/service_rule_evaluator.hpp"

#include <thread>

#include <gtest/gtest.h>

#include "analysis/trust.hpp"
#include "io/inventory_reader.hpp"

namespace redoubt {
namespace {

// gnb-1 (ericsson) reaches the nokia core through r1 (huawei, in service from
// 2025-01-01); gnb-2 is linked to nothing, so `dark` is down.
const char* kChain = R"(format: redoubt/inventory@1
network: {id: chain, country: GB}
sites:
  - {id: dc, kind: datacenter}
elements:
  - {id: gnb-1, kind: gnb, vendor: ericsson, site: dc}
  - {id: gnb-2, kind: gnb, vendor: ericsson, site: dc}
  - {id: r1, kind: router, vendor: huawei, site: dc, installed: 2025-01-01}
  - {id: amf-1, kind: amf, vendor: nokia, site: dc}
  - {id: smf-1, kind: smf, vendor: nokia, site: dc}
  - {id: upf-1, kind: upf, vendor: nokia, site: dc}
links:
  - {a: gnb-1, b: r1}
  - {a: r1, b: amf-1}
  - {a: r1, b: smf-1}
  - {a: r1, b: upf-1}
services:
  - {id: live, sector: health, attach: [gnb-1]}
  - {id: dark, sector: energy, attach: [gnb-2]}
)";

Network Load() {
  std::vector<SourceFile> sources;
  sources.push_back(SourceFile::FromString("chain.yaml", kChain));
  InventoryOptions options;
  options.warnings = false;
  auto loaded = LoadInventorySources(std::move(sources), options);
  EXPECT_TRUE(loaded.ok());
  return std::move(loaded).value().front();
}

std::vector<std::uint8_t> Huawei(const Network& network) {
  std::vector<std::uint8_t> mask(network.elements.size(), 0);
  for (ElementIndex element = 0; element < network.elements.size(); ++element) {
    mask[element] = network.Str(network.vendors[network.elements[element].vendor].id) == "huawei";
  }
  return mask;
}

policy::ServiceRequirement Everything() {
  policy::ServiceRequirement requirement;
  requirement.disjoint_paths = 2;
  requirement.trusted_paths = true;
  requirement.survives_untrusted_loss = true;
  requirement.survives_vendor_loss = true;
  return requirement;
}

// "service/property measured relation required unit | detail"
std::vector<std::string> Lines(const Network& network,
                               const std::vector<policy::ServiceShortfall>& shortfalls) {
  std::vector<std::string> lines;
  for (const auto& shortfall : shortfalls) {
    lines.push_back(std::string(network.Str(network.services[shortfall.service].id)) + "/" +
                    shortfall.property + " " + std::to_string(static_cast<int>(shortfall.measured)) +
                    " " + shortfall.relation + " " +
                    std::to_string(static_cast<int>(shortfall.required)) + " " + shortfall.unit +
                    " | " + shortfall.detail);
  }
  return lines;
}

constexpr Days kBefore = 20000;  // 2024-10-04, before r1 is installed
constexpr Days kAfter = 20200;   // 2025-04-22

TEST(ServiceRuleEvaluator, ShortfallsAreMeasuredAgainstTheRightBound) {
  const Network network = Load();
  const std::vector<ServiceIndex> services = {0, 1};
  const auto lines = Lines(network, ExposureServiceEvaluator().Evaluate(
                                        network, services, Everything(), Huawei(network), kAfter));
  const std::vector<std::string> expected = {
      "live/disjoint_paths 1 >= 2 paths | 1 node-disjoint path to its core functions, 2 "
      "required; single points of failure: gnb-1 (gnb ericsson), r1 (router huawei), amf-1 (amf "
      "nokia), smf-1 (smf nokia), upf-1 (upf nokia)",
      "live/trusted_paths 1 <= 0 untrusted elements | its primary routes traverse untrusted "
      "equipment: r1 (router huawei)",
      "live/survives_untrusted_loss 0 >= 1 yes/no | it goes down when every untrusted element "
      "is switched off",
      "live/survives_vendor_loss 3 <= 0 vendors whose loss alone takes it down | it goes down "
      "when all equipment of huawei, ericsson, nokia is switched off",
      "dark/disjoint_paths 0 >= 2 paths | 0 node-disjoint paths to its core functions, 2 required",
      "dark/survives_untrusted_loss 0 >= 1 yes/no | it is down in the network as it is",
      "dark/survives_vendor_loss 0 >= 1 yes/no | it is down in the network as it is",
  };
  EXPECT_EQ(lines, expected);
}

TEST(ServiceRuleEvaluator, EquipmentNotYetInServiceIsNotUntrusted) {
  const Network network = Load();
  const std::vector<ServiceIndex> live = {0};
  policy::ServiceRequirement requirement;
  requirement.trusted_paths = true;
  requirement.survives_untrusted_loss = true;
  const ExposureServiceEvaluator evaluator;
  EXPECT_TRUE(evaluator.Evaluate(network, live, requirement, Huawei(network), kBefore).empty());
  EXPECT_EQ(evaluator.Evaluate(network, live, requirement, Huawei(network), kAfter).size(), 2U);
  // kNoDate: every element counts.
  EXPECT_EQ(evaluator.Evaluate(network, live, requirement, Huawei(network), kNoDate).size(), 2U);
  EXPECT_EQ(InServiceUntrusted(network, Huawei(network), kBefore),
            std::vector<std::uint8_t>(network.elements.size(), 0));
}

TEST(ServiceRuleEvaluator, CachedAndUncachedAgreeAndTheCacheIsShared) {
  const Network network = Load();
  const std::vector<ServiceIndex> services = {1, 0};  // any order in, ascending out
  const auto mask = Huawei(network);
  const auto plain =
      Lines(network, ExposureServiceEvaluator().Evaluate(network, services, Everything(), mask, kAfter));
  ExposureCache cache;
  const ExposureServiceEvaluator shared(cache);
  std::vector<std::vector<std::string>> results(8);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&] {
      result = Lines(network, shared.Evaluate(network, services, Everything(), mask, kAfter));
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) EXPECT_EQ(result, plain);
  EXPECT_EQ(cache.Analyses(), 1U);
  // Another date asks another question (r1 drops out of the untrusted set).
  EXPECT_FALSE(shared.Evaluate(network, services, Everything(), mask, kBefore).empty());
  EXPECT_EQ(cache.Analyses(), 2U);
}

}  // namespace
}  // namespace redoubt
