#include "plan/plan_json.hpp"

#include <cmath>
#include <map>

#include <fmt/format.h>

namespace redoubt::plan {

namespace {

double Round(double value) {
  if (!std::isfinite(value) || value == 0) return value;
  return std::round(value * 1e6) / 1e6;
}

// (bound, value) → relative gap, 0 when equal.
double Gap(double value, double bound) {
  if (value <= bound) return 0;
  return Round((value - bound) / std::max(std::abs(value), 1e-12));
}

std::string HourText(double hour) {
  const auto minutes = static_cast<long>(std::lround(hour * 60));
  return fmt::format("{:02}:{:02}", (minutes / 60) % 24, minutes % 60);
}

}  // namespace

std::string_view Name(Method method) {
  switch (method) {
    case Method::kAuto: return "auto";
    case Method::kExact: return "exact";
    case Method::kHeuristic: return "heuristic";
  }
  return "heuristic";
}

std::vector<DeadlineStatus> DeadlineStatuses(const PlanProblem& problem, const Schedule& schedule) {
  std::map<std::pair<Days, std::string>, DeadlineStatus> by_rule;
  for (std::size_t job = 0; job < problem.jobs.size(); ++job) {
    const Job& entry = problem.jobs[job];
    DeadlineStatus& status = by_rule[{entry.deadline, entry.rule_id}];
    status.rule_id = entry.rule_id;
    status.deadline = entry.deadline;
    status.overdue = entry.deadline < problem.start;
    ++status.swaps;
    const Days night = schedule.swaps[job].night;
    if (night == kNoDate) {
      ++status.unscheduled;
      continue;
    }
    if (night > entry.deadline) {
      ++status.late;
      status.max_slip_days = std::max(status.max_slip_days, night - entry.deadline);
    }
    status.last_night = status.last_night == kNoDate ? night : std::max(status.last_night, night);
  }
  std::vector<DeadlineStatus> out;
  for (auto& [key, status] : by_rule) out.push_back(std::move(status));
  return out;
}

nlohmann::ordered_json PlanDocument(const PlanProblem& problem, const PlanResult& result,
                                    const CostModel& costs, std::span<const Violation> violations) {
  using Json = nlohmann::ordered_json;
  const Totals& totals = result.totals;
  Json document;
  document["format"] = kPlanFormat;
  document["standard"] = problem.standard_id;
  document["networks"] = problem.networks;
  document["start"] = FormatIsoDate(problem.start);
  document["costs"] = {{"file", costs.file},
                       {"title", costs.title},
                       {"illustrative", costs.illustrative},
                       {"currency", problem.currency}};
  document["method"] = Name(result.method);
  document["proven_optimal"] = result.proven_optimal;
  document["model_exact"] = result.model_exact;
  if (!result.note.empty()) document["note"] = result.note;
  document["window"] = {{"start", HourText(problem.window.start_hour)},
                        {"hours", Round(problem.window.hours)}};
  Json pools = Json::array();
  for (const Pool& pool : problem.pools) pools.push_back({{"id", pool.id}, {"crews", pool.crews}});
  document["pools"] = pools;

  const bool met = totals.lateness_days == 0 && totals.unscheduled == 0;
  document["summary"] = {
      {"swaps", problem.jobs.size()},
      {"deadlines_met", met},
      {"late_swaps", totals.late},
      {"unscheduled_swaps", totals.unscheduled},
      {"lateness_days", Round(totals.lateness_days)},
      {"disruption_weight_hours", Round(totals.disruption)},
      {"cost", Round(totals.cost)},
      {"last_swap", totals.last_night == kNoDate ? Json(nullptr) : Json(FormatIsoDate(totals.last_night))}};
  document["bounds"] = {
      {"lateness_days", Round(result.bounds.lateness_days)},
      {"disruption_weight_hours", Round(result.bounds.disruption)},
      {"cost", Round(result.bounds.cost)},
      {"gap", {{"lateness_days", Gap(totals.lateness_days, result.bounds.lateness_days)},
               {"disruption_weight_hours", Gap(totals.disruption, result.bounds.disruption)},
               {"cost", Gap(totals.cost, result.bounds.cost)}}}};

  Json deadlines = Json::array();
  for (const DeadlineStatus& status : DeadlineStatuses(problem, result.schedule)) {
    deadlines.push_back({{"rule", status.rule_id},
                         {"deadline", FormatIsoDate(status.deadline)},
                         {"overdue", status.overdue},
                         {"swaps", status.swaps},
                         {"met", status.late == 0 && status.unscheduled == 0},
                         {"late_swaps", status.late},
                         {"unscheduled_swaps", status.unscheduled},
                         {"max_slip_days", status.max_slip_days},
                         {"last_swap", status.last_night == kNoDate ? Json(nullptr)
                                                                    : Json(FormatIsoDate(status.last_night))}});
  }
  document["deadlines"] = deadlines;

  Json years = Json::array();
  std::map<int, double> all_years = totals.cost_per_year;
  for (const auto& [year, budget] : problem.budget_per_year) all_years.try_emplace(year, 0.0);
  for (const auto& [year, spent] : all_years) {
    auto budget = problem.budget_per_year.find(year);
    years.push_back({{"year", year},
                     {"cost", Round(spent)},
                     {"budget", budget == problem.budget_per_year.end() ? Json(nullptr) : Json(Round(budget->second))}});
  }
  document["cost_per_year"] = years;
  Json sectors = Json::object();
  for (const auto& [sector, amount] : totals.disruption_by_sector) sectors[sector] = Round(amount);
  document["disruption_by_sector"] = sectors;

  if (!met) {
    Json crews = Json::array();
    for (const CrewShortfall& entry : result.shortfall.crews) {
      crews.push_back({{"pool", problem.pools[entry.pool].id}, {"crews", entry.crews}, {"extra", entry.extra}});
    }
    Json budget = Json::array();
    for (const auto& [year, extra] : result.shortfall.budget) budget.push_back({{"year", year}, {"extra", Round(extra)}});
    Json unavoidable = Json::array();
    for (std::size_t job : result.shortfall.unavoidable) {
      const Job& entry = problem.jobs[job];
      unavoidable.push_back({{"network", entry.network_id},
                             {"element", entry.element_id},
                             {"rule", entry.rule_id},
                             {"deadline", FormatIsoDate(entry.deadline)},
                             {"earliest", FormatIsoDate(entry.release)},
                             {"slip_days", entry.release - entry.deadline}});
    }
    document["shortfall"] = {{"extra_crews", crews},
                             {"extra_budget", budget},
                             {"extra_budget_at_least", Round(result.shortfall.budget_lower)},
                             {"unavoidable", unavoidable}};
  } else {
    document["shortfall"] = nullptr;
  }

  Json swaps = Json::array();
  for (std::size_t job = 0; job < problem.jobs.size(); ++job) {
    const Job& entry = problem.jobs[job];
    const Assignment& swap = result.schedule.swaps[job];
    Json item = {{"network", entry.network_id},
                 {"element", entry.element_id},
                 {"kind", entry.kind},
                 {"domain", entry.domain},
                 {"site", entry.site.empty() ? Json(nullptr) : Json(entry.site)},
                 {"region", entry.region.empty() ? Json(nullptr) : Json(entry.region)},
                 {"rule", entry.rule_id},
                 {"deadline", FormatIsoDate(entry.deadline)},
                 {"from_vendor", entry.from_vendor},
                 {"to_vendor", entry.to_vendor},
                 {"pool", problem.pools[entry.pool].id}};
    if (swap.night == kNoDate) {
      item["night"] = nullptr;
    } else {
      item["night"] = FormatIsoDate(swap.night);
      item["crew"] = swap.crew;
      item["start"] = HourText(problem.window.start_hour);
      item["end"] = HourText(problem.window.start_hour + entry.hours);
      item["late_days"] = std::max(0, swap.night - entry.deadline);
    }
    item["hours"] = Round(entry.hours);
    item["cost"] = Round(entry.cost);
    item["outage_weight"] = Round(entry.outage_weight);
    swaps.push_back(std::move(item));
  }
  document["swaps"] = swaps;
  Json checked = Json::array();
  for (const Violation& violation : violations) {
    checked.push_back({{"what", violation.what}, {"message", violation.message}});
  }
  document["check"] = {{"valid", violations.empty()}, {"violations", checked}};
  return document;
}

}  // namespace redoubt::plan
