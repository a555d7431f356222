// Findings: what a rule reports, with everything an analyst needs to defend
// it — the rule, its severity, every element, site, service or vendor
// involved, the evidence (the measured value against its bound, distances,
// the attribute values that made an element match) and the remedy.
//
// Findings are plain data (ids as strings) so they can be sorted, compared in
// tests and written as `redoubt/findings@1` without the network at hand.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace redoubt::policy {

enum class RuleSeverity : std::uint8_t { kInfo, kLow, kMedium, kHigh, kCritical };

[[nodiscard]] std::span<const std::string_view> RuleSeverityNames();
[[nodiscard]] std::string_view Name(RuleSeverity severity);
[[nodiscard]] std::optional<RuleSeverity> ParseRuleSeverity(std::string_view name);

// A measured quantity against the bound a rule sets.
struct Measure {
  std::string quantity;  // "share of ran sites with a matching element"
  double value = 0;
  double bound = 0;
  std::string relation;  // the bound the rule wants: "<=" or ">="
  std::string unit;      // "share", "vendors"
  double numerator = std::numeric_limits<double>::quiet_NaN();    // e.g. 5 sites
  double denominator = std::numeric_limits<double>::quiet_NaN();  // of 13
};

// Who contributes most to a measured share (a vendor, a region).
struct Contributor {
  std::string kind;  // "vendor" or "region"
  std::string id;
  double amount = 0;  // elements, sites or weight
  double share = 0;   // of the scope
};

// An element found near a sensitive site.
struct Distance {
  std::string element;
  std::string site;  // the element's site
  double km = 0;
};

struct Finding {
  std::size_t rule = 0;  // index into Standard::rules
  std::string rule_id;
  std::string kind;  // forbid, cap, near, ...
  RuleSeverity severity = RuleSeverity::kMedium;
  std::string network;
  // What the finding is about, stable across dates: the element, the sensitive
  // site or the vendor; empty for a finding about the whole scope (a cap).
  std::string subject;
  std::string message;  // one line: what is wrong
  std::vector<std::string> elements;
  std::vector<std::string> sites;
  std::vector<std::string> services;
  std::vector<std::string> vendors;
  std::vector<std::string> evidence;  // why: "vendor huawei is untrusted (vendor risk high)"
  std::optional<Measure> measure;
  std::vector<Contributor> contributors;
  std::vector<Distance> distances;
  std::string remedy;
  Days due = kNoDate;  // the date from which the rule binds (kNoDate: always)
};

// Records a rule could not judge (an element without coordinates for a
// distance rule): reported beside the findings, never dropped silently.
struct Unassessed {
  std::string rule_id;
  std::string network;
  std::string reason;
  std::vector<std::string> elements;
  std::vector<std::string> sites;
};

// Deterministic order: severity (critical first), rule id, network, then the
// first element, site, service and vendor, then the message.
void SortFindings(std::vector<Finding>& findings);

// Identifies a finding across evaluations at different dates (rule,
// network, subject), for timelines.
[[nodiscard]] std::string FindingKey(const Finding& finding);

}  // namespace redoubt::policy
