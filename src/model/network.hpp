// Network: one operator's inventory in one country — vendors, sites,
// elements, links and the services that ride on them (DESIGN.md, "The model").
//
// Ids are strings in files and dense integer indices in memory: every id is
// interned once in `strings`, and records refer to each other by index.
// Elements and links are plain fixed-size records (36 and 28 bytes) so a
// national network of millions of elements stays compact; variable-length
// attributes (managed_by, certifications) live in shared side tables.
//
// A Network is built by the inventory reader (io/inventory_reader.hpp), which
// guarantees every index is valid; code that builds one by hand must call
// `Finalize()` and keep the same invariants.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_pool.hpp"
#include "core/text.hpp"
#include "model/vocabulary.hpp"

namespace redoubt {

using ElementIndex = std::uint32_t;
using LinkIndex = std::uint32_t;
using SiteIndex = std::uint32_t;
using VendorIndex = std::uint32_t;
using ServiceIndex = std::uint32_t;
using KindId = std::uint16_t;
using CertSetId = std::uint32_t;
inline constexpr std::uint32_t kNone = UINT32_MAX;
inline constexpr float kUnset = std::numeric_limits<float>::quiet_NaN();

// A criterion of a vendor's risk profile, with the public fact it rests on.
struct RiskCriterion {
  std::string name;       // state-interference, ownership, supply-assurance, product-quality
  Risk level = Risk::kUnknown;
  std::string rationale;  // e.g. "Art. 7, PRC National Intelligence Law (2017)"
};

struct Vendor {
  StringId id = kNoString;
  std::string name;
  std::string country;            // ISO 3166-1 alpha-2, may be empty when unknown
  Risk risk = Risk::kUnknown;     // declared, or the highest criterion level
  bool risk_declared = false;
  std::vector<RiskCriterion> criteria;
  std::vector<std::string> certifications;  // vendor-level (e.g. NESAS audit passed)
};

struct Site {
  StringId id = kNoString;
  SiteKind kind = SiteKind::kOther;
  double lat = std::numeric_limits<double>::quiet_NaN();
  double lon = std::numeric_limits<double>::quiet_NaN();
  StringId name = kNoString;
  StringId region = kNoString;
  StringId substation = kNoString;  // grid substation feeding the site
  float backup_hours = kUnset;      // battery/generator autonomy

  [[nodiscard]] bool HasCoordinates() const { return !std::isnan(lat) && !std::isnan(lon); }
};

struct Element {
  StringId id = kNoString;
  KindId kind = 0;
  Domain domain = Domain::kOther;
  VendorIndex vendor = kNone;
  SiteIndex site = kNone;          // kNone when the element has no site
  StringId model = kNoString;      // product line
  StringId software = kNoString;   // software version
  Days installed = kNoDate;
  Days retired = kNoDate;          // planned or actual removal; in service before it
  CertSetId certifications = 0;    // index into Network::cert_sets (0 = none)

  // Whether the element is in service on `date`: installed on or before it and
  // not yet retired. kNoDate stands for "any date": every element counts. The
  // one definition that every rule kind, the untrusted masks of service rules
  // and the alliance's conditions use.
  [[nodiscard]] bool InServiceOn(Days date) const {
    if (date == kNoDate) return true;
    return (installed == kNoDate || installed <= date) && (retired == kNoDate || date < retired);
  }
};

struct Link {
  StringId id = kNoString;  // required only to tell parallel links apart
  ElementIndex a = kNone;
  ElementIndex b = kNone;
  Medium medium = Medium::kUnknown;
  float capacity_gbps = kUnset;
  float latency_ms = kUnset;
  float length_km = kUnset;
  StringId conduit = kNoString;  // links sharing a conduit fail together
};

struct ServiceRequirements {
  std::uint32_t disjoint_paths = 0;          // node-disjoint paths to each needed function
  std::uint32_t trusted_disjoint_paths = 0;  // same, through trusted elements only
  bool trusted_paths = false;                // traffic never traverses untrusted equipment
  double max_recovery_hours = std::numeric_limits<double>::quiet_NaN();
};

struct Service {
  StringId id = kNoString;
  std::string name;
  Sector sector = Sector::kPublic;
  std::string owner;  // nation served (ISO alpha-2); may differ from the network's country
  Classification classification = Classification::kUnclassified;
  std::vector<ElementIndex> attach;  // attachment elements (non-empty)
  std::vector<KindId> needs;         // core functions that must be reachable
  double weight = 1.0;               // people or load served
  SiteIndex site = kNone;            // where the service is, when known
  ServiceRequirements requirements;
};

struct NetworkInfo {
  std::string id;
  std::string name;
  std::string country;
  Days as_of = kNoDate;
};

// A custom or built-in element kind as used by this network.
struct KindEntry {
  std::string name;
  Domain domain;
  bool builtin;
};

// Where a record came from, so findings can cite file:line.
struct Origin {
  std::uint16_t file = 0;  // index into Network::source_files
  std::uint32_t line = 0;
};

class Network {
 public:
  Network();

  NetworkInfo info;
  // Interned ids and names. Networks loaded together share one pool (so
  // loading never copies ids); a default-constructed Network has its own.
  std::shared_ptr<StringPool> strings;
  std::vector<KindEntry> kinds;  // built-in kinds first (KindId = builtin index), then custom
  std::vector<Vendor> vendors;
  std::vector<Site> sites;
  std::vector<Element> elements;
  std::vector<Link> links;
  std::vector<Service> services;

  // managed_by as CSR: managers of element e are
  // managed_by_targets[managed_by_offsets[e] .. managed_by_offsets[e + 1]).
  std::vector<std::uint32_t> managed_by_offsets;
  std::vector<ElementIndex> managed_by_targets;

  // Certification sets, deduplicated; set 0 is empty.
  std::vector<std::vector<StringId>> cert_sets;

  std::vector<std::string> source_files;
  std::vector<Origin> element_origins;
  std::vector<Origin> link_origins;

  [[nodiscard]] std::string_view Str(StringId id) const { return strings->View(id); }
  StringId Intern(std::string_view text) { return strings->Intern(text); }
  [[nodiscard]] std::string_view ElementId(ElementIndex e) const { return Str(elements[e].id); }
  [[nodiscard]] const KindEntry& Kind(ElementIndex e) const { return kinds[elements[e].kind]; }
  [[nodiscard]] std::span<const ElementIndex> ManagedBy(ElementIndex e) const;
  [[nodiscard]] std::span<const StringId> Certifications(ElementIndex e) const;
  [[nodiscard]] bool HasCertification(ElementIndex e, std::string_view cert) const;

  // Index lookups by id; kNone when absent. O(n) the first time for each
  // record type (builds an index), O(1) after.
  [[nodiscard]] ElementIndex FindElement(std::string_view id) const;
  [[nodiscard]] SiteIndex FindSite(std::string_view id) const;
  [[nodiscard]] VendorIndex FindVendor(std::string_view id) const;
  [[nodiscard]] std::optional<KindId> FindKind(std::string_view name) const;

  // Effective latency of a link for routing: latency_ms if given, else
  // 0.005 ms/km of length_km (light in fibre), else 0.1 ms.
  [[nodiscard]] static double EffectiveLatency(const Link& link);

  // Bytes held by the model (approximate, capacity-based), for bench/README.md.
  [[nodiscard]] std::size_t MemoryBytes() const;

  // Interns a certification set (sorted, deduplicated) and returns its id.
  CertSetId InternCertSet(std::vector<StringId> certs);

 private:
  std::map<std::vector<StringId>, CertSetId> cert_set_index_;
  mutable std::vector<std::uint32_t> element_by_string_;
  mutable std::vector<std::uint32_t> site_by_string_;
  mutable std::vector<std::uint32_t> vendor_by_string_;
  std::uint32_t LookUp(std::vector<std::uint32_t>& table, std::string_view id, int which) const;
};

}  // namespace redoubt
