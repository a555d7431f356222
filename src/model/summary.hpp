// InventorySummary: what a network holds, for `redoubt info` and reports —
// counts by domain and kind, each vendor's share per domain (by elements and
// by sites), sites by kind, services by sector.
//
// O(elements + sites + services) time. Deterministic ordering: domains in
// vocabulary order, vendors by descending element count then id.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/network.hpp"

namespace redoubt {

struct VendorShare {
  std::string vendor;
  std::string risk;
  std::size_t elements = 0;
  double element_share = 0;  // of the domain's elements
  std::size_t sites = 0;     // sites where the vendor has an element of this domain
  double site_share = 0;     // of the sites with an element of this domain
};

struct DomainSummary {
  Domain domain;
  std::size_t elements = 0;
  std::size_t sites = 0;
  std::vector<std::pair<std::string, std::size_t>> kinds;  // by count desc, then name
  std::vector<VendorShare> vendors;
};

struct SectorSummary {
  Sector sector;
  std::size_t services = 0;
  double weight = 0;
};

struct InventorySummary {
  std::string network_id;
  std::string name;
  std::string country;
  std::string as_of;
  std::vector<std::string> files;
  std::size_t elements = 0;
  std::size_t links = 0;
  std::size_t sites = 0;
  std::size_t services = 0;
  std::size_t vendors_used = 0;
  std::vector<DomainSummary> domains;  // only domains with elements
  std::vector<std::pair<std::string, std::size_t>> sites_by_kind;
  std::vector<SectorSummary> sectors;  // only sectors with services
};

[[nodiscard]] InventorySummary Summarize(const Network& network);

// `redoubt/inventory-summary@1` document for a list of summaries.
[[nodiscard]] nlohmann::ordered_json SummaryJson(const std::vector<InventorySummary>& summaries);

}  // namespace redoubt
