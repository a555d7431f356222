#include "alliance/alliance_reader.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/document.hpp"
#include "io/node_reader.hpp"

namespace redoubt::alliance {

namespace fs = std::filesystem;

std::optional<std::size_t> AllianceSpec::FindMember(std::string_view code) const {
  for (std::size_t index = 0; index < members.size(); ++index) {
    if (members[index].code == code) return index;
  }
  return std::nullopt;
}

std::optional<std::size_t> AllianceSpec::FindLevel(std::string_view level) const {
  for (std::size_t index = 0; index < levels.size(); ++index) {
    if (levels[index] == level) return index;
  }
  return std::nullopt;
}

std::string_view Name(ConditionKind kind) {
  switch (kind) {
    case ConditionKind::kBaselineMaxSeverity: return "baseline_max_severity";
    case ConditionKind::kNoUntrustedIn: return "no_untrusted_in";
    case ConditionKind::kNoVendor: return "no_vendor";
    case ConditionKind::kClassifiedOnTrustedPaths: return "classified_on_trusted_paths";
    case ConditionKind::kMaxDivergence: return "max_divergence";
  }
  return "?";
}

std::string_view Name(HostExposure counts) {
  switch (counts) {
    case HostExposure::kEspionage: return "espionage";
    case HostExposure::kSabotage: return "sabotage";
    case HostExposure::kNone: return "none";
  }
  return "?";
}

HostExposure AllianceSpec::HostCounts(std::size_t level) const {
  HostExposure counts = HostExposure::kEspionage;
  for (const HostRule& rule : host_networks) {
    if (rule.level <= level) counts = rule.counts;
  }
  return counts;
}

namespace {

constexpr std::array<std::string_view, 12> kTopKeys = {
    "format",  "id",      "title",     "description",          "baseline",      "levels",
    "members", "sharing", "providers", "assume_deadlines_met", "host_networks", "max_age_days"};
constexpr std::array<std::string_view, 5> kMemberKeys = {"code", "name", "standard", "networks",
                                                         "key"};
constexpr std::array<std::string_view, 2> kInlineKeyKeys = {"key_id", "public_key"};
constexpr std::array<std::string_view, 4> kRuleKeys = {"level", "require", "rationale", "source"};
constexpr std::array<std::string_view, 6> kRequireKeys = {
    "baseline_max_severity", "no_untrusted_in", "no_vendor", "classified_on_trusted_paths",
    "max_divergence",        "untrusted_by"};
constexpr std::array<std::string_view, 2> kSeverityKeys = {"severity", "except"};
constexpr std::array<std::string_view, 3> kHostKeys = {"level", "counts", "rationale"};
constexpr std::array<std::string_view, 3> kHostCounts = {"espionage", "sabotage", "none"};
constexpr std::array<std::string_view, 2> kClassifiedKeys = {"classification", "sectors"};

class Reader {
 public:
  Reader(const SourceFile& source, Diagnostics& diagnostics)
      : source_(source), diagnostics_(diagnostics),
        folder_(fs::path(source.name()).parent_path()) {}

  std::optional<AllianceSpec> Read() {
    auto tree = ParseTree(source_, diagnostics_);
    if (!tree) return std::nullopt;
    if (tree->type == Node::Type::kNull) {
      diagnostics_.Error(Location{source_.name(), 1, 1}, "the file is empty",
                         fmt::format("an alliance file starts with 'format: {}'", kAllianceFormat));
      return std::nullopt;
    }
    MapReader top(*tree, source_, diagnostics_, "alliance", kTopKeys);
    if (!top.ok()) return std::nullopt;
    CheckFormat(top.Get("format"), tree->offset, kAllianceFormat, source_, diagnostics_);
    spec_.file = source_.name();
    spec_.id = top.String("id", Need::kRequired).value_or("");
    spec_.title = top.String("title").value_or("");
    (void)top.String("description");
    if (auto flag = top.Bool("assume_deadlines_met")) spec_.assume_deadlines_met = *flag;
    if (auto days = top.Number("max_age_days", Need::kOptional,
                               NumberBounds{.min = 0, .max = 36500, .integer = true})) {
      spec_.max_age_days = static_cast<int>(*days);
    }
    if (const Node* baseline = top.Get("baseline", Need::kRequired)) {
      spec_.baseline = ResolvePath(*baseline, "baseline standard");
    }
    ReadLevels(top);
    if (const Node* members = top.Get("members", Need::kRequired)) ReadMembers(*members);
    if (const Node* sharing = top.Get("sharing", Need::kRequired)) {
      ReadRules(*sharing, std::nullopt, "sharing");
    }
    if (const Node* providers = top.Get("providers")) ReadProviders(*providers);
    if (const Node* host = top.Get("host_networks")) ReadHostNetworks(*host);
    if (diagnostics_.HasErrors()) return std::nullopt;
    return std::move(spec_);
  }

 private:
  Location Where(const Node& node) const { return source_.LocationOf(node.offset); }

  // A path relative to the alliance file's folder, checked to exist.
  std::string ResolvePath(const Node& node, std::string_view what) {
    auto text = ReadString(node, source_, diagnostics_, what);
    if (!text) return {};
    const fs::path path = (folder_ / *text).lexically_normal();
    std::error_code error;
    if (!fs::is_regular_file(path, error)) {
      diagnostics_.Error(Where(node), fmt::format("cannot find the {} '{}'", what, *text),
                         fmt::format("paths are relative to the alliance file's folder ({})",
                                     folder_.empty() ? std::string(".") : folder_.string()));
    }
    return path.string();
  }

  void ReadLevels(MapReader& top) {
    const Node* levels = top.Get("levels", Need::kRequired);
    if (levels == nullptr) return;
    if (!levels->IsSequence() || levels->items.empty()) {
      top.Error(*levels, "'levels' must be a non-empty list of classification levels, lowest first",
                "e.g. levels: [unclassified, restricted, confidential, secret, top-secret]");
      return;
    }
    for (const Node& item : levels->items) {
      auto name = ReadString(item, source_, diagnostics_, "level");
      if (!name) continue;
      if (spec_.FindLevel(*name)) {
        diagnostics_.Error(Where(item), fmt::format("level '{}' is listed twice", *name),
                           "list each level once, lowest first");
        continue;
      }
      spec_.levels.push_back(std::move(*name));
    }
  }

  void ReadMembers(const Node& node) {
    if (!node.IsSequence() || node.items.empty()) {
      diagnostics_.Error(Where(node), "'members' must be a non-empty list of members",
                         "e.g. - {code: GB, name: United Kingdom, standard: gb.yaml, networks: "
                         "[gb.json]}");
      return;
    }
    for (const Node& item : node.items) {
      MapReader reader(item, source_, diagnostics_, "member", kMemberKeys);
      if (!reader.ok()) continue;
      MemberSpec member;
      member.location = Where(item);
      member.code = reader.String("code", Need::kRequired).value_or("");
      member.name = reader.String("name").value_or(member.code);
      if (!member.code.empty()) {
        if (!IsCountryCode(member.code)) {
          reader.Error(*reader.Get("code"),
                       fmt::format("member code '{}' is not an ISO 3166-1 alpha-2 code", member.code),
                       CountryHint(member.code));
        } else if (spec_.FindMember(member.code)) {
          reader.Error(*reader.Get("code"), fmt::format("member '{}' is listed twice", member.code),
                       "list each member once; give it several networks under 'networks'");
        }
      }
      if (const Node* standard = reader.Get("standard", Need::kRequired)) {
        member.standard = ResolvePath(*standard, "standard");
      }
      if (const Node* networks = reader.Get("networks", Need::kRequired)) {
        if (networks->IsSequence() && !networks->items.empty()) {
          for (const Node& network : networks->items) {
            member.networks.push_back(ResolvePath(network, "network file"));
          }
        } else if (networks->IsScalar()) {
          member.networks.push_back(ResolvePath(*networks, "network file"));
        } else {
          reader.Error(*networks, "'networks' of member must be a non-empty list of inventory files",
                       "e.g. networks: [gb-op1.json, gb-op2.json]");
        }
      }
      if (const Node* key = reader.Get("key")) member.key = ReadKey(*key, member.code);
      spec_.members.push_back(std::move(member));
    }
  }

  // A member's public key: a path to its key file, or {key_id, public_key}.
  std::optional<trust::PublicKey> ReadKey(const Node& node, const std::string& code) {
    if (node.IsScalar()) {
      const std::string path = ResolvePath(node, "public key file");
      std::error_code error;
      if (path.empty() || !fs::is_regular_file(path, error)) return std::nullopt;
      auto key = trust::LoadPublicKey(path);
      diagnostics_.Append(key.diagnostics());
      if (!key.ok()) return std::nullopt;
      return key.value();
    }
    MapReader reader(node, source_, diagnostics_, "key", kInlineKeyKeys);
    if (!reader.ok()) return std::nullopt;
    const auto id = reader.String("key_id", Need::kRequired);
    const auto text = reader.String("public_key", Need::kRequired);
    if (!id || !text) return std::nullopt;
    trust::PublicKey key;
    if (!trust::Base64Decode(*text, key.bytes.data(), key.bytes.size())) {
      reader.Error(*reader.Get("public_key"),
                   fmt::format("the public key of member {} is not a 32-byte key in base64", code),
                   "copy public_key from the member's .pub file (redoubt keygen)");
      return std::nullopt;
    }
    if (key.Id() != *id) {
      reader.Error(*reader.Get("key_id"),
                   fmt::format("key_id '{}' of member {} is not the fingerprint of its public_key "
                               "({})", *id, code, key.Id()),
                   "copy key_id and public_key together from the member's .pub file");
      return std::nullopt;
    }
    return key;
  }

  void ReadHostNetworks(const Node& node) {
    if (!node.IsSequence()) {
      diagnostics_.Error(Where(node), "'host_networks' must be a list of {level, counts} entries",
                         "e.g. host_networks: [{level: secret, counts: sabotage}]");
      return;
    }
    for (const Node& item : node.items) {
      MapReader reader(item, source_, diagnostics_, "host_networks entry", kHostKeys);
      if (!reader.ok()) continue;
      HostRule rule;
      rule.location = Where(item);
      rule.rationale = reader.String("rationale").value_or("");
      const auto counts = reader.Choice("counts", kHostCounts, Need::kRequired);
      if (counts) rule.counts = static_cast<HostExposure>(*counts);
      const auto level = reader.String("level", Need::kRequired);
      if (!level) continue;
      const auto index = spec_.FindLevel(*level);
      if (!index) {
        if (!spec_.levels.empty()) {
          std::vector<std::string_view> names(spec_.levels.begin(), spec_.levels.end());
          reader.Error(*reader.Get("level"),
                       fmt::format("'{}' is not one of the alliance's levels", *level),
                       SuggestionHint(*level, names));
        }
        continue;
      }
      rule.level = *index;
      for (const HostRule& other : spec_.host_networks) {
        if (other.level == rule.level) {
          reader.Error(*reader.Get("level"),
                       fmt::format("host_networks gives level '{}' twice", *level),
                       "give each level once");
        }
      }
      spec_.host_networks.push_back(std::move(rule));
    }
    std::stable_sort(spec_.host_networks.begin(), spec_.host_networks.end(),
                     [](const HostRule& a, const HostRule& b) { return a.level < b.level; });
  }

  void ReadProviders(const Node& node) {
    if (!node.IsMap()) {
      diagnostics_.Error(Where(node), "'providers' must map member codes to lists of sharing rules",
                         "e.g. providers: {US: [{level: secret, require: {no_vendor: [huawei]}}]}");
      return;
    }
    std::vector<std::string_view> codes;
    for (const MemberSpec& member : spec_.members) codes.push_back(member.code);
    for (const Field& field : node.fields) {
      const auto member = spec_.FindMember(field.key);
      if (!member) {
        diagnostics_.Error(source_.LocationOf(field.key_offset),
                           fmt::format("provider '{}' is not a member of the alliance", field.key),
                           SuggestionHint(field.key, codes));
        continue;
      }
      ReadRules(field.value, member, fmt::format("providers.{}", field.key));
    }
  }

  void ReadRules(const Node& node, std::optional<std::size_t> provider, const std::string& what) {
    if (!node.IsSequence()) {
      diagnostics_.Error(Where(node), fmt::format("'{}' must be a list of sharing rules", what),
                         "e.g. - {level: secret, require: {no_untrusted_in: [core, management]}}");
      return;
    }
    for (const Node& item : node.items) {
      MapReader reader(item, source_, diagnostics_, "sharing rule", kRuleKeys);
      if (!reader.ok()) continue;
      SharingRule rule;
      rule.provider = provider;
      rule.location = Where(item);
      rule.rationale = reader.String("rationale").value_or("");
      rule.source = reader.String("source").value_or("");
      bool level_ok = false;
      if (auto level = reader.String("level", Need::kRequired)) {
        if (auto index = spec_.FindLevel(*level)) {
          rule.level = *index;
          level_ok = true;
        } else if (!spec_.levels.empty()) {
          std::vector<std::string_view> names(spec_.levels.begin(), spec_.levels.end());
          reader.Error(*reader.Get("level"),
                       fmt::format("'{}' is not one of the alliance's levels", *level),
                       SuggestionHint(*level, names));
        }
      }
      if (const Node* require = reader.Get("require", Need::kRequired)) {
        ReadRequire(*require, level_ok ? std::optional<std::size_t>(rule.level) : std::nullopt,
                    rule);
      }
      spec_.sharing.push_back(std::move(rule));
    }
  }

  std::vector<TrustSource> ReadUntrustedBy(MapReader& reader) {
    std::vector<TrustSource> sources;
    const Node* node = reader.Get("untrusted_by");
    if (node == nullptr) return sources;
    auto names = reader.StringList("untrusted_by");
    if (!names) return sources;
    std::vector<std::string_view> candidates = {"baseline", "provider", "recipient"};
    for (const MemberSpec& member : spec_.members) candidates.push_back(member.code);
    for (std::size_t index = 0; index < names->size(); ++index) {
      const std::string& name = (*names)[index];
      const Node& at = node->IsSequence() ? node->items[index] : *node;
      TrustSource source;
      if (name == "baseline") {
        source.kind = TrustSource::Kind::kBaseline;
      } else if (name == "provider") {
        source.kind = TrustSource::Kind::kProvider;
      } else if (name == "recipient") {
        source.kind = TrustSource::Kind::kRecipient;
      } else if (auto member = spec_.FindMember(name)) {
        source.kind = TrustSource::Kind::kMember;
        source.member = *member;
      } else {
        diagnostics_.Error(Where(at),
                           fmt::format("'{}' in untrusted_by is neither a member nor one of "
                                       "baseline, provider, recipient", name),
                           SuggestionHint(name, candidates));
        continue;
      }
      sources.push_back(source);
    }
    if (names->empty()) {
      reader.Error(*node, "'untrusted_by' is empty", "name whose definition counts, e.g. [US]");
    }
    return sources;
  }

  std::vector<Domain> ReadDomains(const Node& node) {
    std::vector<Domain> domains;
    std::vector<const Node*> items;
    if (node.IsSequence()) {
      for (const Node& item : node.items) items.push_back(&item);
    } else {
      items.push_back(&node);
    }
    for (const Node* item : items) {
      auto name = ReadString(*item, source_, diagnostics_, "domain");
      if (!name) continue;
      if (auto domain = ParseName<Domain>(*name)) {
        if (std::find(domains.begin(), domains.end(), *domain) == domains.end()) {
          domains.push_back(*domain);
        }
      } else {
        diagnostics_.Error(Where(*item), fmt::format("'{}' is not a domain", *name),
                           SuggestionHint(*name, DomainNames()));
      }
    }
    if (items.empty()) {
      diagnostics_.Error(Where(node), "'no_untrusted_in' names no domain",
                         "e.g. no_untrusted_in: [core, management]");
    }
    std::sort(domains.begin(), domains.end());
    return domains;
  }

  void ReadClassified(const Node& node, std::optional<std::size_t> level, Condition& condition) {
    if (node.type == Node::Type::kBool) {
      if (node.text != "true") {
        diagnostics_.Error(Where(node), "'classified_on_trusted_paths: false' asks nothing",
                           "remove the key, or write true");
        return;
      }
      if (level && !ParseName<Classification>(spec_.levels[*level])) {
        diagnostics_.Error(
            Where(node),
            fmt::format("level '{}' is not a service classification, so 'true' cannot say which "
                        "services must ride on trusted paths", spec_.levels[*level]),
            "write {classification: secret} (one of unclassified, restricted, confidential, "
            "secret, top-secret)");
      }
      return;
    }
    MapReader reader(node, source_, diagnostics_, "'classified_on_trusted_paths'", kClassifiedKeys);
    if (!reader.ok()) return;
    if (auto index = reader.Choice("classification", ClassificationNames())) {
      condition.min_classification = static_cast<Classification>(*index);
    } else if (reader.Get("classification") == nullptr && level &&
               !ParseName<Classification>(spec_.levels[*level])) {
      reader.Error(node, fmt::format("level '{}' is not a service classification",
                                     spec_.levels[*level]),
                   "give 'classification:', e.g. {classification: secret}");
    }
    if (const Node* sectors = reader.Get("sectors")) {
      auto names = reader.StringList("sectors");
      if (!names) return;
      for (std::size_t index = 0; index < names->size(); ++index) {
        const Node& at = sectors->IsSequence() ? sectors->items[index] : *sectors;
        if (auto sector = ParseName<Sector>((*names)[index])) {
          condition.sectors.push_back(*sector);
        } else {
          diagnostics_.Error(Where(at), fmt::format("'{}' is not a sector", (*names)[index]),
                             SuggestionHint((*names)[index], SectorNames()));
        }
      }
      std::sort(condition.sectors.begin(), condition.sectors.end());
      condition.sectors.erase(std::unique(condition.sectors.begin(), condition.sectors.end()),
                              condition.sectors.end());
    }
  }

  void ReadRequire(const Node& node, std::optional<std::size_t> level, SharingRule& rule) {
    MapReader reader(node, source_, diagnostics_, "'require'", kRequireKeys);
    if (!reader.ok()) return;
    const std::vector<TrustSource> untrusted_by = ReadUntrustedBy(reader);
    bool uses_untrusted = false;
    for (const Field& field : node.fields) {
      Condition condition;
      condition.location = source_.LocationOf(field.key_offset);
      condition.untrusted_by = untrusted_by;
      if (field.key == "baseline_max_severity") {
        condition.kind = ConditionKind::kBaselineMaxSeverity;
        std::optional<std::size_t> index;
        if (field.value.IsMap()) {
          MapReader severity(field.value, source_, diagnostics_, "'baseline_max_severity'",
                             kSeverityKeys);
          if (!severity.ok()) continue;
          index = severity.Choice("severity", policy::RuleSeverityNames(), Need::kRequired);
          if (auto except = severity.StringList("except")) condition.except_rules = std::move(*except);
          std::sort(condition.except_rules.begin(), condition.except_rules.end());
        } else {
          index = reader.Choice(field.key, policy::RuleSeverityNames());
        }
        if (!index) continue;
        condition.max_severity = static_cast<policy::RuleSeverity>(*index);
        if (condition.max_severity == policy::RuleSeverity::kCritical) {
          reader.Error(field.value, "'baseline_max_severity: critical' asks nothing",
                       "every finding is at most critical; use high to forbid critical findings");
          continue;
        }
      } else if (field.key == "no_untrusted_in") {
        condition.kind = ConditionKind::kNoUntrustedIn;
        condition.domains = ReadDomains(field.value);
        uses_untrusted = true;
      } else if (field.key == "no_vendor") {
        condition.kind = ConditionKind::kNoVendor;
        auto vendors = reader.StringList(field.key);
        if (!vendors) continue;
        if (vendors->empty()) {
          reader.Error(field.value, "'no_vendor' names no vendor", "e.g. no_vendor: [huawei, zte]");
          continue;
        }
        condition.vendors = std::move(*vendors);
        std::sort(condition.vendors.begin(), condition.vendors.end());
      } else if (field.key == "max_divergence") {
        condition.kind = ConditionKind::kMaxDivergence;
        auto value = reader.Number(field.key, Need::kOptional, {.min = 0, .max = 1});
        if (!value) continue;
        condition.max_divergence = *value;
      } else if (field.key == "classified_on_trusted_paths") {
        condition.kind = ConditionKind::kClassifiedOnTrustedPaths;
        ReadClassified(field.value, level, condition);
        uses_untrusted = true;
      } else {
        continue;  // untrusted_by (read above) or an unknown key (already reported)
      }
      rule.conditions.push_back(std::move(condition));
    }
    if (node.Find("untrusted_by") != nullptr && !uses_untrusted) {
      diagnostics_.Error(reader.LocationOfKey("untrusted_by"),
                         "'untrusted_by' has no condition about untrusted equipment to apply to",
                         "use it with no_untrusted_in or classified_on_trusted_paths");
    }
    if (node.fields.empty()) {
      reader.Error(node, "'require' is empty: the rule asks nothing",
                   "add a condition, e.g. no_untrusted_in: [core]");
    }
  }

  const SourceFile& source_;
  Diagnostics& diagnostics_;
  fs::path folder_;
  AllianceSpec spec_;
};

}  // namespace

Result<AllianceSpec> ReadAllianceSource(const SourceFile& source) {
  Diagnostics diagnostics;
  Reader reader(source, diagnostics);
  auto spec = reader.Read();
  if (!spec) return Result<AllianceSpec>(std::move(diagnostics));
  return Result<AllianceSpec>(std::move(*spec), std::move(diagnostics));
}

Result<AllianceSpec> ReadAlliance(const std::string& path) {
  try {
    return ReadAllianceSource(SourceFile::Read(path));
  } catch (const IoError& error) {
    Diagnostics diagnostics;
    std::string reason = error.what();
    if (reason.starts_with(path + ": ")) reason.erase(0, path.size() + 2);
    diagnostics.Error(Location{path, 0, 0}, "cannot read alliance file: " + reason,
                      "check the path; the bundled alliance is data/samples/allies/alliance.yaml");
    return Result<AllianceSpec>(std::move(diagnostics));
  }
}

}  // namespace redoubt::alliance
