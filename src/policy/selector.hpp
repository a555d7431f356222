// Selectors: the small maps a standard uses to pick elements, sites or
// services, e.g.
//
//   {domain: [core, management], vendor.risk: high}
//   {untrusted: true, installed: {gt: 2022-09-01}}
//   {kind: {not: [enb]}, site.kind: military}
//   {classification: {ge: secret}}
//
// Every key is an attribute, optionally a dotted path into the element's
// vendor (`vendor.risk`) or site (`site.kind`); every clause must hold. A value
// is one of
//   scalar             equal to it (a set attribute such as certifications: includes it)
//   [a, b]             equal to any of them (sets: include any of them)
//   {not: a | [a, b]}  none of them (an absent value counts as "not")
//   {lt|le|gt|ge: v}   compared with v: numbers, dates and ordered levels (risk, classification)
//   {exists: bool}     the attribute has a value (or has none)
// `untrusted: true|false` tests the standard's own definition of untrusted
// (a selector of its own), so two standards may disagree about one vendor.
//
// Parsing checks everything a typo could break: unknown attributes and
// operators (with "did you mean"), enum values (`domain: cor`), value types,
// dates. `Unsatisfiable` finds selectors that can never match, so a rule that
// can never fire is an error rather than a silent gap.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source.hpp"
#include "io/document.hpp"

namespace redoubt::policy {

// What a selector ranges over.
enum class SelectorSubject : std::uint8_t { kElement, kSite, kService };

enum class ValueType : std::uint8_t {
  kText,         // one string, may be absent (model, software, vendor.country, ...)
  kTextSet,      // a set of strings (certifications)
  kEnum,         // one of a closed list (domain, site.kind, sector)
  kOrderedEnum,  // an enum whose values are ordered (vendor.risk, classification)
  kNumber,       // site.lat, weight, ...
  kDate,         // installed, retired
  kBool,         // untrusted
};

enum class Attribute : std::uint8_t {
  // The element itself.
  kElementId, kKind, kDomain, kModel, kSoftware, kInstalled, kRetired, kCertifications,
  kUntrusted,
  // Its vendor.
  kVendor, kVendorName, kVendorCountry, kVendorRisk, kVendorCertifications,
  kVendorStateInterference, kVendorOwnership, kVendorSupplyAssurance, kVendorProductQuality,
  // A site (the element's, the service's, or the site itself).
  kSiteId, kSiteKind, kSiteName, kSiteRegion, kSiteSubstation, kSiteLat, kSiteLon,
  kSiteBackupHours,
  // A service.
  kServiceId, kServiceName, kSector, kOwner, kClassification, kWeight,
};

// Which record an attribute's value is read from.
enum class AttributeLevel : std::uint8_t { kElement, kVendor, kSite, kService };

struct AttributeInfo {
  Attribute attribute;
  ValueType type;
  AttributeLevel level;
  std::string_view words;  // for descriptions: "vendor risk"
  // The value names of kEnum/kOrderedEnum attributes (in order for ordered ones).
  std::span<const std::string_view> values;
  bool may_be_absent;  // e.g. an element without a site has no site.kind
};

[[nodiscard]] const AttributeInfo& Info(Attribute attribute);

// The attribute names a selector over `subject` accepts, in a fixed order.
[[nodiscard]] std::vector<std::string_view> AttributeNames(SelectorSubject subject);
[[nodiscard]] std::optional<Attribute> FindAttribute(SelectorSubject subject,
                                                     std::string_view name);
// The name `attribute` is written as in a selector over `subject`.
[[nodiscard]] std::string_view AttributeName(SelectorSubject subject, Attribute attribute);

enum class Op : std::uint8_t { kIn, kNotIn, kLt, kLe, kGt, kGe, kExists, kIs };

struct Clause {
  Attribute attribute = Attribute::kElementId;
  Op op = Op::kIn;
  std::vector<std::string> texts;  // kIn/kNotIn over text, sets and enums (as written)
  std::uint64_t mask = 0;          // enums: bit i set for value i (kIn/kNotIn/comparisons)
  std::vector<double> numbers;     // numbers and dates (days since 1970) for kIn/kNotIn/comparisons
  bool flag = false;               // kExists, kIs
  Location location;               // where the clause is written
};

struct Selector {
  SelectorSubject subject = SelectorSubject::kElement;
  std::vector<Clause> clauses;  // all must hold; none = matches everything
  Location location;

  [[nodiscard]] bool Empty() const { return clauses.empty(); }
  [[nodiscard]] bool UsesUntrusted() const;
  // The clause on `attribute`, if any (the first one).
  [[nodiscard]] const Clause* Find(Attribute attribute) const;
};

// Reads a selector map. `allow_untrusted` is false inside the definition of
// untrusted itself. `what` names the selector in messages ("'match' of cap").
// nullopt when anything was wrong (every problem is reported).
[[nodiscard]] std::optional<Selector> ParseSelector(const Node& node, SelectorSubject subject,
                                                    bool allow_untrusted, std::string_view what,
                                                    const SourceFile& source,
                                                    Diagnostics& diagnostics);

// Why no record can match all of `clauses` (as one conjunction), or nullopt
// when some could. Checks each attribute on its own: contradictory values,
// empty ranges, "exists: false" with a required value. Never reports a
// satisfiable selector; may miss contradictions that span attributes.
[[nodiscard]] std::optional<std::string> Unsatisfiable(std::span<const Clause> clauses,
                                                       SelectorSubject subject);

// The clauses of `selector` with `untrusted: true|false` replaced by the
// definition (or its negation, when the definition is one clause), for
// Unsatisfiable. Other forms of `untrusted: false` are left out.
[[nodiscard]] std::vector<Clause> Expand(const Selector& selector, const Selector* untrusted);

// The selector in words: "domain is core or management and vendor is untrusted".
[[nodiscard]] std::string Describe(const Selector& selector);
[[nodiscard]] std::string DescribeClause(const Clause& clause, SelectorSubject subject);

}  // namespace redoubt::policy
