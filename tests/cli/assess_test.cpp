// redoubt assess end to end on the bundled allies: the files it writes, the
// summary it prints, and that the same inputs give the same bytes whatever
// the number of threads.
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;
using Json = nlohmann::json;

std::vector<std::string> AssessArgs(const std::string& out, const std::string& threads) {
  return {"assess", "-q", "-o", out, "--as-of", "2024-06-01", "--trials", "3", "--threads", threads,
          "--scenario", testing::SourcePath("data/scenarios/vendor-kill-switch.yaml")};
}

TEST(CliAssess, BundledAlliesWriteReportAssessmentAndSites) {
  const std::string out = testing::TempDir("assess-1");
  auto result = RunRedoubt(AssessArgs(out, "1"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("assessment of nato-2019 as of 2024-06-01"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("sharing (with deadlines assumed met; provider row"), std::string::npos);
  // Both bases, each under its own heading, and the definitions of the figures.
  EXPECT_NE(result.out.find("\n  as inventoried — The networks as their inventories"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("\n  with deadlines assumed met — "), std::string::npos);
  EXPECT_NE(result.out.find("espionage: espionage share, critical services, over the member's "
                            "services — Share of the services' weight"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("the member's services: The services a member owns"), std::string::npos);
  EXPECT_NE(result.out.find("critical services: The services whose sector is not public"),
            std::string::npos);

  const std::string assessment_text = testing::ReadText(out + "/assessment.json");
  const Json assessment = Json::parse(assessment_text);
  // The streamed files are the documents' canonical text (what dump writes),
  // whole: indent 2 for the assessment, 1 for the sites.
  EXPECT_EQ(nlohmann::ordered_json::parse(assessment_text).dump(2) + "\n", assessment_text);
  const std::string sites_text = testing::ReadText(out + "/sites.geojson");
  EXPECT_EQ(nlohmann::ordered_json::parse(sites_text).dump(1) + "\n", sites_text);
  EXPECT_EQ(assessment["format"], "redoubt/assessment@1");
  EXPECT_EQ(assessment["as_of"], "2024-06-01");
  EXPECT_EQ(assessment["as_of_source"], "as-of");
  // Every bundled inventory is of 2019-07-01: each predates the date, with its deadlines.
  ASSERT_EQ(assessment["inventory_predates"].size(), 13u);
  EXPECT_EQ(assessment["inventory_predates"][2]["network"], "gb-op1");
  EXPECT_EQ(assessment["inventory_predates"][2]["inventory_as_of"], "2019-07-01");
  EXPECT_EQ(assessment["inventory_predates"][2]["deadlines"][0]["rule"], "gb-ran-cap");
  EXPECT_NE(result.out.find("judged on 2024-06-01 (--as-of)\nnote: inventory us-op1 (2019-07-01) "
                            "predates the date judged on (2024-06-01)"),
            std::string::npos)
      << result.out;
  ASSERT_EQ(assessment["members"].size(), 6u);
  EXPECT_EQ(assessment["members"][0]["code"], "US");
  EXPECT_EQ(assessment["members"][4]["code"], "SE");
  EXPECT_EQ(assessment["findings"].size(), 6u);
  EXPECT_EQ(assessment["exposure"].size(), 6u);
  EXPECT_EQ(assessment["resilience"].size(), 6u);  // one scenario per member
  EXPECT_EQ(assessment["resilience"][0]["scenario"], "vendor-kill-switch");
  EXPECT_EQ(assessment["alliance"]["format"], "redoubt/alliance-assessment@1");
  EXPECT_EQ(assessment["sites"]["type"], "FeatureCollection");
  EXPECT_GT(assessment["sites"]["features"].size(), 100u);
  EXPECT_NE(assessment["command"].get<std::string>().find("--as-of 2024-06-01"),
            std::string::npos);
  // The scenario given by hand is part of the command that reproduces the run.
  EXPECT_NE(assessment["command"].get<std::string>().find(
                " --scenario " + testing::SourcePath("data/scenarios/vendor-kill-switch.yaml")),
            std::string::npos)
      << assessment["command"];

  const std::string html = testing::ReadText(out + "/report.html");
  EXPECT_NE(html.find("redoubt/assessment@1"), std::string::npos);
  EXPECT_EQ(html.find("<script src="), std::string::npos);  // everything inlined
  EXPECT_EQ(Json::parse(testing::ReadText(out + "/sites.geojson"))["type"], "FeatureCollection");

  // Same inputs and seed, other thread count: the same bytes.
  const std::string again = testing::TempDir("assess-2");
  auto second = RunRedoubt(AssessArgs(again, "2"));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(testing::ReadText(again + "/assessment.json"),
            testing::ReadText(out + "/assessment.json"));
  std::filesystem::remove_all(out);
  std::filesystem::remove_all(again);
}

// The figures block restates, per basis, what the alliance view and the
// per-member documents hold: one number per question.
TEST(CliAssess, FiguresAgreeWithTheDocumentsTheyComeFrom) {
  const std::string out = testing::TempDir("assess-figures");
  auto result = RunRedoubt(AssessArgs(out, "2"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json assessment = Json::parse(testing::ReadText(out + "/assessment.json"));
  const Json& figures = assessment["figures"];
  ASSERT_EQ(figures["definitions"]["figures"].size(), 4u);
  EXPECT_EQ(figures["definitions"]["figures"][0]["key"], "espionage");
  EXPECT_EQ(figures["definitions"]["figures"][0]["name"], "espionage share");
  EXPECT_EQ(figures["definitions"]["figures"][0]["scope"], "owned");
  EXPECT_EQ(figures["definitions"]["figures"][2]["scope"], "networks");
  EXPECT_EQ(figures["definitions"]["scopes"][0]["key"], "owned");
  EXPECT_EQ(figures["definitions"]["service_sets"][1]["key"], "critical");
  EXPECT_EQ(figures["definitions"]["bases"][1]["key"], "deadlines_met");
  const Json& allied = assessment["alliance"]["members"];
  ASSERT_EQ(figures["members"].size(), allied.size());
  bool some_public = false;
  for (std::size_t index = 0; index < allied.size(); ++index) {
    const Json& member = figures["members"][index];
    const Json& posture = allied[index]["posture"];
    SCOPED_TRACE(member["code"].get<std::string>());
    EXPECT_EQ(member["code"], allied[index]["code"]);
    // The alliance view is the basis with deadlines met.
    const Json& met = member["deadlines_met"];
    EXPECT_EQ(met["critical"]["espionage"], posture["espionage"]);
    EXPECT_EQ(met["critical"]["sabotage"], posture["sabotage"]);
    EXPECT_EQ(met["critical"]["services"], posture["critical_services"]);
    EXPECT_EQ(met["critical"]["weight"], posture["critical_weight"]);
    EXPECT_EQ(met["all"]["espionage"], posture["all_services"]["espionage"]);
    EXPECT_EQ(met["all"]["kill_switch_loss"], posture["resilience_loss"]);
    EXPECT_EQ(met["findings"]["standard"], allied[index]["compliance"]["standard"]);
    EXPECT_EQ(met["findings"]["baseline"], allied[index]["compliance"]["baseline"]);
    // Critical services are some of all of them.
    EXPECT_LE(met["critical"]["services"].get<int>(), met["all"]["services"].get<int>());
    some_public = some_public || met["critical"]["weight"] != met["all"]["weight"];
    // As inventoried, the own standard's findings are the member's findings document.
    std::map<std::string, int> counted;
    for (const Json& entry : assessment["findings"]) {
      if (entry["member"] != member["code"]) continue;
      for (const Json& network : entry["document"]["networks"]) {
        for (const auto& [severity, count] : network["summary"]["by_severity"].items()) {
          counted[severity] += count.get<int>();
        }
      }
    }
    for (const auto& [severity, count] : member["as_inventoried"]["findings"]["standard"].items()) {
      EXPECT_EQ(count.get<int>(), counted[severity]) << severity;
    }
    // Same findings on both bases when no deadline was assumed met for the member.
    if (allied[index]["deadlines_assumed_met"].empty()) {
      EXPECT_EQ(member["as_inventoried"]["findings"], member["deadlines_met"]["findings"]);
    }
  }
  EXPECT_TRUE(some_public);  // the two service sets differ on the bundled allies
  std::filesystem::remove_all(out);
}

TEST(CliAssess, BadInputExitsTwo) {
  auto missing = RunRedoubt({"assess", "-q", "-o", testing::TempDir("assess-bad"),
                             "/nonexistent/alliance.yaml"});
  EXPECT_EQ(missing.exit_code, 2);
  auto date = RunRedoubt({"assess", "-q", "--as-of", "2024-13-01"});
  EXPECT_EQ(date.exit_code, 2);
  EXPECT_NE(date.err.find("--as-of '2024-13-01' is not a date"), std::string::npos) << date.err;
}

}  // namespace
}  // namespace redoubt
