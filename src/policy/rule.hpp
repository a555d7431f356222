// The interface every rule kind implements, and what a rule sees while it is
// evaluated. Rule kinds live in policy/rules/, one file each, and are listed
// in rule_registry.cpp (one line per kind).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source.hpp"
#include "core/text.hpp"
#include "io/document.hpp"
#include "model/network.hpp"
#include "policy/finding.hpp"
#include "policy/selector.hpp"

namespace redoubt::policy {

class ServiceEvaluator;
struct StandardRule;

// Everything a rule reads while it is evaluated against one network.
struct RuleContext {
  const Network& network;
  const StandardRule& rule;
  std::size_t rule_index;
  std::span<const std::uint8_t> untrusted;  // one per element
  const Selector* untrusted_definition = nullptr;  // the standard's, for evidence
  Days as_of = kNoDate;                     // kNoDate: every element counts
  const ServiceEvaluator* services = nullptr;

  // Whether an element is in service on `as_of`: installed on or before it and
  // not yet retired. Elements that are not in service are invisible to rules.
  [[nodiscard]] bool InService(ElementIndex element) const {
    return network.elements[element].InServiceOn(as_of);
  }
  // A finding with the rule's id, kind, severity, remedy and due date filled in.
  [[nodiscard]] Finding NewFinding(std::string_view kind) const;
  [[nodiscard]] std::string ElementId(ElementIndex element) const {
    return std::string(network.ElementId(element));
  }
  // "lon-amf-1 (amf, ericsson, site lon-dc1)"
  [[nodiscard]] std::string ElementLabel(ElementIndex element) const;
};

struct RuleOutput {
  std::vector<Finding> findings;
  std::vector<Unassessed> unassessed;
  bool evaluated = true;  // false: the rule could not be judged (see note)
  std::string note;
};

// The body of a rule: its kind and parameters.
class RuleBody {
 public:
  virtual ~RuleBody() = default;
  [[nodiscard]] virtual std::string_view Kind() const = 0;
  // Why the rule can never produce a finding (its selectors cannot match, its
  // bound can never be crossed), or nullopt. `untrusted` is the standard's
  // definition (nullptr when it has none).
  [[nodiscard]] virtual std::optional<std::string> Unreachable(const Selector* untrusted) const = 0;
  // The selectors it holds, for checks that need them all (untrusted used,
  // values unknown to the loaded networks).
  [[nodiscard]] virtual std::vector<const Selector*> Selectors() const = 0;
  // Appends findings; O(elements) for every kind but `near` (O(elements +
  // matches near the sites)) and `service` (the evaluator's cost).
  virtual void Evaluate(const RuleContext& context, RuleOutput& output) const = 0;
  // The rule in words, one or two sentences.
  [[nodiscard]] virtual std::string Describe() const = 0;
  [[nodiscard]] virtual std::string DefaultRemedy() const = 0;
};

// Reads the value of a rule's kind key (e.g. the map under `cap:`).
struct RuleParseContext {
  const SourceFile& source;
  Diagnostics& diagnostics;
  std::string rule_id;
};
using RuleParser = std::unique_ptr<RuleBody> (*)(const Node& node, RuleParseContext& context);

struct RuleKind {
  std::string_view name;
  RuleParser parse;
};

// The registered kinds, in the order `redoubt explain` and hints list them.
[[nodiscard]] std::span<const RuleKind> RuleKinds();
[[nodiscard]] const RuleKind* FindRuleKind(std::string_view name);

}  // namespace redoubt::policy
