// ReportDigest: each long list cut to its worst rows with the rest summed
// (kept + omitted = the whole list), crowded maps turned into cells whose
// counts add up to the sites, and everything else, small documents above
// all, left as it is.
#include "report/digest.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "report/html_report.hpp"

namespace redoubt {
namespace {

using Json = nlohmann::ordered_json;

Json Finding(const std::string& rule, const std::string& severity, int elements,
             const std::string& first = "e") {
  Json ids = Json::array();
  for (int index = 0; index < elements; ++index) ids.push_back(first + std::to_string(index));
  return {{"rule", rule}, {"severity", severity}, {"message", rule + " broken"}, {"elements", ids}};
}

Json Service(const std::string& id, double weight, bool exposed, bool lost) {
  return {{"id", id},   {"sector", "health"}, {"weight", weight},
          {"up", true}, {"exposed", exposed}, {"survives_untrusted_loss", !lost}};
}

Json Site(const std::string& id, const std::string& member, double lon, double lat, int findings,
          const Json& worst, double exposed_weight) {
  return {{"type", "Feature"},
          {"geometry", {{"type", "Point"}, {"coordinates", {lon, lat}}}},
          {"properties",
           {{"id", id},
            {"network", member + "-op1"},
            {"member", member},
            {"findings", findings},
            {"worst_severity", worst},
            {"exposed", exposed_weight > 0},
            {"exposed_weight", exposed_weight}}}};
}

Json Assessment(const Json& findings, const Json& services, const Json& due, const Json& references,
                const Json& features) {
  return {
      {"format", "redoubt/assessment@1"},
      {"title", "t"},
      {"members", {{{"code", "GB"}, {"name", "United Kingdom"}, {"networks", {"gb-op1"}}}}},
      {"findings",
       {{{"member", "GB"},
         {"standard", "gb"},
         {"document",
          {{"format", "redoubt/findings@1"},
           {"networks",
            {{{"id", "gb-op1"},
              {"summary", {{"findings", findings.size()}}},
              {"findings", findings}}}}}}}}},
      {"timeline",
       {{{"member", "GB"},
         {"document",
          {{"format", "redoubt/timeline@1"},
           {"networks",
            {{{"id", "gb-op1"},
              {"steps", {{{"date", "2024-01-01"}, {"due", due}, {"in_force", due.size()}}}}}}}}}}}},
      {"exposure",
       {{{"member", "GB"},
         {"document",
          {{"format", "redoubt/exposure@1"},
           {"networks",
            {{{"network", {{"id", "gb-op1"}}},
              {"services", services},
              {"single_points", {{"elements", Json::array()}, {"sites", Json::array()}}}}}}}}}}},
      {"alliance",
       {{"format", "redoubt/alliance-assessment@1"},
        {"members",
         {{{"code", "GB"},
           {"compliance",
            {{"findings", {{"baseline", references}, {"standard", references}}}}}}}}}},
      {"figures",
       {{"members", {{{"code", "GB"}, {"as_inventoried", {{"all", {{"espionage", 0.25}}}}}}}}}},
      {"sites", {{"type", "FeatureCollection"}, {"features", features}}}};
}

const Json& FindingsList(const Json& document) {
  return document["findings"][0]["document"]["networks"][0]["findings"];
}
const Json& FindingsNetwork(const Json& document) {
  return document["findings"][0]["document"]["networks"][0];
}
const Json& ExposureNetwork(const Json& document) {
  return document["exposure"][0]["document"]["networks"][0];
}

TEST(ReportDigest, LeavesWhatItDoesNotKnowAsItIs) {
  EXPECT_EQ(ReportDigest(Json()), Json());
  EXPECT_EQ(ReportDigest(Json::array({1, 2})), Json::array({1, 2}));
  const Json odd = {
      {"format", "redoubt/assessment@1"},
      {"findings", "not a list"},
      {"exposure", {{{"member", "GB"}, {"document", nullptr}}}},
      {"timeline", {42}},
      {"alliance", nullptr},
      {"sites", {{"type", "FeatureCollection"}, {"features", {nullptr, {{"geometry", nullptr}}}}}}};
  DigestLimits tiny;
  tiny.rows = 0;
  tiny.counted_rows = 0;
  tiny.map_sites = 0;
  EXPECT_EQ(ReportDigest(odd, tiny).dump(), odd.dump());
}

TEST(ReportDigest, IsANoOpUnderTheLimits) {
  Json findings = Json::array();
  for (int index = 0; index < 5; ++index)
    findings.push_back(Finding("r" + std::to_string(index), "high", index));
  Json services = {Service("a", 10, false, false), Service("b", 20, true, true)};
  Json features = {Site("s1", "GB", -0.1, 51.5, 1, "high", 0),
                   Site("s2", "GB", -2.2, 53.4, 0, nullptr, 5)};
  const Json assessment = Assessment(findings, services, findings, findings, features);
  DigestLimits limits;
  limits.rows = 5;
  limits.counted_rows = 5;
  limits.map_sites = 2;
  const Json digest = ReportDigest(assessment, limits);
  EXPECT_EQ(digest.dump(), assessment.dump());
  EXPECT_FALSE(digest.contains("digest"));
}

TEST(ReportDigest, KeepsTheWorstFindingsAndSumsTheRest) {
  // Document order; the worst first is: critical/3 (c3), critical/1 (c1),
  // high/2 (h2a), high/2 (h2b, after h2a: ties keep their order), high/0, medium, low.
  const Json findings = {Finding("low", "low", 4),     Finding("h2a", "high", 2),
                         Finding("c1", "critical", 1), Finding("medium", "medium", 9),
                         Finding("h2b", "high", 2),    Finding("c3", "critical", 3),
                         Finding("h0", "high", 0, "x")};
  DigestLimits limits;
  limits.rows = 4;
  const Json digest = ReportDigest(
      Assessment(findings, Json::array(), Json::array(), Json::array(), Json::array()), limits);
  const Json& kept = FindingsList(digest);
  ASSERT_EQ(kept.size(), 4U);
  EXPECT_EQ(kept[0]["rule"], "c3");
  EXPECT_EQ(kept[1]["rule"], "c1");
  EXPECT_EQ(kept[2]["rule"], "h2a");
  EXPECT_EQ(kept[3]["rule"], "h2b");
  const Json& omitted = FindingsNetwork(digest)["findings_omitted"];
  EXPECT_EQ(omitted["count"], 3);
  EXPECT_EQ(kept.size() + omitted["count"].get<std::size_t>(), findings.size());
  // Omitted by severity = the whole list's - the kept rows': critical 2-2, high 3-2, medium 1,
  // low 1.
  EXPECT_EQ(omitted["by_severity"],
            Json({{"critical", 0}, {"high", 1}, {"medium", 1}, {"low", 1}, {"info", 0}}));
  // The summary that the report counts from is untouched.
  EXPECT_EQ(FindingsNetwork(digest)["summary"]["findings"], 7);
  // The elements table counts every finding, those left out too: e0 is named
  // by low, h2a, c1, medium, h2b and c3 (6 findings, worst critical).
  const Json& named = digest["findings"][0]["document"]["elements_named"];
  ASSERT_EQ(named.size(), 4U);
  EXPECT_EQ(named[0], Json({{"id", "e0"},
                            {"findings", 6},
                            {"worst", "critical"},
                            {"rules", {"low", "h2a", "c1", "medium", "h2b", "c3"}}}));
  EXPECT_EQ(named[1]["id"], "e1");  // 5 findings, worst critical (c3)
  EXPECT_EQ(named[1]["findings"], 5);
  EXPECT_EQ(named[2]["id"], "e2");  // 3, critical
  // e3 is named only by findings left out (low, medium): 2, worst medium.
  EXPECT_EQ(
      named[3],
      Json({{"id", "e3"}, {"findings", 2}, {"worst", "medium"}, {"rules", {"low", "medium"}}}));
  // e4 … e8 (medium once each) are the 5 left out.
  EXPECT_EQ(digest["findings"][0]["document"]["elements_named_omitted"]["count"], 5);
  // The record of the cut.
  ASSERT_TRUE(digest.contains("digest"));
  EXPECT_EQ(digest["digest"]["cuts"][0], Json({{"part", "findings"},
                                               {"member", "GB"},
                                               {"network", "gb-op1"},
                                               {"list", "findings"},
                                               {"kept", 4},
                                               {"omitted", 3}}));
}

TEST(ReportDigest, KeepsTheMostExposedServicesAndSumsTheirWeights) {
  Json services = Json::array();
  double weight = 0;
  double exposed_weight = 0;
  double lost_weight = 0;
  int exposed = 0;
  int lost = 0;
  for (int index = 0; index < 40; ++index) {
    const bool is_exposed = index % 7 == 0;
    const bool is_lost = index % 5 == 0;
    const double w = 100.0 + index;
    services.push_back(Service("s" + std::to_string(index), w, is_exposed, is_lost));
    weight += w;
    exposed += is_exposed ? 1 : 0;
    exposed_weight += is_exposed ? w : 0;
    lost += is_lost ? 1 : 0;
    lost_weight += is_lost ? w : 0;
  }
  DigestLimits limits;
  limits.rows = 10;
  const Json digest = ReportDigest(
      Assessment(Json::array(), services, Json::array(), Json::array(), Json::array()), limits);
  const Json& kept = ExposureNetwork(digest)["services"];
  const Json& omitted = ExposureNetwork(digest)["services_omitted"];
  ASSERT_EQ(kept.size(), 10U);
  // Exposed first (s35, s28, s21, s14, s7, s0 by weight; s35 and s0 also lost
  // come first), then lost and not exposed (s30, s25, s20, s15).
  const std::vector<std::string> expected = {"s35", "s0",  "s28", "s21", "s14",
                                             "s7",  "s30", "s25", "s20", "s15"};
  for (std::size_t index = 0; index < expected.size(); ++index)
    EXPECT_EQ(kept[index]["id"], expected[index]) << index;
  double kept_weight = 0;
  double kept_exposed_weight = 0;
  double kept_lost_weight = 0;
  int kept_exposed = 0;
  int kept_lost = 0;
  for (const Json& service : kept) {
    const double w = service["weight"].get<double>();
    kept_weight += w;
    if (service["exposed"].get<bool>()) {
      ++kept_exposed;
      kept_exposed_weight += w;
    }
    if (!service["survives_untrusted_loss"].get<bool>()) {
      ++kept_lost;
      kept_lost_weight += w;
    }
  }
  EXPECT_EQ(omitted["count"], 30);
  EXPECT_DOUBLE_EQ(omitted["weight"].get<double>(), weight - kept_weight);
  EXPECT_EQ(omitted["exposed"], exposed - kept_exposed);
  EXPECT_DOUBLE_EQ(omitted["exposed_weight"].get<double>(), exposed_weight - kept_exposed_weight);
  EXPECT_EQ(omitted["lost"], lost - kept_lost);
  EXPECT_DOUBLE_EQ(omitted["lost_weight"].get<double>(), lost_weight - kept_lost_weight);
}

TEST(ReportDigest, CutsDueFindingsToTheCountedRowsAndReferencesToTheRows) {
  Json due = Json::array();
  for (int index = 0; index < 30; ++index)
    due.push_back(Finding("r", index % 3 == 0 ? "critical" : "medium", 0));
  DigestLimits limits;
  limits.rows = 12;
  limits.counted_rows = 4;
  const Json digest =
      ReportDigest(Assessment(Json::array(), Json::array(), due, due, Json::array()), limits);
  const Json& step = digest["timeline"][0]["document"]["networks"][0]["steps"][0];
  ASSERT_EQ(step["due"].size(), 4U);
  for (const Json& row : step["due"]) EXPECT_EQ(row["severity"], "critical");
  EXPECT_EQ(step["due_omitted"]["count"], 26);
  EXPECT_EQ(step["due_omitted"]["by_severity"]["critical"], 6);
  EXPECT_EQ(step["due_omitted"]["by_severity"]["medium"], 20);
  EXPECT_EQ(step["in_force"], 30);
  const Json& references = digest["alliance"]["members"][0]["compliance"]["findings"];
  EXPECT_EQ(references["baseline"].size(), 12U);
  EXPECT_EQ(references["baseline_omitted"]["count"], 18);
  EXPECT_EQ(references["standard_omitted"]["count"], 18);
}

TEST(ReportDigest, MapsACrowdedMemberInCellsThatAddUpToItsSites) {
  Json features = Json::array();
  // 30 GB sites on a line of 3° (worst: site 7 critical), 2 US sites left as points.
  int named = 0;
  int exposed = 0;
  int flagged = 0;
  for (int index = 0; index < 30; ++index) {
    const int findings = index % 4 == 0 ? 1 : 0;
    const double weight = index % 6 == 0 ? 10.0 * index + 1 : 0;
    const Json worst = index == 7 ? Json("critical") : findings ? Json("high") : Json();
    features.push_back(Site("gb" + std::to_string(index), "GB", -3.0 + 0.1 * index, 52.0,
                            index == 7 ? 1 : findings, worst, weight));
    named += (findings || index == 7) ? 1 : 0;
    exposed += weight > 0 ? 1 : 0;
    flagged += (findings || index == 7 || weight > 0) ? 1 : 0;
  }
  features.insert(features.begin(), Site("us1", "US", -77.0, 38.9, 0, nullptr, 0));
  features.push_back(Site("us2", "US", -74.0, 40.7, 2, "low", 0));
  DigestLimits limits;
  limits.rows = 3;
  limits.map_sites = 20;
  limits.map_cells = 5;
  const Json digest = ReportDigest(
      Assessment(Json::array(), Json::array(), Json::array(), Json::array(), features), limits);
  const Json& sites = digest["sites"];
  // The US points stay, in order; no GB point is left.
  ASSERT_EQ(sites["features"].size(), 2U);
  EXPECT_EQ(sites["features"][0]["properties"]["id"], "us1");
  EXPECT_EQ(sites["features"][1]["properties"]["id"], "us2");
  ASSERT_EQ(sites["aggregated"].size(), 1U);
  const Json& gb = sites["aggregated"][0];
  EXPECT_EQ(gb["member"], "GB");
  EXPECT_EQ(gb["sites"], 30);
  EXPECT_EQ(gb["named"], named);
  EXPECT_EQ(gb["exposed"], exposed);
  EXPECT_EQ(gb["flagged"], flagged);
  // 3° of longitude in at most 5 cells: 1° cells (0.5° would make 7).
  EXPECT_EQ(gb["cell_degrees"], 1.0);
  ASSERT_LE(gb["cells"].size(), 5U);
  std::int64_t cell_sites = 0;
  std::int64_t cell_named = 0;
  std::int64_t cell_exposed = 0;
  int critical_cells = 0;
  for (const Json& cell : gb["cells"]) {
    cell_sites += cell["sites"].get<std::int64_t>();
    cell_named += cell["named"].get<std::int64_t>();
    cell_exposed += cell["exposed"].get<std::int64_t>();
    critical_cells += cell["worst"] == "critical" ? 1 : 0;
    EXPECT_EQ(cell["lat"], 52.5);
  }
  EXPECT_EQ(cell_sites, 30);
  EXPECT_EQ(cell_named, named);
  EXPECT_EQ(cell_exposed, exposed);
  EXPECT_EQ(critical_cells, 1);
  // Flagged sites, the worst first: gb7 (critical), then high ones by exposed weight (gb24: 241,
  // gb12: 121).
  ASSERT_EQ(gb["flagged_sites"].size(), 3U);
  EXPECT_EQ(gb["flagged_sites"][0]["properties"]["id"], "gb7");
  EXPECT_EQ(gb["flagged_sites"][1]["properties"]["id"], "gb24");
  EXPECT_EQ(gb["flagged_sites"][2]["properties"]["id"], "gb12");
  EXPECT_EQ(gb["flagged_sites_omitted"]["count"], flagged - 3);
  EXPECT_EQ(
      digest["digest"]["maps"][0],
      Json(
          {{"member", "GB"}, {"sites", 30}, {"cells", gb["cells"].size()}, {"cell_degrees", 1.0}}));
}

TEST(ReportDigest, IsDeterministic) {
  Json findings = Json::array();
  Json features = Json::array();
  for (int index = 0; index < 50; ++index) {
    findings.push_back(
        Finding("r" + std::to_string(index % 7), index % 2 ? "high" : "low", index % 5));
    features.push_back(Site("s" + std::to_string(index), "GB", 0.37 * index, 0.11 * index,
                            index % 3, index % 3 ? Json("high") : Json(), index));
  }
  DigestLimits limits;
  limits.rows = 9;
  limits.map_sites = 10;
  limits.map_cells = 17;
  const Json assessment = Assessment(findings, Json::array(), findings, findings, features);
  EXPECT_EQ(ReportDigest(assessment, limits).dump(), ReportDigest(assessment, limits).dump());
  // And what it keeps does not depend on a copy: the digest of a digest is the same digest.
  const Json digest = ReportDigest(assessment, limits);
  Json again = ReportDigest(digest, limits);
  again.erase("digest");
  Json once = digest;
  once.erase("digest");
  EXPECT_EQ(again.dump(), once.dump());
}

// A large assessment made up here: 2 networks × 3,000 services, 3,000
// findings (each also due on the timeline and referenced twice by the
// alliance view), 6,000 sites of one member. Its report stays under 300 kB
// while the assessment embedded whole would be over 3 MB, and its figures
// are the assessment's. (Sizes kept small so the test takes a few seconds
// in a sanitizer build; the digest's size does not grow with the lists.)
TEST(ReportDigest, ALargeAssessmentRendersASmallReportWithTheSameFigures) {
  Json services = Json::array();
  Json findings = Json::array();
  Json features = Json::array();
  for (int index = 0; index < 3000; ++index) {
    services.push_back(Service("svc-" + std::to_string(index), 1000.0 + index % 97, index % 11 == 0,
                               index % 13 == 0));
    findings.push_back(Finding("rule-" + std::to_string(index % 40),
                               index % 9 == 0 ? "critical" : "high", 1 + index % 3,
                               "el-" + std::to_string(index) + "-"));
  }
  for (int index = 0; index < 6000; ++index) {
    const std::int64_t spread = index;
    features.push_back(Site("site-" + std::to_string(index), "GB",
                            -6.0 + 8.0 * static_cast<double>((spread * 7919) % 6000) / 6000.0,
                            50.0 + 8.0 * static_cast<double>((spread * 104729) % 6000) / 6000.0,
                            index % 5 == 0, index % 5 == 0 ? Json("high") : Json(),
                            index % 17 == 0 ? 10.0 : 0.0));
  }
  Json assessment = Assessment(findings, services, findings, findings, features);
  Json& networks = assessment["exposure"][0]["document"]["networks"];
  networks.push_back(networks[0]);
  networks[1]["network"]["id"] = "gb-op2";
  const std::size_t whole = assessment.dump().size();
  ASSERT_GT(whole, 3'000'000U);

  ReportAssets assets;
  assets.html_template =
      "<html lang=\"en\"><head><title><!-- redoubt:title --></title><!-- redoubt:style --></head>"
      "<body><!-- redoubt:data --><!-- redoubt:scripts --></body></html>";
  assets.world_topojson = "{}";
  const std::string html = RenderReportHtml(assessment, assets);
  EXPECT_LT(html.size(), 300'000U) << "of " << whole << " bytes of assessment";

  const std::string open = "<script type=\"application/json\" id=\"redoubt-assessment\">";
  const auto start = html.find(open) + open.size();
  const Json embedded = Json::parse(html.substr(start, html.find("</script>", start) - start));
  EXPECT_EQ(embedded["figures"], assessment["figures"]);
  EXPECT_EQ(embedded["members"], assessment["members"]);
  // Every count comes through: kept + omitted rows are the whole lists.
  for (const Json& network : embedded["exposure"][0]["document"]["networks"]) {
    EXPECT_EQ(network["services"].size() + network["services_omitted"]["count"].get<std::size_t>(),
              3000U);
  }
  const Json& cells = embedded["sites"]["aggregated"][0];
  EXPECT_EQ(cells["sites"], 6000);
  EXPECT_LE(cells["cells"].size(), DigestLimits{}.map_cells);
  std::int64_t in_cells = 0;
  for (const Json& cell : cells["cells"]) in_cells += cell["sites"].get<std::int64_t>();
  EXPECT_EQ(in_cells, 6000);
}

}  // namespace
}  // namespace redoubt
