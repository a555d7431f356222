// The headline figures of an assessment (model/figures.hpp), per member, on
// both bases — the inventory as it is and with each member's deadlines
// assumed met — each over both service sets, and the `figures` part of the
// `redoubt/assessment@1` document that the terminal summary and the report
// read verbatim.
//
//   KillSwitchTally tally;
//   for (each network) tally.Add(summary, scenario.horizon_hours);
//   tally.Share(ServiceSet::kCritical);
//   FiguresJson(model, {&as_inventoried, &deadlines_met}, {inventoried_tallies, met_tallies});
//
// Espionage and sabotage come from each basis's alliance::Assessment
// (Posture::all, Posture::critical), findings from its compliance counts, so
// the figures equal what `alliance` and `alliance --as-inventoried` print.
// O(members). Deterministic.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alliance/assessment.hpp"
#include "model/figures.hpp"
#include "sim/metrics.hpp"

namespace redoubt {

// Figure::kKillSwitchLoss: weight-hours lost over weight-hours possible,
// summed over networks, per service set. The critical set sums the series
// of the critical sectors.
class KillSwitchTally {
 public:
  void Add(const ResilienceSummary& summary, double horizon_hours);
  // Nullopt when nothing was added or the services weigh nothing.
  [[nodiscard]] std::optional<double> Share(ServiceSet set) const;

 private:
  std::array<double, 2> lost_{};      // weight × level-hours, per ServiceSet
  std::array<double, 2> possible_{};  // weight × horizon hours
};

inline constexpr std::array<Basis, 2> kBases = {Basis::kAsInventoried, Basis::kDeadlinesMet};
inline constexpr std::array<ServiceSet, 2> kServiceSets = {ServiceSet::kAll, ServiceSet::kCritical};

// Per basis (kBases order): the alliance assessment on it (null: the basis
// is not part of the assessment, as in a view from postures, which are
// signed on one basis), and each member's kill-switch tally on it (empty when
// no kill-switch scenario was run; the figure is then the loss the member's
// posture states, if any).
struct FigureSources {
  std::array<const alliance::Assessment*, 2> assessments{};
  std::array<std::vector<std::optional<KillSwitchTally>>, 2> kill_switch;
  // Members with no figures at all (no valid posture): listed by code only.
  std::vector<bool> absent;
};

// {"definitions": {"figures", "scopes", "service_sets", "bases"}: [{key,
// name, definition}] (each figure with its "scope" key), "members": [{"code", "<basis>": {"findings": {"standard",
// "baseline"}, "<set>": {"services", "weight", "espionage", "sabotage",
// "kill_switch_loss"}}}]}, with only the bases that have an assessment.
// Shares are rounded to 6 decimals; null: n/a.
[[nodiscard]] nlohmann::ordered_json FiguresJson(const alliance::AllianceModel& model,
                                                 const FigureSources& sources);

// The terminal summary of an assessment: the `figures` part (as FiguresJson
// wrote it) per basis it holds, each column's definition, and the sharing
// matrix of `assessment` (on `sharing_basis`). It prints the document's
// numbers, so the terminal and the report cannot differ.
[[nodiscard]] std::string AssessmentSummaryText(const alliance::AllianceModel& model,
                                                const alliance::Assessment& assessment,
                                                const nlohmann::ordered_json& figures, Days as_of,
                                                Basis sharing_basis);

}  // namespace redoubt
