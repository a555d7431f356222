// Evaluation beyond the golden cases: the near rule against all pairs, the
// timeline, checks of a standard against loaded networks, and the case
// runner catching wrong expectations.
#include "policy/evaluate.hpp"

#include <random>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/geo.hpp"
#include "policy/case_runner.hpp"
#include "policy/policy_test_support.hpp"

namespace redoubt::policy {
namespace {

using testing_support::NetworkFrom;
using testing_support::StandardFrom;

// Many sites scattered around a few sensitive sites; the rule's findings must
// equal a brute-force comparison of every element with every sensitive site.
TEST(NearRule, AgreesWithAllPairs) {
  std::mt19937_64 random(11);
  std::uniform_real_distribution<double> jitter(-0.2, 0.2);
  std::string yaml = "format: redoubt/inventory@1\nnetwork: {id: n, country: GB}\nsites:\n";
  struct Place {
    std::string id;
    double lat;
    double lon;
    bool sensitive;
  };
  std::vector<Place> places;
  const std::vector<std::pair<double, double>> centres = {{51.5, -0.1}, {54.4, -1.7}, {0.0, 179.95}};
  for (std::size_t centre = 0; centre < centres.size(); ++centre) {
    places.push_back({fmt::format("base-{}", centre), centres[centre].first,
                      centres[centre].second, true});
    for (int i = 0; i < 150; ++i) {
      places.push_back({fmt::format("cell-{}-{}", centre, i),
                        centres[centre].first + jitter(random),
                        std::remainder(centres[centre].second + jitter(random), 360.0), false});
    }
  }
  for (const Place& place : places) {
    yaml += fmt::format("  - {{id: {}, kind: {}, lat: {:.6f}, lon: {:.6f}}}\n", place.id,
                        place.sensitive ? "military" : "cell", place.lat, place.lon);
  }
  yaml += "elements:\n";
  std::vector<std::pair<std::string, std::size_t>> untrusted;  // element, place index
  for (std::size_t index = 0; index < places.size(); ++index) {
    const bool high = index % 3 != 0;
    const std::string id = fmt::format("e{}", index);
    yaml += fmt::format("  - {{id: {}, kind: gnb, vendor: {}, site: {}}}\n", id,
                        high ? "huawei" : "ericsson", places[index].id);
    if (high) untrusted.emplace_back(id, index);
  }
  const Network network = NetworkFrom(yaml);
  auto standard = StandardFrom(R"(
format: redoubt/standard@1
id: t
untrusted: {vendor.risk: high}
rules:
  - {id: near, severity: high, rationale: r, near: {match: {untrusted: true}, sites: {kind: military}, within_km: 9.5}}
)");
  ASSERT_TRUE(standard.ok());
  const Evaluation evaluation = Evaluate(standard.value(), network, {});
  std::set<std::pair<std::string, std::string>> found;  // (sensitive site, element)
  for (const Finding& finding : evaluation.findings) {
    for (const Distance& distance : finding.distances) found.emplace(finding.subject, distance.element);
  }
  std::set<std::pair<std::string, std::string>> expected;
  for (const Place& base : places) {
    if (!base.sensitive) continue;
    for (const auto& [element, index] : untrusted) {
      if (HaversineKm(base.lat, base.lon, places[index].lat, places[index].lon) <= 9.5) {
        expected.emplace(base.id, element);
      }
    }
  }
  EXPECT_GT(expected.size(), 20u);
  EXPECT_EQ(found, expected);
}

const char* const kStandard = R"(
format: redoubt/standard@1
id: t
untrusted: {vendor.risk: high}
rules:
  - {id: core, severity: critical, effective: 2023-12-31, rationale: r, forbid: {untrusted: true, domain: core}}
  - {id: ran, severity: high, effective: 2027-12-31, rationale: r, forbid: {untrusted: true, domain: ran}}
  - {id: early, severity: low, expires: 2021-01-01, rationale: r, forbid: {untrusted: true}}
cases:
  - name: right
    as_of: 2024-01-01
    inventory: {elements: [{id: amf-1, kind: amf, vendor: huawei}, {id: gnb-1, kind: gnb, vendor: huawei}]}
    expect: [{rule: core, elements: [amf-1]}]
  - name: wrong element and an unexpected finding
    as_of: 2028-01-01
    inventory: {elements: [{id: amf-1, kind: amf, vendor: huawei}, {id: gnb-1, kind: gnb, vendor: huawei}]}
    expect: [{rule: core, elements: [amf-2], count: 2}]
  - name: expects a rule that does not bind yet
    as_of: 2020-06-01
    inventory: {elements: [{id: amf-1, kind: amf, vendor: huawei}]}
    expect: [{rule: early, count: 1}, {rule: ran}]
  - name: a broken inventory
    inventory: {elements: [{id: amf-1, kind: amff, vendor: huawei}]}
    expect: []
)";

TEST(Timeline, RulesStartAndFindingsFallDue) {
  auto standard = StandardFrom(kStandard);
  ASSERT_TRUE(standard.ok());
  const Network network = NetworkFrom(R"(
format: redoubt/inventory@1
network: {id: n, country: GB}
elements:
  - {id: amf-1, kind: amf, vendor: huawei}
  - {id: gnb-1, kind: gnb, vendor: huawei, retired: 2030-01-01}
  - {id: gnb-2, kind: gnb, vendor: nokia}
)");
  const Timeline timeline = MakeTimeline(standard.value(), network, *ParseIsoDate("2020-01-01"), nullptr);
  ASSERT_EQ(timeline.steps.size(), 4u);
  EXPECT_EQ(FormatIsoDate(timeline.steps[0].date), "2020-01-01");
  EXPECT_EQ(timeline.steps[0].starts, std::vector<std::string>({"early"}));
  EXPECT_EQ(timeline.steps[0].total, 2u);  // early: amf-1, gnb-1
  EXPECT_EQ(FormatIsoDate(timeline.steps[1].date), "2021-01-01");
  EXPECT_EQ(timeline.steps[1].ends, std::vector<std::string>({"early"}));
  EXPECT_EQ(timeline.steps[1].resolved.size(), 2u);
  EXPECT_EQ(timeline.steps[1].total, 0u);
  EXPECT_EQ(FormatIsoDate(timeline.steps[2].date), "2023-12-31");
  ASSERT_EQ(timeline.steps[2].due.size(), 1u);
  EXPECT_EQ(timeline.steps[2].due[0].rule_id, "core");
  EXPECT_EQ(timeline.steps[2].due[0].elements, std::vector<std::string>({"amf-1"}));
  EXPECT_EQ(FormatIsoDate(timeline.steps[3].date), "2027-12-31");
  ASSERT_EQ(timeline.steps[3].due.size(), 1u);
  EXPECT_EQ(timeline.steps[3].due[0].subject, "gnb-1");
  EXPECT_EQ(timeline.steps[3].total, 2u);
}

TEST(CaseRunner, CatchesWrongExpectations) {
  auto standard = StandardFrom(kStandard);
  ASSERT_TRUE(standard.ok()) << standard.diagnostics().Items().front().Format();
  const StandardTestReport report = RunCases(standard.value(), {});
  ASSERT_EQ(report.cases.size(), 4u);
  EXPECT_TRUE(report.cases[0].passed);
  EXPECT_FALSE(report.cases[1].passed);
  EXPECT_EQ(report.cases[1].problems,
            std::vector<std::string>({"rule core: expected 2 findings, found 1",
                                      "rule core: elements differ: missing amf-2; unexpected amf-1",
                                      "rule ran: 1 unexpected finding: gnb-1 (gnb, huawei) is "
                                      "forbidden: untrusted: vendor huawei (vendor.risk high); "
                                      "domain ran"}));
  EXPECT_FALSE(report.cases[2].passed);
  EXPECT_EQ(report.cases[2].problems,
            std::vector<std::string>({"rule ran does not bind on 2020-06-01, so it cannot produce "
                                      "the expected findings"}));
  EXPECT_FALSE(report.cases[3].passed);
  ASSERT_EQ(report.cases[3].diagnostics.ErrorCount(), 1u);
  const Diagnostic& error = report.cases[3].diagnostics.Items().front();
  EXPECT_EQ(error.location.file, "standard.yaml");
  EXPECT_EQ(error.location.line, 23u);
  EXPECT_TRUE(error.hint.starts_with("did you mean 'amf'?")) << error.hint;
  // Only the passing case counts towards coverage.
  EXPECT_EQ(report.covered, std::vector<std::string>({"core"}));
  EXPECT_EQ(report.uncovered, std::vector<std::string>({"ran", "early"}));
  EXPECT_FALSE(report.AllPassed());
}

TEST(CheckAgainst, MisspeltVendorIsAnErrorUnknownOneAWarning) {
  auto standard = StandardFrom(R"(
format: redoubt/standard@1
id: t
untrusted: {vendor: [huawai, acme-telecom]}
rules:
  - {id: r, severity: high, rationale: r, forbid: {untrusted: true}}
)");
  ASSERT_TRUE(standard.ok());
  const Network network = NetworkFrom(
      "format: redoubt/inventory@1\nnetwork: {id: n}\nelements:\n  - {id: e, kind: gnb, vendor: "
      "huawei}\n");
  Diagnostics diagnostics;
  CheckStandardAgainst(standard.value(), std::span(&network, 1), diagnostics);
  ASSERT_EQ(diagnostics.Items().size(), 2u);
  EXPECT_EQ(diagnostics.Items()[0].severity, Severity::kError);
  EXPECT_EQ(diagnostics.Items()[0].location.line, 4u);
  EXPECT_NE(diagnostics.Items()[0].hint.find("did you mean 'huawei'?"), std::string::npos);
  EXPECT_EQ(diagnostics.Items()[1].severity, Severity::kWarning);
}

TEST(Evaluate, OnlySelectedRulesAndServiceRulesNotEvaluatedWithoutAnEvaluator) {
  auto standard = StandardFrom(R"(
format: redoubt/standard@1
id: t
untrusted: {vendor.risk: high}
rules:
  - {id: a, severity: high, rationale: r, forbid: {untrusted: true}}
  - {id: b, severity: high, rationale: r, service: {trusted_paths: true}}
)");
  ASSERT_TRUE(standard.ok());
  const Network network = NetworkFrom(
      "format: redoubt/inventory@1\nnetwork: {id: n}\nelements:\n  - {id: e, kind: gnb, vendor: "
      "huawei}\nservices:\n  - {id: s, sector: health, attach: [e]}\n");
  const Evaluation all = Evaluate(standard.value(), network, {});
  ASSERT_EQ(all.rules.size(), 2u);
  EXPECT_EQ(all.findings.size(), 1u);
  EXPECT_TRUE(all.rules[1].binding);
  EXPECT_FALSE(all.rules[1].evaluated);
  EXPECT_NE(all.rules[1].note.find("not evaluated"), std::string::npos);
  EvaluationOptions only;
  only.only = {"b"};
  const Evaluation some = Evaluate(standard.value(), network, only);
  EXPECT_TRUE(some.findings.empty());
  EXPECT_FALSE(some.rules[0].binding);
}

}  // namespace
}  // namespace redoubt::policy
