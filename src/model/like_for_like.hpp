// LikeForLike: the vendor an element gets when it is replaced like for like —
// the trusted vendor that already supplies most elements of the same kind in
// its network, then of the same domain, then of the network (ties by vendor
// id). The alliance view (alliance/model.hpp) assumes it for a member's met
// deadlines, and a rip-and-replace plan (plan/problem.hpp) where the costs file
// names no vendor. Swapping like for like keeps the topology.
//
//   LikeForLike choice(network, TrustedVendors(network, {untrusted}));
//   VendorIndex to = choice.Choose(element);   // kNone: no trusted vendor at all
//
// Construction is O(elements log vendors); Choose is O(log kinds + vendors).
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "model/network.hpp"

namespace redoubt {

// Per vendor of `network`, 1 when a replacement may come from it: its risk is
// not high and no element it supplies is flagged in any of `untrusted` (per
// element masks, one per standard that defines untrusted).
[[nodiscard]] std::vector<std::uint8_t> TrustedVendors(
    const Network& network, std::span<const std::vector<std::uint8_t>> untrusted);

class LikeForLike {
 public:
  LikeForLike(const Network& network, std::vector<std::uint8_t> trusted);

  [[nodiscard]] bool Trusted(VendorIndex vendor) const { return trusted_[vendor] != 0; }
  // The replacement vendor for `element`; kNone when no element of the network
  // has a trusted vendor.
  [[nodiscard]] VendorIndex Choose(const Element& element) const;

 private:
  [[nodiscard]] VendorIndex MostCommon(const std::map<VendorIndex, std::size_t>& counts) const;

  const Network& network_;
  std::vector<std::uint8_t> trusted_;
  std::map<KindId, std::map<VendorIndex, std::size_t>> by_kind_;
  std::map<Domain, std::map<VendorIndex, std::size_t>> by_domain_;
  std::map<VendorIndex, std::size_t> overall_;
};

}  // namespace redoubt
