// Evaluating a standard against networks: findings on a date, and the
// timeline of when each rule starts to bind and which findings fall due.
//
//   auto standard = LoadStandard("data/standards/gb.yaml");
//   EvaluationOptions options;
//   options.as_of = *ParseIsoDate("2024-01-01");
//   Evaluation result = Evaluate(standard.value(), network, options);
//
// Dates are real: a rule binds from its `effective` date and stops at its
// `expires` date, and an element counts only while it is in service
// (installed on or before the date, not yet retired). Findings come sorted
// (SortFindings) and are deterministic for the same inputs.
//
// Complexity: O(rules × elements) plus the `near` and `service` terms (see
// policy/rule.hpp); memory O(elements) besides the findings.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/network.hpp"
#include "policy/finding.hpp"
#include "policy/standard.hpp"

namespace redoubt::policy {

class ServiceEvaluator;

struct EvaluationOptions {
  // The date to judge on; kNoDate: every rule binds and every element counts.
  Days as_of = kNoDate;
  // Judges `service` rules; without it they are listed as not evaluated.
  const ServiceEvaluator* services = nullptr;
  // Evaluate only these rule ids (empty: all).
  std::vector<std::string> only;
};

struct RuleStatus {
  std::size_t rule = 0;  // index into Standard::rules
  bool binding = false;  // binds on the date
  bool evaluated = false;
  std::size_t findings = 0;
  std::string note;  // why not evaluated
};

struct Evaluation {
  std::string network;
  Days as_of = kNoDate;
  std::vector<Finding> findings;     // sorted
  std::vector<RuleStatus> rules;     // one per rule of the standard, in order
  std::vector<Unassessed> unassessed;
};

[[nodiscard]] Evaluation Evaluate(const Standard& standard, const Network& network,
                                  const EvaluationOptions& options);

// One date of a timeline: the rules that start or stop binding then, and the
// findings that fall due (new since the previous date) or are resolved.
struct TimelineStep {
  Days date = kNoDate;
  std::vector<std::string> starts;   // rule ids
  std::vector<std::string> ends;     // rule ids
  std::vector<Finding> due;          // sorted
  std::vector<std::string> resolved; // FindingKey of findings gone since the previous step
  std::size_t total = 0;             // findings in force on this date
};

struct Timeline {
  std::string network;
  std::vector<TimelineStep> steps;  // the start date, then each later rule date in order
  std::vector<std::string> not_evaluated;  // rule ids
};

// Evaluates on `from` and on every later date where a rule starts or stops
// binding. Findings are keyed by (rule, network, subject), so a finding that
// persists is due once. `from` must be a date.
[[nodiscard]] Timeline MakeTimeline(const Standard& standard, const Network& network, Days from,
                                    const ServiceEvaluator* services);

// Checks the values a standard's selectors name against what the networks
// know: a vendor, site or kind that none of them has is reported — as an
// error when it is one edit away from a known one (a typo), else a warning.
void CheckStandardAgainst(const Standard& standard, std::span<const Network> networks,
                          Diagnostics& diagnostics);

}  // namespace redoubt::policy
