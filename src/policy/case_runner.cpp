#include "policy/case_runner.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/inventory_reader.hpp"
#include "policy/evaluate.hpp"

namespace redoubt::policy {

namespace {

using IdSet = std::set<std::string>;

// "missing a, b; unexpected c" between what was expected and what was found.
std::string Difference(const IdSet& expected, const IdSet& found) {
  std::vector<std::string> missing;
  std::vector<std::string> extra;
  for (const std::string& id : expected) {
    if (!found.count(id)) missing.push_back(id);
  }
  for (const std::string& id : found) {
    if (!expected.count(id)) extra.push_back(id);
  }
  std::vector<std::string> parts;
  if (!missing.empty()) parts.push_back(fmt::format("missing {}", fmt::join(missing, ", ")));
  if (!extra.empty()) parts.push_back(fmt::format("unexpected {}", fmt::join(extra, ", ")));
  return fmt::format("{}", fmt::join(parts, "; "));
}

void Compare(const std::string& rule_id, std::string_view noun,
             const std::vector<const CaseExpectation*>& expected,
             const std::vector<const Finding*>& found,
             std::optional<std::vector<std::string>> CaseExpectation::*list,
             std::vector<std::string> Finding::*ids, std::vector<std::string>& problems) {
  bool given = false;
  IdSet want;
  for (const CaseExpectation* expectation : expected) {
    if (!(expectation->*list)) continue;
    given = true;
    want.insert((expectation->*list)->begin(), (expectation->*list)->end());
  }
  if (!given) return;
  IdSet got;
  for (const Finding* finding : found) got.insert((finding->*ids).begin(), (finding->*ids).end());
  if (want != got) {
    problems.push_back(fmt::format("rule {}: {} differ: {}", rule_id, noun, Difference(want, got)));
  }
}

CaseResult RunCase(const Standard& standard, const PolicyCase& policy_case,
                   const CaseOptions& options, std::set<std::string>& exercised,
                   std::set<std::string>& awaiting) {
  CaseResult result;
  result.name = policy_case.name;
  result.location = policy_case.location;
  InlineInventory inventory;
  inventory.source = policy_case.source;
  inventory.root = &policy_case.inventory;
  inventory.header.id = "case";
  InventoryOptions inventory_options;
  inventory_options.warnings = false;
  auto loaded = LoadInlineInventory(inventory, inventory_options);
  result.diagnostics = loaded.diagnostics();
  if (!loaded.ok()) {
    result.problems.push_back("the case's inventory has errors");
    return result;
  }
  EvaluationOptions evaluation_options;
  evaluation_options.as_of = policy_case.as_of;
  evaluation_options.only = policy_case.only;
  evaluation_options.services = options.services;
  std::vector<Finding> findings;
  std::vector<RuleStatus> statuses;
  for (const Network& network : loaded.value()) {
    Evaluation evaluation = Evaluate(standard, network, evaluation_options);
    for (Finding& finding : evaluation.findings) findings.push_back(std::move(finding));
    if (statuses.empty()) statuses = std::move(evaluation.rules);
  }
  for (const RuleStatus& status : statuses) {
    const StandardRule& rule = standard.rules[status.rule];
    std::vector<const CaseExpectation*> expected;
    for (const CaseExpectation& expectation : policy_case.expect) {
      if (expectation.rule == rule.id) expected.push_back(&expectation);
    }
    std::vector<const Finding*> found;
    for (const Finding& finding : findings) {
      if (finding.rule_id == rule.id) found.push_back(&finding);
    }
    if (!status.binding) {
      if (!expected.empty()) {
        result.problems.push_back(fmt::format(
            "rule {} does not bind on {}, so it cannot produce the expected findings", rule.id,
            policy_case.as_of == kNoDate ? std::string("the case's date")
                                         : FormatIsoDate(policy_case.as_of)));
      }
      continue;
    }
    if (!status.evaluated) {
      if (!expected.empty()) {
        result.skipped.push_back(rule.id);
        awaiting.insert(rule.id);
      }
      continue;
    }
    if (expected.empty()) {
      if (!found.empty()) {
        result.problems.push_back(fmt::format("rule {}: {} unexpected finding{}: {}", rule.id,
                                              found.size(), found.size() == 1 ? "" : "s",
                                              found.front()->message));
      }
      continue;
    }
    const std::size_t problems_before = result.problems.size();
    bool counted = false;
    std::size_t count = 0;
    for (const CaseExpectation* expectation : expected) {
      if (expectation->count) {
        counted = true;
        count += *expectation->count;
      }
    }
    if (counted && count != found.size()) {
      result.problems.push_back(fmt::format("rule {}: expected {} finding{}, found {}", rule.id,
                                            count, count == 1 ? "" : "s", found.size()));
    } else if (!counted && found.empty()) {
      result.problems.push_back(fmt::format("rule {}: expected findings, found none", rule.id));
    }
    Compare(rule.id, "elements", expected, found, &CaseExpectation::elements, &Finding::elements,
            result.problems);
    Compare(rule.id, "sites", expected, found, &CaseExpectation::sites, &Finding::sites,
            result.problems);
    Compare(rule.id, "services", expected, found, &CaseExpectation::services, &Finding::services,
            result.problems);
    Compare(rule.id, "vendors", expected, found, &CaseExpectation::vendors, &Finding::vendors,
            result.problems);
    if (result.problems.size() == problems_before && !found.empty()) exercised.insert(rule.id);
  }
  result.passed = result.problems.empty();
  if (!result.passed) {
    // Only a passing case exercises a rule.
    for (const CaseExpectation& expectation : policy_case.expect) exercised.erase(expectation.rule);
  }
  return result;
}

}  // namespace

bool StandardTestReport::AllPassed() const {
  return std::all_of(cases.begin(), cases.end(), [](const CaseResult& c) { return c.passed; });
}

StandardTestReport RunCases(const Standard& standard, const CaseOptions& options) {
  StandardTestReport report;
  report.file = standard.file;
  report.standard_id = standard.id;
  std::set<std::string> covered;
  std::set<std::string> awaiting;
  for (const PolicyCase& policy_case : standard.cases) {
    std::set<std::string> exercised;
    report.cases.push_back(RunCase(standard, policy_case, options, exercised, awaiting));
    covered.insert(exercised.begin(), exercised.end());
  }
  for (const StandardRule& rule : standard.rules) {
    if (!standard.Owns(rule)) continue;
    report.rules.push_back(rule.id);
    if (covered.count(rule.id)) {
      report.covered.push_back(rule.id);
    } else if (awaiting.count(rule.id)) {
      report.awaiting.push_back(rule.id);
    } else {
      report.uncovered.push_back(rule.id);
    }
  }
  return report;
}

}  // namespace redoubt::policy
