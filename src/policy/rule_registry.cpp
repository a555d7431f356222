// The registry of rule kinds: one line per kind.
#include <algorithm>
#include <array>

#include "policy/rule.hpp"
#include "policy/rules/rule_kinds.hpp"
#include "policy/standard.hpp"

#include <fmt/format.h>

namespace redoubt::policy {

namespace {
constexpr std::array<RuleKind, 6> kKinds = {{
    {"forbid", ParseForbidRule},
    {"cap", ParseCapRule},
    {"near", ParseNearRule},
    {"diversity", ParseDiversityRule},
    {"require", ParseRequireRule},
    {"service", ParseServiceRule},
}};
}  // namespace

std::span<const RuleKind> RuleKinds() { return kKinds; }

const RuleKind* FindRuleKind(std::string_view name) {
  for (const RuleKind& kind : kKinds) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

Finding RuleContext::NewFinding(std::string_view kind) const {
  Finding finding;
  finding.rule = rule_index;
  finding.rule_id = rule.id;
  finding.kind = std::string(kind);
  finding.severity = rule.severity;
  finding.network = network.info.id;
  finding.remedy = rule.Remedy();
  finding.due = rule.effective;
  return finding;
}

std::string RuleContext::ElementLabel(ElementIndex element) const {
  const Element& record = network.elements[element];
  std::string label = fmt::format("{} ({}, {}", network.ElementId(element),
                                  network.kinds[record.kind].name,
                                  network.Str(network.vendors[record.vendor].id));
  if (record.site != kNone) label += fmt::format(", site {}", network.Str(network.sites[record.site].id));
  return label + ")";
}

const StandardRule* Standard::FindRule(std::string_view rule_id) const {
  for (const StandardRule& rule : rules) {
    if (rule.id == rule_id) return &rule;
  }
  return nullptr;
}

std::optional<std::size_t> Standard::RuleIndex(std::string_view rule_id) const {
  for (std::size_t index = 0; index < rules.size(); ++index) {
    if (rules[index].id == rule_id) return index;
  }
  return std::nullopt;
}

std::vector<std::string_view> Standard::RuleIds() const {
  std::vector<std::string_view> ids;
  for (const StandardRule& rule : rules) ids.push_back(rule.id);
  return ids;
}

}  // namespace redoubt::policy
