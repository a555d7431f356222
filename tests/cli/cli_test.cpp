// The CLI run as a process: stdout, stderr and exit codes.
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;
const std::string kSample = testing::SourcePath("data/samples/sample-gb.yaml");
const std::string kBad = testing::SourcePath("tests/cases/bad-input/13-dangling-vendor.yaml");

TEST(Cli, VersionAndHelpExitZero) {
  auto version = RunRedoubt({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_TRUE(version.out.starts_with("redoubt ")) << version.out;
  auto help = RunRedoubt({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("validate"), std::string::npos);
  EXPECT_NE(help.out.find("Exit codes"), std::string::npos);
  EXPECT_EQ(RunRedoubt({"validate", "--help"}).exit_code, 0);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(RunRedoubt({}).exit_code, 2);
  EXPECT_EQ(RunRedoubt({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(RunRedoubt({"validate"}).exit_code, 2);
  EXPECT_EQ(RunRedoubt({"info", kSample, "--format", "xml"}).exit_code, 2);
}

TEST(Cli, ValidateSampleSaysOk) {
  auto result = RunRedoubt({"validate", kSample});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.starts_with("OK gb-sample: ")) << result.out;
  EXPECT_EQ(result.err, "");
}

TEST(Cli, ValidateBadFileListsEveryProblemAndExitsTwo) {
  auto result = RunRedoubt({"validate", "--no-bundled-vendors", kBad});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("13-dangling-vendor.yaml:5:33: error: unknown vendor 'huawai' "
                            "\u2014 did you mean 'huawei'?"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("unknown vendor 'nobody-we-know'"), std::string::npos);
  EXPECT_NE(result.err.find("2 errors, 0 warnings"), std::string::npos);
}

TEST(Cli, ValidateMissingFileExitsTwo) {
  auto result = RunRedoubt({"validate", "/nonexistent/inventory.yaml"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("/nonexistent/inventory.yaml: error: cannot read inventory"),
            std::string::npos)
      << result.err;
}

TEST(Cli, ValidateJsonIsADiagnosticsDocument) {
  auto result = RunRedoubt({"validate", "--no-bundled-vendors", "--format", "json", kBad});
  EXPECT_EQ(result.exit_code, 2);
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document["format"], "redoubt/diagnostics@1");
  EXPECT_EQ(document["ok"], false);
  EXPECT_EQ(document["errors"], 2);
  EXPECT_EQ(document["diagnostics"][0]["line"], 5);
  EXPECT_EQ(document["diagnostics"][0]["hint"], "did you mean 'huawei'?");
}

// Text that is not UTF-8 is refused where it is read, with its position, and no
// JSON output ends in an internal error (exit 3).
TEST(Cli, TextThatIsNotUtf8IsRefusedWithItsPosition) {
  const std::string latin1 = testing::SourcePath("tests/cases/bad-input/40-latin1-yaml.yaml");
  for (const std::string command : {"validate", "info", "expose"}) {
    for (const std::string format : {"text", "json"}) {
      auto result = RunRedoubt({command, "--format", format, latin1});
      EXPECT_EQ(result.exit_code, 2) << command << " " << format << ": " << result.err;
      if (command == "validate" && format == "json") {  // the diagnostics are the document
        const auto document = nlohmann::json::parse(result.out);
        EXPECT_EQ(document["diagnostics"][0]["line"], 2);
        EXPECT_EQ(document["diagnostics"][0]["column"], 30);
        EXPECT_EQ(document["diagnostics"][0]["message"],
                  "the text is not UTF-8: byte 0xE9 cannot start or continue a character here");
        continue;
      }
      EXPECT_NE(result.err.find("40-latin1-yaml.yaml:2:30: error: the text is not UTF-8: byte "
                                "0xE9 cannot start or continue a character here"),
                std::string::npos)
          << command << " " << format << ": " << result.err;
    }
  }
  const std::string garbage = testing::TempDir("garbage") + "/garbage.json";
  {
    std::string bytes;
    for (int value = 0; value < 256; ++value) bytes.push_back(static_cast<char>(255 - value));
    std::ofstream(garbage, std::ios::binary) << bytes;
  }
  auto result = RunRedoubt({"validate", "--format", "json", garbage});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  const auto document = nlohmann::json::parse(result.out);  // valid JSON, not an internal error
  EXPECT_EQ(document["ok"], false);
  EXPECT_EQ(document["diagnostics"][0]["line"], 1);
  EXPECT_EQ(document["diagnostics"][0]["column"], 1);
  EXPECT_NE(document["diagnostics"][0]["message"].get<std::string>().find("0xFF"),
            std::string::npos);
}

TEST(Cli, InfoShowsDomainsVendorsAndSectors) {
  auto result = RunRedoubt({"info", kSample});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("network gb-sample"), std::string::npos);
  EXPECT_NE(result.out.find("\n  ran "), std::string::npos);
  EXPECT_NE(result.out.find(" huawei "), std::string::npos);
  EXPECT_NE(result.out.find("services by sector: "), std::string::npos);
}

TEST(Cli, InfoJsonSharesAddUpPerDomain) {
  auto result = RunRedoubt({"info", "--format", "json", kSample});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document["format"], "redoubt/inventory-summary@1");
  for (const auto& domain : document["networks"][0]["domains"]) {
    double total = 0;
    int elements = 0;
    for (const auto& vendor : domain["vendors"]) {
      total += vendor["element_share"].get<double>();
      elements += vendor["elements"].get<int>();
    }
    EXPECT_NEAR(total, 1.0, 1e-9) << domain["domain"];
    EXPECT_EQ(elements, domain["elements"].get<int>());
  }
}

TEST(Cli, OutputFileIsWrittenAtomically) {
  const std::string dir = testing::TempDir("cli-out");
  const std::string path = dir + "/info.json";
  auto result = RunRedoubt({"info", "--format", "json", "-o", path, kSample});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(nlohmann::json::parse(testing::ReadText(path))["format"],
            "redoubt/inventory-summary@1");
  EXPECT_EQ(testing::ListDirectory(dir).size(), 1u);
  auto unwritable = RunRedoubt({"info", "-o", "/nonexistent-dir/x.txt", kSample});
  EXPECT_EQ(unwritable.exit_code, 3);
  EXPECT_NE(unwritable.err.find("redoubt: error: "), std::string::npos);
}

TEST(Cli, FullOrClosedStdoutExitsThreeWithAMessage) {
  for (const char* format : {"text", "json"}) {
    auto full = testing::RunRedoubtStdoutTo({"info", "--format", format, kSample}, ">/dev/full");
    EXPECT_EQ(full.exit_code, 3) << format;
    EXPECT_EQ(full.err, "redoubt: error: standard output: write failed: No space left on device\n");
    auto closed = testing::RunRedoubtStdoutTo({"info", "--format", format, kSample}, ">&-");
    EXPECT_EQ(closed.exit_code, 3) << format;
    EXPECT_EQ(closed.err, "redoubt: error: standard output: write failed: Bad file descriptor\n");
  }
  auto dash = testing::RunRedoubtStdoutTo({"info", "-o", "-", kSample}, ">/dev/full");
  EXPECT_EQ(dash.exit_code, 3);
  EXPECT_NE(dash.err.find("No space left on device"), std::string::npos) << dash.err;
}

TEST(Cli, OutputToADeviceIsWrittenInPlaceNeverReplaced) {
  // Through symbolic links, so that even a regression replaces only the link.
  const std::string dir = testing::TempDir("cli-device");
  const std::string null_link = dir + "/null";
  const std::string full_link = dir + "/full";
  std::filesystem::create_symlink("/dev/null", null_link);
  std::filesystem::create_symlink("/dev/full", full_link);
  auto to_null = RunRedoubt({"info", "--format", "json", "-o", null_link, kSample});
  EXPECT_EQ(to_null.exit_code, 0) << to_null.err;
  EXPECT_TRUE(std::filesystem::is_symlink(null_link));
  EXPECT_TRUE(std::filesystem::is_character_file(null_link));
  auto to_full = RunRedoubt({"info", "--format", "json", "-o", full_link, kSample});
  EXPECT_EQ(to_full.exit_code, 3);
  EXPECT_EQ(to_full.err,
            "redoubt: error: " + full_link + ": write failed: No space left on device\n");
  EXPECT_TRUE(std::filesystem::is_symlink(full_link));
  EXPECT_TRUE(std::filesystem::is_character_file(full_link));
  EXPECT_EQ(testing::ListDirectory(dir), (std::vector<std::string>{"full", "null"}));
}

}  // namespace
}  // namespace redoubt
