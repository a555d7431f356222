// The sharing logic on a hand-built alliance (tests/cases/alliance/small)
// whose answers are worked out by hand:
//   US: every element trusted; its secret service in Latvia rides a trusted router.
//   GB: a Huawei AMF (its standard forbids it from 2025-01-01), so its core is
//       untrusted and its secret service's route crosses it.
//   DE: a Huawei gNB in the RAN, not on its secret service's route; but its
//       staff element in Latvia rides a Huawei router (cross-border).
//   LV: the Huawei router in its transport network; no secret service of its own.
// Sharing: confidential needs no baseline finding above high; secret needs no
// untrusted core/management and classified traffic on trusted paths; top-secret
// no untrusted equipment in core, management, RAN or transport; the US adds
// "no Huawei at all" for secret.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "alliance/alliance_reader.hpp"
#include "alliance/assessment.hpp"
#include "alliance/what_if.hpp"
#include "testing.hpp"

namespace redoubt::alliance {
namespace {

constexpr std::size_t kUS = 0, kGB = 1, kDE = 2, kLV = 3;

AllianceModel LoadSmall(bool assume_deadlines = true) {
  auto spec = ReadAlliance(testing::SourcePath("tests/cases/alliance/small/alliance.yaml"));
  EXPECT_TRUE(spec.ok());
  spec.value().assume_deadlines_met = assume_deadlines;
  InventoryOptions options;
  options.threads = 1;
  auto model = LoadAllianceModel(spec.value(), options);
  EXPECT_TRUE(model.ok()) << (model.diagnostics().Empty() ? "" : model.diagnostics().Items()[0].Format());
  return std::move(model).value();
}

Days Date(const char* text) { return *ParseIsoDate(text); }

std::vector<std::vector<std::string>> Matrix(const AllianceModel& model, const Assessment& assessment) {
  std::vector<std::vector<std::string>> out;
  for (std::size_t provider = 0; provider < model.spec.members.size(); ++provider) {
    out.emplace_back();
    for (std::size_t recipient = 0; recipient < model.spec.members.size(); ++recipient) {
      const Cell& cell = assessment.At(provider, recipient);
      out.back().push_back(cell.Self() ? "-" : LevelName(model.spec, cell.level));
    }
  }
  return out;
}

class SmallAlliance : public ::testing::Test {
 protected:
  Assessment AssessOn(const AllianceModel& model, const char* date) {
    AssessOptions options;
    options.as_of = Date(date);
    options.cache = &cache_;
    return Assess(model, options);
  }
  ExposureCache cache_;
};

TEST_F(SmallAlliance, MatrixKnownByHand) {
  const AllianceModel model = LoadSmall();
  const Assessment assessment = AssessOn(model, "2020-01-01");
  using Row = std::vector<std::string>;
  EXPECT_EQ(Matrix(model, assessment),
            (std::vector<Row>{{"-", "confidential", "confidential", "confidential"},
                              {"top-secret", "-", "confidential", "secret"},
                              {"top-secret", "confidential", "-", "secret"},
                              {"top-secret", "confidential", "confidential", "-"}}));
}

TEST_F(SmallAlliance, UntrustedAmfHoldsSecretWithTheEvidence) {
  const AllianceModel model = LoadSmall();
  const Assessment assessment = AssessOn(model, "2020-01-01");
  const Cell& cell = assessment.At(kDE, kGB);
  const auto holding = cell.Holding();
  ASSERT_EQ(holding.size(), 2u);
  EXPECT_EQ(model.spec.levels[holding[0]->level], "secret");
  EXPECT_EQ(holding[0]->condition_text, "no_untrusted_in [core, management]");
  EXPECT_EQ(holding[0]->summary, "untrusted equipment: 1 core element of vendor huawei");
  ASSERT_EQ(holding[0]->details.size(), 1u);
  EXPECT_EQ(holding[0]->details[0], "gb-t: 1 core element of vendor huawei (amf): gb-amf-1");
  EXPECT_EQ(holding[1]->condition_text, "classified_on_trusted_paths (secret and above)");
  EXPECT_EQ(holding[1]->summary, "1 of 1 secret+ service of GB cross untrusted equipment");
  // Top-secret is withheld too, by the same untrusted core.
  ASSERT_EQ(cell.shortfalls.size(), 3u);
  EXPECT_EQ(model.spec.levels[cell.shortfalls[2].level], "top-secret");
}

TEST_F(SmallAlliance, ProviderOverrideMakesTheCellStricter) {
  const AllianceModel model = LoadSmall();
  const Assessment assessment = AssessOn(model, "2020-01-01");
  EXPECT_EQ(LevelName(model.spec, assessment.At(kGB, kLV).level), "secret");
  const Cell& us_to_lv = assessment.At(kUS, kLV);
  EXPECT_EQ(LevelName(model.spec, us_to_lv.level), "confidential");
  const auto holding = us_to_lv.Holding();
  ASSERT_EQ(holding.size(), 1u);
  EXPECT_EQ(holding[0]->source, "provider US");
  EXPECT_EQ(holding[0]->condition_text, "no_vendor [huawei]");
  EXPECT_EQ(holding[0]->details[0], "lv-t: 1 transport element of vendor huawei (router): lv-rtr-1");
}

TEST_F(SmallAlliance, HostNetworkHoldsDownTheGuest) {
  const AllianceModel model = LoadSmall();
  const Assessment assessment = AssessOn(model, "2020-01-01");
  const Cell& cell = assessment.At(kGB, kDE);
  EXPECT_EQ(LevelName(model.spec, cell.level), "confidential");
  // Only DE's service abroad fails: it is judged on the host network, apart
  // from DE's own (whose secret service rides on trusted routes).
  const auto holding = cell.Holding();
  ASSERT_EQ(holding.size(), 1u);
  EXPECT_TRUE(holding[0]->host);
  EXPECT_EQ(holding[0]->condition_text,
            "classified_on_trusted_paths (secret and above) — host networks (espionage)");
  EXPECT_EQ(holding[0]->summary, "1 of 1 secret+ service of DE cross untrusted equipment (1 cross-border)");
  EXPECT_EQ(cell.reason,
            "GB shares confidential with DE, not secret: DE's classified services in LV route through "
            "high-risk suppliers' equipment on the host network (1 of 1).");
  ASSERT_EQ(holding[0]->details.size(), 1u);
  EXPECT_EQ(holding[0]->details[0],
            "DE's service lv-de-staff (defence, secret) on LV network lv-t crosses huawei router lv-rtr-1");
  // The host's baseline finding about the guest's service counts for the guest too.
  const MemberAssessment& germany = assessment.members[kDE];
  ASSERT_EQ(germany.cross_border_findings.size(), 1u);
  EXPECT_EQ(germany.cross_border_findings[0].rule_id, "classified-trusted");
  EXPECT_EQ(germany.cross_border_findings[0].network, "lv-t");
  ASSERT_EQ(germany.posture.cross_border.size(), 1u);
  EXPECT_TRUE(germany.posture.cross_border[0].exposed);
}

// host_networks: what DE's staff element on Latvia's Huawei router counts for.
TEST_F(SmallAlliance, HostNetworksCountAsConfigured) {
  AllianceModel model = LoadSmall();
  // Not counted at secret: DE's own networks decide, and its RAN holds it below top-secret.
  HostRule at_secret;
  at_secret.level = 3;
  at_secret.counts = HostExposure::kNone;
  model.spec.host_networks = {at_secret};
  Assessment assessment = AssessOn(model, "2020-01-01");
  EXPECT_EQ(LevelName(model.spec, assessment.At(kGB, kDE).level), "secret");
  for (const Shortfall& shortfall : assessment.At(kGB, kDE).shortfalls) EXPECT_FALSE(shortfall.host);
  // Counted as sabotage: the service goes down without the Huawei router.
  at_secret.counts = HostExposure::kSabotage;
  model.spec.host_networks = {at_secret};
  assessment = AssessOn(model, "2020-01-01");
  const Cell& cell = assessment.At(kGB, kDE);
  EXPECT_EQ(LevelName(model.spec, cell.level), "confidential");
  ASSERT_EQ(cell.Holding().size(), 1u);
  EXPECT_TRUE(cell.Holding()[0]->host);
  EXPECT_EQ(cell.Holding()[0]->condition_text,
            "classified_on_trusted_paths (secret and above) — host networks (sabotage)");
  EXPECT_EQ(cell.reason,
            "GB shares confidential with DE, not secret: DE's classified services in LV depend on "
            "the host network, and high-risk suppliers' equipment there could cut them off (1 of 1).");
  // The US's service in Latvia rides a trusted router: nothing abroad holds the US down.
  EXPECT_EQ(LevelName(model.spec, assessment.At(kGB, kUS).level), "top-secret");
}

// max_divergence: F(provider → recipient), the recipient's shortfall from the
// provider's own posture, directed (a cleaner recipient falls short by 0).
TEST_F(SmallAlliance, MaxDivergenceIsMeasuredFromTheProvidersPosture) {
  AllianceModel model = LoadSmall();
  SharingRule rule;
  rule.level = 1;  // restricted
  rule.provider = kGB;
  Condition condition;
  condition.kind = ConditionKind::kMaxDivergence;
  condition.max_divergence = 0.0;
  rule.conditions.push_back(condition);
  model.spec.sharing.push_back(rule);
  const Assessment assessment = AssessOn(model, "2020-01-01");
  const Divergence& divergence = assessment.divergence;
  EXPECT_DOUBLE_EQ(divergence.shortfall[kGB][kUS], 0.0);
  EXPECT_GT(divergence.shortfall[kGB][kLV], 0.0);
  EXPECT_NEAR(divergence.shortfall[kGB][kLV] + divergence.shortfall[kLV][kGB],
              divergence.posture[kGB][kLV], 1e-12);
  EXPECT_EQ(LevelName(model.spec, assessment.At(kGB, kUS).level), "top-secret");
  const Cell& cell = assessment.At(kGB, kLV);
  EXPECT_EQ(LevelName(model.spec, cell.level), "unclassified");
  ASSERT_EQ(cell.Holding().size(), 1u);
  EXPECT_EQ(cell.Holding()[0]->condition_text, "max_divergence 0.00");
  EXPECT_EQ(cell.Holding()[0]->summary,
            fmt::format("LV's posture falls short of GB's by F = {:.3f}, above 0.00",
                        divergence.shortfall[kGB][kLV]));
  // Other providers are not bound by GB's condition.
  EXPECT_EQ(LevelName(model.spec, assessment.At(kDE, kLV).level), "secret");
}

// baseline_max_severity's `except`: a rule about secret traffic need not
// withhold the lower levels. LV's one high finding is the classified-traffic
// rule, about DE's service on its network.
TEST_F(SmallAlliance, BaselineSeverityExceptLeavesOutTheNamedRules) {
  AllianceModel model = LoadSmall();
  Condition& confidential = model.spec.sharing[0].conditions[0];
  confidential.max_severity = policy::RuleSeverity::kMedium;
  Assessment assessment = AssessOn(model, "2020-01-01");
  EXPECT_EQ(LevelName(model.spec, assessment.At(kDE, kLV).level), "restricted");
  confidential.except_rules = {"classified-trusted"};
  assessment = AssessOn(model, "2020-01-01");
  EXPECT_EQ(LevelName(model.spec, assessment.At(kDE, kLV).level), "secret");
}

TEST_F(SmallAlliance, PostureAndCompliance) {
  const AllianceModel model = LoadSmall();
  const Assessment assessment = AssessOn(model, "2020-01-01");
  const Posture& gb = assessment.members[kGB].posture;
  EXPECT_EQ(gb.domains[2].elements, 3u);  // core: amf, smf, upf
  EXPECT_EQ(gb.domains[2].untrusted_elements, 1u);
  EXPECT_DOUBLE_EQ(gb.domains[2].SiteShare(), 1.0);
  // Critical services: gb-hq (10, exposed via the AMF) and gb-hospital (100, also via the AMF).
  EXPECT_EQ(gb.critical.services, 2u);
  EXPECT_DOUBLE_EQ(gb.critical.weight, 110.0);
  EXPECT_DOUBLE_EQ(*gb.Espionage(), 1.0);
  // No public service: all its services are the critical ones.
  EXPECT_DOUBLE_EQ(gb.all.weight, 110.0);
  EXPECT_DOUBLE_EQ(*gb.all.EspionageShare(), 1.0);
  EXPECT_FALSE(gb.resilience_loss.has_value());
  // DE: the hospital rides the Huawei gNB (100 of its 110 at home); the staff
  // element (5) rides the Latvian router: host-nation exposure, apart.
  const Posture& de = assessment.members[kDE].posture;
  EXPECT_DOUBLE_EQ(de.critical.weight, 110.0);
  EXPECT_DOUBLE_EQ(*de.Espionage(), 100.0 / 110.0);
  EXPECT_EQ(de.abroad.services, 1u);
  EXPECT_DOUBLE_EQ(de.abroad.weight, 5.0);
  EXPECT_DOUBLE_EQ(*de.abroad.EspionageShare(), 1.0);
  // GB's national deadline is in 2025: no finding in 2020; the baseline
  // reading has its classified-trusted finding (high).
  EXPECT_EQ(assessment.members[kGB].baseline[static_cast<std::size_t>(policy::RuleSeverity::kHigh)], 1u);
  EXPECT_EQ(assessment.members[kGB].standard[static_cast<std::size_t>(policy::RuleSeverity::kCritical)], 0u);
  // Divergence is symmetric, zero between identical postures and standards.
  EXPECT_DOUBLE_EQ(assessment.divergence.total[kGB][kDE], assessment.divergence.total[kDE][kGB]);
  EXPECT_GT(assessment.divergence.total[kUS][kGB], 0.0);
  EXPECT_DOUBLE_EQ(assessment.divergence.total[kUS][kUS], 0.0);
}

TEST_F(SmallAlliance, DeadlinePassingRestoresSharing) {
  const AllianceModel model = LoadSmall();
  const Assessment after = AssessOn(model, "2025-01-01");
  // GB's Huawei AMF is assumed replaced on its deadline: nothing untrusted is left.
  EXPECT_EQ(LevelName(model.spec, after.At(kDE, kGB).level), "top-secret");
  EXPECT_EQ(LevelName(model.spec, after.At(kUS, kGB).level), "top-secret");
  ASSERT_EQ(after.members[kGB].deadlines.size(), 1u);
  EXPECT_EQ(after.members[kGB].deadlines[0].rule_id, "core-untrusted");
  EXPECT_EQ(after.members[kGB].deadlines[0].replacements[0].to_vendor, "ericsson");

  AssessOptions options;
  options.as_of = Date("2020-01-01");
  options.cache = &cache_;
  const auto steps = AllianceTimeline(model, Date("2020-01-01"), Date("2030-01-01"), options);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(FormatIsoDate(steps[1].date), "2025-01-01");
  EXPECT_EQ(steps[1].rules_starting, (std::vector<std::string>{"GB core-untrusted"}));
  ASSERT_EQ(steps[1].moves.size(), 3u);  // US, DE and LV → GB
  for (const CellMove& move : steps[1].moves) {
    EXPECT_EQ(move.recipient, kGB);
    EXPECT_EQ(LevelName(model.spec, move.before), "confidential");
    EXPECT_EQ(LevelName(model.spec, move.after), "top-secret");
    EXPECT_TRUE(move.Up());
  }
}

TEST_F(SmallAlliance, AsInventoriedADeadlineOnlyAddsFindings) {
  const AllianceModel model = LoadSmall(false);
  const Assessment after = AssessOn(model, "2025-01-01");
  // The AMF is still there and GB's own core rule now binds at critical severity.
  EXPECT_EQ(LevelName(model.spec, after.At(kDE, kGB).level), "restricted");
  EXPECT_EQ(after.At(kDE, kGB).Holding()[0]->condition_text, "baseline_max_severity high");
}

TEST_F(SmallAlliance, RestoreReplacesTheFewestElements) {
  const AllianceModel model = LoadSmall();
  AssessOptions options;
  options.as_of = Date("2020-01-01");
  options.cache = &cache_;
  const RestorePlan plan = Restore(model, kUS, kDE, *model.spec.FindLevel("secret"), options);
  ASSERT_TRUE(plan.restored) << plan.reason;
  EXPECT_EQ(plan.elements, 2u);
  ASSERT_EQ(plan.replacements.size(), 2u);
  EXPECT_EQ(plan.replacements[0].element_ids, (std::vector<std::string>{"de-gnb-2"}));
  EXPECT_EQ(plan.replacements[0].to_vendor, "ericsson");
  EXPECT_EQ(plan.replacements[1].element_ids, (std::vector<std::string>{"lv-rtr-1"}));
  EXPECT_EQ(plan.replacements[1].to_vendor, "cisco");
  EXPECT_EQ(LevelName(model.spec, plan.after.At(kUS, kDE).level), "top-secret");
  // Already shared: nothing to do.
  const RestorePlan none = Restore(model, kGB, kUS, *model.spec.FindLevel("top-secret"), options);
  EXPECT_TRUE(none.restored);
  EXPECT_EQ(none.elements, 0u);
}

TEST_F(SmallAlliance, WhatIfMovesCells) {
  const AllianceModel model = LoadSmall();
  auto changes = ReadChanges(testing::SourcePath("tests/cases/alliance/small/us-lets-huawei-in.yaml"),
                             model.spec);
  ASSERT_TRUE(changes.ok());
  AllianceModel changed = model;
  auto applied = ApplyChanges(changed, changes.value());
  ASSERT_TRUE(applied.ok());
  ASSERT_EQ(applied.value().size(), 1u);
  EXPECT_EQ(applied.value()[0], "US: huawei set to 50% of ran elements — 1 element changed vendor");
  const Assessment before = AssessOn(model, "2020-01-01");
  const Assessment after = AssessOn(changed, "2020-01-01");
  const auto moves = CompareCells(before, after);
  ASSERT_EQ(moves.size(), 3u);
  for (const CellMove& move : moves) {
    EXPECT_EQ(move.recipient, kUS);
    EXPECT_FALSE(move.Up());
  }
}

TEST_F(SmallAlliance, SameInputsSameResult) {
  const AllianceModel model = LoadSmall();
  const Assessment first = AssessOn(model, "2020-01-01");
  ExposureCache fresh;
  AssessOptions options;
  options.as_of = Date("2020-01-01");
  options.cache = &fresh;
  const Assessment second = Assess(model, options);
  EXPECT_EQ(Matrix(model, first), Matrix(model, second));
  EXPECT_EQ(first.divergence.total, second.divergence.total);
}

}  // namespace
}  // namespace redoubt::alliance
