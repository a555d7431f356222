// Helpers shared by the hazard kinds: reading element filters and
// probabilities from a scenario, and matching elements once bound.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/node_reader.hpp"
#include "model/network.hpp"
#include "sim/hazard.hpp"

namespace redoubt::hazard_util {

// `domains: [ran, transport]` and `kinds: [gnb, router]`: an element
// matches when it is in one of the domains (if given) and of one of the
// kinds (if given). Domains are a closed vocabulary (an unknown one is an
// error); a kind that is not built in is a warning, since an inventory may
// declare custom kinds.
struct ElementFilter {
  std::vector<Domain> domains;
  std::vector<std::string> kind_names;
  std::vector<KindId> kinds;  // bound: the named kinds that exist in the network

  [[nodiscard]] bool Matches(const Network& network, ElementIndex element) const;
  // Resolves kind names; names absent from the network are noted.
  void Bind(const Network& network, std::string_view what, std::vector<std::string>& notes);
  [[nodiscard]] std::string Describe() const;  // "in domains ran, transport" or ""
};

[[nodiscard]] ElementFilter ReadElementFilter(MapReader& reader, const HazardReadContext& context);

// Natural-order comparison of software versions: digit runs compare as
// numbers, other characters as text ("1.9" < "1.10", "V100R9" < "V100R10").
// Negative, zero or positive like strcmp.
[[nodiscard]] int CompareVersions(std::string_view a, std::string_view b);

// Records the vendor names of `node` (a name or a list of names) in
// context.vendors, with their places in the scenario.
void NoteVendors(const Node* node, const HazardReadContext& context);

// A probability in [0, 1] under `key`, or `fallback` when absent.
[[nodiscard]] double ReadProbability(MapReader& reader, std::string_view key, double fallback);

}  // namespace redoubt::hazard_util
