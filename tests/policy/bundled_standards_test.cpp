// The standards shipped in data/standards: each loads cleanly on its own,
// cites a source for every rule, carries the dates of the real decisions,
// and passes its own cases with every rule it writes exercised.
#include <map>

#include <gtest/gtest.h>

#include "policy/case_runner.hpp"
#include "policy/standard_reader.hpp"
#include "testing.hpp"

namespace redoubt::policy {
namespace {

const std::vector<std::string> kFiles = {"nato-baseline", "us", "gb", "de", "ca", "se"};

Standard Load(const std::string& name) {
  auto loaded = LoadStandard(testing::SourcePath("data/standards/" + name + ".yaml"));
  for (const Diagnostic& diagnostic : loaded.diagnostics().Items()) {
    ADD_FAILURE() << diagnostic.Format();
  }
  EXPECT_TRUE(loaded.ok());
  return loaded.ok() ? std::move(loaded).value() : Standard{};
}

TEST(BundledStandards, EveryFileIsInDataStandards) {
  std::vector<std::string> expected;
  for (const std::string& name : kFiles) expected.push_back(name + ".yaml");
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(testing::ListDirectory(testing::SourcePath("data/standards")), expected);
}

class Bundled : public ::testing::TestWithParam<std::string> {};

TEST_P(Bundled, LoadsCitesItsSourcesAndPassesItsCases) {
  const Standard standard = Load(GetParam());
  ASSERT_FALSE(standard.rules.empty());
  for (const StandardRule& rule : standard.rules) {
    EXPECT_FALSE(rule.title.empty()) << rule.id;
    EXPECT_GT(rule.rationale.size(), 40u) << rule.id;
    EXPECT_FALSE(rule.source.empty()) << rule.id;
  }
  const StandardTestReport report = RunCases(standard, {});
  for (const CaseResult& result : report.cases) {
    EXPECT_TRUE(result.passed) << result.name << ": "
                               << (result.problems.empty() ? "" : result.problems.front());
  }
  EXPECT_TRUE(report.uncovered.empty()) << "not exercised: " << report.uncovered.front();
  // Only service rules may wait for the exposure analysis.
  for (const std::string& rule_id : report.awaiting) {
    EXPECT_EQ(standard.FindRule(rule_id)->Kind(), "service") << rule_id;
  }
  EXPECT_EQ(report.covered.size() + report.awaiting.size(), report.rules.size());
}

INSTANTIATE_TEST_SUITE_P(Files, Bundled, ::testing::ValuesIn(kFiles),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string name = param_info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

std::string Effective(const Standard& standard, const std::string& rule_id) {
  const StandardRule* rule = standard.FindRule(rule_id);
  if (rule == nullptr) return "missing";
  return rule->effective == kNoDate ? "always" : FormatIsoDate(rule->effective);
}

// The deadlines of the real decisions (shared/reference/policy-facts.md).
TEST(BundledStandards, CarryTheDatesOfTheRealDecisions) {
  const Standard gb = Load("gb");
  EXPECT_EQ(Effective(gb, "nato-core-untrusted"), "2023-12-31");
  EXPECT_EQ(Effective(gb, "gb-sensitive-sites"), "2023-01-28");
  EXPECT_EQ(Effective(gb, "gb-fibre-cap"), "2023-10-31");
  EXPECT_EQ(Effective(gb, "gb-5g-exit"), "2027-12-31");
  const Standard de = Load("de");
  EXPECT_EQ(Effective(de, "nato-core-untrusted"), "2026-12-31");
  EXPECT_EQ(Effective(de, "nato-management-untrusted"), "2029-12-31");
  EXPECT_EQ(Effective(de, "de-critical-certified"), "2021-05-28");
  const Standard ca = Load("ca");
  EXPECT_EQ(Effective(ca, "ca-no-new-equipment"), "2022-09-01");
  EXPECT_EQ(Effective(ca, "ca-5g-removal"), "2024-06-28");
  EXPECT_EQ(Effective(ca, "ca-4g-removal"), "2027-12-31");
  const Standard us = Load("us");
  EXPECT_EQ(Effective(us, "us-covered-list"), "2020-03-12");
  // The baseline binds from the start; nations override its rules with their dates.
  const Standard nato = Load("nato-baseline");
  for (const StandardRule& rule : nato.rules) EXPECT_EQ(rule.effective, kNoDate) << rule.id;
  EXPECT_TRUE(gb.FindRule("nato-core-untrusted")->replaces.has_value());
}

TEST(BundledStandards, NationsDisagreeAboutUntrusted) {
  const Standard gb = Load("gb");
  const Standard us = Load("us");
  ASSERT_TRUE(gb.untrusted && us.untrusted);
  EXPECT_EQ(Describe(*gb.untrusted), "vendor risk is high");
  EXPECT_EQ(Describe(*us.untrusted), "vendor is huawei, zte, hytera, hikvision or dahua");
}

}  // namespace
}  // namespace redoubt::policy
