#include "alliance/posture.hpp"

#include <fmt/format.h>

namespace redoubt::alliance {

std::vector<PostureComponent> PostureVector(const Posture& posture) {
  std::vector<PostureComponent> out;
  // The ten domain shares weigh as much together as each exposure component.
  const double domain_weight = 1.0 / (2.0 * static_cast<double>(kPostureDomains.size()));
  for (std::size_t index = 0; index < kPostureDomains.size(); ++index) {
    const std::string domain(Name(kPostureDomains[index]));
    out.push_back({domain + ".elements", posture.domains[index].ElementShare(), domain_weight});
    out.push_back({domain + ".sites", posture.domains[index].SiteShare(), domain_weight});
  }
  out.push_back({"espionage", posture.Espionage(), 1.0});
  out.push_back({"sabotage", posture.Sabotage(), 1.0});
  out.push_back({"resilience_loss", posture.resilience_loss, 1.0});
  return out;
}

Posture ComputePosture(const AllianceModel& model, std::size_t member,
                       std::span<const std::vector<std::uint8_t>> untrusted, ExposureCache& cache) {
  Posture posture;
  for (std::size_t network_index : model.member_networks[member]) {
    const Network& network = model.networks[network_index];
    const std::vector<std::uint8_t>& flags = untrusted[network_index];
    // Per site: bit 2d set when it holds an element of domain d, 2d+1 when untrusted.
    std::vector<std::uint16_t> site_bits(network.sites.size(), 0);
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      const Element& record = network.elements[element];
      for (std::size_t index = 0; index < kPostureDomains.size(); ++index) {
        if (record.domain != kPostureDomains[index]) continue;
        DomainShare& share = posture.domains[index];
        ++share.elements;
        const bool is_untrusted = flags[element] != 0;
        if (is_untrusted) ++share.untrusted_elements;
        if (record.site != kNone) {
          site_bits[record.site] |= static_cast<std::uint16_t>(1U << (2 * index));
          if (is_untrusted) site_bits[record.site] |= static_cast<std::uint16_t>(1U << (2 * index + 1));
        }
      }
    }
    for (std::uint16_t bits : site_bits) {
      for (std::size_t index = 0; index < kPostureDomains.size(); ++index) {
        if ((bits & (1U << (2 * index))) != 0) ++posture.domains[index].sites;
        if ((bits & (1U << (2 * index + 1))) != 0) ++posture.domains[index].untrusted_sites;
      }
    }
  }
  const std::string& code = model.spec.members[member].code;
  for (std::size_t network_index = 0; network_index < model.networks.size(); ++network_index) {
    const Network& network = model.networks[network_index];
    const bool own = model.network_member[network_index] == member;
    bool any = false;
    for (const Service& service : network.services) {
      any = any || service.owner == code || (own && service.owner.empty());
    }
    if (!any) continue;
    const ExposureResult& result = cache.Get(network, untrusted[network_index]);
    for (const ServiceExposure& exposure : result.services) {
      const Service& service = network.services[exposure.service];
      const bool owned = service.owner == code || (own && service.owner.empty());
      if (!owned) continue;
      if (!own) {
        // Host-nation exposure: reported apart, not part of the member's posture.
        if (!IsCritical(service.sector)) continue;
        posture.abroad.Add(service, exposure);
        const bool lost = exposure.up && !exposure.survives_untrusted_loss;
        posture.cross_border.push_back({network_index, exposure.service, exposure.Exposed(), lost,
                                        std::string(network.Str(service.id)), service.weight,
                                        exposure.up, !exposure.single_points.empty()});
        continue;
      }
      posture.all.Add(service, exposure);
      if (IsCritical(service.sector)) posture.critical.Add(service, exposure);
    }
  }
  posture.all.key = Define(ServiceSet::kAll).key;
  posture.critical.key = Define(ServiceSet::kCritical).key;
  posture.abroad.key = Define(ServiceSet::kCritical).key;
  return posture;
}

}  // namespace redoubt::alliance
