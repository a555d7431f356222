// redoubt plan end to end: exit codes, the text summary, the plan@1
// document against its schema, the same bytes on every run, and the
// bundled GB networks against the 2027 deadline.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;

std::string Case(const std::string& name) { return testing::SourcePath("tests/cases/plan/" + name); }

TEST(PlanCli, MeetsTheDeadlinesAndWritesAValidPlan) {
  const std::string dir = testing::TempDir("plan-cli");
  const std::string out = dir + "/plan.json";
  const auto result = RunRedoubt({"plan", Case("ladder.yaml"), "-s", Case("exit.yaml"), "-c",
                                  Case("costs.yaml"), "-o", out});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("judged on 2026-01-05"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("4 swaps, method exact, proven optimal"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("plan checked: every constraint holds"), std::string::npos) << result.out;
  const auto plan = nlohmann::json::parse(testing::ReadText(out));
  EXPECT_EQ(plan["format"], "redoubt/plan@1");
  EXPECT_EQ(plan["summary"]["deadlines_met"], true);
  EXPECT_EQ(plan["summary"]["swaps"], 4);
  // gnb-a and rc-a together (svc-a down 4 h, weight 10), r1 and r2 apart.
  EXPECT_EQ(plan["summary"]["disruption_weight_hours"], 40);
  EXPECT_EQ(plan["summary"]["cost"], 250 + 3 * 10);
  EXPECT_EQ(plan["costs"]["currency"], "EUR");
  EXPECT_EQ(plan["swaps"][0]["start"], "22:00");
  EXPECT_EQ(plan["swaps"][0]["end"], "02:00");  // 4 h past 22:00
  EXPECT_EQ(plan["shortfall"], nullptr);
  EXPECT_EQ(plan["check"]["valid"], true);
  // The same inputs give the same bytes.
  const std::string again = dir + "/again.json";
  ASSERT_EQ(RunRedoubt({"plan", Case("ladder.yaml"), "-s", Case("exit.yaml"), "-c", Case("costs.yaml"),
                        "-o", again}).exit_code, 0);
  EXPECT_EQ(testing::ReadText(out), testing::ReadText(again));
  const std::string log = dir + "/check.log";
  const std::string command =
      fmt::format("/usr/bin/python3 '{}' '{}' '{}' '{}' > '{}' 2>&1", testing::SourcePath("tests/schema_check.py"),
                  testing::SourcePath(""), out, Case("costs.yaml"), log);
  EXPECT_EQ(std::system(command.c_str()), 0) << testing::ReadText(log);
  EXPECT_NE(testing::ReadText(log).find("2 passed, 0 failed"), std::string::npos) << testing::ReadText(log);
  std::filesystem::remove_all(dir);
}

TEST(PlanCli, SlipsWithTheLeastExtraCrews) {
  const auto result = RunRedoubt({"plan", Case("ladder.yaml"), "-s", Case("exit.yaml"), "-c",
                                  Case("costs-short.yaml"), "--format", "json"});
  ASSERT_EQ(result.exit_code, 1) << result.err;
  const auto plan = nlohmann::json::parse(result.out);
  EXPECT_EQ(plan["summary"]["deadlines_met"], false);
  EXPECT_EQ(plan["summary"]["lateness_days"], 1);
  ASSERT_EQ(plan["shortfall"]["extra_crews"].size(), 1u);
  EXPECT_EQ(plan["shortfall"]["extra_crews"][0]["pool"], "North");
  EXPECT_EQ(plan["shortfall"]["extra_crews"][0]["extra"], 1);
  const auto text = RunRedoubt({"plan", Case("ladder.yaml"), "-s", Case("exit.yaml"), "-c",
                                Case("costs-short.yaml")});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.out.find("pool North needs 1 more crews (1 → 2)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("SLIPS: 1 of 3 swaps late, up to 1 days"), std::string::npos) << text.out;
}

TEST(PlanCli, BadCostsFileIsBadInput) {
  const auto result = RunRedoubt({"plan", Case("ladder.yaml"), "-s", Case("exit.yaml"), "-c",
                                  Case("costs-bad.yaml")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("costs-bad.yaml:4:42: error: unknown key 'lead_days'"), std::string::npos)
      << result.err;
  const auto usage = RunRedoubt({"plan", Case("ladder.yaml"), "-s", Case("exit.yaml"), "-c",
                                 Case("costs.yaml"), "--method", "fastest"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_NE(usage.err.find("--method"), std::string::npos) << usage.err;
}

TEST(PlanCli, BundledGbNetworksMeetThe2027Deadline) {
  const std::string allies = testing::SourcePath("data/samples/allies/");
  const auto result = RunRedoubt({"plan", allies + "gb.json", allies + "gb-op2.json", allies + "gb-op3.json",
                                  "-s", testing::SourcePath("data/standards/gb.yaml"), "-c",
                                  testing::SourcePath("data/costs/illustrative.yaml"), "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto plan = nlohmann::json::parse(result.out);
  EXPECT_EQ(plan["summary"]["deadlines_met"], true);
  bool exit_rule = false;
  for (const auto& deadline : plan["deadlines"]) {
    if (deadline["rule"] == "gb-5g-exit") {
      exit_rule = true;
      EXPECT_EQ(deadline["deadline"], "2027-12-31");
      EXPECT_EQ(deadline["met"], true);
      EXPECT_LE(deadline["last_swap"].get<std::string>(), "2027-12-31");
    }
  }
  EXPECT_TRUE(exit_rule);
  EXPECT_EQ(plan["check"]["valid"], true);
  for (const auto& year : plan["cost_per_year"]) {
    if (!year["budget"].is_null()) {
      EXPECT_LE(year["cost"].get<double>(), year["budget"].get<double>());
    }
  }
}

}  // namespace
}  // namespace redoubt
