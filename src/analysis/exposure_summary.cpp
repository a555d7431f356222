#include "analysis/exposure_summary.hpp"

#include <algorithm>
#include <map>

#include "model/figures.hpp"

namespace redoubt {

namespace {

std::vector<SinglePointRank> Rank(std::map<std::uint32_t, SinglePointRank>& ranks,
                                  const std::vector<std::string_view>& ids, std::size_t top) {
  std::vector<SinglePointRank> ranked;
  for (auto& [index, rank] : ranks) ranked.push_back(rank);
  std::sort(ranked.begin(), ranked.end(), [&](const SinglePointRank& x, const SinglePointRank& y) {
    if (x.weight != y.weight) return x.weight > y.weight;
    if (x.services != y.services) return x.services > y.services;
    return ids[x.index] < ids[y.index];
  });
  if (ranked.size() > top) ranked.resize(top);
  return ranked;
}

}  // namespace

void GroupTotals::Add(const Service& service, const ServiceExposure& exposure) {
  Add(service.weight, exposure.up, exposure.Exposed(), exposure.survives_untrusted_loss,
      !exposure.single_points.empty());
}

void GroupTotals::Add(double service_weight, bool is_up, bool is_exposed,
                      bool survives_untrusted_loss, bool has_single_points) {
  ++services;
  weight += service_weight;
  if (is_up) ++up;
  if (is_exposed) {
    ++exposed;
    exposed_weight += service_weight;
  }
  if (is_up && !survives_untrusted_loss) {
    ++lost_without_untrusted;
    lost_without_untrusted_weight += service_weight;
  }
  if (is_up && has_single_points) ++with_single_points;
}

std::optional<double> GroupTotals::EspionageShare() const {
  if (weight <= 0) return std::nullopt;
  return exposed_weight / weight;
}

std::optional<double> GroupTotals::SabotageShare() const {
  if (weight <= 0) return std::nullopt;
  return lost_without_untrusted_weight / weight;
}

std::string_view ServiceRegion(const Network& network, const Service& service) {
  SiteIndex site = service.site;
  if (site == kNone && !service.attach.empty()) site = network.elements[service.attach.front()].site;
  if (site == kNone || network.sites[site].region == kNoString) return {};
  return network.Str(network.sites[site].region);
}

ExposureSummary SummarizeExposure(const Network& network, const ExposureResult& result,
                                  std::size_t top) {
  ExposureSummary summary;
  summary.total.key = "all";
  summary.critical.key = "critical";
  std::vector<GroupTotals> sectors(SectorNames().size());
  std::vector<GroupTotals> classifications(ClassificationNames().size());
  std::map<std::string, GroupTotals, std::less<>> regions;

  const std::size_t vendor_count = network.vendors.size();
  std::vector<VendorTotals> vendors(vendor_count);
  std::vector<std::size_t> vendor_elements(vendor_count, 0);
  std::vector<std::size_t> vendor_untrusted(vendor_count, 0);
  for (ElementIndex element = 0; element < network.elements.size(); ++element) {
    const VendorIndex vendor = network.elements[element].vendor;
    if (vendor == kNone) continue;
    ++vendor_elements[vendor];
    if (result.untrusted[element]) ++vendor_untrusted[vendor];
  }
  // lost[vendor][sector]
  std::vector<std::vector<SectorLoss>> lost(vendor_count, std::vector<SectorLoss>(sectors.size()));
  std::vector<std::uint32_t> seen_vendor(vendor_count, kNone);
  std::map<std::uint32_t, SinglePointRank> element_ranks;
  std::map<std::uint32_t, SinglePointRank> site_ranks;

  for (const ServiceExposure& exposure : result.services) {
    const Service& service = network.services[exposure.service];
    summary.total.Add(service, exposure);
    if (IsCritical(service.sector)) summary.critical.Add(service, exposure);
    sectors[static_cast<std::size_t>(service.sector)].Add(service, exposure);
    classifications[static_cast<std::size_t>(service.classification)].Add(service, exposure);
    regions[std::string(ServiceRegion(network, service))].Add(service, exposure);

    // Vendors whose equipment carries or manages a primary route.
    auto carry = [&](ElementIndex element) {
      const VendorIndex vendor = network.elements[element].vendor;
      if (vendor == kNone || seen_vendor[vendor] == exposure.service) return;
      seen_vendor[vendor] = exposure.service;
      ++vendors[vendor].services_carried;
      vendors[vendor].weight_carried += service.weight;
    };
    for (const Route& route : exposure.routes) {
      for (ElementIndex element : route.path) {
        carry(element);
        for (ElementIndex manager : network.ManagedBy(element)) carry(manager);
      }
    }
    for (VendorIndex vendor : exposure.lost_with_vendors) {
      ++vendors[vendor].services_lost;
      vendors[vendor].weight_lost += service.weight;
      SectorLoss& cell = lost[vendor][static_cast<std::size_t>(service.sector)];
      ++cell.services;
      cell.weight += service.weight;
    }
    for (ElementIndex element : exposure.single_points) {
      SinglePointRank& rank = element_ranks[element];
      rank.index = element;
      ++rank.services;
      rank.weight += service.weight;
    }
    for (SiteIndex site : exposure.single_point_sites) {
      SinglePointRank& rank = site_ranks[site];
      rank.index = site;
      ++rank.services;
      rank.weight += service.weight;
    }
  }

  for (std::size_t sector = 0; sector < sectors.size(); ++sector) {
    if (sectors[sector].services == 0) continue;
    sectors[sector].key = std::string(SectorNames()[sector]);
    summary.by_sector.push_back(sectors[sector]);
  }
  for (std::size_t level = 0; level < classifications.size(); ++level) {
    if (classifications[level].services == 0) continue;
    classifications[level].key = std::string(ClassificationNames()[level]);
    summary.by_classification.push_back(classifications[level]);
  }
  for (auto& [region, totals] : regions) {
    totals.key = region;
    summary.by_region.push_back(totals);
  }
  for (VendorIndex vendor : result.vendors) {
    VendorTotals& totals = vendors[vendor];
    totals.vendor = vendor;
    totals.elements = vendor_elements[vendor];
    totals.untrusted = vendor_untrusted[vendor] == vendor_elements[vendor];
    for (std::size_t sector = 0; sector < sectors.size(); ++sector) {
      SectorLoss cell = lost[vendor][sector];
      if (cell.services == 0) continue;
      cell.sector = static_cast<Sector>(sector);
      totals.lost_by_sector.push_back(cell);
    }
    summary.by_vendor.push_back(totals);
  }
  std::sort(summary.by_vendor.begin(), summary.by_vendor.end(),
            [&](const VendorTotals& x, const VendorTotals& y) {
              return network.Str(network.vendors[x.vendor].id) < network.Str(network.vendors[y.vendor].id);
            });
  std::vector<std::string_view> element_ids(network.elements.size());
  for (ElementIndex element = 0; element < network.elements.size(); ++element) {
    element_ids[element] = network.ElementId(element);
  }
  std::vector<std::string_view> site_ids(network.sites.size());
  for (SiteIndex site = 0; site < network.sites.size(); ++site) site_ids[site] = network.Str(network.sites[site].id);
  summary.top_elements = Rank(element_ranks, element_ids, top);
  summary.top_sites = Rank(site_ranks, site_ids, top);
  return summary;
}

}  // namespace redoubt
