// redoubt check, explain and test run as processes: stdout, stderr, exit codes.
#include <fstream>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;
const std::string kSample = testing::SourcePath("data/samples/sample-gb.yaml");
const std::string kGb = testing::SourcePath("data/standards/gb.yaml");
const std::string kUs = testing::SourcePath("data/standards/us.yaml");

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = testing::TempDir("policy-cli-" + name) + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST(CheckCli, FindingsOnADateGroupedByRuleExitOne) {
  auto result = RunRedoubt({"check", kSample, "--standard", kGb, "--as-of", "2024-01-01"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.err, "");
  // The management deadline, the RAN cap, and the baseline's service rule (two
  // critical services without two disjoint trusted paths, judged by the exposure analysis).
  EXPECT_NE(result.out.find("network gb-sample as of 2024-01-01: 4 findings (1 critical, 3 high)"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("nato-management-untrusted  critical  forbid  1 finding  (binds from "
                            "2023-12-31)"),
            std::string::npos);
  EXPECT_NE(result.out.find("- ems-huawei-1 (ems, huawei, site man-dc1) is forbidden"),
            std::string::npos);
  EXPECT_NE(result.out.find("38.5% of the sites in scope with a matching element (5 of 13)"),
            std::string::npos);
  EXPECT_NE(result.out.find("not binding on 2024-01-01: gb-5g-exit (from 2027-12-31)"),
            std::string::npos);
  EXPECT_NE(result.out.find("service drax-power-station: 0 node-disjoint paths through trusted "
                            "equipment only, 2 required; untrusted on its routes: lee-mw-1 "
                            "(microwave huawei), drax-mw-1 (microwave huawei)"),
            std::string::npos);
  EXPECT_EQ(result.out.find("not evaluated: nato-critical-redundant"), std::string::npos);
}

TEST(CheckCli, FailOnDecidesTheExitCode) {
  // On 2021-01-01 only the RAN cap (high) binds and is breached.
  const std::vector<std::string> base = {"check", kSample, "-s", kGb, "--as-of", "2021-01-01"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return RunRedoubt(args).exit_code;
  };
  EXPECT_EQ(with({}), 1);
  EXPECT_EQ(with({"--fail-on", "high"}), 1);
  EXPECT_EQ(with({"--fail-on", "critical"}), 0);
  EXPECT_EQ(with({"--fail-on", "never"}), 0);
  EXPECT_EQ(with({"--fail-on", "severe"}), 2);
  // Before any dated UK rule only the baseline's service rule binds: two high findings.
  EXPECT_EQ(RunRedoubt({"check", kSample, "-s", kGb}).exit_code, 1);  // its own as_of, 2019-07-01
  EXPECT_EQ(RunRedoubt({"check", kSample, "-s", kGb, "--fail-on", "critical"}).exit_code, 0);
}

// One date rule: --as-of, else the latest inventory date; printed in text and JSON.
TEST(CheckCli, SaysTheDateItJudgesOnAndWhatTheInventoryPredates) {
  auto text = RunRedoubt({"check", kSample, "-s", kGb, "--fail-on", "never"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(text.out.starts_with("judged on 2019-07-01 (the latest inventory date, gb-sample)\n"))
      << text.out;
  EXPECT_EQ(text.out.find("note: inventory"), std::string::npos);

  auto json = RunRedoubt({"check", kSample, "-s", kGb, "--as-of", "2024-07-01", "--format", "json",
                          "--fail-on", "never"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto document = nlohmann::json::parse(json.out);
  EXPECT_EQ(document["as_of"], "2024-07-01");
  EXPECT_EQ(document["as_of_source"], "as-of");
  EXPECT_EQ(document["networks"][0]["as_of"], "2024-07-01");
  ASSERT_EQ(document["inventory_predates"].size(), 1U);
  EXPECT_EQ(document["inventory_predates"][0]["inventory_as_of"], "2019-07-01");
  EXPECT_EQ(document["inventory_predates"][0]["deadlines"].size(), 7U);  // gb-ran-cap … 2023-12-31

  auto later = RunRedoubt({"check", kSample, "-s", kGb, "--as-of", "2024-07-01", "--fail-on",
                           "never"});
  EXPECT_NE(later.out.find("judged on 2024-07-01 (--as-of)\nnote: inventory gb-sample (2019-07-01) "
                           "predates the date judged on (2024-07-01); 7 deadlines fell due in "
                           "between"),
            std::string::npos)
      << later.out;
}

TEST(CheckCli, JsonIsAFindingsDocument) {
  auto result = RunRedoubt({"check", kSample, "-s", kGb, "--as-of", "2028-01-01", "--format",
                            "json"});
  ASSERT_EQ(result.exit_code, 1) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document["format"], "redoubt/findings@1");
  EXPECT_EQ(document["standard"]["id"], "gb");
  EXPECT_EQ(document["standard"]["files"].size(), 2u);
  EXPECT_EQ(document["compliant"], false);
  const auto& network = document["networks"][0];
  EXPECT_EQ(network["as_of"], "2028-01-01");
  EXPECT_EQ(network["summary"]["findings"].get<int>(), network["findings"].size());
  int five_g = 0;
  for (const auto& finding : network["findings"]) {
    if (finding["rule"] == "gb-5g-exit") {
      ++five_g;
      EXPECT_EQ(finding["severity"], "critical");
      EXPECT_EQ(finding["due"], "2027-12-31");
      EXPECT_EQ(finding["elements"].size(), 1u);
    }
    if (finding["rule"] == "gb-ran-cap") {
      EXPECT_NEAR(finding["evidence"]["measure"]["value"].get<double>(), 5.0 / 13.0, 1e-9);
      EXPECT_EQ(finding["evidence"]["measure"]["bound"], 0.35);
      EXPECT_EQ(finding["evidence"]["contributors"][0]["id"], "huawei");
    }
  }
  EXPECT_EQ(five_g, 11);  // every Huawei element of the sample
}

TEST(CheckCli, TimelineShowsTheUkDeadlines) {
  auto text = RunRedoubt({"check", kSample, "-s", kGb, "--timeline"});
  // On the sample's own date the baseline's service rule already binds (two high findings).
  EXPECT_EQ(text.exit_code, 1) << text.err;
  EXPECT_NE(text.out.find("2019-07-01  2 findings in force, 2 falling due"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("2020-01-28  3 findings in force, 1 falling due"), std::string::npos);
  EXPECT_NE(text.out.find("2023-12-31  4 findings in force, 1 falling due"), std::string::npos);
  EXPECT_NE(text.out.find("2027-12-31  15 findings in force, 11 falling due"), std::string::npos);
  auto json = RunRedoubt({"check", kSample, "-s", kGb, "--timeline", "--format", "json"});
  const auto document = nlohmann::json::parse(json.out);
  EXPECT_EQ(document["format"], "redoubt/timeline@1");
  std::vector<std::string> dates;
  for (const auto& step : document["networks"][0]["steps"]) dates.push_back(step["date"]);
  EXPECT_EQ(dates, std::vector<std::string>({"2019-07-01", "2020-01-28", "2022-10-13",
                                             "2023-01-28", "2023-10-31", "2023-12-31",
                                             "2027-12-31"}));
}

TEST(CheckCli, BadInputExitsTwoWithLocations) {
  const std::string bad = WriteTemp(
      "bad.yaml",
      "format: redoubt/standard@1\nid: t\nrules:\n  - {id: a, severity: high, forbid: {domian: "
      "core}}\n");
  auto result = RunRedoubt({"check", kSample, "-s", bad});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("bad.yaml:4:38: error: unknown element attribute 'domian'"),
            std::string::npos)
      << result.err;
  const std::string typo = WriteTemp(
      "typo.yaml",
      "format: redoubt/standard@1\nid: t\nuntrusted: {vendor: [huawai]}\nrules:\n  - {id: a, "
      "severity: high, rationale: r, forbid: {untrusted: true}}\n");
  auto misspelt = RunRedoubt({"check", kSample, "-s", typo});
  EXPECT_EQ(misspelt.exit_code, 2);
  EXPECT_NE(misspelt.err.find("did you mean 'huawei'?"), std::string::npos) << misspelt.err;
  EXPECT_EQ(RunRedoubt({"check", kSample, "-s", kGb, "--as-of", "2024-13-01"}).exit_code, 2);
  EXPECT_EQ(RunRedoubt({"check", kSample, "-s", kGb, "--only", "gb-nope"}).exit_code, 2);
  EXPECT_EQ(RunRedoubt({"check", kSample}).exit_code, 2);  // --standard is required
  EXPECT_EQ(RunRedoubt({"check", "/nonexistent.yaml", "-s", kGb}).exit_code, 2);
}

TEST(CheckCli, OnlySelectsRules) {
  auto result = RunRedoubt({"check", kSample, "-s", kUs, "--as-of", "2021-01-01", "--only",
                            "nato-ran-multi-vendor"});
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_NE(result.out.find("no findings"), std::string::npos);
}

TEST(ExplainCli, RuleInWordsWithItsSource) {
  auto result = RunRedoubt({"explain", "gb-ran-cap", "--standard", kGb});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.starts_with(
      "gb-ran-cap \u2014 High-risk vendors hold at most 35% of the access network's sites\n"));
  EXPECT_NE(result.out.find("  binds:     from 2020-01-28\n"), std::string::npos);
  EXPECT_NE(result.out.find("at most 35.0% of their sites may hold an element where it is "
                            "untrusted"),
            std::string::npos);
  EXPECT_NE(result.out.find("  source:    UK security advice, 28 January 2020\n"),
            std::string::npos);
  auto overridden = RunRedoubt({"explain", "nato-core-untrusted", "-s", kGb});
  EXPECT_NE(overridden.out.find("overrides: the rule of the same id at "), std::string::npos);
  auto unknown = RunRedoubt({"explain", "gb-ran-capp", "-s", kGb});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("standard gb has no rule 'gb-ran-capp' \u2014 did you mean "
                             "'gb-ran-cap'?"),
            std::string::npos)
      << unknown.err;
  auto list = RunRedoubt({"explain", "-s", kGb});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("gb-5g-exit"), std::string::npos);
}

TEST(ExplainCli, JsonSaysWhatTheTextSays) {
  auto result = RunRedoubt({"explain", "gb-ran-cap", "--standard", kGb, "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document["format"], "redoubt/explanation@1");
  EXPECT_EQ(document["standard"]["id"], "gb");
  ASSERT_EQ(document["rules"].size(), 1U);
  const auto& rule = document["rules"][0];
  EXPECT_EQ(rule["id"], "gb-ran-cap");
  EXPECT_EQ(rule["kind"], "cap");
  EXPECT_EQ(rule["effective"], "2020-01-28");
  EXPECT_EQ(rule["binds"], "from 2020-01-28");
  EXPECT_EQ(rule["source"], "UK security advice, 28 January 2020");
  const auto text = RunRedoubt({"explain", "gb-ran-cap", "--standard", kGb});
  EXPECT_NE(text.out.find("  rule:      " + rule["rule"].get<std::string>() + "\n"),
            std::string::npos)
      << text.out;
  auto overridden = RunRedoubt({"explain", "nato-core-untrusted", "-s", kGb, "--format", "json"});
  const auto inherited = nlohmann::json::parse(overridden.out)["rules"][0];
  EXPECT_EQ(inherited["standard"], "gb");
  EXPECT_TRUE(inherited["overrides"].get<std::string>().find("nato-baseline.yaml:") !=
              std::string::npos)
      << inherited;
  auto all = RunRedoubt({"explain", "-s", kGb, "--format", "json"});
  ASSERT_EQ(all.exit_code, 0);
  const auto every = nlohmann::json::parse(all.out);
  const auto list = RunRedoubt({"explain", "-s", kGb});
  EXPECT_NE(list.out.find(" \u2014 " + std::to_string(every["rules"].size()) + " rules\n"),
            std::string::npos)
      << list.out;
}

TEST(TestCli, BundledStandardsPassWithFullCoverage) {
  std::vector<std::string> args = {"test", "--require-full-coverage"};
  for (const char* name : {"nato-baseline", "us", "gb", "de", "ca"}) {
    args.push_back(testing::SourcePath(std::string("data/standards/") + name + ".yaml"));
  }
  auto result = RunRedoubt(args);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("(gb): 8 of 8 cases passed"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("coverage: 8 of 8 rules of this file exercised"), std::string::npos);
  EXPECT_EQ(result.out.find("FAIL"), std::string::npos);
}

TEST(TestCli, FailingCaseExitsOneAndSaysWhy) {
  const std::string path = WriteTemp("wrong.yaml", R"(format: redoubt/standard@1
id: t
untrusted: {vendor.risk: high}
rules:
  - {id: a, severity: high, rationale: r, forbid: {untrusted: true}}
  - {id: b, severity: low, rationale: r, forbid: {domain: edge}}
cases:
  - name: wrong expectation
    inventory: {elements: [{id: e1, kind: gnb, vendor: huawei}]}
    expect: [{rule: a, elements: [e2]}]
)");
  auto result = RunRedoubt({"test", path});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("FAIL  wrong expectation"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("rule a: elements differ: missing e2; unexpected e1"),
            std::string::npos);
  EXPECT_NE(result.out.find("not exercised: a, b"), std::string::npos);
  auto json = RunRedoubt({"test", path, "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(json.out)["passed"], false);
  EXPECT_EQ(RunRedoubt({"test", "/nonexistent/standard.yaml"}).exit_code, 2);
}

}  // namespace
}  // namespace redoubt
