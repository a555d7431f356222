// redoubt explain [RULE_ID] --standard FILE — a rule in words with its
// source; without RULE_ID, the list of the standard's rules.
#include <fmt/format.h>

#include "cli/common.hpp"
#include "cli/standard_options.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "policy/explain.hpp"

namespace redoubt::cli {

namespace {

struct ExplainOptions {
  std::string rule;
  std::string standard;
  OutputFormat format = OutputFormat::kText;
  std::string output;
};

int Run(const ExplainOptions& options) {
  auto standard = LoadStandardPrinting(options.standard);
  if (!standard) return kExitBadInput;
  const bool json = options.format == OutputFormat::kJson;
  if (options.rule.empty() && json) {
    WriteOutput(options.output, JsonText(policy::ExplanationDocument(*standard, {})));
    return kExitOk;
  }
  if (options.rule.empty()) {
    std::string out = fmt::format("standard {}{} — {} rules\n", standard->id,
                                  standard->title.empty() ? "" : " (" + standard->title + ")",
                                  standard->rules.size());
    for (const policy::StandardRule& rule : standard->rules) {
      out += fmt::format("  {:<28} {:<9} {:<10} {:<11} {}\n", rule.id, policy::Name(rule.severity),
                         rule.Kind(),
                         rule.effective == kNoDate ? std::string("always")
                                                   : FormatIsoDate(rule.effective),
                         rule.title);
    }
    WriteOutput(options.output, out);
    return kExitOk;
  }
  const policy::StandardRule* rule = standard->FindRule(options.rule);
  if (rule == nullptr) {
    const auto ids = standard->RuleIds();
    throw UsageError(fmt::format("standard {} has no rule '{}' \u2014 {}", standard->id,
                                 options.rule, SuggestionHint(options.rule, ids)));
  }
  WriteOutput(options.output, json ? JsonText(policy::ExplanationDocument(*standard, {rule}))
                                   : policy::ExplainRule(*standard, *rule));
  return kExitOk;
}

}  // namespace

CommandRunner SetupExplain(CLI::App& command) {
  auto options = std::make_shared<ExplainOptions>();
  command.add_option("rule", options->rule, "Rule id (omit to list the standard's rules)");
  command.add_option("-s,--standard", options->standard, "Standard file (redoubt/standard@1)")
      ->required();
  AddFormatOption(command, options->format);
  command.add_option("-o,--output", options->output, "Write the result here instead of stdout");
  command.footer(
      "JSON output is a redoubt/explanation@1 document: the standard and each rule explained\n"
      "(one rule with RULE_ID, every rule without).\n"
      "Example: redoubt explain gb-ran-cap --standard data/standards/gb.yaml");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
