#include "policy/explain.hpp"

#include <fmt/format.h>

namespace redoubt::policy {

namespace {

std::string Binds(const StandardRule& rule) {
  if (rule.effective == kNoDate && rule.expires == kNoDate) return "always";
  if (rule.expires == kNoDate) return fmt::format("from {}", FormatIsoDate(rule.effective));
  if (rule.effective == kNoDate) return fmt::format("until {}", FormatIsoDate(rule.expires));
  return fmt::format("from {} until {}", FormatIsoDate(rule.effective),
                     FormatIsoDate(rule.expires));
}

void Line(std::string& out, std::string_view label, std::string_view text) {
  if (text.empty()) return;
  out += fmt::format("  {:<11}{}\n", label.empty() ? std::string() : std::string(label) + ":", text);
}

}  // namespace

std::string ExplainRule(const Standard& standard, const StandardRule& rule) {
  std::string out = rule.id;
  if (!rule.title.empty()) out += " \u2014 " + rule.title;
  out += "\n";
  Line(out, "standard",
       fmt::format("{}{} ({}:{})", rule.standard_id,
                   rule.standard_id == standard.id || standard.title.empty() ? ""
                                                                             : ", inherited by " + standard.id,
                   rule.location.file, rule.location.line));
  Line(out, "kind", rule.Kind());
  Line(out, "severity", Name(rule.severity));
  Line(out, "binds", Binds(rule));
  Line(out, "rule", rule.body->Describe());
  const auto selectors = rule.body->Selectors();
  bool uses_untrusted = false;
  for (const Selector* selector : selectors) uses_untrusted = uses_untrusted || selector->UsesUntrusted();
  if (uses_untrusted && standard.untrusted) {
    Line(out, "untrusted",
         fmt::format("an element is untrusted when {} (as {} defines it)",
                     Describe(*standard.untrusted), standard.untrusted_defined_in));
  }
  Line(out, "rationale", rule.rationale);
  Line(out, "source", rule.source);
  Line(out, "remedy", rule.Remedy());
  if (rule.replaces) {
    Line(out, "overrides",
         fmt::format("the rule of the same id at {}:{}", rule.replaces->file, rule.replaces->line));
  }
  std::vector<std::string> cases;
  for (const PolicyCase& policy_case : standard.cases) {
    for (const CaseExpectation& expectation : policy_case.expect) {
      if (expectation.rule == rule.id) {
        cases.push_back(fmt::format("\"{}\" (line {})", policy_case.name, policy_case.location.line));
        break;
      }
    }
  }
  if (!cases.empty()) {
    Line(out, "tested by", cases.front());
    for (std::size_t index = 1; index < cases.size(); ++index) Line(out, "", cases[index]);
  }
  return out;
}

}  // namespace redoubt::policy
