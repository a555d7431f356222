// Divergence between two members: how far apart their postures and their
// standards are, in [0, 1].
//
//   D(A, B) = ½ · P(A, B) + ½ · S(A, B)
//
//   P, posture distance: the weighted mean absolute difference of the posture
//     vectors (posture.hpp), Σ wᵢ |aᵢ − bᵢ| / Σ wᵢ over the components both
//     members have; the ten untrusted shares weigh 0.1 each, espionage,
//     sabotage and resilience loss 1 each.
//   S, standards disagreement: ½ · T + ½ · R, where
//     T is the share of the alliance's vendors (those with equipment in some
//       member's network on the date) on which the two standards' definitions of untrusted
//       disagree, and
//     R is the Jaccard distance between the ids of the rules each standard has
//       binding on the date, 1 − |A ∩ B| / |A ∪ B| (a national override of a
//       baseline rule keeps the baseline's id, so it counts as agreement when
//       both bind it).
//
// D is symmetric, zero on the diagonal, and deterministic.
//
// Shortfall from a provider's posture (the `max_divergence` sharing condition):
//
//   F(P → R) = Σ wᵢ · max(0, rᵢ − pᵢ) / Σ wᵢ
//
//   over the posture components both have, with the weights of P above: how
//   far the recipient's dependence on untrusted equipment exceeds the
//   provider's own, component by component. It is directed (a recipient
//   cleaner than the provider falls short by 0), in [0, 1], and F(P → R) +
//   F(R → P) = P(P, R). O(members² ×
// (components + vendors + rules)).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "alliance/posture.hpp"

namespace redoubt::alliance {

// What divergence needs to know about one member's standard.
struct StandardProfile {
  std::vector<std::uint8_t> untrusted_vendors;  // per alliance vendor (Divergence::vendors)
  std::set<std::string> binding_rules;
};

struct Divergence {
  std::vector<std::string> vendors;  // the alliance's vendors, sorted
  // members × members
  std::vector<std::vector<double>> total;
  std::vector<std::vector<double>> posture;
  std::vector<std::vector<double>> trust;
  std::vector<std::vector<double>> rules;
  std::vector<std::vector<double>> shortfall;  // [provider][recipient]: F(P → R)
};

[[nodiscard]] double PostureDistance(const Posture& a, const Posture& b);
// F(provider → recipient), above.
[[nodiscard]] double PostureShortfall(const Posture& provider, const Posture& recipient);

[[nodiscard]] Divergence ComputeDivergence(const std::vector<Posture>& postures,
                                           const std::vector<StandardProfile>& profiles,
                                           std::vector<std::string> vendors);

// The one-paragraph definition printed with the matrix and in --help.
[[nodiscard]] std::string_view DivergenceFormula();

}  // namespace redoubt::alliance
