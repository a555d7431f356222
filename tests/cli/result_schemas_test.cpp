// Every result document, as the commands write it, matches its JSON Schema in
// schemas/ (checked by tests/schema_check.py with python3-jsonschema,
// independent of the C++ writers): findings, exposure, resilience and the
// alliance view, with its timeline (also judged by a plan), what-if and restore parts, a member's posture and
// the view built from postures.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;

TEST(ResultSchemas, RealOutputsMatchTheirSchemas) {
  const std::string dir = testing::TempDir("result-schemas");
  const std::string sample = testing::SourcePath("data/samples/sample-gb.yaml");
  const std::string small = testing::SourcePath("tests/cases/alliance/small/alliance.yaml");
  const std::string allies = testing::SourcePath("data/samples/allies/alliance.yaml");
  // A member's posture (signed with a published test key) and the view from it.
  const std::string postured = testing::SourcePath("tests/cases/bad-posture/alliance.yaml");
  const std::string gb_key = dir + "/gb.key";
  std::filesystem::copy_file(testing::SourcePath("tests/cases/bad-posture/keys/gb.key"), gb_key);
  std::filesystem::permissions(gb_key, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace);
  std::filesystem::create_directories(dir + "/postures");
  const std::vector<std::pair<std::string, std::vector<std::string>>> runs = {
      {"findings.json",
       {"check", sample, "-s", testing::SourcePath("data/standards/gb.yaml"), "--format", "json",
        "--fail-on", "never"}},
      {"exposure.json", {"expose", sample, "--format", "json"}},
      {"resilience.json",
       {"simulate", sample, "--scenario",
        testing::SourcePath("data/scenarios/vendor-kill-switch.yaml"), "--trials", "2", "--format",
        "json", "-q"}},
      {"alliance-timeline.json",
       {"alliance", small, "--timeline", "2020-01-01..2030-01-01", "--format", "json"}},
      {"alliance-what-if.json",
       {"alliance", small, "--what-if",
        testing::SourcePath("tests/cases/alliance/small/us-lets-huawei-in.yaml"), "--format",
        "json"}},
      {"alliance-restore.json",
       {"alliance", small, "--restore", "US", "DE", "secret", "--format", "json"}},
      {"alliance-bundled.json", {"alliance", allies, "--format", "json"}},
      {"alliance-plan-timeline.json",
       {"alliance", testing::SourcePath("tests/cases/alliance/planned/alliance.yaml"), "--timeline",
        "2026-01-05..2026-03-01", "--plan",
        "GB=" + testing::SourcePath("tests/cases/alliance/planned/crews-1.yaml"), "--format", "json"}},
      {"posture.json",
       {"posture", postured, "--member", "GB", "--key", gb_key, "--as-of", "2020-01-01",
        "--disclose", "elements", "--kill-switch", "--trials", "2", "-o",
        dir + "/postures/GB.posture.json"}},
      {"alliance-postures.json",
       {"alliance", postured, "--as-of", "2020-01-01", "--postures", dir + "/postures",
        "--allow-missing", "--format", "json"}},
      {"assessment-postures.json",
       {"assess", postured, "-q", "--as-of", "2020-01-01", "--postures", dir + "/postures",
        "--allow-missing", "-o", dir + "/assess-postures"}},
  };
  std::string files;
  for (const auto& [name, args] : runs) {
    const auto result = RunRedoubt(args);
    ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 1) << name << ": " << result.err;
    // posture and assess write their own files; the others print the document.
    const std::string written = name == "posture.json" ? dir + "/postures/GB.posture.json"
                                : name == "assessment-postures.json"
                                    ? dir + "/assess-postures/assessment.json"
                                    : dir + "/" + name;
    if (name != "posture.json" && name != "assessment-postures.json") {
      std::ofstream(written) << result.out;
    }
    files += " '" + written + "'";
  }
  const std::string log = dir + "/check.log";
  const std::string command = fmt::format("/usr/bin/python3 '{}' '{}'{} > '{}' 2>&1",
                                          testing::SourcePath("tests/schema_check.py"),
                                          testing::SourcePath(""), files, log);
  EXPECT_EQ(std::system(command.c_str()), 0) << testing::ReadText(log);
  const std::string report = testing::ReadText(log);
  // Each document was checked against its own schema (the alliance documents
  // embed none of another format).
  EXPECT_NE(
      report.find("7 redoubt/alliance-assessment@1, 1 redoubt/assessment@1, 1 redoubt/exposure@1, "
                  "1 redoubt/findings@1, "
                  "1 redoubt/posture@1, 1 redoubt/resilience@1, 1 redoubt/scenario@1"),
      std::string::npos)
      << report;
  EXPECT_NE(report.find("13 passed, 0 failed"), std::string::npos) << report;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace redoubt
