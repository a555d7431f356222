#include "gen/layout.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "gen/random.hpp"

namespace redoubt::gen {

namespace {

constexpr double kKmPerDegree = 111.195;
constexpr std::uint64_t kStreamCells = 1;

LatLon Offset(LatLon origin, double east_km, double north_km) {
  const double lat = origin.lat + north_km / kKmPerDegree;
  const double cos_lat = std::max(0.1, std::cos(lat * 3.14159265358979323846 / 180.0));
  return {lat, origin.lon + east_km / (kKmPerDegree * cos_lat)};
}

template <typename Positions>
LatLon Centroid(const Positions& positions, Range range) {
  double lat = 0, lon = 0;
  for (std::uint32_t index = range.first; index < range.end(); ++index) {
    lat += positions(index).lat;
    lon += positions(index).lon;
  }
  const double n = std::max<double>(1, range.count);
  return {RoundCoordinate(lat / n), RoundCoordinate(lon / n)};
}

std::uint32_t Ceil(std::uint32_t n, std::uint32_t per) { return (n + per - 1) / per; }

}  // namespace

Range Part(std::uint32_t n, std::uint32_t parts, std::uint32_t k) {
  const auto begin = static_cast<std::uint32_t>(static_cast<std::uint64_t>(n) * k / parts);
  const auto end = static_cast<std::uint32_t>(static_cast<std::uint64_t>(n) * (k + 1) / parts);
  return {begin, end - begin};
}

Layout MakeLayout(const CountryProfile& profile, std::uint64_t sites, std::uint32_t core_sites,
                  std::uint64_t seed) {
  Layout layout;
  const LatLon south_west{profile.south, profile.west};
  const LatLon north_east{profile.north, profile.east};
  const auto& cities = profile.cities;

  // Regions, in the order their cities first appear, then by Hilbert order.
  std::vector<std::uint32_t> city_region(cities.size());
  for (std::uint32_t city = 0; city < cities.size(); ++city) {
    auto it = std::find_if(layout.regions.begin(), layout.regions.end(),
                           [&](const Region& r) { return r.name == cities[city].region; });
    if (it == layout.regions.end()) {
      layout.regions.push_back({cities[city].region, city, 0, {}, {}, {}, 0, 0});
      it = layout.regions.end() - 1;
    }
    it->population += cities[city].population;
  }
  std::vector<std::uint64_t> region_key(layout.regions.size());
  for (std::size_t r = 0; r < layout.regions.size(); ++r) {
    const City& main = cities[layout.regions[r].main_city];
    region_key[r] = HilbertIndex({main.lat, main.lon}, south_west, north_east);
  }
  std::vector<std::uint32_t> region_order(layout.regions.size());
  std::iota(region_order.begin(), region_order.end(), 0u);
  std::sort(region_order.begin(), region_order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return region_key[a] != region_key[b] ? region_key[a] < region_key[b] : a < b;
  });
  {
    std::vector<Region> ordered;
    for (std::uint32_t r : region_order) ordered.push_back(layout.regions[r]);
    layout.regions = std::move(ordered);
  }
  for (std::uint32_t city = 0; city < cities.size(); ++city) {
    for (std::uint32_t r = 0; r < layout.regions.size(); ++r) {
      if (layout.regions[r].name == cities[city].region) city_region[city] = r;
    }
  }

  // Cell sites: density follows population; a rural share scatters wider.
  std::vector<double> cumulative(cities.size());
  double total = 0;
  for (std::size_t city = 0; city < cities.size(); ++city) {
    total += cities[city].population;
    cumulative[city] = total;
  }
  Random rng(seed, kStreamCells);
  std::vector<CellPlace> places(sites);
  for (CellPlace& place : places) {
    const double pick = rng.Uniform() * total;
    const auto city = static_cast<std::uint32_t>(std::min<std::size_t>(
        std::upper_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin(),
        cities.size() - 1));
    place.city = city;
    place.rural = rng.Chance(kRuralShare);
    const double sigma = place.rural ? profile.rural_spread_km
                                     : 2.0 + 6.0 * std::sqrt(cities[city].population / 1e6);
    const double east = rng.Normal() * sigma;
    const double north = rng.Normal() * sigma;
    LatLon position = Offset({cities[city].lat, cities[city].lon}, east, north);
    position.lat = RoundCoordinate(std::clamp(position.lat, profile.south, profile.north));
    position.lon = RoundCoordinate(std::clamp(position.lon, profile.west, profile.east));
    place.position = position;
  }
  // Order: region, then Hilbert index, then draw order (a total order).
  {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(sites);
    std::vector<std::uint32_t> counts(layout.regions.size(), 0);
    for (std::uint32_t index = 0; index < sites; ++index) {
      keys[index] = {HilbertIndex(places[index].position, south_west, north_east), index};
      ++counts[city_region[places[index].city]];
    }
    std::uint32_t offset = 0;
    for (std::uint32_t r = 0; r < layout.regions.size(); ++r) {
      layout.regions[r].cells = {offset, counts[r]};
      offset += counts[r];
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> sorted(sites);
    std::vector<std::uint32_t> fill(layout.regions.size(), 0);
    for (std::uint32_t index = 0; index < sites; ++index) {
      const std::uint32_t r = city_region[places[index].city];
      sorted[layout.regions[r].cells.first + fill[r]++] = keys[index];
    }
    for (const Region& region : layout.regions) {
      std::sort(sorted.begin() + region.cells.first, sorted.begin() + region.cells.end());
    }
    layout.cells.reserve(sites);
    layout.cell_region.reserve(sites);
    for (const auto& [key, index] : sorted) {
      layout.cells.push_back(places[index]);
      layout.cell_region.push_back(city_region[places[index].city]);
    }
  }

  // Hubs, exchanges and substations per region.
  for (std::uint32_t r = 0; r < layout.regions.size(); ++r) {
    Region& region = layout.regions[r];
    const std::uint32_t hub_count = Ceil(region.cells.count, kCellsPerHub);
    region.hubs = {static_cast<std::uint32_t>(layout.hubs.size()), hub_count};
    for (std::uint32_t k = 0; k < hub_count; ++k) {
      Range cells = Part(region.cells.count, hub_count, k);
      cells.first += region.cells.first;
      const LatLon centre =
          Centroid([&](std::uint32_t i) { return layout.cells[i].position; }, cells);
      layout.hubs.push_back({centre, r, cells, 0, 0});
    }
    const std::uint32_t exchange_count = Ceil(hub_count, kHubsPerExchange);
    region.exchanges = {static_cast<std::uint32_t>(layout.exchanges.size()), exchange_count};
    for (std::uint32_t k = 0; k < exchange_count; ++k) {
      Range hubs = Part(hub_count, exchange_count, k);
      hubs.first += region.hubs.first;
      const LatLon centre =
          Centroid([&](std::uint32_t i) { return layout.hubs[i].position; }, hubs);
      for (std::uint32_t hub = hubs.first; hub < hubs.end(); ++hub) {
        layout.hubs[hub].exchange = static_cast<std::uint32_t>(layout.exchanges.size());
      }
      layout.exchanges.push_back({centre, r, hubs});
    }
    const std::uint32_t feed_count = Ceil(hub_count, kHubsPerSubstation);
    for (std::uint32_t k = 0; k < feed_count; ++k) {
      Range hubs = Part(hub_count, feed_count, k);
      hubs.first += region.hubs.first;
      const LatLon centre =
          Centroid([&](std::uint32_t i) { return layout.hubs[i].position; }, hubs);
      for (std::uint32_t hub = hubs.first; hub < hubs.end(); ++hub) {
        layout.hubs[hub].substation = static_cast<std::uint32_t>(layout.substations.size());
      }
      layout.substations.push_back({centre, r});
    }
  }

  // Data centres: the largest cities of distinct regions.
  std::uint32_t dc_count = core_sites;
  if (dc_count == 0) dc_count = sites < 2000 ? 2 : (sites < 50000 ? 3 : 4);
  std::vector<bool> region_used(layout.regions.size(), false);
  for (std::uint32_t city = 0; city < cities.size() && layout.data_centres.size() < dc_count;
       ++city) {
    if (region_used[city_region[city]]) continue;
    region_used[city_region[city]] = true;
    DataCentre dc;
    // A few km out of the centre, where data centres usually are.
    const LatLon position = Offset({cities[city].lat, cities[city].lon}, 4.0, -3.0);
    dc.position = {RoundCoordinate(position.lat), RoundCoordinate(position.lon)};
    dc.city = city;
    dc.region = city_region[city];
    dc.substation = static_cast<std::uint32_t>(layout.substations.size());
    layout.substations.push_back({dc.position, dc.region});
    layout.data_centres.push_back(dc);
  }
  for (Region& region : layout.regions) {
    const City& main = cities[region.main_city];
    std::vector<std::pair<double, std::uint32_t>> by_distance;
    for (std::uint32_t dc = 0; dc < layout.data_centres.size(); ++dc) {
      by_distance.emplace_back(DistanceKm({main.lat, main.lon}, layout.data_centres[dc].position),
                               dc);
    }
    std::sort(by_distance.begin(), by_distance.end());
    if (by_distance.empty()) continue;  // no data centre: the region keeps the defaults
    region.dc_primary = by_distance[0].second;
    region.dc_secondary = by_distance.size() > 1 ? by_distance[1].second : by_distance[0].second;
  }
  return layout;
}

}  // namespace redoubt::gen
