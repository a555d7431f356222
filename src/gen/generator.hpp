// GenerateNetwork: a synthetic national 5G network, deterministic in its
// options (same options and seed → the same Network, hence byte-identical
// inventory JSON on every platform).
//
// Shape (per DESIGN.md, "The model"):
//   - geography: cell sites scattered around the country's largest cities
//     with density following population, plus a rural share further out;
//   - 2–4 core data centres (largest cities in distinct regions), each with
//     two core routers and pools of AMF/SMF/UPF and the other 5G core
//     functions (AUSF, UDM, UDR, PCF, NRF, NSSF, NEF, SEPP, SCP, CHF, NWDAF);
//     data centres are meshed with long-haul fibre;
//   - per region an aggregation ring of exchanges, whose two gateways home to
//     the two nearest data centres, and a regional edge (edge UPF + MEC);
//   - hubs (pre-aggregation) of ~12 cell sites, each dual-homed to the ring;
//     below a hub, cell sites hang as a fibre ring or as a tree of fibre and
//     microwave hops;
//   - cell sites hold a gNB, or RU + DU with the CU at the hub (--split-ran);
//   - one EMS per equipment vendor, managing that vendor's equipment; a
//     national OSS managing the EMSs and an SDN controller managing routers;
//   - vendors per domain by the requested shares, cut along a Hilbert-curve
//     order of regions and hubs so each vendor holds contiguous areas;
//   - power: substations per group of hubs, backup hours by site kind;
//   - life-cycle: installation dates by rollout area, software versions
//     from the installation date;
//   - critical services near population (hospitals, power plants,
//     factories, rail and road corridors, government, public broadband) and
//     at the country's defence sites, plus foreign-owned services at given
//     coordinates (allied forces stationed in the country).
//
// Complexity: O(sites · log sites) time, memory linear in the output.
// About 2.1 elements and 2.2 links per cell site.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "model/network.hpp"

namespace redoubt::gen {

struct VendorShare {
  std::string vendor;  // vendor id in the register
  double share = 0;    // in (0, 1]; a domain's shares sum to 1
};

// A service owned by another nation (or the host) at given coordinates:
// sector defence, classification secret, requires trusted paths.
struct ForeignService {
  std::string owner;  // ISO 3166-1 alpha-2
  double lat = 0;
  double lon = 0;
  std::string name;
};

struct GeneratorOptions {
  std::string country = "GB";
  std::string network_id;    // default "<cc>-op1" (lower-case code)
  std::string network_name;  // default from the country profile
  std::uint64_t seed = 1;
  std::uint64_t sites = 1000;  // cell sites
  // Vendor shares per domain (ran, transport, core, management, edge);
  // domains not given take the country's illustrative default.
  std::map<Domain, std::vector<VendorShare>> vendor_mix;
  double split_ran = 0.0;         // share of cell sites split into RU/DU/CU
  std::uint32_t core_sites = 0;   // data centres; 0 = 2, 3 or 4 by size
  Days as_of = 18078;             // 2019-07-01
  std::vector<ForeignService> foreign_services;
  // Critical services at national density (kNationalServiceRates): every
  // city gets its share of hospitals, substations, water plants, emergency,
  // finance, government, rail and industrial sites, in proportion to its
  // population, each weighted by the people it serves. Off by default: the
  // default networks keep their few city-level services.
  bool national_services = false;
  // Vendor registers: the bundled data/vendors.yaml unless told otherwise.
  std::vector<std::string> vendor_registers;
  bool use_bundled_vendors = true;
  // Called at the start of each phase (for a progress line); may be empty.
  std::function<void(std::string_view phase)> progress;
};

inline constexpr std::uint64_t kMaxSites = 20'000'000;

// With national_services: how many services of a sector a city of P people
// gets, round(P × per_million / 1e6) but at least one, each weighing
// P / count (the people it serves), so that a sector's weights sum to the
// population of the cities. Rates are illustrative orders of magnitude
// (about one health centre per 100,000 people), not a census.
struct NationalServiceRate {
  Sector sector;
  SiteKind kind;
  Classification classification;
  double per_million;
  std::string_view slug;  // id part: "<cc>-<slug>-<city>-<k>"
  std::string_view name;  // "<City> <name> <k>"
};
inline constexpr NationalServiceRate kNationalServiceRates[] = {
    {Sector::kHealth, SiteKind::kHospital, Classification::kUnclassified, 10, "health", "health centre"},
    {Sector::kEnergy, SiteKind::kSubstation, Classification::kRestricted, 20, "substation", "substation"},
    {Sector::kWater, SiteKind::kWater, Classification::kUnclassified, 10, "water", "water plant"},
    {Sector::kEmergency, SiteKind::kGovernment, Classification::kRestricted, 20, "emergency", "emergency station"},
    {Sector::kFinance, SiteKind::kFinance, Classification::kUnclassified, 4, "finance", "bank data centre"},
    {Sector::kGovernment, SiteKind::kOffice, Classification::kRestricted, 5, "office", "government office"},
    {Sector::kTransport, SiteKind::kRail, Classification::kUnclassified, 5, "station", "rail station"},
    {Sector::kManufacturing, SiteKind::kFactory, Classification::kUnclassified, 5, "plant", "industrial plant"},
};

// Parses "ran=huawei:0.4,ericsson:0.6 core=nokia:1" (domains separated by
// spaces or ';') into `mix`; problems are reported against `where`
// (e.g. "--vendor-mix"), column = position in `text`.
void ParseVendorMix(std::string_view text, std::string_view where,
                    std::map<Domain, std::vector<VendorShare>>& mix, Diagnostics& diagnostics);

// Parses "OWNER,LAT,LON[,NAME]" (the name may contain commas).
[[nodiscard]] std::optional<ForeignService> ParseForeignService(std::string_view text,
                                                                std::string_view where,
                                                                Diagnostics& diagnostics);

// Builds the network; the options are validated first, and every problem
// (unknown country or vendor, shares not summing to 1, ...) is reported.
// Reads the vendor registers named in the options.
[[nodiscard]] Result<Network> GenerateNetwork(const GeneratorOptions& options);

}  // namespace redoubt::gen
