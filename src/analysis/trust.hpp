// Which elements count as *untrusted*. Each national standard decides
// (DESIGN.md: "A standard decides which vendors it treats as untrusted"), so
// the analyses take the answer as a plain per-element flag; these helpers
// build the common ones.
//
//   std::vector<bool> untrusted = UntrustedByRisk(network);       // vendor.risk: high
//   std::vector<bool> named = UntrustedByVendors(network, {huawei, zte});
//
// O(elements). Deterministic.
#pragma once

#include <span>
#include <vector>

#include "model/network.hpp"

namespace redoubt {

// Elements whose vendor's risk is `risk` (default: high). Elements of a
// vendor whose risk is unknown are trusted here.
[[nodiscard]] std::vector<bool> UntrustedByRisk(const Network& network, Risk risk = Risk::kHigh);

// Elements of any of `vendors`.
[[nodiscard]] std::vector<bool> UntrustedByVendors(const Network& network,
                                                   std::span<const VendorIndex> vendors);

}  // namespace redoubt
