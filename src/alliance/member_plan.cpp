#include "alliance/member_plan.hpp"

#include <algorithm>
#include <cassert>
#include <map>
#include <set>
#include <span>

#include "plan/plan_json.hpp"
#include "plan/problem.hpp"
#include "policy/judged_date.hpp"

namespace redoubt::alliance {

Result<MemberPlan> PlanMember(const AllianceModel& model, std::size_t member,
                              const plan::CostModel& costs, Days start,
                              const plan::SolveOptions& options) {
  const std::vector<std::size_t>& indices = model.member_networks[member];
  // LoadAllianceModel appends a member's networks one after the other.
  const std::size_t first = indices.empty() ? 0 : indices.front();
  for (std::size_t at = 0; at < indices.size(); ++at) assert(indices[at] == first + at);
  const std::span<const Network> networks =
      std::span<const Network>(model.networks).subspan(first, indices.size());
  const policy::Standard& standard = *model.standards[member];
  auto problem = plan::BuildProblem(standard, networks, costs, start);
  if (!problem.ok()) return Result<MemberPlan>(problem.diagnostics());
  const plan::PlanResult result = plan::SolvePlan(problem.value(), options);
  const auto violations = plan::CheckPlan(problem.value(), result.schedule);

  // As `redoubt plan --as-of start` dates its document.
  const policy::JudgedDate date = policy::ChooseJudgedDate(start, networks, start);
  std::vector<policy::InventoryLag> lags;
  const policy::Standard* standards[] = {&standard};
  for (const Network& network : networks) {
    if (auto lag = policy::LagOf(network, standards, date.date)) lags.push_back(std::move(*lag));
  }
  MemberPlan out;
  out.member = member;
  out.costs_file = costs.file;
  out.start = start;
  out.method = result.method;
  out.late = result.totals.late;
  out.unscheduled = result.totals.unscheduled;
  out.lateness_days = result.totals.lateness_days;
  out.last_night = result.totals.last_night;
  out.document = policy::WithJudgedDate(
      plan::PlanDocument(problem.value(), result, costs, violations), date, lags);
  const std::vector<plan::Job>& jobs = problem.value().jobs;
  for (std::size_t job = 0; job < jobs.size(); ++job) {
    out.swaps.push_back({{first + jobs[job].network, jobs[job].element},
                         jobs[job].rule_id,
                         jobs[job].deadline,
                         result.schedule.swaps[job].night});
  }
  // kNoDate is the least date: unscheduled swaps are put last by hand.
  std::stable_sort(out.swaps.begin(), out.swaps.end(), [](const PlannedSwap& a, const PlannedSwap& b) {
    const bool a_none = a.night == kNoDate;
    const bool b_none = b.night == kNoDate;
    if (a_none != b_none) return b_none;
    if (a.night != b.night) return a.night < b.night;
    return a.element < b.element;
  });
  return Result<MemberPlan>(std::move(out), problem.diagnostics());
}

Result<std::vector<std::shared_ptr<const MemberPlan>>> PlanMembers(
    const AllianceModel& model, const std::vector<const plan::CostModel*>& costs, Days start,
    const plan::SolveOptions& options) {
  using Plans = std::vector<std::shared_ptr<const MemberPlan>>;
  Diagnostics diagnostics;
  Plans plans(model.spec.members.size());
  for (std::size_t member = 0; member < plans.size() && member < costs.size(); ++member) {
    if (costs[member] == nullptr) continue;
    auto planned = PlanMember(model, member, *costs[member], start, options);
    diagnostics.Append(planned.diagnostics());
    if (planned.ok()) plans[member] = std::make_shared<const MemberPlan>(std::move(planned).value());
  }
  if (diagnostics.HasErrors()) return Result<Plans>(std::move(diagnostics));
  return Result<Plans>(std::move(plans), std::move(diagnostics));
}

std::vector<Days> PlannedNights(const AllianceModel& model, Days from, Days to) {
  std::set<Days> nights;
  for (const auto& plan : model.plans) {
    if (!plan) continue;
    for (const PlannedSwap& swap : plan->swaps) {
      if (swap.night != kNoDate && swap.night > from && swap.night <= to) nights.insert(swap.night);
    }
  }
  return {nights.begin(), nights.end()};
}

std::vector<Days> PlanCompletionNights(const AllianceModel& model, Days from, Days to) {
  std::set<Days> nights;
  for (const auto& plan : model.plans) {
    if (!plan) continue;
    std::map<std::string, Days> last;  // rule → last scheduled night
    for (const PlannedSwap& swap : plan->swaps) {
      if (swap.night == kNoDate) continue;
      Days& night = last.try_emplace(swap.rule_id, swap.night).first->second;
      night = std::max(night, swap.night);
    }
    for (const auto& [rule, night] : last) {
      if (night > from && night <= to) nights.insert(night);
    }
  }
  return {nights.begin(), nights.end()};
}

}  // namespace redoubt::alliance
