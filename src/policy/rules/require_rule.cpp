// require: every element of a scope has an attribute.
//
//   require: {scope: {domain: core}, attribute: certifications, includes: nesas}
//   require: {scope: {domain: core}, attribute: vendor.certifications,
//             includes: trustworthiness-declaration}
//   require: {scope: {domain: [core, management]}, attribute: vendor.risk,
//             among: [low, medium, high]}
//
// Without `includes` or `among` the attribute must have a value. `includes`
// (set attributes: certifications, vendor.certifications) needs every listed
// value; `among` needs the value to be one of the list (for a set, one of its
// values). One finding per element that falls short, saying what it lacks and
// what it has. O(elements).
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/node_reader.hpp"
#include "policy/matcher.hpp"
#include "policy/rules/rule_kinds.hpp"
#include "policy/rules/rule_support.hpp"

namespace redoubt::policy {

namespace {

enum class Mode : std::uint8_t { kPresent, kIncludes, kAmong };

class RequireRule : public RuleBody {
 public:
  // `checks`: one clause per condition (a kExists, one kIn per included value,
  // or one kIn over the `among` list), all of which must hold.
  RequireRule(Selector scope, Attribute attribute, Mode mode, std::vector<Clause> checks)
      : scope_(std::move(scope)), attribute_(attribute), mode_(mode), checks_(std::move(checks)) {}

  [[nodiscard]] std::string_view Kind() const override { return "require"; }

  [[nodiscard]] std::optional<std::string> Unreachable(const Selector* untrusted) const override {
    const std::vector<Clause> scope = Expand(scope_, untrusted);
    if (auto reason = Unsatisfiable(scope, scope_.subject)) {
      return "its scope can never match: " + *reason;
    }
    // A scope that already demands what the rule requires can never fall short.
    for (const Clause& check : checks_) {
      const bool implied = std::any_of(scope.begin(), scope.end(), [&](const Clause& clause) {
        if (clause.attribute != attribute_) return false;
        if (mode_ == Mode::kPresent) {
          return clause.op == Op::kIn || (clause.op == Op::kExists && clause.flag) ||
                 clause.op == Op::kLt || clause.op == Op::kLe || clause.op == Op::kGt ||
                 clause.op == Op::kGe;
        }
        if (clause.op != Op::kIn) return false;
        if (mode_ == Mode::kIncludes) return clause.texts.size() == 1 && clause.texts == check.texts;
        return std::all_of(clause.texts.begin(), clause.texts.end(), [&](const std::string& text) {
          return std::find(check.texts.begin(), check.texts.end(), text) != check.texts.end();
        });
      });
      if (!implied) return std::nullopt;
    }
    return "its scope already requires what the rule asks, so no element can fall short";
  }

  [[nodiscard]] std::vector<const Selector*> Selectors() const override { return {&scope_}; }

  void Evaluate(const RuleContext& context, RuleOutput& output) const override {
    const Network& network = context.network;
    const ElementMatcher scope(scope_, network, context.untrusted);
    const std::string_view name = AttributeName(SelectorSubject::kElement, attribute_);
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      if (!context.InService(element) || !scope.Matches(element)) continue;
      std::vector<std::string> missing;
      for (const Clause& check : checks_) {
        if (!ElementSatisfies(network, element, check, context.untrusted)) {
          missing.push_back(mode_ == Mode::kPresent ? std::string("a value")
                                                    : fmt::format("{}", fmt::join(check.texts, " or ")));
        }
      }
      if (missing.empty()) continue;
      const Element& record = network.elements[element];
      Finding finding = context.NewFinding(Kind());
      finding.subject = context.ElementId(element);
      finding.elements.push_back(finding.subject);
      if (record.site != kNone) finding.sites.emplace_back(network.Str(network.sites[record.site].id));
      finding.vendors.emplace_back(network.Str(network.vendors[record.vendor].id));
      const std::string has = ElementValue(network, element, attribute_);
      finding.evidence.push_back(fmt::format("{} {}", name, has));
      const std::string wanted = mode_ == Mode::kPresent  ? std::string("has no value")
                                 : mode_ == Mode::kAmong ? fmt::format("is not one of {}", missing[0])
                                                         : fmt::format("lacks {}", fmt::join(missing, ", "));
      finding.message = fmt::format("{}: {} {} (has: {})", context.ElementLabel(element), name,
                                    wanted, has);
      output.findings.push_back(std::move(finding));
    }
  }

  [[nodiscard]] std::string Describe() const override {
    const std::string_view name = AttributeName(SelectorSubject::kElement, attribute_);
    std::string what;
    switch (mode_) {
      case Mode::kPresent:
        what = fmt::format("must have a {}", name);
        break;
      case Mode::kIncludes: {
        std::vector<std::string> values;
        for (const Clause& check : checks_) values.push_back(check.texts[0]);
        what = fmt::format("must have {} including {}", name, fmt::join(values, " and "));
        break;
      }
      case Mode::kAmong:
        what = fmt::format("must have a {} among {}", name, fmt::join(checks_[0].texts, ", "));
        break;
    }
    if (scope_.Empty()) return fmt::format("Every element in service {}.", what);
    return fmt::format("Every element in service where {} {}.", policy::Describe(scope_), what);
  }

  [[nodiscard]] std::string DefaultRemedy() const override {
    return fmt::format("obtain and record the required {}, or replace the element",
                       AttributeName(SelectorSubject::kElement, attribute_));
  }

 private:
  Selector scope_;
  Attribute attribute_;
  Mode mode_;
  std::vector<Clause> checks_;
};

}  // namespace

std::unique_ptr<RuleBody> ParseRequireRule(const Node& node, RuleParseContext& context) {
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  MapReader reader(node, context.source, context.diagnostics, "require",
                   {"scope", "attribute", "includes", "among"});
  if (!reader.ok()) return nullptr;
  auto scope = rules::ReadSelector(reader, "scope", Need::kOptional, SelectorSubject::kElement,
                                   context);
  auto name = reader.String("attribute", Need::kRequired);
  // Written as a flag and a value (not an optional) to keep GCC's flow analysis quiet.
  bool known = false;
  Attribute attribute_value = Attribute::kElementId;
  if (name) {
    const auto found = FindAttribute(SelectorSubject::kElement, *name);
    if (found && *found != Attribute::kUntrusted) {
      known = true;
      attribute_value = *found;
    } else {
      auto names = AttributeNames(SelectorSubject::kElement);
      names.erase(std::remove(names.begin(), names.end(), std::string_view("untrusted")), names.end());
      reader.Error(*reader.Get("attribute"),
                   fmt::format("unknown element attribute '{}' in 'require' of rule '{}'", *name,
                               context.rule_id),
                   SuggestionHint(*name, names));
    }
  }
  const Node* includes = reader.Get("includes");
  const Node* among = reader.Get("among");
  if (includes != nullptr && among != nullptr) {
    reader.Error(*among, "'require' takes 'includes' or 'among', not both",
                 "use 'includes' for values a set must hold, 'among' for allowed values");
  }
  std::vector<Clause> checks;
  Mode mode = Mode::kPresent;
  if (known && (includes != nullptr || among != nullptr)) {
    const Node& values = includes != nullptr ? *includes : *among;
    mode = includes != nullptr ? Mode::kIncludes : Mode::kAmong;
    if (mode == Mode::kIncludes && Info(attribute_value).type != ValueType::kTextSet) {
      reader.Error(values,
                   fmt::format("'includes' needs a set attribute such as certifications; '{}' "
                               "holds one value",
                               *name),
                   "use 'among: [...]' to allow a list of values");
    } else {
      // Read the values as a selector clause {attribute: values}, so they are
      // checked exactly like a selector's (enum names, dates, kinds).
      Node map;
      map.type = Node::Type::kMap;
      map.offset = values.offset;
      map.fields.push_back(Field{*name, values.offset, values});
      auto parsed = ParseSelector(map, SelectorSubject::kElement, false,
                                  fmt::format("'require' of rule '{}'", context.rule_id),
                                  context.source, context.diagnostics);
      if (parsed && !parsed->clauses.empty()) {
        const Clause& read = parsed->clauses.front();
        if (read.op != Op::kIn) {
          reader.Error(values, "'includes' and 'among' take a value or a list of values",
                       "write includes: nesas or among: [low, medium]");
        } else if (mode == Mode::kIncludes) {
          for (const std::string& text : read.texts) {
            Clause one = read;
            one.texts = {text};
            checks.push_back(std::move(one));
          }
        } else {
          checks.push_back(read);
        }
      }
    }
  } else if (known) {
    Clause present;
    present.attribute = attribute_value;
    present.op = Op::kExists;
    present.flag = true;
    present.location = reader.LocationOfKey("attribute");
    checks.push_back(std::move(present));
  }
  if (context.diagnostics.ErrorCount() != errors_before || !scope || !known || checks.empty()) {
    return nullptr;
  }
  return std::make_unique<RequireRule>(std::move(*scope), attribute_value, mode, std::move(checks));
}

}  // namespace redoubt::policy
