// `redoubt expose` end to end on the bundled sample. Every expected value was
// worked out by hand from data/samples/sample-gb.yaml: e.g. both data centres
// reach the aggregation ring only through Juniper routers (lon-dc-sw-1,
// lon-dc-rtr-1, man-dc-rtr-1), so switching Juniper off takes every service
// down, while Drax hangs off lee-agg-rtr-1 by a Huawei microwave hop.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;
using Json = nlohmann::json;
const std::string kSample = testing::SourcePath("data/samples/sample-gb.yaml");

Json ServiceById(const Json& network, const std::string& id) {
  for (const Json& service : network["services"]) {
    if (service["id"] == id) return service;
  }
  ADD_FAILURE() << "no service " << id;
  return {};
}

std::vector<std::string> Strings(const Json& list) { return list.get<std::vector<std::string>>(); }

// Judged on the date: Huawei equipment installed after it is not untrusted yet
// (4 of the sample's 11 Huawei elements were installed by the end of 2018).
TEST(CliExpose, EquipmentNotYetInServiceIsNotUntrusted) {
  auto latest = RunRedoubt({"expose", "--format", "json", kSample});
  ASSERT_EQ(latest.exit_code, 0) << latest.err;
  const Json dated = Json::parse(latest.out);
  EXPECT_EQ(dated["as_of"], "2019-07-01");
  EXPECT_EQ(dated["as_of_source"], "inventory");
  EXPECT_EQ(dated["networks"][0]["untrusted_elements"], 11);
  auto earlier = RunRedoubt({"expose", "--format", "json", "--as-of", "2018-12-31", kSample});
  ASSERT_EQ(earlier.exit_code, 0) << earlier.err;
  const Json before = Json::parse(earlier.out);
  EXPECT_EQ(before["as_of_source"], "as-of");
  EXPECT_EQ(before["networks"][0]["untrusted_elements"], 4);
  auto text = RunRedoubt({"expose", "--as-of", "2018-12-31", kSample});
  EXPECT_TRUE(text.out.starts_with("judged on 2018-12-31 (--as-of)\n")) << text.out;
}

TEST(CliExpose, SampleTotalsAndVendorMatrix) {
  auto result = RunRedoubt({"expose", "--format", "json", kSample});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json document = Json::parse(result.out);
  EXPECT_EQ(document["format"], "redoubt/exposure@1");
  EXPECT_EQ(document["untrusted"], "vendor.risk: high");
  const Json& network = document["networks"][0];
  EXPECT_EQ(network["untrusted_elements"], 11);  // Huawei: 7 RAN, 2 microwave, 1 router, 1 EMS
  const Json& totals = network["totals"];
  EXPECT_EQ(totals["services"], 7);
  EXPECT_EQ(totals["up"], 7);
  EXPECT_EQ(totals["exposed"], 4);  // hospital, Drax, rail corridor, Manchester broadband
  EXPECT_EQ(totals["exposed_weight"], 177000.0);
  EXPECT_EQ(totals["lost_without_untrusted"], 1);  // Drax
  EXPECT_EQ(totals["lost_without_untrusted_weight"], 2000.0);
  EXPECT_EQ(totals["with_single_points"], 5);

  std::map<std::string, std::pair<int, double>> lost;
  for (const Json& vendor : network["by_vendor"]) {
    lost[vendor["vendor"]] = {vendor["services_lost"].get<int>(), vendor["weight_lost"].get<double>()};
  }
  EXPECT_EQ(lost["juniper"], (std::pair<int, double>{7, 185000.0}));
  EXPECT_EQ(lost["cisco"], (std::pair<int, double>{3, 12000.0}));     // hospital, factory, Whitehall
  EXPECT_EQ(lost["ericsson"], (std::pair<int, double>{4, 10000.0}));  // Drax, factory, Catterick, Whitehall
  EXPECT_EQ(lost["nokia"], (std::pair<int, double>{1, 3000.0}));      // the factory's edge UPF
  EXPECT_EQ(lost["huawei"], (std::pair<int, double>{1, 2000.0}));
  EXPECT_EQ(lost["ciena"], (std::pair<int, double>{0, 0.0}));
  const Json& top = network["single_points"]["elements"][0];
  EXPECT_EQ(top["id"], "man-agg-rtr-1");
  EXPECT_EQ(top["weight"], 150000.0);
}

TEST(CliExpose, SampleServicesEvidence) {
  auto result = RunRedoubt({"expose", "--format", "json", kSample});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json network = Json::parse(result.out)["networks"][0];

  const Json hospital = ServiceById(network, "royal-london-hospital");
  EXPECT_EQ(Strings(hospital["untrusted_on_routes"]), (std::vector<std::string>{"lon-stp-gnb-1"}));
  EXPECT_EQ(hospital["survives_untrusted_loss"], true);
  EXPECT_EQ(Strings(hospital["lost_with_vendors"]), (std::vector<std::string>{"cisco", "juniper"}));
  EXPECT_EQ(hospital["paths"][0]["function"], "amf");
  EXPECT_EQ(hospital["paths"][0]["disjoint"], 2);          // Whitechapel via lon-agg-rtr-1, Stepney via the ring
  EXPECT_EQ(hospital["paths"][0]["trusted_disjoint"], 1);  // Stepney's gNB is Huawei
  EXPECT_TRUE(hospital["single_points"].empty());
  EXPECT_TRUE(hospital["unmet_requirements"].empty());  // requires 2 disjoint paths: has 2
  EXPECT_EQ(hospital["evidence"].size(), 3u);  // Stepney's routes to the AMF, SMF and UPF

  const Json drax = ServiceById(network, "drax-power-station");
  EXPECT_EQ(Strings(drax["untrusted_on_routes"]), (std::vector<std::string>{"lee-mw-1", "drax-mw-1"}));
  EXPECT_EQ(drax["untrusted_managers"][0]["id"], "ems-huawei-1");
  EXPECT_EQ(drax["survives_untrusted_loss"], false);
  EXPECT_EQ(Strings(drax["lost_with_vendors"]), (std::vector<std::string>{"huawei", "ericsson", "juniper"}));
  EXPECT_EQ(drax["paths"][0]["disjoint"], 1);
  EXPECT_EQ(drax["paths"][0]["trusted_disjoint"], 0);
  EXPECT_EQ(Strings(drax["single_points"]),
            (std::vector<std::string>{"lee-agg-rtr-1", "lee-mw-1", "drax-mw-1", "lee-drx-gnb-1"}));
  EXPECT_EQ(Strings(drax["single_point_sites"]), (std::vector<std::string>{"lee-ex1", "lee-cell-drax"}));
  const Json& route = drax["evidence"][0];
  EXPECT_EQ(route["function"], "amf");
  EXPECT_EQ(route["latency_ms"], 0.62);
  EXPECT_EQ(Strings(route["path"]),
            (std::vector<std::string>{"lee-drx-gnb-1", "drax-mw-1", "lee-mw-1", "lee-agg-rtr-1",
                                      "man-dc-rtr-1", "man-dc-sw-1", "man-amf-1"}));

  const Json factory = ServiceById(network, "castle-bromwich-factory");
  EXPECT_EQ(factory["exposed"], false);
  EXPECT_EQ(factory["paths"][2]["function"], "edge-upf");
  EXPECT_EQ(Strings(factory["single_points"]),
            (std::vector<std::string>{"bir-agg-rtr-1", "bir-edge-upf-1", "bir-cbr-gnb-1"}));

  const Json garrison = ServiceById(network, "catterick-garrison-link");
  EXPECT_EQ(garrison["exposed"], false);  // secret traffic stays on trusted equipment
  EXPECT_TRUE(garrison["unmet_requirements"].empty());

  const Json rail = ServiceById(network, "wcml-rail-corridor");
  EXPECT_EQ(rail["paths"][0]["disjoint"], 2);  // cut: the two data-centre switches
  EXPECT_EQ(rail["paths"][0]["trusted_disjoint"], 1);
}

TEST(CliExpose, UntrustedVendorOverride) {
  auto result = RunRedoubt({"expose", "--format", "json", "--untrusted-vendor", "juniper", kSample});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json network = Json::parse(result.out)["networks"][0];
  EXPECT_EQ(Json::parse(result.out)["untrusted"], "vendors: juniper");
  EXPECT_EQ(network["untrusted_elements"], 6);
  EXPECT_EQ(network["totals"]["exposed"], 7);
  EXPECT_EQ(network["totals"]["lost_without_untrusted"], 7);
}

TEST(CliExpose, UntrustedFromAStandard) {
  // Germany's standard names huawei and zte: in the sample that is the same 11
  // Huawei elements as the default (risk high), so the totals agree.
  const std::string de = testing::SourcePath("data/standards/de.yaml");
  auto result = RunRedoubt({"expose", "--format", "json", "--standard", de, kSample});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json document = Json::parse(result.out);
  EXPECT_NE(document["untrusted"].get<std::string>().find("(standard de)"), std::string::npos)
      << document["untrusted"];
  EXPECT_EQ(document["networks"][0]["untrusted_elements"], 11);
  EXPECT_EQ(document["networks"][0]["totals"]["exposed"], 4);
  auto both = RunRedoubt({"expose", "--standard", de, "--untrusted-vendor", "juniper", kSample});
  EXPECT_EQ(both.exit_code, 2);
}

TEST(CliExpose, OneServiceAndTextOutput) {
  auto one = RunRedoubt({"expose", "--service", "drax-power-station", kSample});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(one.out.find("untrusted on primary routes: lee-mw-1 drax-mw-1\n"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("lee-drx-gnb-1 -> amf (0.62 ms): lee-drx-gnb-1 > drax-mw-1 [untrusted] > "
                         "lee-mw-1 [untrusted] > lee-agg-rtr-1 > man-dc-rtr-1 > man-dc-sw-1 > man-amf-1\n"),
            std::string::npos)
      << one.out;
  auto json = RunRedoubt({"expose", "--service", "drax-power-station", "--format", "json", kSample});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const Json service = Json::parse(json.out)["networks"][0]["services"][0];
  EXPECT_EQ(service["routes"].size(), 3u);
  auto text = RunRedoubt({"expose", kSample});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("exposed (route through or managed by untrusted): 4, weight 177000"),
            std::string::npos)
      << text.out;
  // The shares under the names of model/figures.hpp, from the JSON's totals.
  auto all = RunRedoubt({"expose", "--format", "json", kSample});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const Json network = Json::parse(all.out)["networks"][0];
  for (const auto& [key, set] : {std::pair{"totals", "all services"}, std::pair{"critical_totals", "critical services"}}) {
    const Json& totals = network[key];
    const std::string line = fmt::format(
        "  espionage share, {}: {:.1f}%; sabotage share, {}: {:.1f}% ({} services, weight {:g})\n", set,
        100.0 * totals["espionage"].get<double>(), set, 100.0 * totals["sabotage"].get<double>(),
        totals["services"].get<int>(), totals["weight"].get<double>());
    EXPECT_NE(text.out.find(line), std::string::npos) << line << text.out;
  }
}

TEST(CliExpose, BadNamesExitTwoWithSuggestion) {
  auto service = RunRedoubt({"expose", "--service", "drax-power-statio", kSample});
  EXPECT_EQ(service.exit_code, 2);
  EXPECT_NE(service.err.find("unknown service 'drax-power-statio' \u2014 did you mean 'drax-power-station'?"),
            std::string::npos)
      << service.err;
  auto vendor = RunRedoubt({"expose", "--untrusted-vendor", "huawai", kSample});
  EXPECT_EQ(vendor.exit_code, 2);
  EXPECT_NE(vendor.err.find("unknown vendor 'huawai' \u2014 did you mean 'huawei'?"), std::string::npos);
  EXPECT_EQ(RunRedoubt({"expose", "--max-paths", "0", kSample}).exit_code, 2);
  EXPECT_EQ(RunRedoubt({"expose", "/nonexistent.yaml"}).exit_code, 2);
}

TEST(CliExpose, SameBytesForAnyThreadCount) {
  auto one = RunRedoubt({"expose", "--format", "json", "--routes", "--threads", "1", kSample});
  auto many = RunRedoubt({"expose", "--format", "json", "--routes", "--threads", "3", kSample});
  ASSERT_EQ(one.exit_code, 0);
  EXPECT_EQ(one.out, many.out);
}

}  // namespace
}  // namespace redoubt
