#include "policy/case_reader.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "io/node_reader.hpp"

namespace redoubt::policy {

namespace {

constexpr std::array<std::string_view, 5> kCaseKeys = {"name", "as_of", "only", "inventory",
                                                       "expect"};
constexpr std::array<std::string_view, 6> kExpectKeys = {"rule",     "elements", "sites",
                                                         "services", "vendors",  "count"};

// The rule id in `value` if the standard has it; reported otherwise.
bool KnownRule(const Standard& standard, const std::string& rule_id, const Node& at,
               const SourceFile& source, Diagnostics& diagnostics) {
  if (standard.FindRule(rule_id) != nullptr) return true;
  const auto ids = standard.RuleIds();
  diagnostics.Error(source.LocationOf(at.offset),
                    fmt::format("case names unknown rule '{}'", rule_id),
                    ids.empty() ? std::string("the standard has no rules")
                                : SuggestionHint(rule_id, ids));
  return false;
}

std::optional<CaseExpectation> ReadExpectation(const Node& node, const SourceFile& source,
                                               const Standard& standard,
                                               Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.ErrorCount();
  MapReader reader(node, source, diagnostics, "expected finding", kExpectKeys);
  if (!reader.ok()) return std::nullopt;
  CaseExpectation expectation;
  expectation.location = source.LocationOf(node.offset);
  if (auto rule = reader.String("rule", Need::kRequired)) {
    if (KnownRule(standard, *rule, *reader.Get("rule"), source, diagnostics)) {
      expectation.rule = *rule;
    }
  }
  auto ids = [&](std::string_view key) -> std::optional<std::vector<std::string>> {
    const Node* value = reader.Get(key);
    if (value == nullptr) return std::nullopt;
    if (value->IsSequence() && value->items.empty()) return std::vector<std::string>{};
    return reader.StringList(key);
  };
  expectation.elements = ids("elements");
  expectation.sites = ids("sites");
  expectation.services = ids("services");
  expectation.vendors = ids("vendors");
  if (auto count = reader.Number("count", Need::kOptional, {.min = 0, .max = 1e9, .integer = true})) {
    expectation.count = static_cast<std::size_t>(*count);
  }
  if (diagnostics.ErrorCount() != errors_before) return std::nullopt;
  return expectation;
}

}  // namespace

void ReadCases(const Node& node, const std::shared_ptr<const SourceFile>& source_ptr,
               Standard& standard, Diagnostics& diagnostics) {
  const SourceFile& source = *source_ptr;
  if (!node.IsSequence()) {
    diagnostics.Error(source.LocationOf(node.offset),
                      fmt::format("'cases' must be a list, found {}", TypeName(node.type)),
                      "write one '- name: ...' entry per case");
    return;
  }
  for (const Node& item : node.items) {
    const std::size_t errors_before = diagnostics.ErrorCount();
    MapReader reader(item, source, diagnostics, "case", kCaseKeys);
    if (!reader.ok()) continue;
    PolicyCase policy_case;
    policy_case.location = source.LocationOf(item.offset);
    policy_case.source = source_ptr;
    policy_case.name = reader.String("name", Need::kRequired).value_or("");
    for (const PolicyCase& other : standard.cases) {
      if (!policy_case.name.empty() && other.name == policy_case.name) {
        reader.Error(*reader.Get("name"), fmt::format("duplicate case name '{}'", policy_case.name),
                     fmt::format("it is already used at line {}", other.location.line));
      }
    }
    policy_case.as_of = reader.Date("as_of").value_or(kNoDate);
    if (auto only = reader.StringList("only")) {
      const Node* value = reader.Get("only");
      for (std::size_t index = 0; index < only->size(); ++index) {
        const Node& at = value->IsSequence() ? value->items[index] : *value;
        if (KnownRule(standard, (*only)[index], at, source, diagnostics)) {
          policy_case.only.push_back((*only)[index]);
        }
      }
    }
    if (const Node* inventory = reader.Get("inventory", Need::kRequired)) {
      if (!inventory->IsMap()) {
        reader.Error(*inventory,
                     fmt::format("'inventory' of a case must be a map, found {}",
                                 TypeName(inventory->type)),
                     "write it like an inventory file without 'format': {sites: [...], "
                     "elements: [...]}");
      } else {
        policy_case.inventory = *inventory;
      }
    }
    if (const Node* expect = reader.Get("expect", Need::kRequired)) {
      if (!expect->IsSequence()) {
        reader.Error(*expect,
                     fmt::format("'expect' must be a list, found {}", TypeName(expect->type)),
                     "write expect: [{rule: RULE, elements: [...]}], or expect: [] for none");
      } else {
        for (const Node& entry : expect->items) {
          auto expectation = ReadExpectation(entry, source, standard, diagnostics);
          if (!expectation) continue;
          if (!policy_case.only.empty() &&
              std::find(policy_case.only.begin(), policy_case.only.end(), expectation->rule) ==
                  policy_case.only.end()) {
            diagnostics.Error(expectation->location,
                              fmt::format("case expects a finding of rule '{}', which its 'only' "
                                          "list leaves out",
                                          expectation->rule),
                              "add the rule to 'only', or remove the expectation");
            continue;
          }
          policy_case.expect.push_back(std::move(*expectation));
        }
      }
    }
    if (diagnostics.ErrorCount() == errors_before) standard.cases.push_back(std::move(policy_case));
  }
}

}  // namespace redoubt::policy
