// Critical services: placed near population, at the country's defence sites,
// and at given coordinates for foreign-owned services; each attaches to the
// RAN elements of its nearest cell sites.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "gen/builder.hpp"

namespace redoubt::gen {

namespace {

constexpr std::uint64_t kStreamServices = 5;
constexpr double kKmPerDegree = 111.195;

// "Düsseldorf" → "dusseldorf", "St. John's" → "st-john-s".
std::string Slug(std::string_view text) {
  static constexpr std::pair<std::string_view, char> kFold[] = {
      {"ä", 'a'}, {"ö", 'o'}, {"ü", 'u'}, {"ß", 's'}, {"ā", 'a'}, {"ē", 'e'}, {"ī", 'i'},
      {"ū", 'u'}, {"č", 'c'}, {"š", 's'}, {"ž", 'z'}, {"ģ", 'g'}, {"ķ", 'k'}, {"ļ", 'l'},
      {"ņ", 'n'}, {"é", 'e'}, {"è", 'e'}, {"Ā", 'a'}};
  std::string slug;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c) != 0 && c < 0x80) {
      slug += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    if (c >= 0x80) {
      bool folded = false;
      for (const auto& [from, to] : kFold) {
        if (text.substr(i).starts_with(from)) {
          slug += to;
          i += from.size();
          folded = true;
          break;
        }
      }
      if (folded) continue;
      ++i;
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
      continue;
    }
    if (!slug.empty() && slug.back() != '-') slug += '-';
    ++i;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

LatLon Jitter(Random& rng, LatLon centre, double sigma_km) {
  const double north = rng.Normal() * sigma_km;
  const double east = rng.Normal() * sigma_km;
  const double cos_lat = std::max(0.1, std::cos(centre.lat * 3.14159265358979323846 / 180.0));
  return {RoundCoordinate(centre.lat + north / kKmPerDegree),
          RoundCoordinate(centre.lon + east / (kKmPerDegree * cos_lat))};
}

}  // namespace

void Builder::AddService(std::string_view slug, std::string name, SiteKind kind, LatLon position,
                         Sector sector, Classification classification, double weight,
                         std::size_t attach_count, std::string owner) {
  const auto nearest = nearest_->Nearest(position, attach_count);
  if (nearest.empty()) return;
  const StringId id = Id("{}", slug);
  const std::uint32_t region = layout_.cell_region[nearest[0]];
  Service service;
  service.id = id;
  service.name = std::move(name);
  service.sector = sector;
  service.owner = owner.empty() ? std::string(profile_.code) : std::move(owner);
  service.classification = classification;
  for (std::uint32_t cell : nearest) service.attach.push_back(cell_attach_[cell]);
  for (std::string_view need : {"amf", "smf", "upf"}) service.needs.push_back(*FindBuiltinKind(need));
  service.weight = std::round(weight);
  service.site = AddSite(id, kind, position, region, kNone, kUnset,
                         network_.Intern(service.name));
  if (sector == Sector::kHealth || sector == Sector::kEnergy) {
    service.requirements.disjoint_paths = 2;
  }
  if (sector == Sector::kDefence || classification >= Classification::kSecret) {
    service.requirements.trusted_paths = true;
  }
  network_.services.push_back(std::move(service));
}

void Builder::AddCorridor(std::uint32_t from, std::uint32_t to, SiteKind kind, double weight) {
  const City& a = profile_.cities[from];
  const City& b = profile_.cities[to];
  const bool rail = kind == SiteKind::kRail;
  const LatLon middle{RoundCoordinate((a.lat + b.lat) / 2), RoundCoordinate((a.lon + b.lon) / 2)};
  // The cells nearest five points along the way carry the corridor's vehicles.
  std::vector<ElementIndex> attach;
  for (int step = 1; step <= 5; ++step) {
    const double t = step / 6.0;
    const LatLon point{a.lat + (b.lat - a.lat) * t, a.lon + (b.lon - a.lon) * t};
    for (std::uint32_t cell : nearest_->Nearest(point, 1)) {
      if (std::find(attach.begin(), attach.end(), cell_attach_[cell]) == attach.end()) {
        attach.push_back(cell_attach_[cell]);
      }
    }
  }
  const std::string slug =
      fmt::format("{}-{}-{}", rail ? "rail" : "road", Slug(a.name), Slug(b.name));
  AddService(slug, fmt::format("{} corridor {}–{}", rail ? "Rail" : "Road", a.name, b.name), kind,
             middle, Sector::kTransport, Classification::kUnclassified, weight, 1);
  network_.services.back().attach = std::move(attach);
}

void Builder::AddServices() {
  std::vector<LatLon> cells;
  cells.reserve(layout_.cells.size());
  for (const CellPlace& place : layout_.cells) cells.push_back(place.position);
  nearest_ = std::make_unique<NearestIndex>(cells);
  Random rng(options_.seed, kStreamServices);
  const auto& cities = profile_.cities;

  for (std::uint32_t c = 0; c < cities.size(); ++c) {
    const City& city = cities[c];
    const LatLon centre{city.lat, city.lon};
    const std::string slug = Slug(city.name);
    const double spread = 1.0 + 3.0 * std::sqrt(city.population / 1e6);
    const int hospitals = std::clamp(static_cast<int>(std::lround(city.population / 500000)), 1, 4);
    for (int k = 1; k <= hospitals; ++k) {
      AddService(fmt::format("hospital-{}-{}", slug, k), fmt::format("{} hospital {}", city.name, k),
                 SiteKind::kHospital, Jitter(rng, centre, spread), Sector::kHealth,
                 Classification::kUnclassified, city.population / hospitals, 2);
    }
    if (city.population >= 400000) {
      AddService(fmt::format("factory-{}", slug), fmt::format("{} industrial plant", city.name),
                 SiteKind::kFactory, Jitter(rng, centre, 2 * spread), Sector::kManufacturing,
                 Classification::kUnclassified, 3000, 2);
    }
    AddService(fmt::format("public-{}", slug), fmt::format("{} public mobile broadband", city.name),
               SiteKind::kOther, centre, Sector::kPublic, Classification::kUnclassified,
               city.population, 4);
  }
  for (const Region& region : layout_.regions) {
    const City& main = cities[region.main_city];
    const std::string slug = Slug(region.name);
    // A power station 15–40 km out of the region's main city.
    const double bearing = rng.Uniform() * 2 * 3.14159265358979323846;
    const double distance = rng.Uniform(15, 40);
    const double cos_lat = std::max(0.1, std::cos(main.lat * 3.14159265358979323846 / 180.0));
    const LatLon plant{RoundCoordinate(main.lat + distance * std::cos(bearing) / kKmPerDegree),
                       RoundCoordinate(main.lon + distance * std::sin(bearing) /
                                                      (kKmPerDegree * cos_lat))};
    AddService(fmt::format("power-{}", slug), fmt::format("{} power station", region.name),
               SiteKind::kPowerPlant, plant, Sector::kEnergy, Classification::kRestricted,
               region.population, 2);
    if (region.main_city != profile_.capital) {
      AddService(fmt::format("government-{}", slug),
                 fmt::format("{} regional government ({})", region.name, main.name),
                 SiteKind::kGovernment, Jitter(rng, {main.lat, main.lon}, 1), Sector::kGovernment,
                 Classification::kRestricted, 2000, 2);
    }
  }
  const City& capital = cities[profile_.capital];
  AddService("government-national", fmt::format("National government offices ({})", capital.name),
             SiteKind::kGovernment, Jitter(rng, {capital.lat, capital.lon}, 1),
             Sector::kGovernment, Classification::kConfidential, 20000, 3);
  // Transport corridors: rail between neighbours in size, roads from the largest city.
  const auto n = static_cast<std::uint32_t>(cities.size());
  for (std::uint32_t k = 0; k + 1 < n && k < 5; ++k) AddCorridor(k, k + 1, SiteKind::kRail, 20000);
  for (std::uint32_t k = 2; k < n && k < 5; ++k) AddCorridor(0, k, SiteKind::kRoad, 50000);
  if (options_.national_services) AddNationalServices(rng);
  for (const DefenceSite& site : profile_.defence) {
    AddService(fmt::format("defence-{}", Slug(site.name)), std::string(site.name),
               site.ministry ? SiteKind::kGovernment : SiteKind::kMilitary,
               {site.lat, site.lon}, Sector::kDefence, Classification::kSecret, 5000, 2);
  }
  for (std::size_t k = 0; k < options_.foreign_services.size(); ++k) {
    const ForeignService& foreign = options_.foreign_services[k];
    std::string owner_slug;
    for (char c : foreign.owner) owner_slug += static_cast<char>(std::tolower(c));
    std::string name = foreign.name.empty()
                           ? fmt::format("Forces of {} ({})", foreign.owner, k + 1)
                           : foreign.name;
    AddService(fmt::format("defence-{}-{}", owner_slug, k + 1), std::move(name),
               SiteKind::kMilitary, {RoundCoordinate(foreign.lat), RoundCoordinate(foreign.lon)},
               Sector::kDefence, Classification::kSecret, 1000, 2, foreign.owner);
  }
}

void Builder::AddNationalServices(Random& rng) {
  // The city's own cells (not its rural ones), in layout order: a service
  // goes near one of them, so services follow the cell density, which
  // follows population.
  const auto& cities = profile_.cities;
  std::vector<std::vector<std::uint32_t>> city_cells(cities.size());
  for (std::uint32_t cell = 0; cell < layout_.cells.size(); ++cell) {
    if (!layout_.cells[cell].rural) city_cells[layout_.cells[cell].city].push_back(cell);
  }
  for (std::uint32_t c = 0; c < cities.size(); ++c) {
    const City& city = cities[c];
    const auto& cells = city_cells[c];
    if (cells.empty()) continue;
    const std::string slug = Slug(city.name);
    for (const NationalServiceRate& rate : kNationalServiceRates) {
      const auto count = std::max<std::int64_t>(
          1, std::llround(city.population * rate.per_million / 1e6));
      const double served = city.population / static_cast<double>(count);
      for (std::int64_t k = 1; k <= count; ++k) {
        const std::uint32_t cell = cells[rng.Below(cells.size())];
        AddService(fmt::format("{}-{}-{}", rate.slug, slug, k),
                   fmt::format("{} {} {}", city.name, rate.name, k), rate.kind,
                   Jitter(rng, layout_.cells[cell].position, 0.5), rate.sector,
                   rate.classification, served, 2);
      }
    }
  }
}

}  // namespace redoubt::gen
