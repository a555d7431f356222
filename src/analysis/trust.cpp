#include "analysis/trust.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace redoubt {

std::vector<bool> UntrustedByRisk(const Network& network, Risk risk) {
  std::vector<bool> untrusted(network.elements.size(), false);
  for (ElementIndex element = 0; element < network.elements.size(); ++element) {
    const VendorIndex vendor = network.elements[element].vendor;
    untrusted[element] = vendor != kNone && network.vendors[vendor].risk == risk;
  }
  return untrusted;
}

std::vector<bool> UntrustedByVendors(const Network& network, std::span<const VendorIndex> vendors) {
  std::vector<bool> untrusted(network.elements.size(), false);
  for (ElementIndex element = 0; element < network.elements.size(); ++element) {
    const VendorIndex vendor = network.elements[element].vendor;
    untrusted[element] = std::find(vendors.begin(), vendors.end(), vendor) != vendors.end();
  }
  return untrusted;
}

std::vector<std::uint8_t> InServiceUntrusted(const Network& network,
                                             std::span<const std::uint8_t> untrusted, Days as_of) {
  std::vector<std::uint8_t> mask(network.elements.size(), 0);
  for (ElementIndex element = 0; element < mask.size() && element < untrusted.size(); ++element) {
    mask[element] =
        untrusted[element] != 0 && network.elements[element].InServiceOn(as_of) ? 1 : 0;
  }
  return mask;
}

std::vector<bool> InServiceUntrusted(const Network& network, const std::vector<bool>& untrusted,
                                     Days as_of) {
  std::vector<bool> mask(network.elements.size(), false);
  for (ElementIndex element = 0; element < mask.size() && element < untrusted.size(); ++element) {
    mask[element] = untrusted[element] && network.elements[element].InServiceOn(as_of);
  }
  return mask;
}

namespace {

template <typename Flag>
UnassessedTrusted Count(const Network& network, std::size_t flags, Flag untrusted_at) {
  std::map<std::string, std::size_t> by_vendor;
  UnassessedTrusted count;
  for (ElementIndex element = 0; element < network.elements.size(); ++element) {
    if (element < flags && untrusted_at(element)) continue;
    const VendorIndex vendor = network.elements[element].vendor;
    if (vendor != kNone && network.vendors[vendor].risk != Risk::kUnknown) continue;
    ++count.elements;
    ++by_vendor[vendor == kNone ? std::string("(none)") : std::string(network.Str(network.vendors[vendor].id))];
  }
  count.vendors.assign(by_vendor.begin(), by_vendor.end());
  return count;
}

}  // namespace

UnassessedTrusted CountUnassessedTrusted(const Network& network,
                                         std::span<const std::uint8_t> untrusted) {
  return Count(network, untrusted.size(), [&](ElementIndex element) { return untrusted[element] != 0; });
}

UnassessedTrusted CountUnassessedTrusted(const Network& network, const std::vector<bool>& untrusted) {
  return Count(network, untrusted.size(), [&](ElementIndex element) { return untrusted[element]; });
}

void WarnUnassessedTrusted(const Network& network, const UnassessedTrusted& count,
                           std::string_view definition, Diagnostics& diagnostics) {
  if (count.elements == 0) return;
  std::string vendors;
  for (const auto& [vendor, elements] : count.vendors) {
    vendors += fmt::format("{}{} {}", vendors.empty() ? "" : ", ", vendor, elements);
  }
  const std::string file =
      network.source_files.empty() ? network.info.id : network.source_files.front();
  diagnostics.Warning(
      Location{file, 0, 0},
      fmt::format("network {}: {} element{} of vendors with unknown risk ({}) {} treated as trusted "
                  "by {}",
                  network.info.id, count.elements, count.elements == 1 ? "" : "s", vendors,
                  count.elements == 1 ? "is" : "are", definition),
      "give each vendor a risk in the inventory's vendors: or the register (import --assign can "
      "set vendors), or use a standard whose untrusted includes them, e.g. "
      "{vendor.risk: [high, unknown]}");
}

}  // namespace redoubt
