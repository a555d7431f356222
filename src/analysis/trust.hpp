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

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/network.hpp"

namespace redoubt {

// Elements whose vendor's risk is `risk` (default: high). Elements of a
// vendor whose risk is unknown are trusted here.
[[nodiscard]] std::vector<bool> UntrustedByRisk(const Network& network, Risk risk = Risk::kHigh);

// Elements of any of `vendors`.
[[nodiscard]] std::vector<bool> UntrustedByVendors(const Network& network,
                                                   std::span<const VendorIndex> vendors);

// `untrusted` with every element that is not in service on `as_of` cleared
// (Element::InServiceOn): equipment not yet installed or already retired is
// not untrusted, for the exposure analysis as for every rule kind. One flag
// per element of `network` comes back; missing entries are trusted.
[[nodiscard]] std::vector<std::uint8_t> InServiceUntrusted(const Network& network,
                                                           std::span<const std::uint8_t> untrusted,
                                                           Days as_of);
[[nodiscard]] std::vector<bool> InServiceUntrusted(const Network& network,
                                                   const std::vector<bool>& untrusted, Days as_of);

// Elements that a definition of untrusted leaves trusted although nobody has
// assessed their supplier: no vendor, or a vendor whose risk is unknown (the
// `unknown` vendor importers assign, or one the register does not rate).
struct UnassessedTrusted {
  std::size_t elements = 0;
  std::vector<std::pair<std::string, std::size_t>> vendors;  // id, elements; by id
};
// `untrusted`: one flag per element (missing entries are trusted).
[[nodiscard]] UnassessedTrusted CountUnassessedTrusted(const Network& network,
                                                       std::span<const std::uint8_t> untrusted);
[[nodiscard]] UnassessedTrusted CountUnassessedTrusted(const Network& network,
                                                       const std::vector<bool>& untrusted);

// One warning for `network` when CountUnassessedTrusted finds any element:
// "N elements of vendors with unknown risk (unknown 120, acme 3) are treated
// as trusted by DEFINITION", with how to decide it. Exposure and findings
// that rest on them read as if those suppliers were trusted.
void WarnUnassessedTrusted(const Network& network, const UnassessedTrusted& count,
                           std::string_view definition, Diagnostics& diagnostics);

}  // namespace redoubt
