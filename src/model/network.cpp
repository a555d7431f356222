#include "model/network.hpp"

#include <algorithm>
#include <map>

namespace redoubt {

Network::Network() : strings(std::make_shared<StringPool>()) {
  for (const KindInfo& kind : BuiltinKinds()) {
    kinds.push_back({std::string(kind.name), kind.domain, true});
  }
  cert_sets.emplace_back();
}

std::span<const ElementIndex> Network::ManagedBy(ElementIndex e) const {
  if (managed_by_offsets.empty()) return {};
  return std::span<const ElementIndex>(managed_by_targets.data() + managed_by_offsets[e],
                                       managed_by_offsets[e + 1] - managed_by_offsets[e]);
}

std::span<const StringId> Network::Certifications(ElementIndex e) const {
  return cert_sets[elements[e].certifications];
}

bool Network::HasCertification(ElementIndex e, std::string_view cert) const {
  const auto id = strings->Find(cert);
  if (!id) return false;
  const auto certs = Certifications(e);
  return std::binary_search(certs.begin(), certs.end(), *id);
}

std::uint32_t Network::LookUp(std::vector<std::uint32_t>& table, std::string_view id,
                              int which) const {
  if (table.size() != strings->size()) {
    table.assign(strings->size(), kNone);
    auto fill = [&table](const auto& records) {
      for (std::uint32_t index = 0; index < records.size(); ++index) {
        table[records[index].id] = index;
      }
    };
    if (which == 0) fill(elements);
    if (which == 1) fill(sites);
    if (which == 2) fill(vendors);
  }
  const auto string_id = strings->Find(id);
  if (!string_id) return kNone;
  return table[*string_id];
}

ElementIndex Network::FindElement(std::string_view id) const {
  return LookUp(element_by_string_, id, 0);
}
SiteIndex Network::FindSite(std::string_view id) const { return LookUp(site_by_string_, id, 1); }
VendorIndex Network::FindVendor(std::string_view id) const {
  return LookUp(vendor_by_string_, id, 2);
}

std::optional<KindId> Network::FindKind(std::string_view name) const {
  for (std::size_t index = 0; index < kinds.size(); ++index) {
    if (kinds[index].name == name) return static_cast<KindId>(index);
  }
  return std::nullopt;
}

double Network::EffectiveLatency(const Link& link) {
  if (!std::isnan(link.latency_ms)) return link.latency_ms;
  if (!std::isnan(link.length_km)) return 0.005 * link.length_km;
  return 0.1;
}

std::size_t Network::MemoryBytes() const {
  std::size_t bytes = strings->MemoryBytes();
  bytes += elements.capacity() * sizeof(Element) + links.capacity() * sizeof(Link);
  bytes += sites.capacity() * sizeof(Site) + vendors.capacity() * sizeof(Vendor);
  bytes += managed_by_offsets.capacity() * sizeof(std::uint32_t) +
           managed_by_targets.capacity() * sizeof(ElementIndex);
  bytes += element_origins.capacity() * sizeof(Origin) + link_origins.capacity() * sizeof(Origin);
  for (const auto& set : cert_sets) bytes += set.capacity() * sizeof(StringId) + sizeof(set);
  for (const auto& service : services) {
    bytes += sizeof(Service) + service.attach.capacity() * sizeof(ElementIndex) +
             service.needs.capacity() * sizeof(KindId);
  }
  return bytes;
}

CertSetId Network::InternCertSet(std::vector<StringId> certs) {
  if (certs.empty()) return 0;
  std::sort(certs.begin(), certs.end());
  certs.erase(std::unique(certs.begin(), certs.end()), certs.end());
  auto [it, inserted] =
      cert_set_index_.try_emplace(certs, static_cast<CertSetId>(cert_sets.size()));
  if (inserted) cert_sets.push_back(std::move(certs));
  return it->second;
}

}  // namespace redoubt
