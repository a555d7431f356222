#include "random_network.hpp"

#include <fmt/format.h>

#include <array>
#include <string>

#include "sim/random.hpp"

namespace redoubt::bench {

Network SyntheticNetwork(std::uint32_t count, std::uint64_t seed) {
  Network network;
  network.info = {"synthetic", "Synthetic benchmark network", "GB", kNoDate};
  Rng rng = Rng::ForTrial(seed, 0);
  const std::array<std::pair<const char*, Risk>, 6> vendors = {{{"ericsson", Risk::kLow},
                                                                {"nokia", Risk::kLow},
                                                                {"huawei", Risk::kHigh},
                                                                {"samsung", Risk::kLow},
                                                                {"cisco", Risk::kLow},
                                                                {"juniper", Risk::kLow}}};
  for (const auto& [id, risk] : vendors) {
    Vendor vendor;
    vendor.id = network.Intern(id);
    vendor.name = id;
    vendor.risk = risk;
    network.vendors.push_back(vendor);
  }
  auto kind = [&](const char* name) { return *network.FindKind(name); };
  const std::array<KindId, 8> core = {kind("amf"), kind("smf"), kind("upf"), kind("ausf"),
                                      kind("udm"), kind("nrf"), kind("oss"), kind("ems")};
  const std::array<KindId, 4> radio = {kind("gnb"), kind("du"), kind("cu"), kind("ru")};
  const KindId router = kind("router");

  const std::uint32_t site_count = std::max(1U, count / 10);
  const std::uint32_t substations = std::max(1U, count / 2000);
  for (std::uint32_t index = 0; index < site_count; ++index) {
    Site site;
    site.id = network.Intern(fmt::format("s{}", index));
    site.kind = index < 4 ? SiteKind::kDatacenter : SiteKind::kCell;
    site.lat = 50.0 + rng.Uniform() * 8.0;
    site.lon = -5.0 + rng.Uniform() * 6.0;
    site.region = network.Intern(fmt::format("r{}", index % 12));
    site.substation = network.Intern(fmt::format("sub{}", index % substations));
    site.backup_hours = index < 4 ? 48.0F : static_cast<float>(2 + index % 7);
    network.sites.push_back(site);
  }
  for (std::uint32_t index = 0; index < count; ++index) {
    Element element;
    element.id = network.Intern(fmt::format("e{}", index));
    if (index < 64) {
      element.kind = core[index % core.size()];
    } else if (index < count / 20) {
      element.kind = router;
    } else {
      element.kind = radio[index % radio.size()];
    }
    element.domain = network.kinds[element.kind].domain;
    element.vendor = (index / 1000) % vendors.size();
    element.site = index % site_count;
    network.elements.push_back(element);
  }
  network.managed_by_offsets.assign(count + 1, 0);
  auto add_link = [&](std::uint32_t a, std::uint32_t b, Medium medium) {
    Link link;
    link.a = a;
    link.b = b;
    link.medium = medium;
    link.latency_ms = 0.1F;
    network.links.push_back(link);
  };
  for (std::uint32_t index = 1; index < count; ++index) {
    const std::uint32_t low = index < 64 ? 0 : (index > 5000 ? index - 5000 : 0);
    add_link(static_cast<std::uint32_t>(low + rng.Index(index - low)), index, Medium::kFiber);
  }
  const std::uint64_t target = static_cast<std::uint64_t>(count) * 3 / 2;
  while (network.links.size() < target && count > 1) {
    const auto a = static_cast<std::uint32_t>(rng.Index(count));
    const auto b = static_cast<std::uint32_t>(rng.Index(count));
    if (a != b) add_link(a, b, Medium::kMicrowave);
  }
  const std::array<Sector, 7> sectors = {Sector::kPublic,    Sector::kHealth,    Sector::kEnergy,
                                         Sector::kPublic,    Sector::kTransport, Sector::kPublic,
                                         Sector::kGovernment};
  for (std::uint32_t index = 0; index < std::max(1U, count / 100); ++index) {
    Service service;
    service.id = network.Intern(fmt::format("svc{}", index));
    service.sector = sectors[index % sectors.size()];
    service.attach = {count - 1 - index};
    service.needs = {core[0], core[1], core[2]};
    service.weight = 100;
    network.services.push_back(service);
  }
  return network;
}

}  // namespace redoubt::bench
