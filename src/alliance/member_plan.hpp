// MemberPlan: one member's rip-and-replace plan (plan/solve.hpp), computed
// from the member's networks and its own standard as the alliance file names
// them, and what the alliance view takes from it: the night each element is
// swapped.
//
//   auto costs = plan::ReadCosts("data/costs/illustrative.yaml");
//   auto plan = PlanMember(model, member, costs.value(), as_of);
//   model.plans[member] = std::make_shared<const MemberPlan>(std::move(plan).value());
//   auto actions = MeetDeadlines(model, date);   // now: the swaps planned by `date`
//
// With a plan, a member is no longer assumed to meet its deadlines on the
// rule's effective date (model.hpp): on a date D the alliance view replaces,
// like for like (ReplaceElements), exactly the elements whose planned swap
// night is on or before D. A swap the plan schedules late stays in place
// until its night; one it cannot schedule (no crew, no budget, ever) stays in
// place for good; a present violation the plan schedules is fixed on its
// night.
//
// `document` is the redoubt/plan@1 document that `redoubt plan` writes for
// the member's networks, standard and costs with `--as-of` the plan's start
// (plan_json.hpp, with the judged date of policy/judged_date.hpp), so the
// numbers an assessment shows are those of the command run alone.
//
// Cost: one SolvePlan (exact CBC model when small, else the heuristic) per
// member. Deterministic when the solve is (solve.hpp).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alliance/model.hpp"
#include "core/result.hpp"
#include "plan/costs.hpp"
#include "plan/solve.hpp"

namespace redoubt::alliance {

struct PlannedSwap {
  ElementRef element;      // in the alliance model's networks
  std::string rule_id;     // the rule whose deadline it meets
  Days deadline = kNoDate;
  Days night = kNoDate;    // kNoDate: the plan cannot schedule it
};

struct MemberPlan {
  std::size_t member = 0;
  std::string costs_file;
  Days start = kNoDate;
  plan::Method method = plan::Method::kHeuristic;  // what produced the schedule
  std::size_t late = 0;         // swaps after their deadline
  std::size_t unscheduled = 0;
  double lateness_days = 0;
  Days last_night = kNoDate;
  std::vector<PlannedSwap> swaps;  // by night (unscheduled last), then network and element
  nlohmann::ordered_json document;  // redoubt/plan@1, as `redoubt plan --as-of start` writes it
};

// Plans the swaps of `member`'s networks from `start` with its own standard
// and `costs`. Errors (a kind the costs file does not price, …) are the
// costs file's, as `redoubt plan` reports them.
[[nodiscard]] Result<MemberPlan> PlanMember(const AllianceModel& model, std::size_t member,
                                            const plan::CostModel& costs, Days start,
                                            const plan::SolveOptions& options = {});

// Plans every member with costs (`costs[member]`; null: no plan, or fewer
// entries than members) from `start`, in member order, for
// AllianceModel::plans; every member's diagnostics are kept.
[[nodiscard]] Result<std::vector<std::shared_ptr<const MemberPlan>>> PlanMembers(
    const AllianceModel& model, const std::vector<const plan::CostModel*>& costs, Days start,
    const plan::SolveOptions& options = {});

// The distinct swap nights of the model's plans in (from, to], ascending.
[[nodiscard]] std::vector<Days> PlannedNights(const AllianceModel& model, Days from, Days to);

// Per member and rule with a plan: the night its last scheduled swap is done,
// when that is in (from, to] (the night a rule's batch completes), ascending.
[[nodiscard]] std::vector<Days> PlanCompletionNights(const AllianceModel& model, Days from, Days to);

}  // namespace redoubt::alliance
