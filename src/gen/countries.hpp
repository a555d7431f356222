// The countries `redoubt generate` knows: extent, largest population centres,
// a few defence sites, and an illustrative mid-2019 vendor mix per domain.
//
// Cities, populations (approximate, city or urban area) and coordinates are
// public facts; the defence sites are publicly known bases, placed
// approximately. The vendor mixes are ILLUSTRATIVE — shaped after what was
// publicly reported about each country's operators in mid-2019 (e.g. Huawei
// in part of the RAN of UK, German and Canadian operators; none in the US
// national carriers' 5G), not any operator's real inventory.
#pragma once

#include <span>
#include <string_view>

namespace redoubt::gen {

struct City {
  std::string_view name;
  std::string_view region;  // first-level subdivision (state, Land, province, region)
  double lat;
  double lon;
  double population;
};

struct DefenceSite {
  std::string_view name;
  double lat;
  double lon;
  bool ministry;  // a defence ministry or headquarters rather than a base
};

struct CountryProfile {
  std::string_view code;  // ISO 3166-1 alpha-2
  std::string_view name;
  double south, west, north, east;  // extent used to clamp generated sites
  double rural_spread_km;           // how far rural sites scatter around towns
  std::span<const City> cities;     // largest first; cities[0] is the capital or largest
  std::size_t capital;              // index of the capital in `cities`
  std::span<const DefenceSite> defence;
  std::string_view default_mix;     // --vendor-mix syntax
  std::string_view operator_name;
};

// All known profiles, ordered by code.
[[nodiscard]] std::span<const CountryProfile> Countries();
// The profile for an ISO code (case-sensitive, e.g. "GB"); nullptr when unknown.
[[nodiscard]] const CountryProfile* FindCountry(std::string_view code);

}  // namespace redoubt::gen
