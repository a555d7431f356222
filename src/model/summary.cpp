#include "model/summary.hpp"

#include <algorithm>
#include <map>

namespace redoubt {

namespace {

template <typename Count>
void SortByCountThenName(std::vector<std::pair<std::string, Count>>& entries) {
  std::sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
}

}  // namespace

InventorySummary Summarize(const Network& network) {
  InventorySummary summary;
  summary.network_id = network.info.id;
  summary.name = network.info.name;
  summary.country = network.info.country;
  summary.as_of = FormatIsoDate(network.info.as_of);
  summary.files = network.source_files;
  summary.elements = network.elements.size();
  summary.links = network.links.size();
  summary.sites = network.sites.size();
  summary.services = network.services.size();

  const std::size_t vendor_count = network.vendors.size();
  std::vector<std::size_t> domain_elements(kDomainCount, 0);
  std::vector<std::size_t> kind_counts(network.kinds.size(), 0);
  // (domain, vendor) element counts, and the set of (domain, vendor, site) seen.
  std::vector<std::size_t> domain_vendor(kDomainCount * vendor_count, 0);
  std::vector<std::uint64_t> domain_vendor_site;
  std::vector<std::uint64_t> domain_site;
  domain_vendor_site.reserve(network.elements.size());
  domain_site.reserve(network.elements.size());
  std::vector<bool> vendor_used(vendor_count, false);
  for (const Element& element : network.elements) {
    const auto domain = static_cast<std::size_t>(element.domain);
    ++domain_elements[domain];
    ++kind_counts[element.kind];
    ++domain_vendor[domain * vendor_count + element.vendor];
    vendor_used[element.vendor] = true;
    if (element.site != kNone) {
      domain_vendor_site.push_back((static_cast<std::uint64_t>(domain * vendor_count +
                                                               element.vendor)
                                    << 32) |
                                   element.site);
      domain_site.push_back((static_cast<std::uint64_t>(domain) << 32) | element.site);
    }
  }
  summary.vendors_used = static_cast<std::size_t>(std::count(vendor_used.begin(), vendor_used.end(), true));
  auto unique_sorted = [](std::vector<std::uint64_t>& keys) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  };
  unique_sorted(domain_vendor_site);
  unique_sorted(domain_site);
  std::vector<std::size_t> sites_per_domain_vendor(kDomainCount * vendor_count, 0);
  for (std::uint64_t key : domain_vendor_site) ++sites_per_domain_vendor[key >> 32];
  std::vector<std::size_t> sites_per_domain(kDomainCount, 0);
  for (std::uint64_t key : domain_site) ++sites_per_domain[key >> 32];

  for (std::size_t domain = 0; domain < static_cast<std::size_t>(kDomainCount); ++domain) {
    if (domain_elements[domain] == 0) continue;
    DomainSummary entry;
    entry.domain = static_cast<Domain>(domain);
    entry.elements = domain_elements[domain];
    entry.sites = sites_per_domain[domain];
    std::map<std::string, std::size_t> kinds;
    for (const Element& element : network.elements) {
      if (static_cast<std::size_t>(element.domain) == domain) ++kinds[network.kinds[element.kind].name];
    }
    entry.kinds.assign(kinds.begin(), kinds.end());
    SortByCountThenName(entry.kinds);
    for (VendorIndex vendor = 0; vendor < vendor_count; ++vendor) {
      const std::size_t count = domain_vendor[domain * vendor_count + vendor];
      if (count == 0) continue;
      VendorShare share;
      share.vendor = std::string(network.Str(network.vendors[vendor].id));
      share.risk = std::string(Name(network.vendors[vendor].risk));
      share.elements = count;
      share.element_share = static_cast<double>(count) / static_cast<double>(entry.elements);
      share.sites = sites_per_domain_vendor[domain * vendor_count + vendor];
      share.site_share = entry.sites == 0 ? 0.0
                                          : static_cast<double>(share.sites) /
                                                static_cast<double>(entry.sites);
      entry.vendors.push_back(std::move(share));
    }
    std::sort(entry.vendors.begin(), entry.vendors.end(), [](const auto& x, const auto& y) {
      return x.elements != y.elements ? x.elements > y.elements : x.vendor < y.vendor;
    });
    summary.domains.push_back(std::move(entry));
  }

  std::map<std::string, std::size_t> site_kinds;
  for (const Site& site : network.sites) ++site_kinds[std::string(Name(site.kind))];
  summary.sites_by_kind.assign(site_kinds.begin(), site_kinds.end());
  SortByCountThenName(summary.sites_by_kind);

  std::vector<SectorSummary> sectors(SectorNames().size());
  for (std::size_t sector = 0; sector < sectors.size(); ++sector) {
    sectors[sector].sector = static_cast<Sector>(sector);
  }
  for (const Service& service : network.services) {
    SectorSummary& sector = sectors[static_cast<std::size_t>(service.sector)];
    ++sector.services;
    sector.weight += service.weight;
  }
  for (const SectorSummary& sector : sectors) {
    if (sector.services > 0) summary.sectors.push_back(sector);
  }
  return summary;
}

nlohmann::ordered_json SummaryJson(const std::vector<InventorySummary>& summaries) {
  using Json = nlohmann::ordered_json;
  Json document;
  document["format"] = "redoubt/inventory-summary@1";
  Json networks = Json::array();
  for (const InventorySummary& summary : summaries) {
    Json network;
    network["id"] = summary.network_id;
    network["name"] = summary.name;
    network["country"] = summary.country;
    network["as_of"] = summary.as_of;
    network["files"] = summary.files;
    network["counts"] = {{"elements", summary.elements}, {"links", summary.links},
                         {"sites", summary.sites},       {"services", summary.services},
                         {"vendors", summary.vendors_used}};
    Json domains = Json::array();
    for (const DomainSummary& domain : summary.domains) {
      Json entry;
      entry["domain"] = Name(domain.domain);
      entry["elements"] = domain.elements;
      entry["sites"] = domain.sites;
      Json kinds = Json::object();
      for (const auto& [kind, count] : domain.kinds) kinds[kind] = count;
      entry["kinds"] = kinds;
      Json vendors = Json::array();
      for (const VendorShare& share : domain.vendors) {
        vendors.push_back({{"vendor", share.vendor},
                           {"risk", share.risk},
                           {"elements", share.elements},
                           {"element_share", share.element_share},
                           {"sites", share.sites},
                           {"site_share", share.site_share}});
      }
      entry["vendors"] = vendors;
      domains.push_back(std::move(entry));
    }
    network["domains"] = domains;
    Json site_kinds = Json::object();
    for (const auto& [kind, count] : summary.sites_by_kind) site_kinds[kind] = count;
    network["sites_by_kind"] = site_kinds;
    Json sectors = Json::array();
    for (const SectorSummary& sector : summary.sectors) {
      sectors.push_back(
          {{"sector", Name(sector.sector)}, {"services", sector.services}, {"weight", sector.weight}});
    }
    network["services_by_sector"] = sectors;
    networks.push_back(std::move(network));
  }
  document["networks"] = networks;
  return document;
}

}  // namespace redoubt
