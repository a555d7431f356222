// forbid: no element in service matches the selector.
//
//   forbid: {untrusted: true, domain: [core, management]}
//
// One finding per matching element, with the values that made it match.
// O(elements) after O(vendors + sites + kinds) to bind the selector.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "policy/matcher.hpp"
#include "policy/rules/rule_kinds.hpp"
#include "policy/rules/rule_support.hpp"

namespace redoubt::policy {

namespace {

class ForbidRule : public RuleBody {
 public:
  explicit ForbidRule(Selector match) : match_(std::move(match)) {}

  [[nodiscard]] std::string_view Kind() const override { return "forbid"; }

  [[nodiscard]] std::optional<std::string> Unreachable(const Selector* untrusted) const override {
    if (auto reason = Unsatisfiable(Expand(match_, untrusted), match_.subject)) {
      return "its selector can never match: " + *reason;
    }
    return std::nullopt;
  }

  [[nodiscard]] std::vector<const Selector*> Selectors() const override { return {&match_}; }

  void Evaluate(const RuleContext& context, RuleOutput& output) const override {
    const Network& network = context.network;
    const ElementMatcher matcher(match_, network, context.untrusted);
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      if (!context.InService(element) || !matcher.Matches(element)) continue;
      Finding finding = context.NewFinding(Kind());
      const Element& record = network.elements[element];
      finding.subject = context.ElementId(element);
      finding.elements.push_back(finding.subject);
      if (record.site != kNone) {
        finding.sites.emplace_back(network.Str(network.sites[record.site].id));
      }
      finding.vendors.emplace_back(network.Str(network.vendors[record.vendor].id));
      finding.evidence = rules::MatchEvidence(context, match_, element);
      finding.message = fmt::format("{} is forbidden: {}", context.ElementLabel(element),
                                    fmt::join(finding.evidence, "; "));
      output.findings.push_back(std::move(finding));
    }
  }

  [[nodiscard]] std::string Describe() const override {
    return fmt::format("No element in service may match: {}.", policy::Describe(match_));
  }

  [[nodiscard]] std::string DefaultRemedy() const override {
    return "remove the element, or replace it with equipment the rule allows";
  }

 private:
  Selector match_;
};

}  // namespace

std::unique_ptr<RuleBody> ParseForbidRule(const Node& node, RuleParseContext& context) {
  auto selector = ParseSelector(node, SelectorSubject::kElement, true,
                                fmt::format("'forbid' of rule '{}'", context.rule_id),
                                context.source, context.diagnostics);
  if (!selector) return nullptr;
  if (selector->Empty()) {
    context.diagnostics.Error(context.source.LocationOf(node.offset),
                              fmt::format("'forbid' of rule '{}' is empty and would forbid every "
                                          "element",
                                          context.rule_id),
                              "say what is forbidden, e.g. {untrusted: true, domain: core}");
    return nullptr;
  }
  return std::make_unique<ForbidRule>(std::move(*selector));
}

}  // namespace redoubt::policy
