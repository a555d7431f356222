#include "policy/matcher.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.hpp"

namespace redoubt::policy {

namespace {

using OptionalText = std::optional<std::string_view>;

bool Contains(const std::vector<std::string>& texts, std::string_view value) {
  return std::find(texts.begin(), texts.end(), value) != texts.end();
}

bool TestText(const Clause& clause, OptionalText value) {
  switch (clause.op) {
    case Op::kIn:
      return value && Contains(clause.texts, *value);
    case Op::kNotIn:
      return !value || !Contains(clause.texts, *value);
    case Op::kExists:
      return value.has_value() == clause.flag;
    default:
      return false;
  }
}

template <typename Texts>
bool TestSet(const Clause& clause, const Texts& values) {
  const bool any = std::any_of(values.begin(), values.end(),
                               [&](const auto& value) { return Contains(clause.texts, value); });
  switch (clause.op) {
    case Op::kIn:
      return any;
    case Op::kNotIn:
      return !any;
    case Op::kExists:
      return !values.empty() == clause.flag;
    default:
      return false;
  }
}

bool TestEnum(const Clause& clause, std::optional<std::size_t> index) {
  const bool in = index && ((clause.mask >> *index) & 1U) != 0;
  switch (clause.op) {
    case Op::kNotIn:
      return !in;
    case Op::kExists:
      return index.has_value() == clause.flag;
    case Op::kIs:
      return false;
    default:  // kIn and comparisons: the mask holds the values that satisfy it
      return in;
  }
}

bool TestNumber(const Clause& clause, std::optional<double> value) {
  const auto listed = [&] {
    return value && std::find(clause.numbers.begin(), clause.numbers.end(), *value) !=
                        clause.numbers.end();
  };
  switch (clause.op) {
    case Op::kIn:
      return listed();
    case Op::kNotIn:
      return !listed();
    case Op::kLt:
      return value && *value < clause.numbers[0];
    case Op::kLe:
      return value && *value <= clause.numbers[0];
    case Op::kGt:
      return value && *value > clause.numbers[0];
    case Op::kGe:
      return value && *value >= clause.numbers[0];
    case Op::kExists:
      return value.has_value() == clause.flag;
    case Op::kIs:
      return false;
  }
  return false;
}

bool TestIds(const Clause& clause, const std::vector<StringId>& ids, StringId id) {
  const bool present = id != kNoString;
  const bool in = present && std::binary_search(ids.begin(), ids.end(), id);
  switch (clause.op) {
    case Op::kIn:
      return in;
    case Op::kNotIn:
      return !in;
    case Op::kExists:
      return present == clause.flag;
    default:
      return false;
  }
}

OptionalText Text(const Network& network, StringId id) {
  if (id == kNoString) return std::nullopt;
  return network.Str(id);
}

OptionalText Text(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return std::string_view(text);
}

std::optional<double> DateValue(Days days) {
  if (days == kNoDate) return std::nullopt;
  return static_cast<double>(days);
}

std::optional<std::size_t> CriterionLevel(const Vendor& vendor, std::string_view name) {
  for (const RiskCriterion& criterion : vendor.criteria) {
    if (criterion.name == name) return static_cast<std::size_t>(criterion.level);
  }
  return std::nullopt;
}

std::string_view CriterionName(Attribute attribute) {
  switch (attribute) {
    case Attribute::kVendorStateInterference:
      return "state-interference";
    case Attribute::kVendorOwnership:
      return "ownership";
    case Attribute::kVendorSupplyAssurance:
      return "supply-assurance";
    default:
      return "product-quality";
  }
}

bool VendorSatisfies(const Network& network, const Vendor& vendor, const Clause& clause) {
  switch (clause.attribute) {
    case Attribute::kVendor:
      return TestText(clause, network.Str(vendor.id));
    case Attribute::kVendorName:
      return TestText(clause, Text(vendor.name));
    case Attribute::kVendorCountry:
      return TestText(clause, Text(vendor.country));
    case Attribute::kVendorRisk:
      return TestEnum(clause, static_cast<std::size_t>(vendor.risk));
    case Attribute::kVendorCertifications:
      return TestSet(clause, vendor.certifications);
    default:
      return TestEnum(clause, CriterionLevel(vendor, CriterionName(clause.attribute)));
  }
}

bool SiteSatisfies(const Network& network, const Site* site, const Clause& clause) {
  switch (clause.attribute) {
    case Attribute::kSiteId:
      return TestText(clause, site ? Text(network, site->id) : std::nullopt);
    case Attribute::kSiteKind:
      return TestEnum(clause, site ? std::optional<std::size_t>(static_cast<std::size_t>(site->kind))
                                   : std::nullopt);
    case Attribute::kSiteName:
      return TestText(clause, site ? Text(network, site->name) : std::nullopt);
    case Attribute::kSiteRegion:
      return TestText(clause, site ? Text(network, site->region) : std::nullopt);
    case Attribute::kSiteSubstation:
      return TestText(clause, site ? Text(network, site->substation) : std::nullopt);
    case Attribute::kSiteLat:
      return TestNumber(clause, site && site->HasCoordinates() ? std::optional(site->lat)
                                                               : std::nullopt);
    case Attribute::kSiteLon:
      return TestNumber(clause, site && site->HasCoordinates() ? std::optional(site->lon)
                                                               : std::nullopt);
    default:
      return TestNumber(clause, site && !std::isnan(site->backup_hours)
                                    ? std::optional<double>(site->backup_hours)
                                    : std::nullopt);
  }
}

const Site* SiteOf(const Network& network, SiteIndex site) {
  return site == kNone ? nullptr : &network.sites[site];
}

std::vector<std::string_view> CertNames(const Network& network, std::span<const StringId> ids) {
  std::vector<std::string_view> names;
  names.reserve(ids.size());
  for (StringId id : ids) names.push_back(network.Str(id));
  return names;
}

}  // namespace

ElementMatcher::ElementMatcher(const Selector& selector, const Network& network,
                               std::span<const std::uint8_t> untrusted)
    : network_(&network), untrusted_(untrusted), everything_(selector.Empty()) {
  domain_ok_.fill(1);
  for (const Clause& clause : selector.clauses) {
    const AttributeInfo& info = Info(clause.attribute);
    if (info.level == AttributeLevel::kVendor) {
      if (vendor_ok_.empty()) vendor_ok_.assign(network.vendors.size(), 1);
      for (VendorIndex vendor = 0; vendor < network.vendors.size(); ++vendor) {
        if (!VendorSatisfies(network, network.vendors[vendor], clause)) vendor_ok_[vendor] = 0;
      }
      continue;
    }
    if (info.level == AttributeLevel::kSite) {
      if (site_ok_.empty()) site_ok_.assign(network.sites.size() + 1, 1);
      for (SiteIndex site = 0; site <= network.sites.size(); ++site) {
        const Site* record = site == network.sites.size() ? nullptr : &network.sites[site];
        if (!SiteSatisfies(network, record, clause)) site_ok_[site] = 0;
      }
      continue;
    }
    switch (clause.attribute) {
      case Attribute::kKind:
        if (kind_ok_.empty()) kind_ok_.assign(network.kinds.size(), 1);
        for (std::size_t kind = 0; kind < network.kinds.size(); ++kind) {
          if (!TestText(clause, network.kinds[kind].name)) kind_ok_[kind] = 0;
        }
        break;
      case Attribute::kDomain:
        for (std::size_t domain = 0; domain < static_cast<std::size_t>(kDomainCount); ++domain) {
          if (!TestEnum(clause, domain)) domain_ok_[domain] = 0;
        }
        break;
      case Attribute::kCertifications:
        if (cert_ok_.empty()) cert_ok_.assign(network.cert_sets.size(), 1);
        for (std::size_t set = 0; set < network.cert_sets.size(); ++set) {
          if (!TestSet(clause, CertNames(network, network.cert_sets[set]))) cert_ok_[set] = 0;
        }
        break;
      case Attribute::kUntrusted:
        test_untrusted_ = true;
        want_untrusted_ = clause.flag;
        break;
      default: {
        IdClause entry{&clause, {}};
        for (const std::string& text : clause.texts) {
          if (auto id = network.strings->Find(text)) entry.ids.push_back(*id);
        }
        std::sort(entry.ids.begin(), entry.ids.end());
        element_clauses_.push_back(std::move(entry));
        break;
      }
    }
  }
  // Without a definition of untrusted nothing is untrusted.
  if (test_untrusted_ && untrusted_.size() != network.elements.size()) {
    if (want_untrusted_) {
      domain_ok_.fill(0);
    }
    test_untrusted_ = false;
  }
}

bool ElementMatcher::MatchesElementClauses(const Element& record) const {
  for (const IdClause& entry : element_clauses_) {
    const Clause& clause = *entry.clause;
    bool holds = false;
    switch (clause.attribute) {
      case Attribute::kElementId:
        holds = TestIds(clause, entry.ids, record.id);
        break;
      case Attribute::kModel:
        holds = TestIds(clause, entry.ids, record.model);
        break;
      case Attribute::kSoftware:
        holds = TestIds(clause, entry.ids, record.software);
        break;
      case Attribute::kInstalled:
        holds = TestNumber(clause, DateValue(record.installed));
        break;
      case Attribute::kRetired:
        holds = TestNumber(clause, DateValue(record.retired));
        break;
      default:
        holds = false;
        break;
    }
    if (!holds) return false;
  }
  return true;
}

bool ElementSatisfies(const Network& network, ElementIndex element, const Clause& clause,
                      std::span<const std::uint8_t> untrusted) {
  const Element& record = network.elements[element];
  const AttributeInfo& info = Info(clause.attribute);
  if (info.level == AttributeLevel::kVendor) {
    return VendorSatisfies(network, network.vendors[record.vendor], clause);
  }
  if (info.level == AttributeLevel::kSite) {
    return SiteSatisfies(network, SiteOf(network, record.site), clause);
  }
  switch (clause.attribute) {
    case Attribute::kElementId:
      return TestText(clause, network.Str(record.id));
    case Attribute::kKind:
      return TestText(clause, network.kinds[record.kind].name);
    case Attribute::kDomain:
      return TestEnum(clause, static_cast<std::size_t>(record.domain));
    case Attribute::kModel:
      return TestText(clause, Text(network, record.model));
    case Attribute::kSoftware:
      return TestText(clause, Text(network, record.software));
    case Attribute::kInstalled:
      return TestNumber(clause, DateValue(record.installed));
    case Attribute::kRetired:
      return TestNumber(clause, DateValue(record.retired));
    case Attribute::kCertifications:
      return TestSet(clause, CertNames(network, network.Certifications(element)));
    case Attribute::kUntrusted: {
      const bool is_untrusted = element < untrusted.size() && untrusted[element] != 0;
      return is_untrusted == clause.flag;
    }
    default:
      return false;
  }
}

SiteMatcher::SiteMatcher(const Selector& selector, const Network& network)
    : site_ok_(network.sites.size(), 1) {
  for (SiteIndex site = 0; site < network.sites.size(); ++site) {
    for (const Clause& clause : selector.clauses) {
      if (!SiteSatisfies(network, &network.sites[site], clause)) {
        site_ok_[site] = 0;
        break;
      }
    }
  }
}

ServiceMatcher::ServiceMatcher(const Selector& selector, const Network& network)
    : service_ok_(network.services.size(), 1) {
  for (ServiceIndex index = 0; index < network.services.size(); ++index) {
    const Service& service = network.services[index];
    for (const Clause& clause : selector.clauses) {
      bool holds = false;
      switch (clause.attribute) {
        case Attribute::kServiceId:
          holds = TestText(clause, network.Str(service.id));
          break;
        case Attribute::kServiceName:
          holds = TestText(clause, Text(service.name));
          break;
        case Attribute::kSector:
          holds = TestEnum(clause, static_cast<std::size_t>(service.sector));
          break;
        case Attribute::kOwner:
          holds = TestText(clause, Text(service.owner));
          break;
        case Attribute::kClassification:
          holds = TestEnum(clause, static_cast<std::size_t>(service.classification));
          break;
        case Attribute::kWeight:
          holds = TestNumber(clause, service.weight);
          break;
        default:
          holds = SiteSatisfies(network, SiteOf(network, service.site), clause);
          break;
      }
      if (!holds) {
        service_ok_[index] = 0;
        break;
      }
    }
  }
}

std::vector<std::uint8_t> UntrustedMask(const Selector* untrusted, const Network& network) {
  std::vector<std::uint8_t> mask(network.elements.size(), 0);
  if (untrusted == nullptr) return mask;
  const ElementMatcher matcher(*untrusted, network, {});
  for (ElementIndex element = 0; element < network.elements.size(); ++element) {
    mask[element] = matcher.Matches(element) ? 1 : 0;
  }
  return mask;
}

std::string ElementValue(const Network& network, ElementIndex element, Attribute attribute) {
  const Element& record = network.elements[element];
  const Vendor& vendor = network.vendors[record.vendor];
  const Site* site = SiteOf(network, record.site);
  auto or_none = [](OptionalText text) { return text ? std::string(*text) : std::string("none"); };
  auto date = [](Days days) { return days == kNoDate ? std::string("none") : FormatIsoDate(days); };
  switch (attribute) {
    case Attribute::kElementId:
      return std::string(network.Str(record.id));
    case Attribute::kKind:
      return network.kinds[record.kind].name;
    case Attribute::kDomain:
      return std::string(Name(record.domain));
    case Attribute::kModel:
      return or_none(Text(network, record.model));
    case Attribute::kSoftware:
      return or_none(Text(network, record.software));
    case Attribute::kInstalled:
      return date(record.installed);
    case Attribute::kRetired:
      return date(record.retired);
    case Attribute::kCertifications: {
      const auto names = CertNames(network, network.Certifications(element));
      return names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", "));
    }
    case Attribute::kUntrusted:
      return "untrusted";
    case Attribute::kVendor:
      return std::string(network.Str(vendor.id));
    case Attribute::kVendorName:
      return or_none(Text(vendor.name));
    case Attribute::kVendorCountry:
      return or_none(Text(vendor.country));
    case Attribute::kVendorRisk:
      return std::string(Name(vendor.risk));
    case Attribute::kVendorCertifications:
      return vendor.certifications.empty() ? "none"
                                           : fmt::format("{}", fmt::join(vendor.certifications, ", "));
    case Attribute::kVendorStateInterference:
    case Attribute::kVendorOwnership:
    case Attribute::kVendorSupplyAssurance:
    case Attribute::kVendorProductQuality: {
      const auto level = CriterionLevel(vendor, CriterionName(attribute));
      return level ? std::string(RiskNames()[*level]) : "none";
    }
    case Attribute::kSiteId:
      return site ? std::string(network.Str(site->id)) : "none";
    case Attribute::kSiteKind:
      return site ? std::string(Name(site->kind)) : "none";
    case Attribute::kSiteName:
      return or_none(site ? Text(network, site->name) : std::nullopt);
    case Attribute::kSiteRegion:
      return or_none(site ? Text(network, site->region) : std::nullopt);
    case Attribute::kSiteSubstation:
      return or_none(site ? Text(network, site->substation) : std::nullopt);
    case Attribute::kSiteLat:
      return site && site->HasCoordinates() ? fmt::format("{}", site->lat) : "none";
    case Attribute::kSiteLon:
      return site && site->HasCoordinates() ? fmt::format("{}", site->lon) : "none";
    case Attribute::kSiteBackupHours:
      return site && !std::isnan(site->backup_hours) ? fmt::format("{}", site->backup_hours)
                                                     : "none";
    default:
      return "none";
  }
}

}  // namespace redoubt::policy
