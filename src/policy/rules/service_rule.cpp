// service: services matching a selector meet a network property.
//
//   service: {match: {sector: [health, energy]}, trusted_disjoint_paths: 2}
//   service: {match: {classification: {ge: secret}}, trusted_paths: true}
//   service: {survives_vendor_loss: true}
//
// The properties are questions about routes, answered by a ServiceEvaluator
// (the exposure analysis). Without one the rule is reported as not evaluated,
// never as passed. One finding per service and property that falls short,
// with the evaluator's evidence (elements on the route, vendors whose loss
// cuts it off). Judged on the date like every rule kind: equipment not in
// service is not untrusted. A service already down falls short of both
// survives_* properties (analysis/service_rule_evaluator.hpp has the rules).
#include <algorithm>

#include <fmt/format.h>

#include "io/node_reader.hpp"
#include "policy/matcher.hpp"
#include "policy/rules/rule_kinds.hpp"
#include "policy/rules/rule_support.hpp"
#include "policy/service_evaluator.hpp"

namespace redoubt::policy {

namespace {

class ServiceRule : public RuleBody {
 public:
  ServiceRule(Selector match, ServiceRequirement requirement)
      : match_(std::move(match)), requirement_(requirement) {}

  [[nodiscard]] std::string_view Kind() const override { return "service"; }

  [[nodiscard]] std::optional<std::string> Unreachable(const Selector*) const override {
    if (auto reason = Unsatisfiable(match_.clauses, match_.subject)) {
      return "its 'match' can never match: " + *reason;
    }
    return std::nullopt;
  }

  [[nodiscard]] std::vector<const Selector*> Selectors() const override { return {&match_}; }

  void Evaluate(const RuleContext& context, RuleOutput& output) const override {
    if (context.services == nullptr) {
      output.evaluated = false;
      output.note = "service rules need the exposure analysis of routes; not evaluated";
      return;
    }
    const Network& network = context.network;
    const ServiceMatcher match(match_, network);
    std::vector<ServiceIndex> selected;
    for (ServiceIndex service = 0; service < network.services.size(); ++service) {
      if (match.Matches(service)) selected.push_back(service);
    }
    if (selected.empty()) return;
    for (const ServiceShortfall& shortfall :
         context.services->Evaluate(network, selected, requirement_, context.untrusted,
                                    context.as_of)) {
      Finding finding = context.NewFinding(Kind());
      const std::string service(network.Str(network.services[shortfall.service].id));
      finding.subject = service + "/" + shortfall.property;
      finding.services.push_back(service);
      for (ElementIndex element : shortfall.elements) {
        finding.elements.push_back(context.ElementId(element));
      }
      for (VendorIndex vendor : shortfall.vendors) {
        finding.vendors.emplace_back(network.Str(network.vendors[vendor].id));
      }
      finding.measure = Measure{shortfall.property, shortfall.measured, shortfall.required,
                                shortfall.relation, shortfall.unit};
      finding.message = fmt::format("service {}: {}", service, shortfall.detail);
      output.findings.push_back(std::move(finding));
    }
  }

  [[nodiscard]] std::string Describe() const override {
    std::vector<std::string> parts;
    if (requirement_.disjoint_paths > 0) {
      parts.push_back(fmt::format("keep {} node-disjoint paths to each core function it needs",
                                  requirement_.disjoint_paths));
    }
    if (requirement_.trusted_disjoint_paths > 0) {
      parts.push_back(fmt::format(
          "keep {} node-disjoint paths through trusted equipment only to each core function it needs",
          requirement_.trusted_disjoint_paths));
    }
    if (requirement_.trusted_paths) {
      parts.push_back("route its traffic through no untrusted equipment");
    }
    if (requirement_.survives_untrusted_loss) {
      parts.push_back("stay up when every untrusted element is switched off");
    }
    if (requirement_.survives_vendor_loss) {
      parts.push_back("stay up when any one vendor's equipment is switched off");
    }
    std::string joined;
    for (std::size_t index = 0; index < parts.size(); ++index) {
      if (index > 0) joined += index + 1 == parts.size() ? ", and " : ", ";
      joined += parts[index];
    }
    return fmt::format("Every service where {} must {}.", policy::Describe(match_), joined);
  }

  [[nodiscard]] std::string DefaultRemedy() const override {
    return "add trusted, disjoint routes for the service or replace the equipment on its route";
  }

 private:
  Selector match_;
  ServiceRequirement requirement_;
};

}  // namespace

std::unique_ptr<RuleBody> ParseServiceRule(const Node& node, RuleParseContext& context) {
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  MapReader reader(node, context.source, context.diagnostics, "service",
                   {"match", "disjoint_paths", "trusted_disjoint_paths", "trusted_paths",
                    "survives_untrusted_loss", "survives_vendor_loss"});
  if (!reader.ok()) return nullptr;
  auto match = rules::ReadSelector(reader, "match", Need::kOptional, SelectorSubject::kService,
                                   context);
  ServiceRequirement requirement;
  const NumberBounds paths{.min = 1, .max = 64, .integer = true};
  if (auto value = reader.Number("disjoint_paths", Need::kOptional, paths)) {
    requirement.disjoint_paths = static_cast<std::uint32_t>(*value);
  }
  if (auto value = reader.Number("trusted_disjoint_paths", Need::kOptional, paths)) {
    requirement.trusted_disjoint_paths = static_cast<std::uint32_t>(*value);
  }
  requirement.trusted_paths = reader.Bool("trusted_paths").value_or(false);
  requirement.survives_untrusted_loss = reader.Bool("survives_untrusted_loss").value_or(false);
  requirement.survives_vendor_loss = reader.Bool("survives_vendor_loss").value_or(false);
  if (requirement.disjoint_paths == 0 && requirement.trusted_disjoint_paths == 0 &&
      !requirement.trusted_paths && !requirement.survives_untrusted_loss &&
      !requirement.survives_vendor_loss && context.diagnostics.ErrorCount() == errors_before) {
    context.diagnostics.Error(
        context.source.LocationOf(node.offset),
        fmt::format("'service' of rule '{}' asks for nothing", context.rule_id),
        "give one of disjoint_paths, trusted_disjoint_paths, trusted_paths: true, "
        "survives_untrusted_loss: true, survives_vendor_loss: true");
  }
  if (context.diagnostics.ErrorCount() != errors_before || !match) return nullptr;
  return std::make_unique<ServiceRule>(std::move(*match), requirement);
}

}  // namespace redoubt::policy
