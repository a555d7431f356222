// Selectors parsed from text, described in words, checked for contradictions,
// and matched against a small network.
#include "policy/selector.hpp"

#include <gtest/gtest.h>

#include "policy/matcher.hpp"
#include "policy/policy_test_support.hpp"

namespace redoubt::policy {
namespace {

using testing_support::NetworkFrom;

std::optional<Selector> Parse(const std::string& yaml, Diagnostics& diagnostics,
                              SelectorSubject subject = SelectorSubject::kElement) {
  const SourceFile source = SourceFile::FromString("s.yaml", yaml);
  auto tree = ParseTree(source, diagnostics);
  if (!tree) return std::nullopt;
  return ParseSelector(*tree, subject, true, "the selector", source, diagnostics);
}

Selector MustParse(const std::string& yaml, SelectorSubject subject = SelectorSubject::kElement) {
  Diagnostics diagnostics;
  auto selector = Parse(yaml, diagnostics, subject);
  EXPECT_TRUE(selector.has_value());
  EXPECT_FALSE(diagnostics.HasErrors());
  return selector.value_or(Selector{});
}

const char* const kNetwork = R"(
format: redoubt/inventory@1
network: {id: n, country: GB}
sites:
  - {id: lon, kind: datacenter, region: London, lat: 51.5, lon: -0.1, power: {backup_hours: 12}}
  - {id: base, kind: military, region: North}
elements:
  - {id: amf-1, kind: amf, vendor: huawei, site: lon, model: X, installed: 2019-05-01, certifications: [nesas]}
  - {id: smf-1, kind: smf, vendor: ericsson, site: lon, software: "1.0"}
  - {id: gnb-1, kind: gnb, vendor: nokia, site: base, installed: 2023-01-01}
  - {id: rtr-1, kind: router, vendor: cisco}
  - {id: box-1, kind: custom-box, domain: other, vendor: unknown}
)";

std::vector<std::string> Matching(const Selector& selector, const Network& network,
                                  const Selector* untrusted = nullptr) {
  const auto mask = UntrustedMask(untrusted, network);
  const ElementMatcher matcher(selector, network, mask);
  std::vector<std::string> ids;
  for (ElementIndex element = 0; element < network.elements.size(); ++element) {
    if (matcher.Matches(element)) ids.emplace_back(network.ElementId(element));
    // The table-driven matcher and the clause-by-clause check must agree.
    bool each = true;
    for (const Clause& clause : selector.clauses) {
      each = each && ElementSatisfies(network, element, clause, mask);
    }
    EXPECT_EQ(matcher.Matches(element), each) << network.ElementId(element);
  }
  return ids;
}

using Ids = std::vector<std::string>;

TEST(Selector, EmptySelectorMatchesEverything) {
  const Network network = NetworkFrom(kNetwork);
  const Selector selector = MustParse("{}");
  EXPECT_EQ(Describe(selector), "every element");
  EXPECT_EQ(Matching(selector, network).size(), 5u);
}

TEST(Selector, EqualityListsAndNegation) {
  const Network network = NetworkFrom(kNetwork);
  EXPECT_EQ(Matching(MustParse("{domain: core}"), network), (Ids{"amf-1", "smf-1"}));
  EXPECT_EQ(Matching(MustParse("{kind: [gnb, router]}"), network), (Ids{"gnb-1", "rtr-1"}));
  EXPECT_EQ(Matching(MustParse("{vendor: {not: [huawei, ericsson]}}"), network),
            (Ids{"gnb-1", "rtr-1", "box-1"}));
  EXPECT_EQ(Matching(MustParse("{kind: custom-box}"), network), (Ids{"box-1"}));
}

TEST(Selector, DottedPathsIntoVendorAndSite) {
  const Network network = NetworkFrom(kNetwork);
  EXPECT_EQ(Matching(MustParse("{vendor.risk: high}"), network), (Ids{"amf-1"}));
  EXPECT_EQ(Matching(MustParse("{vendor.country: [SE, FI]}"), network), (Ids{"smf-1", "gnb-1"}));
  EXPECT_EQ(Matching(MustParse("{site.kind: military}"), network), (Ids{"gnb-1"}));
  EXPECT_EQ(Matching(MustParse("{site.region: London, vendor.risk: {lt: high}}"), network),
            (Ids{"smf-1"}));
  // Absent values: no site means no site.kind; 'not' holds, 'exists: false' too.
  EXPECT_EQ(Matching(MustParse("{site.kind: {not: datacenter}}"), network),
            (Ids{"gnb-1", "rtr-1", "box-1"}));
  EXPECT_EQ(Matching(MustParse("{site: {exists: false}}"), network), (Ids{"rtr-1", "box-1"}));
}

TEST(Selector, ComparisonsOnDatesNumbersAndLevels) {
  const Network network = NetworkFrom(kNetwork);
  EXPECT_EQ(Matching(MustParse("{installed: {gt: 2022-09-01}}"), network), (Ids{"gnb-1"}));
  EXPECT_EQ(Matching(MustParse("{installed: {le: 2019-05-01}}"), network), (Ids{"amf-1"}));
  EXPECT_EQ(Matching(MustParse("{site.backup_hours: {ge: 12}}"), network),
            (Ids{"amf-1", "smf-1"}));
  EXPECT_EQ(Matching(MustParse("{vendor.risk: {ge: medium}}"), network), (Ids{"amf-1"}));
  // 'unknown' risk is never ordered: neither above nor below.
  EXPECT_EQ(Matching(MustParse("{vendor.risk: {le: high}}"), network),
            (Ids{"amf-1", "smf-1", "gnb-1", "rtr-1"}));
}

TEST(Selector, SetsAndExistence) {
  const Network network = NetworkFrom(kNetwork);
  EXPECT_EQ(Matching(MustParse("{certifications: nesas}"), network), (Ids{"amf-1"}));
  EXPECT_EQ(Matching(MustParse("{certifications: {not: nesas}, domain: core}"), network),
            (Ids{"smf-1"}));
  EXPECT_EQ(Matching(MustParse("{model: {exists: true}}"), network), (Ids{"amf-1"}));
  EXPECT_EQ(Matching(MustParse("{software: '1.0'}"), network), (Ids{"smf-1"}));
  // A value the network has never seen matches nothing, and does not crash.
  EXPECT_EQ(Matching(MustParse("{model: never-seen}"), network), Ids{});
}

TEST(Selector, UntrustedComesFromTheStandardsDefinition) {
  const Network network = NetworkFrom(kNetwork);
  const Selector by_risk = MustParse("{vendor.risk: high}");
  const Selector by_name = MustParse("{vendor: [ericsson]}");
  const Selector rule = MustParse("{untrusted: true, domain: core}");
  EXPECT_EQ(Matching(rule, network, &by_risk), (Ids{"amf-1"}));
  EXPECT_EQ(Matching(rule, network, &by_name), (Ids{"smf-1"}));
  EXPECT_EQ(Matching(MustParse("{untrusted: false, domain: core}"), network, &by_risk),
            (Ids{"smf-1"}));
  // Without a definition nothing is untrusted.
  EXPECT_EQ(Matching(rule, network, nullptr), Ids{});
  // A standard may distrust unassessed suppliers too: box-1's vendor is `unknown`.
  const Selector strict = MustParse("{vendor.risk: [high, unknown]}");
  EXPECT_EQ(Matching(MustParse("{untrusted: true}"), network, &strict), (Ids{"amf-1", "box-1"}));
  EXPECT_EQ(Matching(MustParse("{untrusted: true}"), network, &by_risk), (Ids{"amf-1"}));
  EXPECT_EQ(Describe(strict), "vendor risk is high or unknown");
}

TEST(Selector, DescribesItselfInWords) {
  EXPECT_EQ(Describe(MustParse("{untrusted: true, domain: [core, management]}")),
            "it is untrusted and domain is core or management");
  EXPECT_EQ(Describe(MustParse("{installed: {gt: 2022-09-01}, kind: {not: [enb, mme]}}")),
            "installed after 2022-09-01 and kind is none of enb, mme");
  EXPECT_EQ(Describe(MustParse("{certifications: nesas, model: {exists: false}}")),
            "certifications include nesas and has no model");
  EXPECT_EQ(Describe(MustParse("{kind: [military, nuclear]}", SelectorSubject::kSite)),
            "kind is military or nuclear");
  EXPECT_EQ(Describe(MustParse("{classification: {ge: secret}}", SelectorSubject::kService)),
            "classification at least secret");
}

TEST(Selector, FindsContradictions) {
  auto reason = [](const std::string& yaml) {
    const Selector selector = MustParse(yaml);
    return Unsatisfiable(selector.clauses, selector.subject);
  };
  EXPECT_FALSE(reason("{domain: core, vendor.risk: high}"));
  EXPECT_FALSE(reason("{installed: {gt: 2022-01-01, lt: 2022-01-03}}"));
  EXPECT_TRUE(reason("{installed: {gt: 2022-01-01, lt: 2022-01-02}}"));  // no whole day between
  EXPECT_TRUE(reason("{site.backup_hours: {ge: 5, lt: 5}}"));
  EXPECT_FALSE(reason("{site.backup_hours: {ge: 5, le: 5}}"));
  EXPECT_TRUE(reason("{vendor.risk: {gt: high}}"));
  EXPECT_TRUE(reason("{model: {in: [a, b], not: [a, b]}}"));
  EXPECT_FALSE(reason("{model: {in: [a, b], not: [a]}}"));
  EXPECT_TRUE(reason("{certifications: {in: [nesas], not: [nesas]}}"));
  EXPECT_FALSE(reason("{site.kind: {not: [military]}, site: {exists: false}}"));
  EXPECT_TRUE(reason("{site.kind: military, site.region: {exists: true}, model: {exists: false, in: [x]}}"));
  // Through the definition of untrusted.
  const Selector untrusted = MustParse("{vendor.risk: high}");
  const Selector rule = MustParse("{untrusted: true, vendor.risk: low}");
  EXPECT_TRUE(Unsatisfiable(Expand(rule, &untrusted), rule.subject));
  const Selector trusted_high = MustParse("{untrusted: false, vendor.risk: high}");
  EXPECT_TRUE(Unsatisfiable(Expand(trusted_high, &untrusted), rule.subject));
}

TEST(Selector, ReportsEveryProblemWithItsPlace) {
  Diagnostics diagnostics;
  auto selector = Parse("{domian: core, vendor.risk: hihg, installed: {gt: yesterday}}",
                        diagnostics);
  EXPECT_FALSE(selector.has_value());
  ASSERT_EQ(diagnostics.ErrorCount(), 3u);
  EXPECT_EQ(diagnostics.Items()[0].Format(),
            "s.yaml:1:2: error: unknown element attribute 'domian' in the selector \u2014 did you "
            "mean 'domain'?");
  EXPECT_EQ(diagnostics.Items()[1].location.column, 29u);
  EXPECT_NE(diagnostics.Items()[2].message.find("'yesterday' for 'installed'"), std::string::npos);
}

TEST(Matcher, SitesAndServices) {
  const Network network = NetworkFrom(std::string(kNetwork) + R"(
services:
  - {id: s1, sector: defence, classification: secret, attach: [gnb-1], site: base}
  - {id: s2, sector: health, attach: [gnb-1], weight: 10}
)");
  const SiteMatcher sites(MustParse("{kind: military}", SelectorSubject::kSite), network);
  EXPECT_FALSE(sites.Matches(0));
  EXPECT_TRUE(sites.Matches(1));
  const ServiceMatcher secret(MustParse("{classification: {ge: secret}}", SelectorSubject::kService),
                              network);
  EXPECT_TRUE(secret.Matches(0));
  EXPECT_FALSE(secret.Matches(1));
  const ServiceMatcher located(MustParse("{site.kind: military, sector: defence}",
                                         SelectorSubject::kService),
                               network);
  EXPECT_TRUE(located.Matches(0));
  EXPECT_FALSE(located.Matches(1));
}

}  // namespace
}  // namespace redoubt::policy
