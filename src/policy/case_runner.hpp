// Runs a standard's own cases (`redoubt test`) and measures rule coverage.
//
// Each case's inline inventory is loaded (its problems reported at their
// place in the standard's file), the standard is evaluated on the case's
// `as_of` (every rule binds when it has none), and the findings are compared
// rule by rule with `expect`:
//   - a rule with no expectation must produce no finding;
//   - for a rule with expectations, `count` (summed) must equal its number of
//     findings, and each list given (elements, sites, services, vendors) must
//     equal the union of those ids over its findings;
//   - a rule that does not bind on the date cannot be expected to fire.
// A rule is covered when some passing case expects, and gets, findings from
// it. Rules the engine cannot judge yet (service rules without an evaluator)
// are reported as awaiting, not as failures.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "policy/standard.hpp"

namespace redoubt::policy {

class ServiceEvaluator;

struct CaseResult {
  std::string name;
  Location location;
  bool passed = false;
  std::vector<std::string> problems;  // why it failed, one line each
  std::vector<std::string> skipped;   // rules whose expectations could not be judged
  Diagnostics diagnostics;            // problems of the inline inventory
};

struct StandardTestReport {
  std::string file;
  std::string standard_id;
  std::vector<CaseResult> cases;
  std::vector<std::string> rules;      // the rules this file writes, in order
  std::vector<std::string> covered;    // of those, exercised by a passing case
  std::vector<std::string> uncovered;  // of those, exercised by none (awaiting excluded)
  std::vector<std::string> awaiting;   // of those, not judged by this engine yet

  [[nodiscard]] bool AllPassed() const;
  [[nodiscard]] bool FullCoverage() const { return uncovered.empty(); }
};

struct CaseOptions {
  const ServiceEvaluator* services = nullptr;
};

[[nodiscard]] StandardTestReport RunCases(const Standard& standard, const CaseOptions& options);

}  // namespace redoubt::policy
