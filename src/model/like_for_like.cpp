#include "model/like_for_like.hpp"

namespace redoubt {

std::vector<std::uint8_t> TrustedVendors(const Network& network,
                                         std::span<const std::vector<std::uint8_t>> untrusted) {
  std::vector<std::uint8_t> trusted(network.vendors.size(), 1);
  for (VendorIndex vendor = 0; vendor < network.vendors.size(); ++vendor) {
    if (network.vendors[vendor].risk == Risk::kHigh) trusted[vendor] = 0;
  }
  for (const std::vector<std::uint8_t>& mask : untrusted) {
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      const VendorIndex vendor = network.elements[element].vendor;
      if (mask[element] != 0 && vendor != kNone) trusted[vendor] = 0;
    }
  }
  return trusted;
}

LikeForLike::LikeForLike(const Network& network, std::vector<std::uint8_t> trusted)
    : network_(network), trusted_(std::move(trusted)) {
  for (const Element& element : network.elements) {
    if (element.vendor == kNone || trusted_[element.vendor] == 0) continue;
    ++by_kind_[element.kind][element.vendor];
    ++by_domain_[element.domain][element.vendor];
    ++overall_[element.vendor];
  }
}

VendorIndex LikeForLike::Choose(const Element& element) const {
  if (auto found = by_kind_.find(element.kind); found != by_kind_.end()) {
    return MostCommon(found->second);
  }
  if (auto found = by_domain_.find(element.domain); found != by_domain_.end()) {
    return MostCommon(found->second);
  }
  return MostCommon(overall_);
}

VendorIndex LikeForLike::MostCommon(const std::map<VendorIndex, std::size_t>& counts) const {
  VendorIndex best = kNone;
  std::size_t best_count = 0;
  for (const auto& [vendor, count] : counts) {
    if (count > best_count ||
        (count == best_count && best != kNone &&
         network_.Str(network_.vendors[vendor].id) < network_.Str(network_.vendors[best].id))) {
      best = vendor;
      best_count = count;
    }
  }
  return best;
}

}  // namespace redoubt
