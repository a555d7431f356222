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

Explanation Explain(const Standard& standard, const StandardRule& rule) {
  Explanation out;
  out.id = rule.id;
  out.title = rule.title;
  out.standard = rule.standard_id;
  if (rule.standard_id != standard.id) out.inherited_by = standard.id;
  out.defined_at = fmt::format("{}:{}", rule.location.file, rule.location.line);
  out.kind = std::string(rule.Kind());
  out.severity = std::string(Name(rule.severity));
  out.binds = Binds(rule);
  out.rule = rule.body->Describe();
  bool uses_untrusted = false;
  for (const Selector* selector : rule.body->Selectors()) {
    uses_untrusted = uses_untrusted || selector->UsesUntrusted();
  }
  if (uses_untrusted && standard.untrusted) {
    out.untrusted = fmt::format("an element is untrusted when {} (as {} defines it)",
                                Describe(*standard.untrusted), standard.untrusted_defined_in);
  }
  out.rationale = rule.rationale;
  out.source = rule.source;
  out.remedy = rule.Remedy();
  if (rule.replaces) out.overrides = fmt::format("{}:{}", rule.replaces->file, rule.replaces->line);
  for (const PolicyCase& policy_case : standard.cases) {
    for (const CaseExpectation& expectation : policy_case.expect) {
      if (expectation.rule == rule.id) {
        out.tested_by.push_back(
            fmt::format("\"{}\" (line {})", policy_case.name, policy_case.location.line));
        break;
      }
    }
  }
  return out;
}

std::string ExplainRule(const Standard& standard, const StandardRule& rule) {
  const Explanation explanation = Explain(standard, rule);
  std::string out = explanation.id;
  if (!explanation.title.empty()) out += " \u2014 " + explanation.title;
  out += "\n";
  Line(out, "standard",
       fmt::format("{}{} ({})", explanation.standard,
                   explanation.inherited_by.empty() || standard.title.empty()
                       ? ""
                       : ", inherited by " + explanation.inherited_by,
                   explanation.defined_at));
  Line(out, "kind", explanation.kind);
  Line(out, "severity", explanation.severity);
  Line(out, "binds", explanation.binds);
  Line(out, "rule", explanation.rule);
  Line(out, "untrusted", explanation.untrusted);
  Line(out, "rationale", explanation.rationale);
  Line(out, "source", explanation.source);
  Line(out, "remedy", explanation.remedy);
  if (!explanation.overrides.empty()) {
    Line(out, "overrides", "the rule of the same id at " + explanation.overrides);
  }
  for (std::size_t index = 0; index < explanation.tested_by.size(); ++index) {
    Line(out, index == 0 ? "tested by" : "", explanation.tested_by[index]);
  }
  return out;
}

nlohmann::ordered_json ExplanationDocument(const Standard& standard,
                                           const std::vector<const StandardRule*>& rules) {
  using Json = nlohmann::ordered_json;
  auto date = [](Days days) { return days == kNoDate ? Json(nullptr) : Json(FormatIsoDate(days)); };
  auto text = [](const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); };
  std::vector<const StandardRule*> chosen = rules;
  if (chosen.empty()) {
    for (const StandardRule& rule : standard.rules) chosen.push_back(&rule);
  }
  Json list = Json::array();
  for (const StandardRule* rule : chosen) {
    const Explanation explanation = Explain(standard, *rule);
    list.push_back({{"id", explanation.id},
                    {"title", explanation.title},
                    {"standard", explanation.standard},
                    {"inherited_by", text(explanation.inherited_by)},
                    {"defined_at", explanation.defined_at},
                    {"kind", explanation.kind},
                    {"severity", explanation.severity},
                    {"effective", date(rule->effective)},
                    {"expires", date(rule->expires)},
                    {"binds", explanation.binds},
                    {"rule", explanation.rule},
                    {"untrusted", text(explanation.untrusted)},
                    {"rationale", text(explanation.rationale)},
                    {"source", text(explanation.source)},
                    {"remedy", explanation.remedy},
                    {"overrides", text(explanation.overrides)},
                    {"tested_by", explanation.tested_by}});
  }
  return Json{{"format", "redoubt/explanation@1"},
              {"standard", {{"id", standard.id}, {"title", standard.title}, {"files", standard.chain}}},
              {"rules", std::move(list)}};
}

}  // namespace redoubt::policy
