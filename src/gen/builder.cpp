#include "gen/builder.hpp"

#include <algorithm>
#include <cmath>

namespace redoubt::gen {

namespace {

// Random streams, one per phase, so a change in one phase leaves the others be.
constexpr std::uint64_t kStreamDates = 2;
constexpr std::uint64_t kStreamBackhaul = 3;

constexpr int kYear = 365;

// Core functions per data centre; the first three come in pools.
constexpr std::array<std::string_view, 14> kCoreKinds = {
    "amf", "smf", "upf", "ausf", "udm", "udr", "pcf", "nrf", "nssf", "nef", "sepp", "scp", "chf",
    "nwdaf"};

Family CoreFamily(std::string_view kind) {
  if (kind == "upf") return Family::kCoreUser;
  if (kind == "udm" || kind == "udr" || kind == "ausf") return Family::kSubscriber;
  return Family::kCoreControl;
}

float Length(LatLon a, LatLon b) {
  return static_cast<float>(std::round(DistanceKm(a, b) * 100.0) / 100.0);
}

}  // namespace

std::vector<VendorIndex> AssignByCut(const std::vector<double>& weights, const Mix& mix) {
  std::vector<VendorIndex> result(weights.size(), mix.vendors.empty() ? kNone : mix.vendors[0]);
  if (mix.vendors.empty()) return result;
  double total = 0;
  for (double weight : weights) total += weight;
  if (total <= 0) return result;
  double before = 0;
  for (std::size_t unit = 0; unit < weights.size(); ++unit) {
    const double midpoint = (before + weights[unit] / 2) / total;
    before += weights[unit];
    double cumulative = 0;
    std::size_t slot = mix.vendors.size() - 1;
    for (std::size_t k = 0; k < mix.shares.size(); ++k) {
      cumulative += mix.shares[k];
      if (midpoint < cumulative) {
        slot = k;
        break;
      }
    }
    result[unit] = mix.vendors[slot];
  }
  return result;
}

Builder::Builder(const GeneratorOptions& options, const CountryProfile& profile,
                 const Layout& layout, std::array<Mix, kDomainCount> mixes, Network& network)
    : options_(options), profile_(profile), layout_(layout), mixes_(std::move(mixes)),
      network_(network) {
  for (char c : profile.code) prefix_ += static_cast<char>(c - 'A' + 'a');
  prefix_ += '-';
}

void Builder::Progress(std::string_view phase) const {
  if (options_.progress) options_.progress(phase);
}

void Builder::Build() {
  AssignVendors();
  Progress("sites");
  AddSites();
  Progress("core and management");
  network_.managed_by_offsets.push_back(0);
  certified_ = network_.InternCertSet({network_.Intern("nesas")});
  AddManagement();
  AddCore();
  Progress("aggregation");
  AddAggregation();
  Progress("access");
  AddAccess();
  Progress("services");
  AddServices();
}

void Builder::AssignVendors() {
  const Mix& ran = mixes_[static_cast<int>(Domain::kRan)];
  const Mix& transport = mixes_[static_cast<int>(Domain::kTransport)];
  std::vector<double> weights;
  for (const Hub& hub : layout_.hubs) weights.push_back(hub.cells.count);
  ran_by_hub_ = AssignByCut(weights, ran);

  // Transport in one order: data centres, then region by region its ring and hubs.
  weights.clear();
  for (std::size_t dc = 0; dc < layout_.data_centres.size(); ++dc) weights.push_back(2);
  for (const Region& region : layout_.regions) {
    weights.push_back(region.exchanges.count);
    for (std::uint32_t hub = region.hubs.first; hub < region.hubs.end(); ++hub) {
      weights.push_back(1 + layout_.hubs[hub].cells.count);
    }
  }
  const auto cut = AssignByCut(weights, transport);
  std::size_t unit = 0;
  for (std::size_t dc = 0; dc < layout_.data_centres.size(); ++dc) {
    transport_by_dc_.push_back(cut[unit++]);
  }
  transport_by_exchange_.resize(layout_.exchanges.size());
  transport_by_hub_.resize(layout_.hubs.size());
  for (const Region& region : layout_.regions) {
    const VendorIndex ring = cut[unit++];
    for (std::uint32_t ex = region.exchanges.first; ex < region.exchanges.end(); ++ex) {
      transport_by_exchange_[ex] = ring;
    }
    for (std::uint32_t hub = region.hubs.first; hub < region.hubs.end(); ++hub) {
      transport_by_hub_[hub] = cut[unit++];
    }
  }

  // Core: instances ordered by function, then data centre, so each function
  // family tends to come from one vendor, as operators buy them.
  const std::size_t dcs = layout_.data_centres.size();
  const std::size_t pool = 1 + options_.sites / 200000;
  weights.clear();
  for (std::string_view kind : kCoreKinds) {
    const std::size_t per_dc = (kind == "amf" || kind == "smf" || kind == "upf") ? pool : 1;
    for (std::size_t n = 0; n < dcs * per_dc; ++n) weights.push_back(1);
  }
  core_by_instance_ = AssignByCut(weights, mixes_[static_cast<int>(Domain::kCore)]);

  weights.assign(layout_.regions.size(), 1);
  edge_by_region_ = AssignByCut(weights, mixes_[static_cast<int>(Domain::kEdge)]);
  weights.assign(2, 1);
  management_ = AssignByCut(weights, mixes_[static_cast<int>(Domain::kManagement)]);
}

SiteIndex Builder::AddSite(StringId id, SiteKind kind, LatLon position, std::uint32_t region,
                           std::uint32_t substation, float backup_hours, StringId name) {
  Site site;
  site.id = id;
  site.kind = kind;
  site.lat = position.lat;
  site.lon = position.lon;
  site.name = name;
  site.region = region_name_[region];
  if (substation != kNone) site.substation = substation_id_[substation];
  site.backup_hours = backup_hours;
  network_.sites.push_back(site);
  return static_cast<SiteIndex>(network_.sites.size() - 1);
}

void Builder::AddSites() {
  for (const Region& region : layout_.regions) region_name_.push_back(network_.Intern(region.name));
  for (std::size_t sub = 0; sub < layout_.substations.size(); ++sub) {
    substation_id_.push_back(Id("sub{}", sub + 1));
  }
  const std::size_t total = layout_.data_centres.size() + layout_.exchanges.size() +
                            layout_.hubs.size() + layout_.cells.size() +
                            layout_.substations.size();
  network_.sites.reserve(total + 256);
  for (std::size_t dc = 0; dc < layout_.data_centres.size(); ++dc) {
    const DataCentre& centre = layout_.data_centres[dc];
    dc_site_.push_back(AddSite(Id("dc{}", dc + 1), SiteKind::kDatacenter, centre.position,
                               centre.region, centre.substation, 48,
                               network_.Intern(fmt::format(
                                   "{} data centre", profile_.cities[centre.city].name))));
  }
  for (std::size_t ex = 0; ex < layout_.exchanges.size(); ++ex) {
    const Exchange& exchange = layout_.exchanges[ex];
    exchange_site_.push_back(AddSite(Id("ex{}", ex + 1), SiteKind::kExchange, exchange.position,
                                     exchange.region,
                                     layout_.hubs[exchange.hubs.first].substation, 8));
  }
  for (std::size_t h = 0; h < layout_.hubs.size(); ++h) {
    const Hub& hub = layout_.hubs[h];
    hub_site_.push_back(
        AddSite(Id("hub{}", h + 1), SiteKind::kHub, hub.position, hub.region, hub.substation, 4));
  }
  first_cell_site_ = static_cast<SiteIndex>(network_.sites.size());
  for (std::size_t h = 0; h < layout_.hubs.size(); ++h) {
    const Hub& hub = layout_.hubs[h];
    for (std::uint32_t cell = hub.cells.first; cell < hub.cells.end(); ++cell) {
      const CellPlace& place = layout_.cells[cell];
      AddSite(Id("cell{}", cell + 1), SiteKind::kCell, place.position, hub.region,
              hub.substation, place.rural ? 4 : 2);
    }
  }
  for (std::size_t sub = 0; sub < layout_.substations.size(); ++sub) {
    const Substation& substation = layout_.substations[sub];
    substation_site_.push_back(AddSite(substation_id_[sub], SiteKind::kSubstation,
                                       substation.position, substation.region, kNone, kUnset));
  }
}

StringId Builder::Model(VendorIndex vendor, Family family) {
  const std::uint64_t key = (static_cast<std::uint64_t>(vendor) << 8) | static_cast<int>(family);
  auto [it, inserted] = model_cache_.try_emplace(key, kNoString);
  if (inserted) {
    const Vendor& record = network_.vendors[vendor];
    it->second = network_.Intern(ProductLine(network_.Str(record.id), record.name, family));
  }
  return it->second;
}

StringId Builder::Software(VendorIndex vendor, Family family, Days installed,
                           std::uint32_t patch) {
  const int release = ReleaseOf(installed);
  const std::uint64_t key = (static_cast<std::uint64_t>(vendor) << 32) |
                            (static_cast<std::uint64_t>(release) << 16) |
                            (static_cast<std::uint64_t>(static_cast<int>(family)) << 4) | patch;
  auto [it, inserted] = software_cache_.try_emplace(key, kNoString);
  if (inserted) {
    it->second = network_.Intern(
        SoftwareVersion(network_.Str(network_.vendors[vendor].id), family, release, patch));
  }
  return it->second;
}

Days Builder::InstallDate(Random& rng, Days base, int jitter_days) const {
  const Days date = base + static_cast<Days>(rng.Below(static_cast<std::uint64_t>(jitter_days) + 1));
  return std::min(date, options_.as_of);
}

ElementIndex Builder::AddElement(StringId id, std::string_view kind, VendorIndex vendor,
                                 SiteIndex site, Family family, Days installed, bool routed) {
  Element element;
  element.id = id;
  const KindId kind_id = *FindBuiltinKind(kind);
  element.kind = kind_id;
  element.domain = network_.kinds[kind_id].domain;
  element.vendor = vendor;
  element.site = site;
  element.model = Model(vendor, family);
  element.installed = installed;
  // Patch level: spread by element so a version is shared by a slice of the fleet.
  const auto patch = static_cast<std::uint32_t>(Random::Mix(id) % 4);
  element.software = Software(vendor, family, installed, patch);
  if (element.domain == Domain::kCore &&
      Random::Mix((static_cast<std::uint64_t>(vendor) << 8) ^ static_cast<int>(family) ^
                  options_.seed) % 10 < 7) {
    element.certifications = certified_;
  }
  const auto index = static_cast<ElementIndex>(network_.elements.size());
  network_.elements.push_back(element);
  // Managers: the vendor's EMS (not for the OSS, SDN and EMSs themselves),
  // and the SDN controller for routed transport.
  ElementIndex managers[2];
  int count = 0;
  if (vendor < ems_by_vendor_.size() && ems_by_vendor_[vendor] != kNone &&
      element.domain != Domain::kManagement) {
    managers[count++] = ems_by_vendor_[vendor];
  }
  if (routed && sdn_ != kNone) managers[count++] = sdn_;
  if (element.domain == Domain::kManagement && oss_ != kNone && index != oss_) {
    managers[count++] = oss_;
  }
  std::sort(managers, managers + count);
  for (int k = 0; k < count; ++k) network_.managed_by_targets.push_back(managers[k]);
  network_.managed_by_offsets.push_back(
      static_cast<std::uint32_t>(network_.managed_by_targets.size()));
  return index;
}

void Builder::AddLink(ElementIndex a, ElementIndex b, Medium medium, float capacity_gbps,
                      StringId conduit) {
  Link link;
  link.a = a;
  link.b = b;
  link.medium = medium;
  link.capacity_gbps = capacity_gbps;
  const SiteIndex site_a = network_.elements[a].site;
  const SiteIndex site_b = network_.elements[b].site;
  link.length_km = site_a == site_b ? 0.0f : Length(SiteLocation(site_a), SiteLocation(site_b));
  link.conduit = conduit;
  network_.links.push_back(link);
}

void Builder::AddManagement() {
  Random rng(options_.seed, kStreamDates);
  const Days base = options_.as_of - 6 * kYear;
  const SiteIndex oss_site = dc_site_[0];
  const SiteIndex sdn_site = dc_site_[dc_site_.size() > 1 ? 1 : 0];
  oss_ = AddElement(Id("oss"), "oss", management_[0], oss_site, Family::kOss,
                    InstallDate(rng, base, 4 * kYear));
  sdn_ = AddElement(Id("sdn"), "sdn-controller", management_[1], sdn_site, Family::kSdn,
                    InstallDate(rng, options_.as_of - 3 * kYear, 2 * kYear));
  // One EMS per equipment vendor, spread over the data centres.
  std::vector<bool> used(network_.vendors.size(), false);
  for (const auto* list : {&ran_by_hub_, &transport_by_dc_, &transport_by_exchange_,
                           &transport_by_hub_, &core_by_instance_, &edge_by_region_}) {
    for (VendorIndex vendor : *list) used[vendor] = true;
  }
  ems_by_vendor_.assign(network_.vendors.size(), kNone);
  std::size_t ordinal = 0;
  for (VendorIndex vendor = 0; vendor < network_.vendors.size(); ++vendor) {
    if (!used[vendor]) continue;
    const SiteIndex site = dc_site_[ordinal++ % dc_site_.size()];
    ems_by_vendor_[vendor] =
        AddElement(Id("ems-{}", network_.Str(network_.vendors[vendor].id)), "ems", vendor, site,
                   Family::kEms, InstallDate(rng, base, 5 * kYear));
  }
}

void Builder::AddCore() {
  Random rng(options_.seed, kStreamDates + 100);
  const std::size_t dcs = layout_.data_centres.size();
  for (std::size_t dc = 0; dc < dcs; ++dc) {
    const Days base = options_.as_of - 4 * kYear;
    std::array<ElementIndex, 2> routers{};
    for (int k = 0; k < 2; ++k) {
      routers[k] = AddElement(Id("dc{}-rtr{}", dc + 1, k + 1), "router", transport_by_dc_[dc],
                              dc_site_[dc], Family::kCoreRouter, InstallDate(rng, base, 3 * kYear),
                              true);
    }
    AddLink(routers[0], routers[1], Medium::kFiber, 400);
    dc_router_.push_back(routers);
  }
  // Long-haul mesh between data centres: plane 1 and plane 2 routers.
  for (std::size_t a = 0; a < dcs; ++a) {
    for (std::size_t b = a + 1; b < dcs; ++b) {
      AddLink(dc_router_[a][0], dc_router_[b][0], Medium::kFiber, 400);
      AddLink(dc_router_[a][1], dc_router_[b][1], Medium::kFiber, 400);
    }
  }
  // Management systems sit in the data centres, on both routers.
  for (ElementIndex element = 0; element < network_.elements.size(); ++element) {
    if (network_.elements[element].domain != Domain::kManagement) continue;
    const auto dc = static_cast<std::size_t>(
        std::find(dc_site_.begin(), dc_site_.end(), network_.elements[element].site) -
        dc_site_.begin());
    AddLink(element, dc_router_[dc][0], Medium::kInternal, 10);
    AddLink(element, dc_router_[dc][1], Medium::kInternal, 10);
  }
  // Core functions, in the same order as AssignVendors cut them.
  const std::size_t pool = 1 + options_.sites / 200000;
  std::size_t instance = 0;
  for (std::string_view kind : kCoreKinds) {
    const std::size_t per_dc = (kind == "amf" || kind == "smf" || kind == "upf") ? pool : 1;
    for (std::size_t dc = 0; dc < dcs; ++dc) {
      for (std::size_t n = 0; n < per_dc; ++n) {
        const VendorIndex vendor = core_by_instance_[instance++];
        const ElementIndex element = AddElement(
            Id("dc{}-{}{}", dc + 1, kind, n + 1), kind, vendor, dc_site_[dc], CoreFamily(kind),
            InstallDate(rng, options_.as_of - 2 * kYear, 2 * kYear));
        AddLink(element, dc_router_[dc][0], Medium::kInternal, 100);
        AddLink(element, dc_router_[dc][1], Medium::kInternal, 100);
      }
    }
  }
}

void Builder::AddAggregation() {
  Random rng(options_.seed, kStreamDates + 200);
  exchange_router_.resize(layout_.exchanges.size());
  for (std::uint32_t r = 0; r < layout_.regions.size(); ++r) {
    const Region& region = layout_.regions[r];
    if (region.exchanges.count == 0) continue;
    const Days base = InstallDate(rng, options_.as_of - 8 * kYear, 6 * kYear);
    for (std::uint32_t ex = region.exchanges.first; ex < region.exchanges.end(); ++ex) {
      exchange_router_[ex] =
          AddElement(Id("ex{}-rtr", ex + 1), "router", transport_by_exchange_[ex],
                     exchange_site_[ex], Family::kAggRouter, InstallDate(rng, base, 180), true);
    }
    // The ring (a single link for two exchanges).
    const std::uint32_t n = region.exchanges.count;
    for (std::uint32_t k = 0; k + 1 < n; ++k) {
      AddLink(exchange_router_[region.exchanges.first + k],
              exchange_router_[region.exchanges.first + k + 1], Medium::kFiber, 100);
    }
    if (n >= 3) {
      AddLink(exchange_router_[region.exchanges.end() - 1],
              exchange_router_[region.exchanges.first], Medium::kFiber, 100);
    }
    // Two gateways home to the two nearest data centres (different planes).
    const ElementIndex gateway_a = exchange_router_[region.exchanges.first];
    const ElementIndex gateway_b = exchange_router_[region.exchanges.first + n / 2];
    AddLink(gateway_a, dc_router_[region.dc_primary][0], Medium::kFiber, 100);
    AddLink(gateway_b, dc_router_[region.dc_secondary][1], Medium::kFiber, 100);
    // Regional edge at the first exchange.
    const VendorIndex edge_vendor = edge_by_region_[r];
    const Days edge_base = options_.as_of - kYear;
    const SiteIndex site = exchange_site_[region.exchanges.first];
    const ElementIndex upf = AddElement(Id("ex{}-edge-upf", region.exchanges.first + 1),
                                        "edge-upf", edge_vendor, site, Family::kCoreUser,
                                        InstallDate(rng, edge_base, kYear));
    const ElementIndex mec = AddElement(Id("ex{}-mec", region.exchanges.first + 1), "mec",
                                        edge_vendor, site, Family::kMec,
                                        InstallDate(rng, edge_base, kYear));
    AddLink(upf, gateway_a, Medium::kInternal, 100);
    AddLink(mec, gateway_a, Medium::kInternal, 100);
  }
}

}  // namespace redoubt::gen
