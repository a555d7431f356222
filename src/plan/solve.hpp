// Choosing when each swap of a PlanProblem happens, and judging a choice.
//
//   PlanResult result = SolvePlan(problem, {});
//   if (result.totals.lateness_days > 0) ... result.shortfall.crews ...
//   assert(CheckPlan(problem, result.schedule).empty());
//
// Objective, in order: meet every deadline (total days late, summed over
// swaps, as small as possible), then least disruption (weight × hours of
// services down while swaps are under way), then least cost (unit costs,
// fixed, plus one site visit per site and night with a swap there). Hard
// constraints: a swap on a night with a window, on or after its release;
// at most `crews` swaps per pool and night; spending per calendar year
// within its budget.
//
// Methods.
// - Exact (COIN-OR CBC, exact.cpp): one binary per swap and night up to a
//   horizon (the latest deadline, release or heuristic night), solved in
//   three stages (lateness; then disruption with lateness fixed at its
//   optimum; then cost), single-threaded with a fixed seed. Disruption in the
//   model is the sum of each swap's outage plus, per pair of swaps of one
//   network sharing a night, the exact correction for that pair: exact when
//   at most two swaps of a network share a night, else the checker's exact
//   figure is what the plan reports (`model_exact` says which).
// - Heuristic (national scale): the swaps of one site, pool and release go
//   as one batch (one visit, overlapping outages), due when its earliest
//   swap is; batches in order of that deadline, release, then id, each on
//   the earliest night with enough free crews and budget; a batch that would
//   be late that way is split into single swaps.
//
// Lower bounds (Bounds), valid for every schedule: lateness — per pool,
// earliest-deadline-first over released swaps with the budget dropped, which
// is optimal for unit jobs on identical crews (exchange argument: T(n) =
// max(0, n - d) has increments nondecreasing in n - d); disruption — each
// service down for at least the longest swap among the elements that alone
// take it down; cost — unit costs plus one visit per site.
//
// Deterministic: same problem, same schedule, byte for byte.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "plan/problem.hpp"

namespace redoubt::plan {

// When one job is done; night kNoDate: not scheduled (no crew or budget ever).
struct Assignment {
  Days night = kNoDate;
  std::uint32_t crew = 0;  // 0-based within the pool on that night
};

struct Schedule {
  std::vector<Assignment> swaps;  // one per job, same order
};

struct Totals {
  double lateness_days = 0;  // Σ max(0, night - deadline)
  std::size_t late = 0;      // swaps after their deadline
  std::size_t unscheduled = 0;
  double disruption = 0;     // weight × hours, exact
  double cost = 0;
  Days last_night = kNoDate;
  std::map<int, double> cost_per_year;
  std::map<std::string, double> disruption_by_sector;  // sector name → weight × hours
};

struct Bounds {
  double lateness_days = 0;
  double disruption = 0;
  double cost = 0;
};

// One pool short of crews: `extra` more would meet every deadline that lead
// times allow (budget not binding).
struct CrewShortfall {
  std::uint32_t pool = 0;
  std::uint32_t crews = 0;
  std::uint32_t extra = 0;
};

struct Shortfall {
  std::vector<CrewShortfall> crews;  // pools short, in pool order
  // Per year: extra budget that, with the crews as given, lets the plan
  // meet the deadlines its crews allow (sufficient; `budget_lower` bounds it).
  std::map<int, double> budget;
  double budget_lower = 0;  // the least total extra any plan needs
  // Swaps that no crew count can bring in on time: their equipment arrives
  // after the deadline (or the deadline has passed). Job indices.
  std::vector<std::size_t> unavoidable;
};

enum class Method { kAuto, kExact, kHeuristic };

struct SolveOptions {
  Method method = Method::kAuto;
  // kAuto uses the exact model when it has at most this many swap-night variables.
  std::size_t exact_variable_limit = 20000;
  double time_limit_seconds = 60;  // per stage of the exact model
};

struct PlanResult {
  Schedule schedule;
  Totals totals;
  Bounds bounds;
  Shortfall shortfall;
  Method method = Method::kHeuristic;  // what produced the schedule
  bool proven_optimal = false;  // exact model solved to optimality in every stage
  bool model_exact = true;      // the exact model's disruption equals the checker's
  std::string note;             // why the exact model was not used, when asked for
};

[[nodiscard]] PlanResult SolvePlan(const PlanProblem& problem, const SolveOptions& options);

// The parts, for tests and benchmarks.
[[nodiscard]] Schedule HeuristicSchedule(const PlanProblem& problem);
// nullopt when CBC finds no schedule within the horizon or the time limit.
struct ExactOutcome {
  Schedule schedule;
  bool proven_optimal = false;
  bool model_exact = true;
};
[[nodiscard]] std::optional<ExactOutcome> ExactSchedule(const PlanProblem& problem, Days horizon,
                                                        double time_limit_seconds);
// `disruption` false skips the outage evaluation (one ServicesUp per night and
// swap duration, the costly part at national scale): costs and lateness only.
[[nodiscard]] Totals Evaluate(const PlanProblem& problem, const Schedule& schedule,
                              bool disruption = true);
[[nodiscard]] Bounds LowerBounds(const PlanProblem& problem);
[[nodiscard]] Shortfall FindShortfall(const PlanProblem& problem);
// Pool-by-pool earliest-deadline-first with `crews` per pool and no budget:
// the least total lateness (see above); per job its night (kNoDate: 0 crews).
[[nodiscard]] std::vector<Days> EarliestDeadlineFirst(const PlanProblem& problem,
                                                      const std::vector<std::uint32_t>& crews);

// A broken hard constraint.
struct Violation {
  std::string what;  // "crews", "window", "release", "budget", "size", "crew"
  std::size_t job = SIZE_MAX;  // SIZE_MAX: not one job's
  std::string message;
};

// Every hard constraint the schedule breaks (empty: a valid plan). Deadlines
// are not hard: lateness is what Evaluate reports. O(jobs log jobs).
[[nodiscard]] std::vector<Violation> CheckPlan(const PlanProblem& problem, const Schedule& schedule);

}  // namespace redoubt::plan
