#include "policy/standard_reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "io/node_reader.hpp"
#include "policy/case_reader.hpp"

namespace redoubt::policy {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kFormat = "redoubt/standard@1";
constexpr std::array<std::string_view, 8> kTopKeys = {
    "format", "id", "title", "description", "extends", "untrusted", "rules", "cases"};
constexpr std::array<std::string_view, 9> kRuleFields = {
    "id",     "title",     "severity", "rationale", "source",
    "remedy", "effective", "expires",  "override"};

std::vector<std::string_view> RuleKeys() {
  std::vector<std::string_view> keys(kRuleFields.begin(), kRuleFields.end());
  for (const RuleKind& kind : RuleKinds()) keys.push_back(kind.name);
  return keys;
}

// Text as written, without the line break a folded YAML block ends with.
std::string Trimmed(std::optional<std::string> text) {
  if (!text) return {};
  while (!text->empty() && std::isspace(static_cast<unsigned char>(text->back()))) text->pop_back();
  return std::move(*text);
}

bool IsRuleId(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.';
  });
}

std::string LineOf(const Location& location, const std::string& here) {
  if (location.file == here) return fmt::format("line {}", location.line);
  return fmt::format("{}:{}", location.file, location.line);
}

class StandardReader {
 public:
  explicit StandardReader(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // nullopt when the file had errors (reported).
  std::optional<Standard> Load(std::shared_ptr<const SourceFile> source) {
    stack_.push_back(Canonical(source->name()));
    auto standard = Read(std::move(source));
    stack_.pop_back();
    return standard;
  }

 private:
  static std::string Canonical(const std::string& path) {
    std::error_code error;
    const fs::path canonical = fs::weakly_canonical(path, error);
    return error ? path : canonical.string();
  }

  std::optional<Standard> Read(std::shared_ptr<const SourceFile> source_ptr) {
    const SourceFile& source = *source_ptr;
    const std::size_t errors_before = diagnostics_.ErrorCount();
    auto tree = ParseTree(source, diagnostics_);
    if (!tree) return std::nullopt;
    if (tree->type == Node::Type::kNull) {
      diagnostics_.Error(Location{source.name(), 1, 1}, "the file is empty",
                         fmt::format("a standard starts with 'format: {}'", kFormat));
      return std::nullopt;
    }
    MapReader top(*tree, source, diagnostics_, "standard", kTopKeys);
    if (!top.ok()) return std::nullopt;
    CheckFormat(top.Get("format"), tree->offset, kFormat, source, diagnostics_);
    Standard standard;
    standard.file = source.name();
    standard.id = top.String("id", Need::kRequired).value_or("");
    standard.title = Trimmed(top.String("title"));
    standard.description = Trimmed(top.String("description"));

    // The base standard, if any: its rules come first.
    bool base_failed = false;
    if (auto extends = top.String("extends")) {
      auto base = LoadBase(*extends, *top.Get("extends"), source);
      if (base) {
        standard.chain = std::move(base->chain);
        standard.untrusted = std::move(base->untrusted);
        standard.untrusted_defined_in = std::move(base->untrusted_defined_in);
        standard.rules = std::move(base->rules);
      } else {
        base_failed = true;
      }
    }
    standard.chain.push_back(source.name());
    std::optional<Location> untrusted_location;
    if (const Node* untrusted = top.Get("untrusted")) {
      auto selector = ParseSelector(*untrusted, SelectorSubject::kElement, false,
                                    "the definition of 'untrusted'", source, diagnostics_);
      if (selector) {
        if (auto reason = Unsatisfiable(selector->clauses, SelectorSubject::kElement)) {
          top.Error(*untrusted, "the definition of 'untrusted' can never match: " + *reason,
                    "rules about untrusted equipment could never fire; fix the definition");
        } else if (selector->Empty()) {
          top.Error(*untrusted, "the definition of 'untrusted' is empty: every element would be "
                                "untrusted",
                    "define it by vendor attributes, e.g. {vendor.risk: high}");
        }
        standard.untrusted = std::move(selector);
        standard.untrusted_defined_in = standard.id;
        untrusted_location = source.LocationOf(untrusted->offset);
      }
    }

    if (const Node* rules = top.Get("rules", Need::kRequired)) ReadRules(*rules, source, standard);
    if (standard.rules.empty() && top.Get("rules") != nullptr && !base_failed &&
        diagnostics_.ErrorCount() == errors_before) {
      top.Error(*top.Get("rules"), "the standard has no rules", "add rules under 'rules:'");
    }
    // Checks of the whole would mostly echo the errors already reported.
    if (!base_failed && diagnostics_.ErrorCount() == errors_before) {
      CheckRules(standard, untrusted_location);
    }
    if (const Node* cases = top.Get("cases")) {
      ReadCases(*cases, source_ptr, standard, diagnostics_);
    }
    if (base_failed || diagnostics_.ErrorCount() != errors_before) return std::nullopt;
    return standard;
  }

  std::optional<Standard> LoadBase(const std::string& extends, const Node& at,
                                   const SourceFile& source) {
    const Location where = source.LocationOf(at.offset);
    const fs::path folder = fs::path(source.name()).parent_path();
    fs::path path = folder / extends;
    std::error_code error;
    if (!fs::exists(path, error) && extends.find('/') == std::string::npos &&
        fs::exists(DataPath("standards/" + extends), error)) {
      path = DataPath("standards/" + extends);
    }
    path = path.lexically_normal();
    const std::string canonical = Canonical(path.string());
    if (std::find(stack_.begin(), stack_.end(), canonical) != stack_.end()) {
      std::vector<std::string> names;
      for (const std::string& entry : stack_) names.push_back(fs::path(entry).filename().string());
      names.push_back(fs::path(canonical).filename().string());
      diagnostics_.Error(where, fmt::format("'extends' makes a cycle: {}", fmt::join(names, " -> ")),
                         "a standard cannot extend itself, directly or through others");
      return std::nullopt;
    }
    std::shared_ptr<SourceFile> base_source;
    try {
      base_source = std::make_shared<SourceFile>(SourceFile::Read(path.string()));
    } catch (const IoError& failure) {
      diagnostics_.Error(where,
                         fmt::format("cannot read the base standard '{}': {}", extends,
                                     failure.what()),
                         "'extends' is relative to this file's folder; a bare file name is also "
                         "looked up in the bundled data/standards/");
      return std::nullopt;
    }
    stack_.push_back(canonical);
    auto base = Read(std::move(base_source));
    stack_.pop_back();
    return base;
  }

  void ReadRules(const Node& node, const SourceFile& source, Standard& standard) {
    if (!node.IsSequence()) {
      diagnostics_.Error(source.LocationOf(node.offset),
                         fmt::format("'rules' must be a list, found {}", TypeName(node.type)),
                         "write one '- id: ...' entry per rule");
      return;
    }
    const std::size_t inherited = standard.rules.size();
    std::vector<std::pair<std::string, std::uint32_t>> seen_here;
    for (const Node& item : node.items) {
      auto read = ReadRule(item, source, standard);
      if (!read) continue;
      std::optional<StandardRule> rule = std::move(read->rule);
      // A repeated id within this file (overrides included).
      auto mine = std::find_if(seen_here.begin(), seen_here.end(),
                               [&](const auto& entry) { return entry.first == rule->id; });
      if (mine != seen_here.end()) {
        diagnostics_.Error(rule->location, fmt::format("duplicate rule id '{}'", rule->id),
                           fmt::format("it is already defined at line {}", mine->second));
        continue;
      }
      seen_here.emplace_back(rule->id, rule->location.line);
      auto base = std::find_if(standard.rules.begin(),
                               standard.rules.begin() + static_cast<std::ptrdiff_t>(inherited),
                               [&](const StandardRule& other) { return other.id == rule->id; });
      const bool overrides = read->overrides;
      if (base != standard.rules.begin() + static_cast<std::ptrdiff_t>(inherited)) {
        if (!overrides) {
          diagnostics_.Error(rule->location,
                             fmt::format("rule '{}' is already defined in {}", rule->id,
                                         LineOf(base->location, source.name())),
                             "add 'override: true' to replace the inherited rule, or choose "
                             "another id");
          continue;
        }
        rule->replaces = base->location;
        *base = std::move(*rule);
        continue;
      }
      if (overrides) {
        std::vector<std::string_view> inherited_ids;
        for (std::size_t index = 0; index < inherited; ++index) {
          inherited_ids.push_back(standard.rules[index].id);
        }
        auto match = ClosestMatch(rule->id, inherited_ids);
        diagnostics_.Error(read->override_location,
                           fmt::format("rule '{}' has 'override: true' but overrides no inherited "
                                       "rule",
                                       rule->id),
                           match ? fmt::format("did you mean '{}'?", *match)
                                 : std::string("remove 'override: true', or extend the standard "
                                               "that defines the rule"));
        continue;
      }
      standard.rules.push_back(std::move(*rule));
    }
  }

  struct ReadRuleResult {
    StandardRule rule;
    bool overrides = false;
    Location override_location;
  };

  std::optional<ReadRuleResult> ReadRule(const Node& node, const SourceFile& source,
                                         const Standard& standard) {
    const std::size_t errors_before = diagnostics_.ErrorCount();
    const auto keys = RuleKeys();
    MapReader reader(node, source, diagnostics_, "rule", keys);
    if (!reader.ok()) return std::nullopt;
    StandardRule rule;
    rule.location = source.LocationOf(node.offset);
    rule.standard_id = standard.id;
    if (auto id = reader.String("id", Need::kRequired)) {
      if (IsRuleId(*id)) {
        rule.id = *id;
      } else {
        reader.Error(*reader.Get("id"), fmt::format("rule id '{}' has characters other than "
                                                    "letters, digits, '-', '_' and '.'",
                                                    *id),
                     "use ids like gb-core or nato.multi-vendor");
      }
    }
    rule.title = Trimmed(reader.String("title"));
    if (auto severity = reader.Choice("severity", RuleSeverityNames(), Need::kRequired)) {
      rule.severity = static_cast<RuleSeverity>(*severity);
    }
    rule.rationale = Trimmed(reader.String("rationale"));
    rule.source = Trimmed(reader.String("source"));
    rule.remedy = Trimmed(reader.String("remedy"));
    rule.effective = reader.Date("effective").value_or(kNoDate);
    rule.expires = reader.Date("expires").value_or(kNoDate);
    const bool overrides = reader.Bool("override").value_or(false);
    const Location override_location = reader.LocationOfKey("override");
    if (rule.effective != kNoDate && rule.expires != kNoDate && rule.expires <= rule.effective) {
      reader.Error(*reader.Get("expires"),
                   fmt::format("rule '{}' never binds: it expires ({}) on or before it takes "
                               "effect ({})",
                               rule.id, FormatIsoDate(rule.expires), FormatIsoDate(rule.effective)),
                   "check the two dates");
    }
    // Exactly one kind.
    const Field* kind_field = nullptr;
    for (const Field& field : node.fields) {
      if (FindRuleKind(field.key) == nullptr) continue;
      if (kind_field != nullptr) {
        diagnostics_.Error(source.LocationOf(field.key_offset),
                           fmt::format("rule '{}' has two kinds, '{}' and '{}'", rule.id,
                                       kind_field->key, field.key),
                           "a rule has exactly one kind; split it into two rules");
        continue;
      }
      kind_field = &field;
    }
    if (kind_field == nullptr) {
      std::vector<std::string_view> kinds;
      for (const RuleKind& kind : RuleKinds()) kinds.push_back(kind.name);
      reader.Error(node, fmt::format("rule '{}' has no kind", rule.id),
                   fmt::format("add one of: {}", fmt::join(kinds, ", ")));
    } else {
      RuleParseContext context{source, diagnostics_, rule.id};
      rule.body = FindRuleKind(kind_field->key)->parse(kind_field->value, context);
    }
    if (diagnostics_.ErrorCount() != errors_before || rule.body == nullptr) return std::nullopt;
    if (rule.rationale.empty()) {
      diagnostics_.Warning(rule.location, fmt::format("rule '{}' has no rationale", rule.id),
                           "say why the rule exists in 'rationale', and cite the decision in "
                           "'source'");
    }
    return ReadRuleResult{std::move(rule), overrides, override_location};
  }

  // Checks that need the whole standard: untrusted defined where used, and no
  // rule that can never fire (inherited ones too, under this file's untrusted).
  void CheckRules(const Standard& standard, const std::optional<Location>& untrusted_location) {
    const Selector* untrusted = standard.untrusted ? &*standard.untrusted : nullptr;
    for (std::size_t index = 0; index < standard.rules.size(); ++index) {
      const StandardRule& rule = standard.rules[index];
      const bool own = standard.Owns(rule);
      if (!own && !untrusted_location) continue;  // checked when its own file was read
      const auto selectors = rule.body->Selectors();
      const bool uses_untrusted = std::any_of(selectors.begin(), selectors.end(),
                                              [](const Selector* s) { return s->UsesUntrusted(); });
      if (uses_untrusted && untrusted == nullptr) {
        diagnostics_.Error(rule.location,
                           fmt::format("rule '{}' uses 'untrusted', but the standard does not "
                                       "define it",
                                       rule.id),
                           "add e.g. 'untrusted: {vendor.risk: high}' at the top of the standard");
        continue;
      }
      if (auto reason = rule.body->Unreachable(untrusted)) {
        if (own) {
          diagnostics_.Error(rule.location,
                             fmt::format("rule '{}' can never produce a finding: {}", rule.id,
                                         *reason),
                             "fix the contradiction, or remove the rule");
        } else {
          diagnostics_.Error(*untrusted_location,
                             fmt::format("with this definition of 'untrusted', inherited rule "
                                         "'{}' ({}:{}) can never produce a finding: {}",
                                         rule.id, rule.location.file, rule.location.line, *reason),
                             "override the rule, or change the definition");
        }
      }
    }
  }

  Diagnostics& diagnostics_;
  std::vector<std::string> stack_;
};

}  // namespace

Result<Standard> LoadStandard(const std::string& path) {
  Diagnostics diagnostics;
  std::shared_ptr<SourceFile> source;
  try {
    source = std::make_shared<SourceFile>(SourceFile::Read(path));
  } catch (const IoError& error) {
    std::string reason = error.what();
    if (reason.starts_with(path + ": ")) reason.erase(0, path.size() + 2);
    diagnostics.Error(Location{path, 0, 0}, "cannot read standard: " + reason,
                      "check the path; the bundled standards are in data/standards/");
    return Result<Standard>(std::move(diagnostics));
  }
  StandardReader reader(diagnostics);
  auto standard = reader.Load(std::move(source));
  if (!standard) return Result<Standard>(std::move(diagnostics));
  return Result<Standard>(std::move(*standard), std::move(diagnostics));
}

Result<Standard> LoadStandardSource(SourceFile source) {
  Diagnostics diagnostics;
  StandardReader reader(diagnostics);
  auto standard = reader.Load(std::make_shared<SourceFile>(std::move(source)));
  if (!standard) return Result<Standard>(std::move(diagnostics));
  return Result<Standard>(std::move(*standard), std::move(diagnostics));
}

}  // namespace redoubt::policy
