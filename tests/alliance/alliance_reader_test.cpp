// The alliance file reader: the bundled and the test alliances read as
// written, and every file of tests/cases/bad-alliance produces exactly the
// diagnostics in its .expected file (file:line:col, message and hint).
//
// To regenerate after a deliberate change of wording:
//   REDOUBT_UPDATE_GOLDEN=1 ctest -R BadAlliance   (then review the diff)
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "alliance/alliance_reader.hpp"
#include "testing.hpp"

namespace redoubt::alliance {
namespace {

const std::string kCorpus = testing::SourcePath("tests/cases/bad-alliance");

TEST(AllianceReader, ReadsTheBundledAlliance) {
  auto spec = ReadAlliance(testing::SourcePath("data/samples/allies/alliance.yaml"));
  ASSERT_TRUE(spec.ok()) << (spec.diagnostics().Empty() ? "" : spec.diagnostics().Items()[0].Format());
  const AllianceSpec& alliance = spec.value();
  EXPECT_EQ(alliance.id, "nato-2019");
  ASSERT_EQ(alliance.levels.size(), 5u);
  EXPECT_EQ(alliance.levels[3], "secret");
  ASSERT_EQ(alliance.members.size(), 6u);
  EXPECT_EQ(alliance.members[4].code, "SE");
  EXPECT_EQ(alliance.members[5].code, "LV");
  ASSERT_EQ(alliance.members[1].networks.size(), 3u);
  EXPECT_TRUE(alliance.members[1].networks[0].ends_with("data/samples/allies/gb.json"));
  EXPECT_TRUE(alliance.members[1].networks[2].ends_with("data/samples/allies/gb-op3.json"));
  EXPECT_TRUE(alliance.baseline.ends_with("data/standards/nato-baseline.yaml"));
  // Alliance-wide rules first, then the US's own; each cites why.
  ASSERT_EQ(alliance.sharing.size(), 5u);
  for (const SharingRule& rule : alliance.sharing) EXPECT_GT(rule.rationale.size(), 80u);
  EXPECT_FALSE(alliance.sharing[0].provider.has_value());
  ASSERT_EQ(alliance.sharing[0].conditions.size(), 2u);
  EXPECT_EQ(alliance.sharing[0].conditions[0].kind, ConditionKind::kNoUntrustedIn);
  EXPECT_EQ(alliance.sharing[0].conditions[1].kind, ConditionKind::kBaselineMaxSeverity);
  EXPECT_EQ(alliance.sharing[0].conditions[1].max_severity, policy::RuleSeverity::kHigh);
  EXPECT_EQ(alliance.sharing[0].conditions[1].except_rules,
            (std::vector<std::string>{"nato-classified-trusted"}));
  EXPECT_EQ(alliance.sharing[1].conditions[0].domains,
            (std::vector<Domain>{Domain::kCore, Domain::kManagement}));
  EXPECT_EQ(alliance.sharing[2].conditions[1].kind, ConditionKind::kClassifiedOnTrustedPaths);
  EXPECT_EQ(alliance.sharing[3].provider, std::optional<std::size_t>(0));
  EXPECT_EQ(alliance.sharing[3].conditions[0].vendors, (std::vector<std::string>{"huawei", "zte"}));
  EXPECT_EQ(alliance.sharing[4].conditions[0].kind, ConditionKind::kMaxDivergence);
  EXPECT_DOUBLE_EQ(alliance.sharing[4].conditions[0].max_divergence, 0.35);
  // Host networks: not counted below top-secret, counted as sabotage at it, with why.
  ASSERT_EQ(alliance.host_networks.size(), 2u);
  EXPECT_EQ(alliance.HostCounts(3), HostExposure::kNone);
  EXPECT_EQ(alliance.HostCounts(4), HostExposure::kSabotage);
  EXPECT_EQ(alliance.HostCounts(0), HostExposure::kEspionage);  // below every entry: the default
  EXPECT_TRUE(alliance.assume_deadlines_met);
}

TEST(AllianceReader, ReadsMemberKeysAndMaxAge) {
  auto spec = ReadAlliance(testing::SourcePath("tests/cases/bad-posture/alliance.yaml"));
  ASSERT_TRUE(spec.ok()) << (spec.diagnostics().Empty() ? "" : spec.diagnostics().Items()[0].Format());
  EXPECT_EQ(spec.value().max_age_days, 30);
  ASSERT_TRUE(spec.value().members[1].key.has_value());
  EXPECT_EQ(spec.value().members[1].key->Id(), "ed25519:615136e67ae3181330dda7c85f71a595");
  // Without keys (the bundled alliance): none, and the default age.
  auto bundled = ReadAlliance(testing::SourcePath("data/samples/allies/alliance.yaml"));
  ASSERT_TRUE(bundled.ok());
  EXPECT_FALSE(bundled.value().members[0].key.has_value());
  EXPECT_EQ(bundled.value().max_age_days, AllianceSpec::kDefaultMaxAgeDays);
}

TEST(AllianceReader, ReadsUntrustedByAndClassifiedMaps) {
  const std::string folder = testing::TempDir("alliance-reader");
  const std::string small = testing::SourcePath("tests/cases/alliance/small");
  std::ofstream(folder + "/a.yaml") << "format: redoubt/alliance@1\nid: t\nbaseline: " << small
                                    << "/base.yaml\nlevels: [low, high]\nmembers:\n"
                                    << "  - {code: US, standard: " << small << "/base.yaml, networks: ["
                                    << small << "/us.yaml]}\n"
                                    << "  - {code: GB, standard: " << small << "/base.yaml, networks: ["
                                    << small << "/gb.yaml]}\n"
                                    << "sharing:\n  - {level: high, require: {no_untrusted_in: ran, "
                                       "classified_on_trusted_paths: {classification: restricted, "
                                       "sectors: [government, defence]}, untrusted_by: [provider, GB]}}\n"
                                    << "assume_deadlines_met: false\n";
  auto spec = ReadAlliance(folder + "/a.yaml");
  ASSERT_TRUE(spec.ok());
  const SharingRule& rule = spec.value().sharing.at(0);
  EXPECT_EQ(rule.level, 1u);
  ASSERT_EQ(rule.conditions.size(), 2u);
  const Condition& classified = rule.conditions[1];
  EXPECT_EQ(classified.min_classification, Classification::kRestricted);
  EXPECT_EQ(classified.sectors, (std::vector<Sector>{Sector::kDefence, Sector::kGovernment}));
  ASSERT_EQ(classified.untrusted_by.size(), 2u);
  EXPECT_EQ(classified.untrusted_by[0].kind, TrustSource::Kind::kProvider);
  EXPECT_EQ(classified.untrusted_by[1].kind, TrustSource::Kind::kMember);
  EXPECT_EQ(classified.untrusted_by[1].member, 1u);
  EXPECT_FALSE(spec.value().assume_deadlines_met);
}

TEST(AllianceReader, AMissingFileIsADiagnostic) {
  auto spec = ReadAlliance(kCorpus + "/no-such-file.yaml");
  ASSERT_FALSE(spec.ok());
  ASSERT_EQ(spec.diagnostics().ErrorCount(), 1u);
  EXPECT_NE(spec.diagnostics().Items()[0].message.find("cannot read alliance file"), std::string::npos);
}


std::string Actual(const std::string& name) {
  auto spec = ReadAlliance(kCorpus + "/" + name);
  Diagnostics diagnostics = spec.diagnostics();
  diagnostics.Sort();
  std::string text;
  for (const Diagnostic& diagnostic : diagnostics.Items()) {
    std::string line = diagnostic.Format();
    for (const std::string& prefix : {kCorpus + "/", kCorpus}) {
      const std::string replacement = prefix == kCorpus ? "." : "";
      for (auto at = line.find(prefix); at != std::string::npos; at = line.find(prefix, at)) {
        line.replace(at, prefix.size(), replacement);
      }
    }
    text += line + "\n";
  }
  text += spec.ok() ? "result: ok\n" : "result: rejected\n";
  return text;
}

class BadAlliance : public ::testing::TestWithParam<std::string> {};

TEST_P(BadAlliance, ReportsExactlyTheExpectedDiagnostics) {
  const std::string name = GetParam();
  const std::string actual = Actual(name);
  testing::ExpectGolden(kCorpus + "/" + testing::CorpusStem(name) + ".expected", actual);
  EXPECT_NE(actual.find(": error: "), std::string::npos);
  EXPECT_NE(actual.find("result: rejected"), std::string::npos);
}

TEST(BadAllianceCorpus, HasAtLeastFifteenCases) { EXPECT_GE(testing::CorpusCases(kCorpus).size(), 15u); }

INSTANTIATE_TEST_SUITE_P(Corpus, BadAlliance, ::testing::ValuesIn(testing::CorpusCases(kCorpus)),
                         testing::CorpusTestName);

}  // namespace
}  // namespace redoubt::alliance
