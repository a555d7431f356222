// One truth across commands: on the bundled allies, `check` gives exactly the
// findings the alliance view counts for each member, on the same date and
// inventory (rule, network, subject, element and service ids, and the counts
// by severity), at three dates around the deadlines of the bundled standards.
// Runs the real binary, as a user would.
#include <algorithm>
#include <cctype>
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

Json Check(const std::string& inventory, const std::string& standard, const std::string& date) {
  const auto result = RunRedoubt({"check", inventory, "-s", standard, "--as-of", date, "--format",
                                  "json", "--fail-on", "never"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return Json::parse(result.out);
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
  ASSERT_EQ(alliance["members"].size(), 5U);
  std::size_t total = 0;
  for (const Json& member : alliance["members"]) {
    std::string code = member["code"];
    SCOPED_TRACE(code + " on " + date);
    std::transform(code.begin(), code.end(), code.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    ASSERT_EQ(member["networks"].size(), 1U);
    const std::string inventory = testing::SourcePath("data/samples/allies/" + code + ".json");
    const std::string own_path = testing::SourcePath(
        "data/standards/" + member["standard"].get<std::string>() + ".yaml");

    const Json own = Check(inventory, own_path, date);
    ASSERT_EQ(own["as_of"], date);
    ASSERT_EQ(own["networks"][0]["id"], member["networks"][0]);
    const Json& own_findings = own["networks"][0]["findings"];
    const Json& counted = member["compliance"];
    EXPECT_EQ(Keys(counted["findings"]["standard"]), Keys(own_findings));
    EXPECT_EQ(BySeverity(counted["findings"]["standard"]), BySeverity(own_findings));
    for (const auto& [severity, count] : counted["standard"].items()) {
      EXPECT_EQ(count, own["networks"][0]["summary"]["by_severity"][severity]) << severity;
    }

    // Baseline findings: the baseline's rules as the member's standard reads
    // them (its overrides), and the baseline's own for the rules it lacks.
    const Json base = Check(inventory, baseline_path, date);
    const std::set<std::string> baseline_rules = RuleIds(base);
    const std::set<std::string> own_rules = RuleIds(own);
    std::set<std::string> baseline_only;
    for (const std::string& id : baseline_rules) {
      if (own_rules.count(id) == 0) baseline_only.insert(id);
    }
    std::multiset<std::string> expected = Keys(own_findings, &baseline_rules);
    for (const std::string& key : Keys(base["networks"][0]["findings"], &baseline_only)) {
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
