// Helpers shared by the rule kinds: reading a selector under a key, the
// evidence for why an element matched, vendor and region tallies.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "io/node_reader.hpp"
#include "policy/finding.hpp"
#include "policy/rule.hpp"
#include "policy/selector.hpp"
#include "policy/standard.hpp"

namespace redoubt::policy::rules {

// The selector under `key`; an absent optional key gives the empty selector
// (everything). nullopt when it is missing but required, or wrong (reported).
std::optional<Selector> ReadSelector(MapReader& reader, std::string_view key, Need need,
                                     SelectorSubject subject, const RuleParseContext& context);

// Why `element` matches `selector`, one entry per clause, with the element's
// own values: "domain core", "untrusted: vendor huawei (vendor.risk high)".
std::vector<std::string> MatchEvidence(const RuleContext& context, const Selector& selector,
                                       ElementIndex element);

// "the ran elements", "the elements matching kind is gnb and ..." — the scope in words.
std::string ScopeWords(const Selector& scope);

// Amounts per key (a vendor index, a region's StringId), turned into the top
// contributors. O(1) per Add; Top is O(keys log keys).
class Tally {
 public:
  void Add(std::uint32_t key, double amount) { sums_[key] += amount; }
  // The `limit` largest, by amount descending then name; shares of `total`.
  [[nodiscard]] std::vector<Contributor> Top(std::string_view kind, double total,
                                             std::size_t limit,
                                             const std::function<std::string(std::uint32_t)>& name_of) const;
  [[nodiscard]] std::vector<Contributor> TopVendors(const Network& network, double total,
                                                    std::size_t limit) const;
  [[nodiscard]] std::vector<Contributor> TopRegions(const Network& network, double total,
                                                    std::size_t limit) const;

 private:
  absl::flat_hash_map<std::uint32_t, double> sums_;
};

// The key Tally uses for an element's region: its site's region StringId, or kNoString.
StringId RegionKey(const Network& network, ElementIndex element);

// Percent with one decimal: 0.3846 → "38.5%".
std::string Percent(double share);

}  // namespace redoubt::policy::rules
