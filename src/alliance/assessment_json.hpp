// The `redoubt/alliance-assessment@1` result document: the alliance, the
// method (divergence formula, deadline assumption), per member compliance
// counts and the findings behind them (rule, network, subject, element and
// service ids: the same as `check` gives on the same date and inventory),
// posture and cross-border services, the divergence matrix, and the
// sharing matrix with every cell's shortfalls; optionally a timeline, a
// what-if (before, after and the cells that moved) or a restore plan.
//
//   nlohmann::ordered_json document = AllianceDocument(model, assessment);
//   AddTimeline(document, model, steps);
//
// Numbers are rounded to 6 decimals, so the same inputs give the same bytes.
// O(size of the output).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alliance/assessment.hpp"
#include "alliance/what_if.hpp"

namespace redoubt::alliance {

inline constexpr std::string_view kAssessmentFormat = "redoubt/alliance-assessment@1";

[[nodiscard]] nlohmann::ordered_json AssessmentJson(const AllianceModel& model,
                                                    const Assessment& assessment);
[[nodiscard]] nlohmann::ordered_json AllianceDocument(const AllianceModel& model,
                                                      const Assessment& assessment);
[[nodiscard]] nlohmann::ordered_json MovesJson(const AllianceModel& model,
                                               const std::vector<CellMove>& moves);
void AddTimeline(nlohmann::ordered_json& document, const AllianceModel& model,
                 const std::vector<TimelineStep>& steps);
void AddWhatIf(nlohmann::ordered_json& document, const AllianceModel& model,
               const std::vector<std::string>& changes, const Assessment& after,
               const std::vector<CellMove>& moves);
void AddRestore(nlohmann::ordered_json& document, const AllianceModel& model,
                const RestorePlan& plan);

}  // namespace redoubt::alliance
