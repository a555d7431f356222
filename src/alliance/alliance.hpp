// The alliance file (`format: redoubt/alliance@1`), as plain data: members
// with their national standard and networks, the baseline standard, the
// classification levels in order, and the sharing rules — what a recipient's
// posture must satisfy before a provider shares at each level, alliance-wide
// and per provider (DESIGN.md, "Alliance").
//
//   format: redoubt/alliance@1
//   id: nato-2019
//   baseline: ../../standards/nato-baseline.yaml
//   levels: [unclassified, restricted, confidential, secret, top-secret]
//   members:
//     - {code: GB, name: United Kingdom, standard: ../../standards/gb.yaml, networks: [gb.json]}
//   sharing:
//     - {level: confidential, require: {baseline_max_severity: high}}
//     - {level: secret, require: {no_untrusted_in: [core, management],
//                                 classified_on_trusted_paths: true}}
//   providers:
//     US:
//       - {level: secret, require: {no_vendor: [huawei, zte]}}
//
// Conditions (the keys of `require:`; several keys in one map must all hold):
//   baseline_max_severity: S      no finding above S under the baseline's rules on
//                                 the recipient's own networks (each rule on the date
//                                 the recipient's own standard sets for it)
//   no_untrusted_in: [domains]    no untrusted element in these domains of the
//                                 recipient's networks
//   no_vendor: [vendors]          no element of these vendors in the recipient's networks
//   classified_on_trusted_paths:  every service the recipient owns (on any member's
//     true | {classification: L,  network) classified at or above L (default: the
//             sectors: [...]}     rule's level) has primary routes free of untrusted equipment
//   untrusted_by: [who]           whose definition of untrusted the conditions above use:
//                                 `baseline` (default), `provider`, `recipient` or member
//                                 codes; an element is untrusted when any of them says so
// Levels are cumulative: a recipient receives a level when every condition of
// that level and of every lower level holds.
//
// Paths (baseline, standards, networks) are relative to the alliance file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/vocabulary.hpp"
#include "policy/finding.hpp"

namespace redoubt::alliance {

enum class ConditionKind : std::uint8_t {
  kBaselineMaxSeverity,
  kNoUntrustedIn,
  kNoVendor,
  kClassifiedOnTrustedPaths,
};

// Whose definition of untrusted a condition uses.
struct TrustSource {
  enum class Kind : std::uint8_t { kBaseline, kProvider, kRecipient, kMember };
  Kind kind = Kind::kBaseline;
  std::size_t member = 0;  // kMember: index into AllianceSpec::members
};

struct Condition {
  ConditionKind kind = ConditionKind::kNoUntrustedIn;
  policy::RuleSeverity max_severity = policy::RuleSeverity::kHigh;  // baseline_max_severity
  std::vector<Domain> domains;                                     // no_untrusted_in
  std::vector<std::string> vendors;                                // no_vendor
  // classified_on_trusted_paths: the lowest classification that must ride on
  // trusted paths (nullopt: the rule's own level), and the sectors (empty: all).
  std::optional<Classification> min_classification;
  std::vector<Sector> sectors;
  std::vector<TrustSource> untrusted_by;  // empty: the baseline's definition
  Location location;
};

struct SharingRule {
  std::size_t level = 0;                // index into AllianceSpec::levels
  std::optional<std::size_t> provider;  // a provider's own rule; nullopt: alliance-wide
  std::vector<Condition> conditions;    // all must hold
  Location location;
};

struct MemberSpec {
  std::string code;  // ISO 3166-1 alpha-2, unique in the alliance
  std::string name;
  std::string standard;               // resolved path
  std::vector<std::string> networks;  // resolved paths
  Location location;
};

struct AllianceSpec {
  std::string file;
  std::string id;
  std::string title;
  std::string baseline;  // resolved path
  std::vector<std::string> levels;
  std::vector<MemberSpec> members;
  std::vector<SharingRule> sharing;  // alliance-wide first, then per provider, in file order
  // Each member meets its own standard's future `forbid` deadlines (see model.hpp).
  bool assume_deadlines_met = true;

  [[nodiscard]] std::optional<std::size_t> FindMember(std::string_view code) const;
  [[nodiscard]] std::optional<std::size_t> FindLevel(std::string_view level) const;
};

[[nodiscard]] std::string_view Name(ConditionKind kind);

}  // namespace redoubt::alliance
