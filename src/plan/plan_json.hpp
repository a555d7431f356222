// The `redoubt/plan@1` document (schemas/plan-1.schema.json): every swap with
// its night, crew pool, cost and outage; totals with their lower bounds and
// gaps; each rule's deadline met or slipped; spending per year against the
// budget; disruption per sector; when deadlines slip, the least extra crews
// per pool and the extra budget per year that would make them; and the plan
// checker's verdict.
//
//   auto document = PlanDocument(problem, result, costs, CheckPlan(problem, result.schedule));
//
// Numbers are rounded to 6 significant decimals so the bytes do not depend
// on the last bit of a floating-point sum. Deterministic.
#pragma once

#include <span>

#include <nlohmann/json.hpp>

#include "plan/costs.hpp"
#include "plan/problem.hpp"
#include "plan/solve.hpp"

namespace redoubt::plan {

inline constexpr std::string_view kPlanFormat = "redoubt/plan@1";

[[nodiscard]] nlohmann::ordered_json PlanDocument(const PlanProblem& problem, const PlanResult& result,
                                                  const CostModel& costs,
                                                  std::span<const Violation> violations);

// Per rule: its deadline and how its swaps fare.
struct DeadlineStatus {
  std::string rule_id;
  Days deadline = kNoDate;
  bool overdue = false;  // the rule already bound on the start date
  std::size_t swaps = 0;
  std::size_t late = 0;
  std::size_t unscheduled = 0;
  Days max_slip_days = 0;
  Days last_night = kNoDate;
};
[[nodiscard]] std::vector<DeadlineStatus> DeadlineStatuses(const PlanProblem& problem,
                                                           const Schedule& schedule);

[[nodiscard]] std::string_view Name(Method method);

}  // namespace redoubt::plan
