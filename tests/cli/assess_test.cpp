// redoubt assess end to end on the bundled allies: the files it writes, the
// summary it prints, and that the same inputs give the same bytes whatever
// the number of threads.
#include <filesystem>

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
  EXPECT_NE(result.out.find("sharing (provider row"), std::string::npos);

  const Json assessment = Json::parse(testing::ReadText(out + "/assessment.json"));
  EXPECT_EQ(assessment["format"], "redoubt/assessment@1");
  EXPECT_EQ(assessment["as_of"], "2024-06-01");
  EXPECT_EQ(assessment["as_of_source"], "as-of");
  // Every bundled inventory is of 2019-07-01: each predates the date, with its deadlines.
  ASSERT_EQ(assessment["inventory_predates"].size(), 5u);
  EXPECT_EQ(assessment["inventory_predates"][1]["network"], "gb-op1");
  EXPECT_EQ(assessment["inventory_predates"][1]["inventory_as_of"], "2019-07-01");
  EXPECT_EQ(assessment["inventory_predates"][1]["deadlines"][0]["rule"], "gb-ran-cap");
  EXPECT_NE(result.out.find("judged on 2024-06-01 (--as-of)\nnote: inventory us-op1 (2019-07-01) "
                            "predates the date judged on (2024-06-01)"),
            std::string::npos)
      << result.out;
  ASSERT_EQ(assessment["members"].size(), 5u);
  EXPECT_EQ(assessment["members"][0]["code"], "US");
  EXPECT_EQ(assessment["findings"].size(), 5u);
  EXPECT_EQ(assessment["exposure"].size(), 5u);
  EXPECT_EQ(assessment["resilience"].size(), 5u);  // one scenario per member
  EXPECT_EQ(assessment["resilience"][0]["scenario"], "vendor-kill-switch");
  EXPECT_EQ(assessment["alliance"]["format"], "redoubt/alliance-assessment@1");
  EXPECT_EQ(assessment["sites"]["type"], "FeatureCollection");
  EXPECT_GT(assessment["sites"]["features"].size(), 100u);
  EXPECT_NE(assessment["command"].get<std::string>().find("--as-of 2024-06-01"),
            std::string::npos);

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
