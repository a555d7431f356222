// Text tables for `redoubt alliance`: compliance, posture, divergence, the
// sharing matrix with the reasons each cell is held down, a timeline, a
// what-if and a restore plan.
#pragma once

#include <string>
#include <vector>

#include "alliance/posture_document.hpp"
#include "alliance/assessment.hpp"
#include "alliance/what_if.hpp"

namespace redoubt::cli {

// `limit`: detail lines shown per shortfall (0: all).
[[nodiscard]] std::string RenderAssessment(const alliance::AllianceModel& model,
                                           const alliance::Assessment& assessment,
                                           std::size_t limit);
[[nodiscard]] std::string RenderSharingMatrix(const alliance::AllianceModel& model,
                                              const alliance::Assessment& assessment);
[[nodiscard]] std::string RenderCellReasons(const alliance::AllianceModel& model,
                                            const alliance::Cell& cell, std::size_t limit);
[[nodiscard]] std::string RenderMoves(const alliance::AllianceModel& model,
                                      const std::vector<alliance::CellMove>& moves);
[[nodiscard]] std::string RenderTimeline(const alliance::AllianceModel& model,
                                         const std::vector<alliance::TimelineStep>& steps,
                                         Days to, std::size_t limit);
[[nodiscard]] std::string RenderRestore(const alliance::AllianceModel& model,
                                        const alliance::RestorePlan& plan, std::size_t limit);
// "postures (the view is built from them; no inventory was read)" and one
// line per member: file, date, key fingerprint, disclosure — or why it has none.
[[nodiscard]] std::string RenderProvenance(const alliance::AllianceModel& model,
                                           const alliance::PostureSet& postures);

}  // namespace redoubt::cli
