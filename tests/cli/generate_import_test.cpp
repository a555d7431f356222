// `redoubt generate` and `redoubt import` run as processes.
#include <cstdlib>

#include <gtest/gtest.h>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;

TEST(GenerateCli, WritesTheSameBytesForTheSameSeed) {
  const std::string dir = testing::TempDir("generate");
  const std::vector<std::string> args = {"generate", "--country", "LV", "--sites", "150",
                                         "--seed", "4", "--foreign-service",
                                         "CA,57.09,24.39,eFP battle group"};
  auto first = RunRedoubt([&] { auto a = args; a.push_back("-o"); a.push_back(dir + "/a.json"); return a; }());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("generated lv-op1: "), std::string::npos) << first.err;
  auto second = RunRedoubt(args);
  ASSERT_EQ(second.exit_code, 0);
  EXPECT_EQ(second.out, testing::ReadText(dir + "/a.json"));
  auto validate = RunRedoubt({"validate", dir + "/a.json"});
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  EXPECT_EQ(validate.err, "");
  EXPECT_NE(second.out.find("\"owner\":\"CA\""), std::string::npos);
}

TEST(GenerateCli, BadOptionsExitTwoWithHints) {
  auto result = RunRedoubt({"generate", "--country", "FR", "--vendor-mix", "ran=huawei:0.5"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("--vendor-mix:1:1: error: the shares of 'ran' sum to 0.5, not 1"),
            std::string::npos)
      << result.err;
  auto country = RunRedoubt({"generate", "--country", "FR"});
  EXPECT_EQ(country.exit_code, 2);
  EXPECT_NE(country.err.find("no country profile for 'FR'"), std::string::npos) << country.err;
}

TEST(ImportCli, GraphMlToValidInventoryWithSummary) {
  const std::string out = testing::TempDir("import") + "/abilene.json";
  auto result = RunRedoubt({"import", "graphml",
                            testing::SharedDataPath("topology-zoo/graphml/Abilene.graphml"), "-o",
                            out});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("imported abilene (graphml):"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("nodes                            11"), std::string::npos);
  auto validate = RunRedoubt({"validate", out});
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  EXPECT_TRUE(validate.out.starts_with("OK abilene: 11 elements, 14 links")) << validate.out;
}

TEST(ImportCli, BadFileExitsTwoWithPositions) {
  auto result = RunRedoubt(
      {"import", "graphml", testing::SourcePath("tests/cases/import/01-graphml-malformed.graphml")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("01-graphml-malformed.graphml:8:5: error: malformed XML"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(RunRedoubt({"import", "gml", "x"}).exit_code, 2);
}

// The checked-in allied samples are exactly what their documented command makes.
TEST(AlliedSamples, AreReproducedByTheirRegenerateScript) {
  const std::string dir = testing::TempDir("allies");
  const std::string command = testing::SourcePath("data/samples/allies/regenerate") + " " +
                              REDOUBT_BINARY + " " + dir + " 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  for (const char* country : {"us", "gb", "de", "ca", "lv"}) {
    const std::string name = std::string(country) + ".json";
    EXPECT_EQ(testing::ReadText(dir + "/" + name),
              testing::ReadText(testing::SourcePath("data/samples/allies/" + name)))
        << name << " is stale: run data/samples/allies/regenerate";
  }
  auto validate = RunRedoubt({"validate", dir + "/lv.json", dir + "/gb.json"});
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  EXPECT_EQ(validate.err, "");
  EXPECT_NE(validate.out.find("OK lv-op1: "), std::string::npos);
  const std::string lv = testing::ReadText(dir + "/lv.json");
  for (const char* owner : {"CA", "DE", "GB", "US"}) {
    EXPECT_NE(lv.find(std::string("\"owner\":\"") + owner + "\",\"classification\":\"secret\""),
              std::string::npos)
        << owner;
  }
  const std::string us = testing::ReadText(dir + "/us.json");
  EXPECT_EQ(us.find("\"vendor\":\"huawei\""), std::string::npos);
}

}  // namespace
}  // namespace redoubt
