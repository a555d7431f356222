// One truth across commands: on the bundled allies, `check` gives exactly the
// findings the alliance view counts for each member, on the same date and
// inventory (rule, network, subject, element and service ids, and the counts
// by severity), at three dates around the deadlines of the bundled standards.
// Runs the real binary, as a user would.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;
using Json = nlohmann::json;

const std::string kAllies = testing::SourcePath("data/samples/allies/alliance.yaml");

// "rule | network | subject | elements | services" per finding, as a sorted multiset.
std::multiset<std::string> Keys(const Json& findings, const std::set<std::string>* only = nullptr) {
  std::multiset<std::string> keys;
  for (const Json& finding : findings) {
    const std::string rule = finding["rule"];
    if (only != nullptr && only->count(rule) == 0) continue;
    auto ids = [&](const char* key) {
      auto list = finding[key].get<std::vector<std::string>>();
      std::sort(list.begin(), list.end());
      std::string out;
      for (const std::string& id : list) out += id + ",";
      return out;
    };
    keys.insert(rule + " | " + finding["network"].get<std::string>() + " | " +
                finding["subject"].get<std::string>() + " | " + ids("elements") + " | " +
                ids("services"));
  }
  return keys;
}

std::map<std::string, int> BySeverity(const Json& findings) {
  std::map<std::string, int> counts;
  for (const Json& finding : findings) ++counts[finding["severity"].get<std::string>()];
  return counts;
}

Json Check(const std::vector<std::string>& inventories, const std::string& standard,
           const std::string& date) {
  std::vector<std::string> args = {"check"};
  args.insert(args.end(), inventories.begin(), inventories.end());
  const std::vector<std::string> flags = {"-s", standard, "--as-of", date, "--format", "json",
                                          "--fail-on", "never"};
  args.insert(args.end(), flags.begin(), flags.end());
  const auto result = RunRedoubt(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return Json::parse(result.out);
}

// Every finding of every network of a `check` document, as one list.
Json AllFindings(const Json& check) {
  Json all = Json::array();
  for (const Json& network : check["networks"]) {
    for (const Json& finding : network["findings"]) all.push_back(finding);
  }
  return all;
}

// The file of a bundled network: ID.json, or cc.json for the first operator
// of the five countries bundled first (us-op1 is us.json).
std::string InventoryFile(const std::string& network_id) {
  const std::string named = testing::SourcePath("data/samples/allies/" + network_id + ".json");
  if (std::filesystem::exists(named)) return named;
  return testing::SourcePath("data/samples/allies/" + network_id.substr(0, 2) + ".json");
}

std::set<std::string> RuleIds(const Json& check) {
  std::set<std::string> ids;
  for (const Json& rule : check["networks"][0]["rules"]) ids.insert(rule["id"].get<std::string>());
  return ids;
}

class CheckMatchesAlliance : public ::testing::TestWithParam<std::string> {};

TEST_P(CheckMatchesAlliance, OwnStandardAndBaselineFindings) {
  const std::string date = GetParam();
  const auto run = RunRedoubt({"alliance", kAllies, "--as-inventoried", "--as-of", date,
                               "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Json alliance = Json::parse(run.out);
  EXPECT_EQ(alliance["as_of"], date);
  const std::string baseline_path = testing::SourcePath(
      "data/standards/" + alliance["alliance"]["baseline"].get<std::string>() + ".yaml");
  ASSERT_EQ(alliance["members"].size(), 6U);
  std::size_t total = 0;
  std::size_t networks = 0;
  for (const Json& member : alliance["members"]) {
    const std::string code = member["code"];
    SCOPED_TRACE(code + " on " + date);
    std::vector<std::string> inventories;
    for (const Json& network : member["networks"]) inventories.push_back(InventoryFile(network));
    networks += inventories.size();
    const std::string own_path = testing::SourcePath(
        "data/standards/" + member["standard"].get<std::string>() + ".yaml");

    const Json own = Check(inventories, own_path, date);
    ASSERT_EQ(own["as_of"], date);
    ASSERT_EQ(own["networks"].size(), member["networks"].size());
    for (std::size_t index = 0; index < inventories.size(); ++index) {
      ASSERT_EQ(own["networks"][index]["id"], member["networks"][index]);
    }
    const Json own_findings = AllFindings(own);
    const Json& counted = member["compliance"];
    EXPECT_EQ(Keys(counted["findings"]["standard"]), Keys(own_findings));
    EXPECT_EQ(BySeverity(counted["findings"]["standard"]), BySeverity(own_findings));
    std::map<std::string, int> by_severity;
    for (const Json& network : own["networks"]) {
      for (const auto& [severity, count] : network["summary"]["by_severity"].items()) {
        by_severity[severity] += count.get<int>();
      }
    }
    for (const auto& [severity, count] : counted["standard"].items()) {
      EXPECT_EQ(count.get<int>(), by_severity[severity]) << severity;
    }

    // Baseline findings: the baseline's rules as the member's standard reads
    // them (its overrides), and the baseline's own for the rules it lacks.
    const Json base = Check(inventories, baseline_path, date);
    const std::set<std::string> baseline_rules = RuleIds(base);
    const std::set<std::string> own_rules = RuleIds(own);
    std::set<std::string> baseline_only;
    for (const std::string& id : baseline_rules) {
      if (own_rules.count(id) == 0) baseline_only.insert(id);
    }
    std::multiset<std::string> expected = Keys(own_findings, &baseline_rules);
    for (const std::string& key : Keys(AllFindings(base), &baseline_only)) {
      expected.insert(key);
    }
    EXPECT_EQ(Keys(counted["findings"]["baseline"]), expected);
    std::size_t baseline_count = 0;
    for (const auto& [severity, count] : counted["baseline"].items()) {
      baseline_count += count.get<std::size_t>();
    }
    EXPECT_EQ(baseline_count, expected.size());
    total += own_findings.size() + expected.size();
  }
  EXPECT_GT(total, 0U);  // the comparison is not between two empty lists
  EXPECT_EQ(networks, 13U);  // every bundled operator was compared
}

INSTANTIATE_TEST_SUITE_P(BundledAllies, CheckMatchesAlliance,
                         ::testing::Values("2019-07-01", "2024-07-01", "2028-01-01"),
                         [](const ::testing::TestParamInfo<std::string>& date) {
                           std::string name = "on_" + date.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace redoubt
