// The sharing conditions of an alliance judged on one date: which elements
// each definition of untrusted flags, and each provider × recipient cell with
// the shortfalls that hold it down (the semantics are in alliance.hpp and
// assessment.hpp). Used by Assess; exposed for tests.
//
// O(members² × conditions × elements of the recipient's networks), plus the
// exposure analyses (cached). Deterministic.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "alliance/assessment.hpp"

namespace redoubt::alliance {

// Untrusted flags per network for a set of standards (trust source indices:
// 0 the baseline, k + 1 member k's); an element is flagged when any of them
// counts it untrusted and it is in service on the date. Cached per set.
class TrustMasks {
 public:
  TrustMasks(const AllianceModel& model, Days as_of) : model_(&model), as_of_(as_of) {}
  const std::vector<std::uint8_t>& Get(std::size_t network, const std::vector<std::size_t>& standards);
  // Whether an element is in service on the date.
  [[nodiscard]] bool InService(const Network& network, ElementIndex element) const;

 private:
  const AllianceModel* model_;
  Days as_of_;
  std::map<std::pair<std::size_t, std::vector<std::size_t>>, std::vector<std::uint8_t>> masks_;
};

// Every cell, provider-major; the diagonal has no level and no shortfall.
// `divergence` is the assessment's, for max_divergence.
[[nodiscard]] std::vector<Cell> ComputeCells(const AllianceModel& model,
                                             const std::vector<MemberAssessment>& members,
                                             const Divergence& divergence, TrustMasks& masks,
                                             ExposureCache& cache);

}  // namespace redoubt::alliance
