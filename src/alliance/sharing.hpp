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
#include <string>
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

// One sharing condition as the networks of one member show it, for one
// provider × recipient cell: what a member's posture carries instead of its
// inventory (posture_document.hpp). For classified_on_trusted_paths it is the
// tally over that member's networks (the recipient's own, or, `host`, the
// services the recipient owns on the member's networks); the cell adds the
// tallies of every member in member order and words them. For the other
// conditions (but max_divergence, judged from the postures) it is the
// shortfall, recorded only when the condition fails.
struct Evidence {
  std::size_t provider = 0;
  std::size_t recipient = 0;
  std::size_t rule = 0;       // index into AllianceSpec::sharing
  std::size_t condition = 0;  // index into the rule's conditions
  bool host = false;
  std::string summary;
  std::string plain;
  std::vector<std::string> details;
  std::vector<std::string> rules;
  std::size_t elements = 0;              // distinct elements behind it
  std::vector<std::string> element_ids;  // when the member discloses them
  // classified_on_trusted_paths only
  std::size_t considered = 0;
  std::size_t failing = 0;
  std::size_t failing_abroad = 0;
  std::vector<std::string> hosts;  // member codes, sorted
};

// What `member`'s networks (the only ones `model` need hold) show about every
// cell. `name_elements` false: details give counts, no element ids and no
// finding messages.
[[nodiscard]] std::vector<Evidence> RecordEvidence(const AllianceModel& model,
                                                   const std::vector<MemberAssessment>& members,
                                                   std::size_t member, TrustMasks& masks,
                                                   ExposureCache& cache, bool name_elements);

// Every cell from the evidence of every member; reads no network.
[[nodiscard]] std::vector<Cell> CellsFromEvidence(const AllianceSpec& spec,
                                                  const std::vector<MemberAssessment>& members,
                                                  const Divergence& divergence,
                                                  const std::vector<Evidence>& evidence);

// Every cell, provider-major; the diagonal has no level and no shortfall.
// `divergence` is the assessment's, for max_divergence.
[[nodiscard]] std::vector<Cell> ComputeCells(const AllianceModel& model,
                                             const std::vector<MemberAssessment>& members,
                                             const Divergence& divergence, TrustMasks& masks,
                                             ExposureCache& cache);

}  // namespace redoubt::alliance
