// `region`: a disaster (flood, storm, earthquake, attack on an area) around a
// centre: each site within the radius is destroyed with a probability that
// falls with distance (a fragility curve), taking all its equipment down.
// Destroyed equipment is repaired.
//
//   hazard:
//     region:
//       centre: {lat: 53.48, lon: -2.24}     # or {site: man-dc1}, or largest-site
//       radius_km: 30
//       fragility: [{km: 0, probability: 0.9}, {km: 10, probability: 0.6},
//                   {km: 30, probability: 0.1}]   # linear between points
//       # or probability: 0.5 — the same at every distance within the radius
//
// `largest-site` centres the disaster on the site holding the most elements
// (the first in file order on ties), so one scenario fits any inventory.
// Distances are great-circle (haversine, mean Earth radius 6371.0088 km).
// Sites without coordinates are never hit. One draw per site in the radius,
// in site order.
#include <fmt/format.h>

#include <algorithm>

#include "core/geo.hpp"
#include "sim/hazards/hazard_util.hpp"

namespace redoubt {

namespace {

struct FragilityPoint {
  double km = 0;
  double probability = 0;
};

class RegionHazard final : public Hazard {
 public:
  enum class Centre : std::uint8_t { kCoordinates, kSite, kLargestSite };
  Centre centre = Centre::kCoordinates;
  double lat = 0;
  double lon = 0;
  std::string site;
  double radius_km = 0;
  double probability = 1;
  std::vector<FragilityPoint> fragility;  // ascending km
  // bound
  std::vector<std::pair<SiteIndex, double>> sites;  // site in radius, its probability
  std::vector<std::uint32_t> site_offsets;          // CSR: elements of each bound site
  std::vector<ElementIndex> site_elements;

  [[nodiscard]] double ProbabilityAt(double km) const {
    if (km > radius_km) return 0;
    if (fragility.empty()) return probability;
    if (km <= fragility.front().km) return fragility.front().probability;
    for (std::size_t index = 1; index < fragility.size(); ++index) {
      const FragilityPoint& lo = fragility[index - 1];
      const FragilityPoint& hi = fragility[index];
      if (km <= hi.km) {
        if (hi.km == lo.km) return hi.probability;
        return lo.probability + (hi.probability - lo.probability) * (km - lo.km) / (hi.km - lo.km);
      }
    }
    return fragility.back().probability;
  }

  std::unique_ptr<Hazard> Bind(const SimNetwork& net,
                               std::vector<std::string>& notes) const override {
    auto bound = std::make_unique<RegionHazard>(*this);
    const Network& network = *net.network;
    std::vector<std::uint32_t> per_site(network.sites.size(), 0);
    for (const Element& element : network.elements) {
      if (element.site != kNone) ++per_site[element.site];
    }
    double centre_lat = lat;
    double centre_lon = lon;
    if (centre != Centre::kCoordinates) {
      SiteIndex chosen = kNone;
      if (centre == Centre::kSite) {
        chosen = network.FindSite(site);
        if (chosen == kNone)
          notes.push_back(fmt::format("region hazard: site '{}' is unknown to this network", site));
      } else {
        for (SiteIndex index = 0; index < network.sites.size(); ++index) {
          if (!network.sites[index].HasCoordinates()) continue;
          if (chosen == kNone || per_site[index] > per_site[chosen]) chosen = index;
        }
      }
      if (chosen == kNone || !network.sites[chosen].HasCoordinates()) {
        notes.push_back(
            "region hazard: no centre site with coordinates; the hazard does nothing here");
        return bound;
      }
      centre_lat = network.sites[chosen].lat;
      centre_lon = network.sites[chosen].lon;
      notes.push_back(fmt::format("region hazard: centred on site '{}' ({:.4f}, {:.4f})",
                                  network.Str(network.sites[chosen].id), centre_lat, centre_lon));
    }
    std::vector<std::uint32_t> bound_position(network.sites.size(), kNone);
    for (SiteIndex index = 0; index < network.sites.size(); ++index) {
      const Site& record = network.sites[index];
      if (!record.HasCoordinates() || per_site[index] == 0) continue;
      const double p = ProbabilityAt(HaversineKm(centre_lat, centre_lon, record.lat, record.lon));
      if (p <= 0) continue;
      bound_position[index] = static_cast<std::uint32_t>(bound->sites.size());
      bound->sites.emplace_back(index, p);
    }
    bound->site_offsets.assign(bound->sites.size() + 1, 0);
    for (const Element& element : network.elements) {
      if (element.site != kNone && bound_position[element.site] != kNone) {
        ++bound->site_offsets[bound_position[element.site] + 1];
      }
    }
    for (std::size_t index = 0; index < bound->sites.size(); ++index) {
      bound->site_offsets[index + 1] += bound->site_offsets[index];
    }
    bound->site_elements.resize(bound->site_offsets.back());
    std::vector<std::uint32_t> fill(bound->site_offsets.begin(), bound->site_offsets.end() - 1);
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      const SiteIndex at = network.elements[element].site;
      if (at != kNone && bound_position[at] != kNone)
        bound->site_elements[fill[bound_position[at]]++] = element;
    }
    if (bound->sites.empty()) {
      notes.push_back(
          "region hazard: no site with equipment lies in the radius; the hazard does nothing here");
    }
    return bound;
  }

  void Sample(const SimNetwork&, Rng& rng, double start_hours,
              std::vector<Outage>& out) const override {
    for (std::size_t index = 0; index < sites.size(); ++index) {
      if (!rng.Bernoulli(sites[index].second)) continue;
      for (std::uint32_t at = site_offsets[index]; at < site_offsets[index + 1]; ++at) {
        out.push_back({.target = site_elements[at], .down_hours = start_hours});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Hazard> ReadRegionHazard(const Node& body, const HazardReadContext& context) {
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  MapReader reader(body, context.source, context.diagnostics, "region hazard",
                   {"centre", "radius_km", "fragility", "probability"});
  if (!reader.ok()) return nullptr;
  auto hazard = std::make_unique<RegionHazard>();
  if (const Node* centre = reader.Get("centre", Need::kRequired)) {
    if (centre->type == Node::Type::kString && centre->text == "largest-site") {
      hazard->centre = RegionHazard::Centre::kLargestSite;
    } else if (centre->IsMap() && centre->Find("site") != nullptr) {
      MapReader site(*centre, context.source, context.diagnostics, "centre of region hazard",
                     {"site"});
      hazard->centre = RegionHazard::Centre::kSite;
      hazard->site = site.String("site", Need::kRequired).value_or("");
    } else if (centre->IsMap()) {
      MapReader point(*centre, context.source, context.diagnostics, "centre of region hazard",
                      {"lat", "lon", "site"});
      hazard->lat = point.Number("lat", Need::kRequired, {.min = -90, .max = 90}).value_or(0);
      hazard->lon = point.Number("lon", Need::kRequired, {.min = -180, .max = 180}).value_or(0);
    } else {
      reader.Error(*centre,
                   "'centre' of region hazard must be {lat, lon}, {site: id} or largest-site",
                   "write centre: {lat: 53.48, lon: -2.24}");
    }
  }
  hazard->radius_km =
      reader.Number("radius_km", Need::kRequired, {.min = 0, .exclusive_min = true}).value_or(0);
  hazard->probability = hazard_util::ReadProbability(reader, "probability", 1);
  if (const Node* fragility = reader.Get("fragility")) {
    if (reader.Get("probability") != nullptr) {
      reader.Error(*fragility, "region hazard has both 'fragility' and 'probability'",
                   "keep one: a fragility curve, or one probability for the whole radius");
    }
    if (!fragility->IsSequence() || fragility->items.empty()) {
      reader.Error(*fragility, "'fragility' of region hazard must be a non-empty list",
                   "write fragility: [{km: 0, probability: 0.9}, {km: 30, probability: 0.1}]");
    } else {
      for (const Node& item : fragility->items) {
        MapReader point(item, context.source, context.diagnostics, "fragility point",
                        {"km", "probability"});
        FragilityPoint entry;
        entry.km = point.Number("km", Need::kRequired, {.min = 0}).value_or(0);
        entry.probability =
            point.Number("probability", Need::kRequired, {.min = 0, .max = 1}).value_or(0);
        if (point.ok() && !hazard->fragility.empty() && entry.km < hazard->fragility.back().km) {
          point.Error(
              item, "fragility points must be in increasing distance",
              fmt::format("put this point before the one at {} km", hazard->fragility.back().km));
        }
        hazard->fragility.push_back(entry);
      }
    }
  }
  if (context.diagnostics.ErrorCount() != errors_before) return nullptr;
  return hazard;
}

}  // namespace redoubt
