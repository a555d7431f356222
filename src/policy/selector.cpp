#include "policy/selector.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.hpp"
#include "io/node_reader.hpp"
#include "model/vocabulary.hpp"

namespace redoubt::policy {

namespace {

constexpr std::array<std::string_view, 0> kNoValues = {};

// Indexed by Attribute.
const std::vector<AttributeInfo>& InfoTable() {
  static const std::vector<AttributeInfo> table = [] {
    using A = Attribute;
    using T = ValueType;
    using L = AttributeLevel;
    const auto none = std::span<const std::string_view>(kNoValues);
    return std::vector<AttributeInfo>{
        {A::kElementId, T::kText, L::kElement, "id", none, false},
        {A::kKind, T::kText, L::kElement, "kind", none, false},
        {A::kDomain, T::kEnum, L::kElement, "domain", DomainNames(), false},
        {A::kModel, T::kText, L::kElement, "model", none, true},
        {A::kSoftware, T::kText, L::kElement, "software version", none, true},
        {A::kInstalled, T::kDate, L::kElement, "installed", none, true},
        {A::kRetired, T::kDate, L::kElement, "retired", none, true},
        {A::kCertifications, T::kTextSet, L::kElement, "certifications", none, true},
        {A::kUntrusted, T::kBool, L::kElement, "untrusted", none, false},
        {A::kVendor, T::kText, L::kVendor, "vendor", none, false},
        {A::kVendorName, T::kText, L::kVendor, "vendor name", none, true},
        {A::kVendorCountry, T::kText, L::kVendor, "vendor country", none, true},
        {A::kVendorRisk, T::kOrderedEnum, L::kVendor, "vendor risk", RiskNames(), false},
        {A::kVendorCertifications, T::kTextSet, L::kVendor, "vendor certifications", none, true},
        {A::kVendorStateInterference, T::kOrderedEnum, L::kVendor,
         "vendor state-interference risk", RiskNames(), true},
        {A::kVendorOwnership, T::kOrderedEnum, L::kVendor, "vendor ownership risk", RiskNames(),
         true},
        {A::kVendorSupplyAssurance, T::kOrderedEnum, L::kVendor, "vendor supply-assurance risk",
         RiskNames(), true},
        {A::kVendorProductQuality, T::kOrderedEnum, L::kVendor, "vendor product-quality risk",
         RiskNames(), true},
        {A::kSiteId, T::kText, L::kSite, "site", none, true},
        {A::kSiteKind, T::kEnum, L::kSite, "site kind", SiteKindNames(), true},
        {A::kSiteName, T::kText, L::kSite, "site name", none, true},
        {A::kSiteRegion, T::kText, L::kSite, "region", none, true},
        {A::kSiteSubstation, T::kText, L::kSite, "substation", none, true},
        {A::kSiteLat, T::kNumber, L::kSite, "latitude", none, true},
        {A::kSiteLon, T::kNumber, L::kSite, "longitude", none, true},
        {A::kSiteBackupHours, T::kNumber, L::kSite, "backup hours", none, true},
        {A::kServiceId, T::kText, L::kService, "id", none, false},
        {A::kServiceName, T::kText, L::kService, "name", none, true},
        {A::kSector, T::kEnum, L::kService, "sector", SectorNames(), false},
        {A::kOwner, T::kText, L::kService, "owner", none, true},
        {A::kClassification, T::kOrderedEnum, L::kService, "classification",
         ClassificationNames(), false},
        {A::kWeight, T::kNumber, L::kService, "weight", none, false},
    };
  }();
  return table;
}

using NameTable = std::vector<std::pair<std::string_view, Attribute>>;

const NameTable& SiteAttributes(bool prefixed) {
  static const NameTable bare = {
      {"id", Attribute::kSiteId},           {"kind", Attribute::kSiteKind},
      {"name", Attribute::kSiteName},       {"region", Attribute::kSiteRegion},
      {"substation", Attribute::kSiteSubstation}, {"lat", Attribute::kSiteLat},
      {"lon", Attribute::kSiteLon},         {"backup_hours", Attribute::kSiteBackupHours}};
  static const NameTable dotted = {
      {"site", Attribute::kSiteId},
      {"site.id", Attribute::kSiteId},
      {"site.kind", Attribute::kSiteKind},
      {"site.name", Attribute::kSiteName},
      {"site.region", Attribute::kSiteRegion},
      {"site.substation", Attribute::kSiteSubstation},
      {"site.lat", Attribute::kSiteLat},
      {"site.lon", Attribute::kSiteLon},
      {"site.backup_hours", Attribute::kSiteBackupHours}};
  return prefixed ? dotted : bare;
}

const NameTable& Names(SelectorSubject subject) {
  static const NameTable element = [] {
    NameTable table = {{"id", Attribute::kElementId},
                       {"kind", Attribute::kKind},
                       {"domain", Attribute::kDomain},
                       {"model", Attribute::kModel},
                       {"software", Attribute::kSoftware},
                       {"installed", Attribute::kInstalled},
                       {"retired", Attribute::kRetired},
                       {"certifications", Attribute::kCertifications},
                       {"untrusted", Attribute::kUntrusted},
                       {"vendor", Attribute::kVendor},
                       {"vendor.id", Attribute::kVendor},
                       {"vendor.name", Attribute::kVendorName},
                       {"vendor.country", Attribute::kVendorCountry},
                       {"vendor.risk", Attribute::kVendorRisk},
                       {"vendor.certifications", Attribute::kVendorCertifications},
                       {"vendor.state-interference", Attribute::kVendorStateInterference},
                       {"vendor.ownership", Attribute::kVendorOwnership},
                       {"vendor.supply-assurance", Attribute::kVendorSupplyAssurance},
                       {"vendor.product-quality", Attribute::kVendorProductQuality}};
    for (const auto& entry : SiteAttributes(true)) table.push_back(entry);
    return table;
  }();
  static const NameTable service = [] {
    NameTable table = {{"id", Attribute::kServiceId},       {"name", Attribute::kServiceName},
                       {"sector", Attribute::kSector},      {"owner", Attribute::kOwner},
                       {"classification", Attribute::kClassification},
                       {"weight", Attribute::kWeight}};
    for (const auto& entry : SiteAttributes(true)) table.push_back(entry);
    return table;
  }();
  switch (subject) {
    case SelectorSubject::kElement:
      return element;
    case SelectorSubject::kSite:
      return SiteAttributes(false);
    case SelectorSubject::kService:
      return service;
  }
  return element;
}

std::string_view SubjectNoun(SelectorSubject subject) {
  switch (subject) {
    case SelectorSubject::kElement:
      return "element";
    case SelectorSubject::kSite:
      return "site";
    case SelectorSubject::kService:
      return "service";
  }
  return "element";
}

// Ordered values of an ordered enum: risk has "unknown" last, which compares with nothing.
std::size_t OrderedCount(const AttributeInfo& info) {
  return info.values.data() == RiskNames().data() ? 3 : info.values.size();
}

constexpr std::array<std::string_view, 7> kOperators = {"in", "not", "lt", "le", "gt", "ge",
                                                        "exists"};

class ClauseReader {
 public:
  ClauseReader(SelectorSubject subject, std::string_view what, const SourceFile& source,
               Diagnostics& diagnostics)
      : subject_(subject), what_(what), source_(source), diagnostics_(diagnostics) {}

  void Read(const Field& field, Attribute attribute, std::vector<Clause>& out) {
    const AttributeInfo& info = Info(attribute);
    const Node& value = field.value;
    key_ = field.key;
    if (info.type == ValueType::kBool) {
      if (value.type != Node::Type::kBool) {
        Error(value, fmt::format("'{}' in {} must be true or false, found {}", key_, what_,
                                 TypeName(value.type)),
              fmt::format("write {}: true or {}: false", key_, key_));
        return;
      }
      Clause clause = Start(attribute, Op::kIs, value);
      clause.flag = value.text == "true";
      out.push_back(std::move(clause));
      return;
    }
    switch (value.type) {
      case Node::Type::kNull:
        Error(value, fmt::format("'{}' in {} has no value", key_, what_),
              "give a value, a list of values, or an operator such as {not: ...}");
        return;
      case Node::Type::kMap:
        ReadOperators(value, attribute, out);
        return;
      default: {
        Clause clause = Start(attribute, Op::kIn, value);
        if (ReadValues(value, info, clause)) out.push_back(std::move(clause));
        return;
      }
    }
  }

 private:
  Clause Start(Attribute attribute, Op op, const Node& at) const {
    Clause clause;
    clause.attribute = attribute;
    clause.op = op;
    clause.location = source_.LocationOf(at.offset);
    return clause;
  }

  void Error(const Node& at, std::string message, std::string hint) {
    diagnostics_.Error(source_.LocationOf(at.offset), std::move(message), std::move(hint));
  }

  void ReadOperators(const Node& map, Attribute attribute, std::vector<Clause>& out) {
    const AttributeInfo& info = Info(attribute);
    if (map.fields.empty()) {
      Error(map, fmt::format("'{}' in {} has an empty map", key_, what_),
            "use a value, a list, or an operator: in, not, lt, le, gt, ge, exists");
      return;
    }
    for (const Field& field : map.fields) {
      const auto found = std::find(kOperators.begin(), kOperators.end(), field.key);
      if (found == kOperators.end()) {
        diagnostics_.Error(source_.LocationOf(field.key_offset),
                           fmt::format("unknown operator '{}' for '{}' in {}", field.key, key_,
                                       what_),
                           SuggestionHint(field.key, kOperators));
        continue;
      }
      const std::string_view name = *found;
      if (name == "exists") {
        if (field.value.type != Node::Type::kBool) {
          Error(field.value,
                fmt::format("'exists' for '{}' must be true or false, found {}", key_,
                            TypeName(field.value.type)),
                "write {exists: true} or {exists: false}");
          continue;
        }
        Clause clause = Start(attribute, Op::kExists, field.value);
        clause.flag = field.value.text == "true";
        out.push_back(std::move(clause));
        continue;
      }
      if (name == "in" || name == "not") {
        Clause clause = Start(attribute, name == "in" ? Op::kIn : Op::kNotIn, field.value);
        if (ReadValues(field.value, info, clause)) out.push_back(std::move(clause));
        continue;
      }
      const Op op = name == "lt" ? Op::kLt : name == "le" ? Op::kLe : name == "gt" ? Op::kGt
                                                                                    : Op::kGe;
      if (info.type != ValueType::kNumber && info.type != ValueType::kDate &&
          info.type != ValueType::kOrderedEnum) {
        diagnostics_.Error(source_.LocationOf(field.key_offset),
                           fmt::format("'{}' cannot compare '{}': it is not a number, a date or "
                                       "an ordered level",
                                       name, key_),
                           "use a value, a list, or {not: ...} for this attribute");
        continue;
      }
      Clause clause = Start(attribute, op, field.value);
      if (!field.value.IsScalar()) {
        Error(field.value,
              fmt::format("'{}' for '{}' takes one value, found {}", name, key_,
                          TypeName(field.value.type)),
              fmt::format("write {{{}: VALUE}}", name));
        continue;
      }
      if (ReadComparison(field.value, info, clause)) out.push_back(std::move(clause));
    }
  }

  bool ReadComparison(const Node& value, const AttributeInfo& info, Clause& clause) {
    if (info.type == ValueType::kOrderedEnum) {
      const std::size_t ordered = OrderedCount(info);
      const std::size_t index = EnumIndex(value, info);
      if (index == SIZE_MAX) return false;
      if (index >= ordered) {
        Error(value, fmt::format("'{}' cannot be compared", value.text),
              fmt::format("compare with one of the ordered levels: {}",
                          fmt::join(info.values.subspan(0, ordered), ", ")));
        return false;
      }
      clause.texts.push_back(value.text);
      for (std::size_t other = 0; other < ordered; ++other) {
        const bool holds = clause.op == Op::kLt   ? other < index
                           : clause.op == Op::kLe ? other <= index
                           : clause.op == Op::kGt ? other > index
                                                  : other >= index;
        if (holds) clause.mask |= std::uint64_t{1} << other;
      }
      return true;
    }
    auto number = ReadScalar(value, info);
    if (!number) return false;
    clause.numbers.push_back(*number);
    clause.texts.push_back(value.text);
    return true;
  }

  // A scalar or a non-empty list of scalars, into the clause's values.
  bool ReadValues(const Node& value, const AttributeInfo& info, Clause& clause) {
    if (value.IsMap()) {
      Error(value, fmt::format("a value of '{}' in {} cannot be a map", key_, what_),
            "write a value or a list of values");
      return false;
    }
    if (value.IsSequence() && value.items.empty()) {
      Error(value, fmt::format("'{}' in {} has an empty list, which matches nothing", key_, what_),
            "list at least one value, or remove the key");
      return false;
    }
    bool good = true;
    auto one = [&](const Node& item) {
      if (!item.IsScalar()) {
        Error(item, fmt::format("a value of '{}' in {} must be a single value, found {}", key_,
                                what_, TypeName(item.type)),
              "write a plain value");
        good = false;
        return;
      }
      switch (info.type) {
        case ValueType::kEnum:
        case ValueType::kOrderedEnum: {
          const std::size_t index = EnumIndex(item, info);
          if (index == SIZE_MAX) {
            good = false;
            return;
          }
          clause.mask |= std::uint64_t{1} << index;
          clause.texts.push_back(item.text);
          return;
        }
        case ValueType::kNumber:
        case ValueType::kDate: {
          auto number = ReadScalar(item, info);
          if (!number) {
            good = false;
            return;
          }
          clause.numbers.push_back(*number);
          clause.texts.push_back(item.text);
          return;
        }
        default: {
          auto text = ReadString(item, source_, diagnostics_,
                                 fmt::format("a value of '{}' in {}", key_, what_));
          if (!text) {
            good = false;
            return;
          }
          if (clause.attribute == Attribute::kKind && !CheckKind(item, *text)) {
            good = false;
            return;
          }
          clause.texts.push_back(std::move(*text));
          return;
        }
      }
    };
    if (value.IsSequence()) {
      for (const Node& item : value.items) one(item);
    } else {
      one(value);
    }
    return good;
  }

  // A custom kind is fine; one a letter away from a built-in kind is a typo.
  bool CheckKind(const Node& item, const std::string& kind) {
    if (FindBuiltinKind(kind)) return true;
    std::vector<std::string_view> names;
    for (const KindInfo& builtin : BuiltinKinds()) names.push_back(builtin.name);
    if (auto match = ClosestMatch(kind, names)) {
      Error(item, fmt::format("unknown element kind '{}' in {}", kind, what_),
            fmt::format("did you mean '{}'? (a custom kind must not be this close to a built-in "
                        "one)",
                        *match));
      return false;
    }
    return true;
  }

  std::size_t EnumIndex(const Node& item, const AttributeInfo& info) {
    for (std::size_t index = 0; index < info.values.size(); ++index) {
      if (info.values[index] == item.text && item.type == Node::Type::kString) return index;
    }
    Error(item, fmt::format("'{}' is not a valid {} in {}", item.text, info.words, what_),
          SuggestionHint(item.text, info.values));
    return SIZE_MAX;
  }

  std::optional<double> ReadScalar(const Node& item, const AttributeInfo& info) {
    if (info.type == ValueType::kDate) {
      auto days = item.type == Node::Type::kString ? ParseIsoDate(item.text) : std::nullopt;
      if (!days) {
        Error(item, fmt::format("'{}' for '{}' in {} is not a date", item.text, key_, what_),
              "write an ISO 8601 date YYYY-MM-DD, such as 2023-12-31");
        return std::nullopt;
      }
      return static_cast<double>(*days);
    }
    return ReadNumber(item, source_, diagnostics_, fmt::format("a value of '{}' in {}", key_, what_));
  }

  SelectorSubject subject_;
  std::string_view what_;
  const SourceFile& source_;
  Diagnostics& diagnostics_;
  std::string key_;
};

std::string JoinOr(const std::vector<std::string>& words) {
  if (words.size() == 1) return words[0];
  std::string out;
  for (std::size_t index = 0; index < words.size(); ++index) {
    if (index > 0) out += index + 1 == words.size() ? " or " : ", ";
    out += words[index];
  }
  return out;
}

}  // namespace

const AttributeInfo& Info(Attribute attribute) {
  return InfoTable()[static_cast<std::size_t>(attribute)];
}

std::vector<std::string_view> AttributeNames(SelectorSubject subject) {
  std::vector<std::string_view> names;
  for (const auto& [name, attribute] : Names(subject)) names.push_back(name);
  return names;
}

std::optional<Attribute> FindAttribute(SelectorSubject subject, std::string_view name) {
  for (const auto& [candidate, attribute] : Names(subject)) {
    if (candidate == name) return attribute;
  }
  return std::nullopt;
}

std::string_view AttributeName(SelectorSubject subject, Attribute attribute) {
  for (const auto& [name, candidate] : Names(subject)) {
    if (candidate == attribute) return name;
  }
  return Info(attribute).words;
}

bool Selector::UsesUntrusted() const { return Find(Attribute::kUntrusted) != nullptr; }

const Clause* Selector::Find(Attribute attribute) const {
  for (const Clause& clause : clauses) {
    if (clause.attribute == attribute) return &clause;
  }
  return nullptr;
}

std::optional<Selector> ParseSelector(const Node& node, SelectorSubject subject,
                                      bool allow_untrusted, std::string_view what,
                                      const SourceFile& source, Diagnostics& diagnostics) {
  if (!node.IsMap()) {
    diagnostics.Error(source.LocationOf(node.offset),
                      fmt::format("{} must be a map of attribute: value, found {}", what,
                                  TypeName(node.type)),
                      subject == SelectorSubject::kSite
                          ? "write it like {kind: [military, nuclear]}"
                          : subject == SelectorSubject::kService
                                ? "write it like {sector: [health, energy]}"
                                : "write it like {domain: core, vendor.risk: high}");
    return std::nullopt;
  }
  const std::size_t errors_before = diagnostics.ErrorCount();
  Selector selector;
  selector.subject = subject;
  selector.location = source.LocationOf(node.offset);
  const auto names = AttributeNames(subject);
  ClauseReader reader(subject, what, source, diagnostics);
  for (const Field& field : node.fields) {
    const auto attribute = FindAttribute(subject, field.key);
    if (!attribute) {
      diagnostics.Error(source.LocationOf(field.key_offset),
                        fmt::format("unknown {} attribute '{}' in {}", SubjectNoun(subject),
                                    field.key, what),
                        SuggestionHint(field.key, names));
      continue;
    }
    if (*attribute == Attribute::kUntrusted && !allow_untrusted) {
      diagnostics.Error(source.LocationOf(field.key_offset),
                        "'untrusted' cannot be used in the definition of untrusted",
                        "define it by vendor, element or site attributes, e.g. "
                        "{vendor.risk: high}");
      continue;
    }
    reader.Read(field, *attribute, selector.clauses);
  }
  if (diagnostics.ErrorCount() != errors_before) return std::nullopt;
  return selector;
}

namespace {

std::optional<std::string> CheckEnum(std::span<const Clause* const> clauses,
                                     const AttributeInfo& info) {
  const std::uint64_t all =
      info.values.size() >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << info.values.size()) - 1;
  std::uint64_t allowed = all;
  bool absent_ok = info.may_be_absent;
  for (const Clause* clause : clauses) {
    switch (clause->op) {
      case Op::kIn:
      case Op::kLt:
      case Op::kLe:
      case Op::kGt:
      case Op::kGe:
        allowed &= clause->mask;
        absent_ok = false;
        break;
      case Op::kNotIn:
        allowed &= ~clause->mask;
        break;
      case Op::kExists:
        if (clause->flag) {
          absent_ok = false;
        } else {
          allowed = 0;
        }
        break;
      case Op::kIs:
        break;
    }
  }
  if (allowed != 0 || absent_ok) return std::nullopt;
  return "no " + std::string(info.words) + " satisfies all of its conditions";
}

std::optional<std::string> CheckNumber(std::span<const Clause* const> clauses,
                                       const AttributeInfo& info) {
  const bool dates = info.type == ValueType::kDate;
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  bool low_strict = false;
  bool high_strict = false;
  std::optional<std::set<double>> only;
  std::set<double> excluded;
  bool absent_ok = info.may_be_absent;
  bool must_be_absent = false;
  auto raise_low = [&](double value, bool strict) {
    if (dates && strict) {
      value += 1;
      strict = false;
    }
    if (value > low || (value == low && strict)) {
      low = value;
      low_strict = strict;
    }
  };
  auto lower_high = [&](double value, bool strict) {
    if (dates && strict) {
      value -= 1;
      strict = false;
    }
    if (value < high || (value == high && strict)) {
      high = value;
      high_strict = strict;
    }
  };
  for (const Clause* clause : clauses) {
    switch (clause->op) {
      case Op::kIn: {
        std::set<double> values(clause->numbers.begin(), clause->numbers.end());
        if (only) {
          std::set<double> both;
          for (double value : values) {
            if (only->count(value)) both.insert(value);
          }
          only = std::move(both);
        } else {
          only = std::move(values);
        }
        absent_ok = false;
        break;
      }
      case Op::kNotIn:
        excluded.insert(clause->numbers.begin(), clause->numbers.end());
        break;
      case Op::kLt:
      case Op::kLe:
        lower_high(clause->numbers[0], clause->op == Op::kLt);
        absent_ok = false;
        break;
      case Op::kGt:
      case Op::kGe:
        raise_low(clause->numbers[0], clause->op == Op::kGt);
        absent_ok = false;
        break;
      case Op::kExists:
        if (clause->flag) {
          absent_ok = false;
        } else {
          must_be_absent = true;
        }
        break;
      case Op::kIs:
        break;
    }
  }
  auto in_range = [&](double value) {
    return (value > low || (value == low && !low_strict)) &&
           (value < high || (value == high && !high_strict));
  };
  bool present_ok = !must_be_absent;
  if (present_ok) {
    if (only) {
      present_ok = std::any_of(only->begin(), only->end(), [&](double value) {
        return in_range(value) && !excluded.count(value);
      });
    } else if (low > high || (low == high && (low_strict || high_strict))) {
      present_ok = false;
    } else if (low == high) {
      present_ok = !excluded.count(low);
    }
  }
  if (present_ok || absent_ok) return std::nullopt;
  return "no " + std::string(info.words) + " value satisfies all of its conditions";
}

std::optional<std::string> CheckText(std::span<const Clause* const> clauses,
                                     const AttributeInfo& info) {
  std::set<std::string> excluded;
  bool must_be_absent = false;
  bool absent_ok = info.may_be_absent;
  std::vector<std::set<std::string>> required;
  for (const Clause* clause : clauses) {
    if (clause->op == Op::kIn) {
      required.emplace_back(clause->texts.begin(), clause->texts.end());
      absent_ok = false;
    } else if (clause->op == Op::kNotIn) {
      excluded.insert(clause->texts.begin(), clause->texts.end());
    } else if (clause->op == Op::kExists) {
      if (clause->flag) {
        absent_ok = false;
      } else {
        must_be_absent = true;
      }
    }
  }
  bool present_ok = !must_be_absent;
  if (present_ok && !required.empty()) {
    if (info.type == ValueType::kTextSet) {
      // A set may hold one value from each list, as long as none is excluded.
      for (const auto& list : required) {
        const bool any = std::any_of(list.begin(), list.end(),
                                     [&](const std::string& value) { return !excluded.count(value); });
        present_ok = present_ok && any;
      }
    } else {
      std::set<std::string> common = required.front();
      for (const auto& list : required) {
        std::set<std::string> both;
        for (const std::string& value : common) {
          if (list.count(value)) both.insert(value);
        }
        common = std::move(both);
      }
      present_ok = std::any_of(common.begin(), common.end(),
                               [&](const std::string& value) { return !excluded.count(value); });
    }
  }
  if (present_ok || absent_ok) return std::nullopt;
  return "no " + std::string(info.words) + " satisfies all of its conditions";
}

std::optional<Clause> Negate(const Clause& clause) {
  Clause negated = clause;
  switch (clause.op) {
    case Op::kIn:
      negated.op = Op::kNotIn;
      return negated;
    case Op::kNotIn:
      negated.op = Op::kIn;
      return negated;
    case Op::kExists:
      negated.flag = !clause.flag;
      return negated;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> Unsatisfiable(std::span<const Clause> clauses,
                                         SelectorSubject subject) {
  std::vector<Attribute> seen;
  for (const Clause& clause : clauses) {
    if (std::find(seen.begin(), seen.end(), clause.attribute) != seen.end()) continue;
    seen.push_back(clause.attribute);
    std::vector<const Clause*> group;
    for (const Clause& other : clauses) {
      if (other.attribute == clause.attribute) group.push_back(&other);
    }
    const AttributeInfo& info = Info(clause.attribute);
    std::optional<std::string> reason;
    switch (info.type) {
      case ValueType::kEnum:
      case ValueType::kOrderedEnum:
        reason = CheckEnum(group, info);
        break;
      case ValueType::kNumber:
      case ValueType::kDate:
        reason = CheckNumber(group, info);
        break;
      case ValueType::kText:
      case ValueType::kTextSet:
        reason = CheckText(group, info);
        break;
      case ValueType::kBool: {
        bool want_true = false;
        bool want_false = false;
        for (const Clause* member : group) (member->flag ? want_true : want_false) = true;
        if (want_true && want_false) reason = "it asks for both untrusted and trusted";
        break;
      }
    }
    if (reason) {
      std::vector<std::string> parts;
      for (const Clause* member : group) parts.push_back(DescribeClause(*member, subject));
      return fmt::format("{} ({})", *reason, fmt::join(parts, "; "));
    }
  }
  return std::nullopt;
}

std::vector<Clause> Expand(const Selector& selector, const Selector* untrusted) {
  std::vector<Clause> out;
  for (const Clause& clause : selector.clauses) {
    if (clause.attribute != Attribute::kUntrusted) {
      out.push_back(clause);
      continue;
    }
    if (untrusted == nullptr) continue;
    if (clause.flag) {
      for (const Clause& defining : untrusted->clauses) out.push_back(defining);
    } else if (untrusted->clauses.size() == 1) {
      if (auto negated = Negate(untrusted->clauses.front())) out.push_back(std::move(*negated));
    }
  }
  return out;
}

std::string DescribeClause(const Clause& clause, SelectorSubject subject) {
  const AttributeInfo& info = Info(clause.attribute);
  if (clause.attribute == Attribute::kUntrusted) {
    return clause.flag ? "it is untrusted" : "it is trusted";
  }
  std::string words(info.words);
  if (subject == SelectorSubject::kSite && info.level == AttributeLevel::kSite) {
    const std::string_view name = AttributeName(subject, clause.attribute);
    words = name == "id" ? "id" : std::string(info.words);
    if (clause.attribute == Attribute::kSiteKind) words = "kind";
  }
  const bool dates = info.type == ValueType::kDate;
  const bool sets = info.type == ValueType::kTextSet;
  std::vector<std::string> values = clause.texts;
  switch (clause.op) {
    case Op::kIn:
      if (dates) return fmt::format("{} on {}", words, JoinOr(values));
      return fmt::format("{} {} {}", words, sets ? "include" : "is", JoinOr(values));
    case Op::kNotIn:
      if (dates) return fmt::format("{} not on {}", words, JoinOr(values));
      if (values.size() == 1) {
        return fmt::format("{} {} {}", words, sets ? "do not include" : "is not", values[0]);
      }
      return fmt::format("{} {} {}", words, sets ? "include none of" : "is none of",
                         fmt::join(values, ", "));
    case Op::kLt:
      return fmt::format("{} {} {}", words, dates ? "before" : "below", values[0]);
    case Op::kLe:
      return fmt::format("{} {} {}", words, dates ? "on or before" : "at most", values[0]);
    case Op::kGt:
      return fmt::format("{} {} {}", words, dates ? "after" : "above", values[0]);
    case Op::kGe:
      return fmt::format("{} {} {}", words, dates ? "on or after" : "at least", values[0]);
    case Op::kExists:
      return fmt::format("{} {}", clause.flag ? "has a" : "has no", words);
    case Op::kIs:
      break;
  }
  return words;
}

std::string Describe(const Selector& selector) {
  if (selector.clauses.empty()) return fmt::format("every {}", SubjectNoun(selector.subject));
  std::vector<std::string> parts;
  for (const Clause& clause : selector.clauses) {
    parts.push_back(DescribeClause(clause, selector.subject));
  }
  return fmt::format("{}", fmt::join(parts, " and "));
}

}  // namespace redoubt::policy
