// Internal to the generator: where everything goes, before any element
// exists. Cell sites are scattered around cities, ordered along a Hilbert
// curve within each region, and cut into hubs, aggregation rings and power
// feeds; data centres go to the largest cities of distinct regions.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "gen/countries.hpp"
#include "gen/geo.hpp"

namespace redoubt::gen {

inline constexpr std::uint32_t kCellsPerHub = 12;
inline constexpr std::uint32_t kHubsPerExchange = 8;
inline constexpr std::uint32_t kHubsPerSubstation = 4;
inline constexpr double kRuralShare = 0.25;

struct CellPlace {
  LatLon position;
  std::uint32_t city = 0;
  bool rural = false;
};

// A contiguous range [first, first + count) of some ordered list.
struct Range {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
  [[nodiscard]] std::uint32_t end() const { return first + count; }
};

struct Region {
  std::string_view name;
  std::uint32_t main_city = 0;  // most populous city of the region
  double population = 0;
  Range cells, hubs, exchanges;
  std::uint32_t dc_primary = 0;    // nearest data centre
  std::uint32_t dc_secondary = 0;  // second nearest (== primary with one data centre)
};

struct Hub {
  LatLon position;
  std::uint32_t region = 0;
  Range cells;
  std::uint32_t exchange = 0;    // the exchange it homes to first
  std::uint32_t substation = 0;
};

struct Exchange {
  LatLon position;
  std::uint32_t region = 0;
  Range hubs;
};

struct DataCentre {
  LatLon position;
  std::uint32_t city = 0;
  std::uint32_t region = 0;
  std::uint32_t substation = 0;
};

struct Substation {
  LatLon position;
  std::uint32_t region = 0;
};

struct Layout {
  std::vector<Region> regions;  // in Hilbert order of their main city
  std::vector<CellPlace> cells; // grouped by region, Hilbert order within
  std::vector<std::uint32_t> cell_region;
  std::vector<Hub> hubs;
  std::vector<Exchange> exchanges;
  std::vector<DataCentre> data_centres;
  std::vector<Substation> substations;
};

// Deterministic in (profile, sites, core_sites, seed).
[[nodiscard]] Layout MakeLayout(const CountryProfile& profile, std::uint64_t sites,
                                std::uint32_t core_sites, std::uint64_t seed);

// Splits n items into `parts` contiguous, balanced ranges (part k gets
// [k·n/parts, (k+1)·n/parts)).
[[nodiscard]] Range Part(std::uint32_t n, std::uint32_t parts, std::uint32_t k);

}  // namespace redoubt::gen
