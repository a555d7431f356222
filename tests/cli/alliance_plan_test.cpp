// alliance --plan and assess --costs end to end, on the hand-built alliance
// of tests/cases/alliance/planned (the nights are worked out by hand in its
// alliance.yaml): the night a cell moves under a plan, a slipping member's
// cell held down past its deadline, more crews never restoring a cell later,
// the assessment's plan part equal to `redoubt plan` run alone, and the
// assessment's sharing timeline equal to the alliance command's.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "testing.hpp"

namespace redoubt {
namespace {

using Json = nlohmann::ordered_json;
using testing::RunRedoubt;

std::string Case(const std::string& name) {
  return testing::SourcePath("tests/cases/alliance/planned/" + name);
}

constexpr std::string_view kSpan = "2026-01-05..2026-03-01";

Json Timeline(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"alliance", Case("alliance.yaml"), "--timeline", std::string(kSpan),
                                   "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = RunRedoubt(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return Json::parse(result.out);
}

// Members in file order: US 0, GB 1. The level US shares with GB at each step.
std::map<std::string, std::string> UsToGb(const Json& document) {
  std::map<std::string, std::string> levels;
  for (const Json& step : document["timeline"]) {
    levels[step["date"].get<std::string>()] =
        step["matrix"][0][1].is_null() ? "none" : step["matrix"][0][1].get<std::string>();
  }
  return levels;
}

// Per cell "P>R": the first date from which it holds its last level.
std::map<std::string, std::string> RestoreDates(const Json& document) {
  std::map<std::string, std::string> dates;
  const Json& steps = document["timeline"];
  const Json& last = steps.back()["matrix"];
  for (std::size_t provider = 0; provider < last.size(); ++provider) {
    for (std::size_t recipient = 0; recipient < last.size(); ++recipient) {
      if (provider == recipient) continue;
      std::string since;
      for (const Json& step : steps) {
        if (step["matrix"][provider][recipient] != last[provider][recipient]) since.clear();
        else if (since.empty()) since = step["date"].get<std::string>();
      }
      dates[std::to_string(provider) + ">" + std::to_string(recipient)] = since;
    }
  }
  return dates;
}

TEST(AlliancePlanCli, TheCellMovesOnThePlannedNightNotOnTheDeadline) {
  const Json assumed = Timeline({});
  const auto without = UsToGb(assumed);
  EXPECT_EQ(without.at("2026-01-05"), "restricted");
  EXPECT_EQ(without.at("2026-01-08"), "secret");  // the deadline, assumed met

  // One crew, Thursdays only: the core functions go on 01-08, 01-15, 01-22.
  const Json planned = Timeline({"--plan", "GB=" + Case("crews-1.yaml")});
  const auto with = UsToGb(planned);
  EXPECT_EQ(with.at("2026-01-08"), "restricted");  // past the deadline, still down
  EXPECT_EQ(with.at("2026-01-15"), "restricted");
  EXPECT_EQ(with.at("2026-01-22"), "secret");
  EXPECT_NE(RestoreDates(planned).at("0>1"), RestoreDates(assumed).at("0>1"));
  EXPECT_EQ(RestoreDates(planned).at("0>1"), "2026-01-22");

  // The move is explained by the plan, not by the deadline.
  bool explained = false;
  for (const Json& step : planned["timeline"]) {
    for (const Json& move : step["moves"]) {
      if (move["provider"] == "US" && move["recipient"] == "GB") {
        EXPECT_EQ(step["date"], "2026-01-22");
        EXPECT_NE(move["reason"].get<std::string>().find(
                      "GB's planned swap of 1 element completed on 2026-01-22"),
                  std::string::npos)
            << move["reason"];
        explained = true;
      }
    }
  }
  EXPECT_TRUE(explained);

  // The plan the view used: two swaps late, by 7 and 14 days.
  ASSERT_EQ(planned["method"]["plans"].size(), 1u);
  const Json& plan = planned["method"]["plans"][0];
  EXPECT_EQ(plan["member"], "GB");
  EXPECT_EQ(plan["costs"], Case("crews-1.yaml"));
  EXPECT_EQ(plan["start"], "2026-01-05");
  EXPECT_EQ(plan["swaps"], 3);
  EXPECT_EQ(plan["late"], 2);
  EXPECT_EQ(plan["lateness_days"], 21);
  EXPECT_EQ(plan["last_night"], "2026-01-22");
}

TEST(AlliancePlanCli, OnADateTheViewTakesTheSwapsDoneByThen) {
  const auto result = RunRedoubt({"alliance", Case("alliance.yaml"), "--as-of", "2026-01-15", "--plan",
                                  "GB=" + Case("crews-1.yaml"), "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json document = Json::parse(result.out);
  const Json& gb = document["members"][1];
  ASSERT_EQ(gb["code"], "GB");
  ASSERT_EQ(gb["deadlines_assumed_met"].size(), 1u);
  const Json& done = gb["deadlines_assumed_met"][0];
  EXPECT_EQ(done["planned"], true);
  EXPECT_EQ(done["swapped"], 2);
  EXPECT_EQ(done["swaps_planned"], 3);
  EXPECT_EQ(done["night"], "2026-01-15");
}

TEST(AlliancePlanCli, MoreCrewsNeverRestoreACellLater) {
  std::map<std::string, std::string> previous;
  const std::map<std::string, std::string> expected = {
      {"1", "2026-01-22"}, {"2", "2026-01-15"}, {"3", "2026-01-08"}};
  for (const auto& [crews, night] : expected) {
    const auto dates = RestoreDates(Timeline({"--plan", "GB=" + Case("crews-" + crews + ".yaml")}));
    EXPECT_EQ(dates.at("0>1"), night) << crews << " crews";
    for (const auto& [cell, date] : dates) {
      if (previous.count(cell) != 0) {
        EXPECT_LE(date, previous.at(cell)) << cell << " with " << crews;
      }
    }
    previous = dates;
  }
}

TEST(AlliancePlanCli, BadPlanFlagsAreUsageErrors) {
  const auto unknown = RunRedoubt({"alliance", Case("alliance.yaml"), "--plan", "GX=" + Case("crews-1.yaml")});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("--plan: 'GX' is not a member of alliance planned"), std::string::npos)
      << unknown.err;
  EXPECT_NE(unknown.err.find("did you mean 'GB'"), std::string::npos) << unknown.err;

  const auto postures = RunRedoubt({"alliance", Case("alliance.yaml"), "--postures", "/nonexistent",
                                    "--plan", Case("crews-1.yaml")});
  EXPECT_EQ(postures.exit_code, 2);
  EXPECT_NE(postures.err.find("--plan needs inventories"), std::string::npos) << postures.err;

  const auto twice = RunRedoubt({"alliance", Case("alliance.yaml"), "--plan", Case("crews-1.yaml"),
                                 "--plan", Case("crews-2.yaml")});
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_NE(twice.err.find("both name costs for every member"), std::string::npos) << twice.err;
}

// One assess --costs run serves both metamorphic checks.
class AssessWithCosts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::TempDir("assess-costs");
    const auto result = RunRedoubt(
        {"assess", Case("alliance.yaml"), "-o", dir_, "-q", "--scenario",
         testing::SourcePath("data/scenarios/vendor-kill-switch.yaml"), "--trials", "2",
         "--sharing-timeline", std::string(kSpan), "--costs", Case("crews-1.yaml")});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    assessment_ = Json::parse(testing::ReadText(dir_ + "/assessment.json"));
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
  static inline std::string dir_;
  static inline Json assessment_;
};

TEST_F(AssessWithCosts, ThePlanPartIsWhatRedoubtPlanWritesAlone) {
  ASSERT_EQ(assessment_["plan"].size(), 2u);
  const std::map<std::string, std::pair<std::string, std::string>> files = {
      {"US", {"us.yaml", "base.yaml"}}, {"GB", {"gb.yaml", "gb-standard.yaml"}}};
  for (const Json& entry : assessment_["plan"]) {
    const std::string member = entry["member"].get<std::string>();
    const auto& [inventory, standard] = files.at(member);
    const auto alone = RunRedoubt({"plan", Case(inventory), "-s", Case(standard), "-c",
                                   Case("crews-1.yaml"), "--as-of", assessment_["as_of"].get<std::string>(),
                                   "--format", "json"});
    ASSERT_LE(alone.exit_code, 1) << alone.err;
    EXPECT_EQ(Json::parse(alone.out).dump(), entry["document"].dump()) << member;
  }
  // The whole assessment, and every document it embeds, against its schema.
  const std::string log = dir_ + "/check.log";
  const std::string command = "/usr/bin/python3 " + testing::ShellQuote(testing::SourcePath("tests/schema_check.py")) +
                              " " + testing::ShellQuote(testing::SourcePath("")) + " " +
                              testing::ShellQuote(dir_ + "/assessment.json") + " > " + testing::ShellQuote(log) + " 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << testing::ReadText(log);
  EXPECT_NE(testing::ReadText(log).find("2 redoubt/plan@1"), std::string::npos) << testing::ReadText(log);
  // GB's plan slips: the numbers behind the report's "deadlines at risk".
  EXPECT_EQ(assessment_["plan"][1]["document"]["summary"]["deadlines_met"], false);
}

TEST_F(AssessWithCosts, TheSharingTimelineIsTheAllianceCommandsWithThePlan) {
  const Json alone = Timeline({"--plan", Case("crews-1.yaml")});
  ASSERT_TRUE(assessment_["alliance"].contains("timeline"));
  EXPECT_EQ(assessment_["alliance"]["timeline"].dump(), alone["timeline"].dump());
  EXPECT_EQ(UsToGb(alone).at("2026-01-22"), "secret");
  EXPECT_EQ(UsToGb(alone).at("2026-01-15"), "restricted");
}

}  // namespace
}  // namespace redoubt
