// `redoubt generate` and `redoubt import` run as processes.
#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

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

TEST(SeedOption, NegativeOrTooLargeSeedIsRefusedNotWrapped) {
  const std::string sample = testing::SourcePath("data/samples/sample-gb.yaml");
  const std::vector<std::vector<std::string>> commands = {
      {"generate", "--country", "GB"},
      {"simulate", sample},
      {"assess", testing::SourcePath("data/samples/allies/alliance.yaml")},
      {"import", "csv", sample}};
  for (const std::string seed : {"-1", "18446744073709551616", "1.5", "0x10"}) {
    for (std::vector<std::string> args : commands) {
      args.insert(args.begin() + 1, {"--seed", seed});
      auto result = RunRedoubt(args);
      EXPECT_EQ(result.exit_code, 2) << args[0] << " " << seed;
      EXPECT_EQ(result.out, "");
      EXPECT_NE(result.err.find("a seed is a whole number from 0 to 18446744073709551615, not '" +
                                seed + "'"),
                std::string::npos)
          << args[0] << " " << seed << ": " << result.err;
    }
  }
  auto largest = RunRedoubt({"generate", "--country", "GB", "--sites", "20", "--seed",
                             "18446744073709551615"});
  EXPECT_EQ(largest.exit_code, 0) << largest.err;
}

TEST(ImportCli, GraphMlToValidInventoryWithSummary) {
  const std::string out = testing::TempDir("import") + "/abilene.json";
  auto result = RunRedoubt({"import", "graphml",
                            testing::TestDataPath("topology-zoo/graphml/Abilene.graphml"), "-o",
                            out});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("imported abilene (graphml):"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("nodes                            11"), std::string::npos);
  auto validate = RunRedoubt({"validate", out});
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  EXPECT_TRUE(validate.out.starts_with("OK abilene: 11 elements, 14 links")) << validate.out;
}

// Imported topologies have vendor `unknown`: every command that treats it as
// trusted says so with the count, and a standard may count it as untrusted.
TEST(ImportCli, UnassessedVendorsAreNamedAndAStandardMayDistrustThem) {
  const std::string dir = testing::TempDir("unassessed");
  const std::string inventory = dir + "/abilene.json";
  ASSERT_EQ(RunRedoubt({"import", "graphml",
                        testing::TestDataPath("topology-zoo/graphml/Abilene.graphml"), "-o",
                        inventory, "--as-of", "2019-07-01"})
                .exit_code,
            0);
  const std::string warning =
      "warning: network abilene: 11 elements of vendors with unknown risk (unknown 11) are "
      "treated as trusted by ";
  auto expose = RunRedoubt({"expose", inventory});
  EXPECT_EQ(expose.exit_code, 0) << expose.err;
  EXPECT_NE(expose.err.find(warning + "vendor.risk: high"), std::string::npos) << expose.err;
  auto baseline = RunRedoubt({"check", inventory, "-s",
                              testing::SourcePath("data/standards/nato-baseline.yaml"), "--fail-on",
                              "never"});
  EXPECT_NE(baseline.err.find(warning + "standard nato-baseline (untrusted: "), std::string::npos)
      << baseline.err;

  const std::string strict = dir + "/strict.yaml";
  std::ofstream(strict) << "format: redoubt/standard@1\n"
                           "id: strict\n"
                           "untrusted: {vendor.risk: [high, unknown]}\n"
                           "rules:\n"
                           "  - id: no-unassessed-transport\n"
                           "    title: No unassessed or high-risk supplier in transport\n"
                           "    severity: high\n"
                           "    forbid: {untrusted: true, domain: transport}\n";
  auto check = RunRedoubt({"check", inventory, "-s", strict, "--format", "json"});
  EXPECT_EQ(check.exit_code, 1) << check.err;
  EXPECT_EQ(check.err.find("unknown risk"), std::string::npos) << check.err;
  const auto findings = nlohmann::json::parse(check.out);
  EXPECT_EQ(findings["networks"][0]["findings"].size(), 11U);
  auto distrusted = RunRedoubt({"expose", inventory, "--standard", strict});
  EXPECT_EQ(distrusted.err.find("unknown risk"), std::string::npos) << distrusted.err;
  EXPECT_NE(distrusted.out.find("(11 elements)"), std::string::npos) << distrusted.out;
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
  for (const char* network : {"us", "us-op2", "gb", "gb-op2", "gb-op3", "de", "de-op2", "ca",
                              "ca-op2", "se-op1", "se-op2", "lv", "lv-op2"}) {
    const std::string name = std::string(network) + ".json";
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
  // The US operators carry no Huawei (policy-facts: the US national carriers' 5G).
  for (const char* name : {"/us.json", "/us-op2.json"}) {
    EXPECT_EQ(testing::ReadText(dir + name).find("\"vendor\":\"huawei\""), std::string::npos) << name;
  }
  // The script makes every checked-in network and nothing else.
  std::vector<std::string> checked_in;
  for (const std::string& name : testing::ListDirectory(testing::SourcePath("data/samples/allies"))) {
    if (name.ends_with(".json")) checked_in.push_back(name);
  }
  EXPECT_EQ(testing::ListDirectory(dir), checked_in);
}

}  // namespace
}  // namespace redoubt
