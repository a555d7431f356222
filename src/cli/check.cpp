// redoubt check INVENTORY... --standard FILE — the findings of a standard on
// a date, or with --timeline, when each rule starts to bind and which
// findings fall due when.
#include <iostream>

#include <fmt/format.h>

#include "cli/check_text.hpp"
#include "cli/common.hpp"
#include "analysis/service_rule_evaluator.hpp"
#include "analysis/trust.hpp"
#include "cli/standard_options.hpp"
#include "core/error.hpp"
#include "policy/evaluate.hpp"
#include "policy/findings_json.hpp"
#include "policy/judged_date.hpp"
#include "policy/matcher.hpp"
#include "policy/selector.hpp"

namespace redoubt::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string standard;
  std::string as_of;
  std::string fail_on = "info";
  std::vector<std::string> only;
  bool timeline = false;
  std::size_t limit = 20;
  InputOptions input;
  OutputFormat format = OutputFormat::kText;
  std::string output;
};

int Run(const CheckOptions& options) {
  const auto fail_on = ParseFailOn(options.fail_on);
  const Days as_of = options.as_of.empty() ? kNoDate : ParseDateFlag(options.as_of, "--as-of");
  auto standard = LoadStandardPrinting(options.standard);
  if (!standard) return kExitBadInput;
  for (const std::string& rule_id : options.only) {
    if (standard->FindRule(rule_id) == nullptr) {
      throw UsageError(fmt::format("--only: standard {} has no rule '{}'", standard->id, rule_id));
    }
  }
  auto networks = LoadNetworks(options.paths, options.input);
  if (!networks) return kExitBadInput;
  {
    Diagnostics diagnostics;
    policy::CheckStandardAgainst(*standard, *networks, diagnostics);
    PrintDiagnostics(diagnostics, std::cerr);
    if (diagnostics.HasErrors()) return kExitBadInput;
  }
  {
    // Suppliers nobody assessed, which the standard's definition leaves trusted.
    Diagnostics unassessed;
    const std::string definition = fmt::format(
        "standard {} (untrusted: {})", standard->id,
        standard->untrusted ? policy::Describe(*standard->untrusted) : std::string("nothing"));
    for (const Network& network : *networks) {
      const auto mask =
          policy::UntrustedMask(standard->untrusted ? &*standard->untrusted : nullptr, network);
      WarnUnassessedTrusted(network, CountUnassessedTrusted(network, mask), definition, unassessed);
    }
    PrintDiagnostics(unassessed, std::cerr);
  }
  // One date for every network (policy/judged_date.hpp).
  const policy::JudgedDate date = policy::ChooseJudgedDate(as_of, *networks, Today());
  std::vector<policy::InventoryLag> lags;
  const policy::Standard* standards[] = {&*standard};
  for (const Network& network : *networks) {
    if (auto lag = policy::LagOf(network, standards, date.date)) lags.push_back(std::move(*lag));
  }
  const std::string dated = policy::JudgedDateText(date, lags);

  ExposureCache cache;  // service rules on one network share its analyses
  const ExposureServiceEvaluator evaluator(cache);  // judges `service` rules
  if (options.timeline) {
    std::vector<policy::Timeline> timelines;
    std::vector<policy::Evaluation> first;
    for (const Network& network : *networks) {
      timelines.push_back(policy::MakeTimeline(*standard, network, date.date, &evaluator));
      policy::Evaluation start;
      start.findings = timelines.back().steps.front().due;
      first.push_back(std::move(start));
    }
    const std::string content = options.format == OutputFormat::kJson
                                    ? JsonText(policy::WithJudgedDate(
                                          policy::TimelineDocument(*standard, timelines), date, lags))
                                    : dated + RenderTimeline(*standard, timelines, options.limit);
    WriteOutput(options.output, content);
    return policy::AnyAtOrAbove(first, fail_on) ? kExitFindings : kExitOk;
  }

  std::vector<policy::Evaluation> evaluations;
  for (const Network& network : *networks) {
    policy::EvaluationOptions evaluation_options;
    evaluation_options.as_of = date.date;
    evaluation_options.only = options.only;
    evaluation_options.services = &evaluator;
    evaluations.push_back(policy::Evaluate(*standard, network, evaluation_options));
  }
  const std::string content =
      options.format == OutputFormat::kJson
          ? JsonText(policy::WithJudgedDate(
                policy::FindingsDocument(*standard, evaluations, fail_on), date, lags))
          : dated + RenderFindings(*standard, evaluations, options.limit);
  WriteOutput(options.output, content);
  return policy::AnyAtOrAbove(evaluations, fail_on) ? kExitFindings : kExitOk;
}

}  // namespace

CommandRunner SetupCheck(CLI::App& command) {
  auto options = std::make_shared<CheckOptions>();
  command.add_option("files", options->paths, "Inventory files (JSON or YAML)")->required();
  command.add_option("-s,--standard", options->standard,
                     "Standard to check against (redoubt/standard@1), e.g. "
                     "data/standards/gb.yaml")
      ->required();
  command.add_option("--as-of", options->as_of,
                     "Judge on this date (YYYY-MM-DD); default: the latest as_of of the inventories "
                     "given, else today (the same rule in every command)");
  command.add_option("--fail-on", options->fail_on,
                     "Exit 1 when a finding is at or above this severity: info, low, medium, "
                     "high, critical or never (default info)");
  command.add_option("--only", options->only, "Evaluate only this rule id; may repeat");
  command.add_flag("--timeline", options->timeline,
                   "Show when each rule starts to bind and which findings fall due when");
  command.add_option("--limit", options->limit,
                     "Findings shown per rule in text output (0: all; default 20)");
  options->input.AddTo(command);
  AddFormatOption(command, options->format);
  command.add_option("-o,--output", options->output, "Write the result here instead of stdout");
  command.footer(
      "JSON output is a redoubt/findings@1 document (redoubt/timeline@1 with --timeline).\n"
      "Every network is judged on one date, printed first (JSON: as_of, as_of_source); an\n"
      "inventory older than it is noted with the deadlines that fell due in between\n"
      "(JSON: inventory_predates).\n"
      "Exit codes: 0 compliant, 1 findings at or above --fail-on, 2 bad input or usage.\n"
      "Example: redoubt check data/samples/sample-gb.yaml -s data/standards/gb.yaml "
      "--as-of 2024-01-01");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
