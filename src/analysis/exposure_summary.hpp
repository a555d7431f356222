// Totals of an exposure analysis for the people who act on it: per sector,
// classification and region (services and weight exposed, lost without
// untrusted equipment), per vendor (services whose routes it carries or
// manages, services lost when it is switched off, as a vendor × sector
// matrix), and the single points of failure that take the most weight down.
//
//   ExposureSummary summary = SummarizeExposure(network, result);
//
// O(services × route length + elements). Deterministic ordering: sectors and
// classifications in vocabulary order, regions by name, vendors by id, single
// points by weight lost (descending), then services, then id.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analysis/exposure.hpp"
#include "model/network.hpp"

namespace redoubt {

// The one tally behind the espionage and sabotage shares (model/figures.hpp):
// every total of exposed and lost weight, per network or over a member's
// services (alliance/posture.hpp), is summed by Add.
struct GroupTotals {
  std::string key;  // sector, classification, region name, "all" or "critical"
  std::size_t services = 0;
  double weight = 0;
  std::size_t up = 0;
  std::size_t exposed = 0;  // route through or managed by untrusted equipment
  double exposed_weight = 0;
  std::size_t lost_without_untrusted = 0;  // up now, down with every untrusted element off
  double lost_without_untrusted_weight = 0;
  std::size_t with_single_points = 0;  // up now, with an element whose loss alone takes it down

  void Add(const Service& service, const ServiceExposure& exposure);
  // The same from the figures Add reads.
  void Add(double service_weight, bool is_up, bool is_exposed, bool survives_untrusted_loss,
           bool has_single_points);
  // Figure::kEspionage and Figure::kSabotage over the services added;
  // nullopt when they weigh nothing.
  [[nodiscard]] std::optional<double> EspionageShare() const;
  [[nodiscard]] std::optional<double> SabotageShare() const;
};

struct SectorLoss {
  Sector sector = Sector::kPublic;
  std::size_t services = 0;
  double weight = 0;
};

struct VendorTotals {
  VendorIndex vendor = kNone;
  bool untrusted = false;  // every element of the vendor is untrusted
  std::size_t elements = 0;
  std::size_t services_carried = 0;  // a primary route passes through or is managed by it
  double weight_carried = 0;
  std::size_t services_lost = 0;  // up now, down with the vendor's elements off
  double weight_lost = 0;
  std::vector<SectorLoss> lost_by_sector;  // sectors with losses, in vocabulary order
};

struct SinglePointRank {
  std::uint32_t index = kNone;  // ElementIndex or SiteIndex
  std::size_t services = 0;
  double weight = 0;
};

struct ExposureSummary {
  GroupTotals total;     // every service of the network
  GroupTotals critical;  // its critical services (IsCritical, model/figures.hpp)
  std::vector<GroupTotals> by_sector;          // sectors with services
  std::vector<GroupTotals> by_classification;  // classifications with services
  std::vector<GroupTotals> by_region;          // "" when a service has no known region
  std::vector<VendorTotals> by_vendor;
  std::vector<SinglePointRank> top_elements;
  std::vector<SinglePointRank> top_sites;
};

// The region of a service: its site's, else its first attachment's site's, else "".
[[nodiscard]] std::string_view ServiceRegion(const Network& network, const Service& service);

[[nodiscard]] ExposureSummary SummarizeExposure(const Network& network, const ExposureResult& result,
                                                std::size_t top = 20);

}  // namespace redoubt
