// Standard: minimum standards as code (`format: redoubt/standard@1`).
//
// A standard is a list of rules, each with an id, a severity, a rationale
// citing its source, optional `effective` / `expires` dates, and one kind
// (forbid, cap, near, diversity, require, service — see policy/rules/). It
// defines what it treats as *untrusted* (`untrusted: {vendor.risk: high}`),
// may `extends:` another standard (a national standard on top of the alliance
// baseline) and replace an inherited rule by writing one with the same id and
// `override: true`. It may carry `cases`: small inline inventories with the
// findings they must produce, run by `redoubt test`.
//
//   format: redoubt/standard@1
//   id: gb
//   title: United Kingdom — high-risk vendors in public telecoms
//   extends: nato-baseline.yaml
//   untrusted: {vendor.risk: high}
//   rules:
//     - id: gb-ran-cap
//       title: High-risk vendors hold at most 35% of the access network
//       severity: high
//       effective: 2020-01-28
//       rationale: ...
//       source: UK security advice, 28 January 2020
//       cap: {scope: {domain: ran}, match: {untrusted: true}, max_share: 0.35, count: sites}
//
// Loading reports every problem as file:line:col (policy/standard_reader.hpp).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source.hpp"
#include "core/text.hpp"
#include "io/document.hpp"
#include "policy/finding.hpp"
#include "policy/rule.hpp"
#include "policy/selector.hpp"

namespace redoubt::policy {

struct StandardRule {
  std::string id;
  std::string title;
  RuleSeverity severity = RuleSeverity::kMedium;
  std::string rationale;
  std::string source;  // the decision, law or guidance it encodes
  std::string remedy;  // empty: the kind's default remedy
  Days effective = kNoDate;  // binds from this date on (kNoDate: always)
  Days expires = kNoDate;    // binds before this date (kNoDate: never expires)
  Location location;         // where the rule is written
  std::string standard_id;   // the standard whose file defines it
  std::optional<Location> replaces;  // the inherited rule it overrides
  std::unique_ptr<RuleBody> body;

  // Whether the rule binds on `date`; every rule binds on kNoDate.
  [[nodiscard]] bool BindsOn(Days date) const {
    if (date == kNoDate) return true;
    return (effective == kNoDate || date >= effective) && (expires == kNoDate || date < expires);
  }
  [[nodiscard]] std::string_view Kind() const { return body->Kind(); }
  [[nodiscard]] std::string Remedy() const { return remedy.empty() ? body->DefaultRemedy() : remedy; }
};

// What one case expects of one rule.
struct CaseExpectation {
  std::string rule;
  // When given, the union over the rule's findings must equal these ids.
  std::optional<std::vector<std::string>> elements;
  std::optional<std::vector<std::string>> sites;
  std::optional<std::vector<std::string>> services;
  std::optional<std::vector<std::string>> vendors;
  std::optional<std::size_t> count;  // number of findings
  Location location;
};

// A policy test: an inline inventory and the findings it must produce.
struct PolicyCase {
  std::string name;
  Location location;
  Days as_of = kNoDate;            // kNoDate: every rule binds
  std::vector<std::string> only;   // evaluate only these rules (empty: all)
  // The inline inventory (an inventory document without `format`), and the
  // file it is written in, for diagnostics.
  std::shared_ptr<const SourceFile> source;
  Node inventory;
  std::vector<CaseExpectation> expect;
};

struct Standard {
  std::string id;
  std::string title;
  std::string description;
  std::string file;                 // the file loaded
  std::vector<std::string> chain;   // files from the base standard to this one
  std::optional<Selector> untrusted;
  std::string untrusted_defined_in;  // standard id
  std::vector<StandardRule> rules;   // inherited first, in file order; overrides in place
  std::vector<PolicyCase> cases;     // this file's own cases

  [[nodiscard]] const StandardRule* FindRule(std::string_view rule_id) const;
  [[nodiscard]] std::optional<std::size_t> RuleIndex(std::string_view rule_id) const;
  // Whether the rule is written in this file (not only inherited).
  [[nodiscard]] bool Owns(const StandardRule& rule) const { return rule.location.file == file; }
  [[nodiscard]] std::vector<std::string_view> RuleIds() const;
};

}  // namespace redoubt::policy
