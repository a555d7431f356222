// Text tables for `redoubt alliance`: compliance, posture, divergence, the
// sharing matrix with the reasons each cell is held down, a timeline, a
// what-if and a restore plan.
#pragma once

#include <string>
#include <vector>

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

}  // namespace redoubt::cli
