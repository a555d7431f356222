// redoubt test STANDARD... — runs the cases each standard carries and reports
// which of its rules they exercise.
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "analysis/service_rule_evaluator.hpp"
#include "cli/standard_options.hpp"
#include "core/error.hpp"
#include "policy/case_runner.hpp"

namespace redoubt::cli {

namespace {

struct TestOptions {
  std::vector<std::string> paths;
  bool require_full_coverage = false;
  OutputFormat format = OutputFormat::kText;
  std::string output;
};

std::string RenderText(const policy::StandardTestReport& report) {
  std::size_t passed = 0;
  for (const policy::CaseResult& result : report.cases) passed += result.passed ? 1 : 0;
  std::string out = fmt::format("{} ({}): {} of {} case{} passed\n", report.file,
                                report.standard_id, passed, report.cases.size(),
                                report.cases.size() == 1 ? "" : "s");
  for (const policy::CaseResult& result : report.cases) {
    out += fmt::format("  {}  {}", result.passed ? "PASS" : "FAIL", result.name);
    if (!result.passed) out += fmt::format("  ({}:{})", result.location.file, result.location.line);
    out += "\n";
    for (const Diagnostic& diagnostic : result.diagnostics.Items()) {
      out += fmt::format("        {}\n", diagnostic.Format());
    }
    for (const std::string& problem : result.problems) out += fmt::format("        {}\n", problem);
    if (!result.skipped.empty()) {
      out += fmt::format("        not judged yet: {}\n", fmt::join(result.skipped, ", "));
    }
  }
  const std::size_t judged = report.rules.size() - report.awaiting.size();
  out += fmt::format("  coverage: {} of {} rule{} of this file exercised", report.covered.size(),
                     judged, judged == 1 ? "" : "s");
  if (!report.uncovered.empty()) {
    out += fmt::format("; not exercised: {}", fmt::join(report.uncovered, ", "));
  }
  out += "\n";
  if (!report.awaiting.empty()) {
    out += fmt::format("  awaiting the exposure analysis: {}\n", fmt::join(report.awaiting, ", "));
  }
  return out;
}

nlohmann::ordered_json ReportJson(const policy::StandardTestReport& report) {
  nlohmann::ordered_json cases = nlohmann::ordered_json::array();
  for (const policy::CaseResult& result : report.cases) {
    std::vector<std::string> diagnostics;
    for (const Diagnostic& diagnostic : result.diagnostics.Items()) {
      diagnostics.push_back(diagnostic.Format());
    }
    cases.push_back({{"name", result.name},
                     {"line", result.location.line},
                     {"passed", result.passed},
                     {"problems", result.problems},
                     {"diagnostics", diagnostics},
                     {"not_judged", result.skipped}});
  }
  return {{"file", report.file},      {"standard", report.standard_id},
          {"cases", cases},           {"rules", report.rules},
          {"covered", report.covered}, {"uncovered", report.uncovered},
          {"awaiting", report.awaiting}};
}

int Run(const TestOptions& options) {
  std::vector<policy::StandardTestReport> reports;
  bool bad_input = false;
  const ExposureServiceEvaluator evaluator;  // judges `service` rules
  for (const std::string& path : options.paths) {
    auto standard = LoadStandardPrinting(path);
    if (!standard) {
      bad_input = true;
      continue;
    }
    reports.push_back(policy::RunCases(*standard, {&evaluator}));
  }
  bool failed = false;
  for (const policy::StandardTestReport& report : reports) {
    failed = failed || !report.AllPassed() ||
             (options.require_full_coverage && !report.FullCoverage());
  }
  if (options.format == OutputFormat::kJson) {
    nlohmann::ordered_json document;
    document["format"] = "redoubt/policy-tests@1";
    document["passed"] = !failed && !bad_input;
    nlohmann::ordered_json standards = nlohmann::ordered_json::array();
    for (const policy::StandardTestReport& report : reports) standards.push_back(ReportJson(report));
    document["standards"] = standards;
    WriteOutput(options.output, JsonText(document));
  } else {
    std::string out;
    for (const policy::StandardTestReport& report : reports) {
      if (!out.empty()) out += "\n";
      out += RenderText(report);
    }
    WriteOutput(options.output, out);
  }
  if (bad_input) return kExitBadInput;
  return failed ? kExitFindings : kExitOk;
}

}  // namespace

CommandRunner SetupTest(CLI::App& command) {
  auto options = std::make_shared<TestOptions>();
  command.add_option("standards", options->paths, "Standard files whose cases to run")
      ->required();
  command.add_flag("--require-full-coverage", options->require_full_coverage,
                   "Fail when a rule of a file is exercised by none of its cases");
  AddFormatOption(command, options->format);
  command.add_option("-o,--output", options->output, "Write the result here instead of stdout");
  command.footer(
      "Exit codes: 0 every case passed, 1 a case failed (or coverage is incomplete with\n"
      "--require-full-coverage), 2 a standard could not be loaded.\n"
      "Example: redoubt test data/standards/*.yaml");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
