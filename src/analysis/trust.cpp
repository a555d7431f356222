#include "analysis/trust.hpp"

#include <algorithm>

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

}  // namespace redoubt
