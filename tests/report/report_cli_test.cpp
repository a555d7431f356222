// `redoubt report` and `redoubt export graphml` run as processes.
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;
const std::string kFixture = testing::SourcePath("tests/cases/report/fixtures/assessment.json");
const std::string kSample = testing::SourcePath("data/samples/sample-gb.yaml");

bool AssetsInstalled() {
  return std::filesystem::exists(testing::SourcePath("node_modules/vega/build/vega.min.js"));
}

TEST(ReportCli, RendersTheFixture) {
  if (!AssetsInstalled()) GTEST_SKIP() << "node_modules/ not installed; run scripts/setup";
  const std::string out = testing::TempDir("report") + "/report.html";
  auto result = RunRedoubt({"report", kFixture, "-o", out});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  const std::string html = testing::ReadText(out);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(html.find("<title>Five allies and the host nation of a battle group, mid-2019 "
                      "(illustrative)</title>"),
            std::string::npos);
  EXPECT_NE(html.find("id=\"redoubt-assessment\">{\"format\":\"redoubt/assessment@1\""),
            std::string::npos);
}

// The fixture is under the digest's limits: embedded as it is. With tiny
// limits its lists are cut and its maps drawn as cells.
TEST(ReportCli, DigestLimitsComeFromTheFlags) {
  if (!AssetsInstalled()) GTEST_SKIP() << "node_modules/ not installed; run scripts/setup";
  const std::string folder = testing::TempDir("digest");
  auto whole = RunRedoubt({"report", kFixture, "-o", folder + "/whole.html"});
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  EXPECT_EQ(testing::ReadText(folder + "/whole.html").find("\"digest\":{"), std::string::npos);
  auto cut = RunRedoubt({"report", kFixture, "-o", folder + "/cut.html", "--digest-rows", "3",
                         "--digest-sites", "5"});
  ASSERT_EQ(cut.exit_code, 0) << cut.err;
  const std::string html = testing::ReadText(folder + "/cut.html");
  EXPECT_NE(html.find("\"digest\":{\"limits\":{\"rows\":3,\"counted_rows\":3,\"map_sites\":5,"),
            std::string::npos);
  EXPECT_NE(html.find("\"findings_omitted\":{\"count\":3,"), std::string::npos);
  EXPECT_NE(html.find("\"aggregated\":[{\"member\":\"US\",\"sites\":10,"), std::string::npos);
  for (const char* flag : {"--digest-rows", "--digest-sites"}) {
    const auto zero = RunRedoubt({"report", kFixture, flag, "0"});
    EXPECT_EQ(zero.exit_code, 2) << flag;
    EXPECT_NE(zero.err.find(std::string(flag) + ": Value 0 not in range 1 to 100000000"),
              std::string::npos)
        << zero.err;
  }
}

TEST(ReportCli, WrongFormatExitsTwoWithTheLocation) {
  const std::string findings = testing::SourcePath("tests/cases/report/fixtures/findings.json");
  auto result = RunRedoubt({"report", findings, "-o", testing::TempDir("wrong") + "/r.html"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("findings.json:2:13: error: expected format 'redoubt/assessment@1', "
                            "found 'redoubt/findings@1'"),
            std::string::npos)
      << result.err;
}

TEST(ReportCli, MissingInputOrArgumentExitsTwo) {
  auto missing = RunRedoubt({"report", "/nonexistent/assessment.json"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/assessment.json: error: cannot read the assessment"),
            std::string::npos)
      << missing.err;
  EXPECT_EQ(RunRedoubt({"report"}).exit_code, 2);
}

TEST(ReportCli, MissingAssetsExitThreeWithTheHint) {
  const std::string empty = testing::TempDir("no-assets");
  ::setenv("REDOUBT_ASSETS", empty.c_str(), 1);
  auto result = RunRedoubt({"report", kFixture, "-o", empty + "/r.html"});
  ::unsetenv("REDOUBT_ASSETS");
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_NE(result.err.find("run scripts/setup"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(empty + "/r.html"));
}

TEST(ExportCli, GraphMlOfTheSample) {
  auto result = RunRedoubt({"export", "graphml", kSample});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  EXPECT_NE(result.out.find("<graph id=\"gb-sample\" edgedefault=\"undirected\">"),
            std::string::npos);
}

TEST(ExportCli, BadInputAndUsageExitTwo) {
  EXPECT_EQ(RunRedoubt({"export"}).exit_code, 2);
  EXPECT_EQ(RunRedoubt({"export", "graphml"}).exit_code, 2);
  EXPECT_EQ(RunRedoubt({"export", "graphml", "/nonexistent.yaml"}).exit_code, 2);
}

}  // namespace
}  // namespace redoubt
