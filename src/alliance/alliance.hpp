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
//     | {severity: S,             the recipient's own networks (each rule on the date
//        except: [rule ids]}      the recipient's own standard sets for it); findings of
//                                 the rules in `except` do not count (a rule about
//                                 secret traffic need not withhold confidential)
//   no_untrusted_in: [domains]    no untrusted element in these domains of the
//                                 recipient's networks
//   no_vendor: [vendors]          no element of these vendors in the recipient's networks
//   classified_on_trusted_paths:  every service the recipient owns (on any member's
//     true | {classification: L,  network) classified at or above L (default: the
//             sectors: [...]}     rule's level) has primary routes free of untrusted equipment
//   max_divergence: X             the recipient's posture falls short of the provider's
//                                 own by at most X: F(P → R) ≤ X (divergence.hpp), X in
//                                 [0, 1]
//   untrusted_by: [who]           whose definition of untrusted the conditions above use:
//                                 `baseline` (default), `provider`, `recipient` or member
//                                 codes; an element is untrusted when any of them says so
// Levels are cumulative: a recipient receives a level when every condition of
// that level and of every lower level holds. A rule may carry `rationale` and
// `source` (text, shown with the shortfalls it causes).
//
// Host networks. A service the recipient owns on another member's network
// (forces deployed abroad) is judged by classified_on_trusted_paths as the
// alliance's `host_networks` says for the level being decided:
//   host_networks:
//     - {level: secret, counts: none, rationale: ...}
//     - {level: top-secret, counts: sabotage, rationale: ...}
// `espionage`: its primary routes must be free of untrusted equipment (the
// rule for the recipient's own networks); `sabotage`: it must stay up when the
// untrusted equipment is switched off; `none`: it is not judged. A level takes
// the entry of the highest level at or below it; without one, `espionage`.
// Host-network shortfalls are reported apart from the recipient's own.
//
// Sharing postures instead of inventories (posture_document.hpp): each member
// may carry `key:`, the public key its signed posture is checked against —
// a path to its redoubt/public-key@1 file, or inline
// {key_id: "ed25519:…", public_key: BASE64}; `max_age_days: N` (default 90)
// is how old a posture may be on the assessment date.
//
// Paths (baseline, standards, networks, keys) are relative to the alliance file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/vocabulary.hpp"
#include "policy/finding.hpp"
#include "trust/keys.hpp"

namespace redoubt::alliance {

enum class ConditionKind : std::uint8_t {
  kBaselineMaxSeverity,
  kNoUntrustedIn,
  kNoVendor,
  kClassifiedOnTrustedPaths,
  kMaxDivergence,
};

// What a recipient's classified service on a host member's network counts for.
enum class HostExposure : std::uint8_t { kEspionage, kSabotage, kNone };

struct HostRule {
  std::size_t level = 0;  // index into AllianceSpec::levels
  HostExposure counts = HostExposure::kEspionage;
  std::string rationale;
  Location location;
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
  std::vector<std::string> except_rules;                           // baseline_max_severity
  double max_divergence = 1.0;                                     // max_divergence
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
  std::string rationale;
  std::string source;
  Location location;
};

struct MemberSpec {
  std::string code;  // ISO 3166-1 alpha-2, unique in the alliance
  std::string name;
  std::string standard;               // resolved path
  std::vector<std::string> networks;  // resolved paths
  // The key its posture must be signed with (`key:` a public-key file, or
  // {key_id, public_key} inline); nullopt when the file gives none.
  std::optional<trust::PublicKey> key;
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
  std::vector<HostRule> host_networks;  // by level, ascending
  // Each member meets its own standard's future `forbid` deadlines (see model.hpp).
  bool assume_deadlines_met = true;
  // How many days before the assessment date a member's posture may be dated
  // (posture_document.hpp).
  int max_age_days = kDefaultMaxAgeDays;
  static constexpr int kDefaultMaxAgeDays = 90;

  [[nodiscard]] std::optional<std::size_t> FindMember(std::string_view code) const;
  [[nodiscard]] std::optional<std::size_t> FindLevel(std::string_view level) const;
  // What host-network exposure counts for when deciding `level`.
  [[nodiscard]] HostExposure HostCounts(std::size_t level) const;
};

[[nodiscard]] std::string_view Name(ConditionKind kind);
[[nodiscard]] std::string_view Name(HostExposure counts);

}  // namespace redoubt::alliance
