#include "alliance/divergence.hpp"

#include <algorithm>
#include <cmath>

namespace redoubt::alliance {

namespace {

// The weighted mean of term(a_i, b_i) over the entries both postures have.
template <typename Term>
double WeightedMean(const Posture& a, const Posture& b, Term term) {
  const auto left = PostureVector(a);
  const auto right = PostureVector(b);
  double sum = 0;
  double weights = 0;
  for (std::size_t index = 0; index < left.size(); ++index) {
    if (!left[index].value || !right[index].value) continue;
    sum += left[index].weight * term(*left[index].value, *right[index].value);
    weights += left[index].weight;
  }
  return weights == 0 ? 0.0 : sum / weights;
}

}  // namespace

double PostureDistance(const Posture& a, const Posture& b) {
  return WeightedMean(a, b, [](double x, double y) { return std::fabs(x - y); });
}

double PostureShortfall(const Posture& provider, const Posture& recipient) {
  return WeightedMean(provider, recipient,
                      [](double own, double other) { return std::max(0.0, other - own); });
}

Divergence ComputeDivergence(const std::vector<Posture>& postures,
                             const std::vector<StandardProfile>& profiles,
                             std::vector<std::string> vendors) {
  const std::size_t count = postures.size();
  Divergence out;
  out.vendors = std::move(vendors);
  auto square = [count] {
    return std::vector<std::vector<double>>(count, std::vector<double>(count, 0.0));
  };
  out.total = square();
  out.posture = square();
  out.trust = square();
  out.rules = square();
  out.shortfall = square();
  for (std::size_t a = 0; a < count; ++a) {
    for (std::size_t b = 0; b < count; ++b) {
      if (a != b) out.shortfall[a][b] = PostureShortfall(postures[a], postures[b]);
    }
  }
  for (std::size_t a = 0; a < count; ++a) {
    for (std::size_t b = a + 1; b < count; ++b) {
      const double posture = PostureDistance(postures[a], postures[b]);
      std::size_t differ = 0;
      const auto& left = profiles[a].untrusted_vendors;
      const auto& right = profiles[b].untrusted_vendors;
      for (std::size_t vendor = 0; vendor < left.size() && vendor < right.size(); ++vendor) {
        if ((left[vendor] != 0) != (right[vendor] != 0)) ++differ;
      }
      const double trust =
          left.empty() ? 0.0 : static_cast<double>(differ) / static_cast<double>(left.size());
      std::size_t both = 0;
      for (const std::string& rule : profiles[a].binding_rules)
        both += profiles[b].binding_rules.count(rule);
      const std::size_t either =
          profiles[a].binding_rules.size() + profiles[b].binding_rules.size() - both;
      const double rules =
          either == 0 ? 0.0 : 1.0 - static_cast<double>(both) / static_cast<double>(either);
      const double total = 0.5 * posture + 0.5 * (0.5 * trust + 0.5 * rules);
      out.posture[a][b] = out.posture[b][a] = posture;
      out.trust[a][b] = out.trust[b][a] = trust;
      out.rules[a][b] = out.rules[b][a] = rules;
      out.total[a][b] = out.total[b][a] = total;
    }
  }
  return out;
}

std::string_view DivergenceFormula() {
  return "D = 0.5*P + 0.5*S. P (posture distance) = weighted mean |a-b| over the posture "
         "vector: untrusted share of ran, transport, core, management, edge by elements and by "
         "sites (0.1 each), espionage and sabotage weight shares of critical services and "
         "resilience loss (1 each; a component either member lacks is left out). S (standards "
         "disagreement) = 0.5*T + 0.5*R: T = share of the alliance's vendors on which the two "
         "standards' definitions of untrusted disagree; R = Jaccard distance between the ids of "
         "the rules binding on the date. All in [0, 1]. Shortfall from a provider's posture "
         "(max_divergence): F(P->R) = weighted mean of max(0, r-p) over the same posture "
         "components and weights: how far the recipient's dependence on untrusted equipment "
         "exceeds the provider's own; F(P->R) + F(R->P) = P.";
}

}  // namespace redoubt::alliance
