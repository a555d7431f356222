// The plan model, its exact solve against brute-force enumeration, the
// heuristic and its bounds, the checker and the shortfall.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/source.hpp"
#include "io/inventory_reader.hpp"
#include "plan/costs.hpp"
#include "plan/problem.hpp"
#include "plan/solve.hpp"
#include "policy/standard_reader.hpp"
#include "testing.hpp"

namespace redoubt::plan {
namespace {

// svc-a rides gnb-a → rc-a (one cell site) and then either r1 or r2 to the
// core; svc-b rides gnb-b and either r1 or r2. Huawei: gnb-a, rc-a, r1, r2.
// Swapping gnb-a and rc-a on one night costs svc-a the longer swap only;
// swapping r1 and r2 on one night cuts both services.
const char* kLadder = R"(format: redoubt/inventory@1
network: {id: ladder, country: GB, as_of: 2026-01-05}
sites:
  - {id: cell-a, kind: cell, region: North}
  - {id: cell-b, kind: cell, region: North}
  - {id: dc, kind: datacenter, region: North}
  - {id: dc-s, kind: datacenter, region: South}
elements:
  - {id: gnb-a, kind: gnb, vendor: huawei, site: cell-a}
  - {id: rc-a, kind: router, vendor: huawei, site: cell-a}
  - {id: gnb-b, kind: gnb, vendor: ericsson, site: cell-b}
  - {id: r1, kind: router, vendor: huawei, site: dc}
  - {id: r2, kind: router, vendor: huawei, site: dc-s}
  - {id: sw, kind: switch, vendor: nokia, site: dc}
  - {id: amf-1, kind: amf, vendor: nokia, site: dc}
  - {id: smf-1, kind: smf, vendor: nokia, site: dc}
  - {id: upf-1, kind: upf, vendor: nokia, site: dc}
links:
  - {a: gnb-a, b: rc-a}
  - {a: rc-a, b: r1}
  - {a: rc-a, b: r2}
  - {a: gnb-b, b: r1}
  - {a: gnb-b, b: r2}
  - {a: r1, b: sw}
  - {a: r2, b: sw}
  - {a: sw, b: amf-1}
  - {a: sw, b: smf-1}
  - {a: sw, b: upf-1}
services:
  - {id: svc-a, sector: health, attach: [gnb-a], weight: 10}
  - {id: svc-b, sector: energy, attach: [gnb-b], weight: 3}
)";

// Transport out by 2026-01-08, everything by 2026-01-10.
const char* kStandard = R"(format: redoubt/standard@1
id: test-exit
title: Test exit
untrusted: {vendor.risk: high}
rules:
  - id: transport-out
    title: No untrusted transport
    severity: high
    rationale: test
    source: test
    effective: 2026-01-08
    forbid: {untrusted: true, domain: transport}
  - id: all-out
    title: No untrusted equipment
    severity: high
    rationale: test
    source: test
    effective: 2026-01-10
    forbid: {untrusted: true}
)";

Network LoadLadder() {
  std::vector<SourceFile> sources;
  sources.push_back(SourceFile::FromString("ladder.yaml", kLadder));
  InventoryOptions options;
  options.warnings = false;
  auto loaded = LoadInventorySources(std::move(sources), options);
  EXPECT_TRUE(loaded.ok());
  return std::move(loaded).value().front();
}

policy::Standard LoadTestStandard() {
  auto standard = policy::LoadStandardSource(SourceFile::FromString("exit.yaml", kStandard));
  EXPECT_TRUE(standard.ok());
  return std::move(standard).value();
}

CostModel BaseCosts() {
  CostModel costs;
  costs.file = "costs.yaml";
  costs.by_domain["ran"] = {.unit_cost = 100, .swap_hours = 4, .lead_time_days = 0, .source = "test"};
  costs.by_domain["transport"] = {.unit_cost = 50, .swap_hours = 2, .lead_time_days = 0, .source = "test"};
  costs.site_visit_cost = 10;
  costs.crews_by_region["North"] = 1;
  costs.shared_crews = 1;  // South
  costs.window_hours = 6;
  return costs;
}

const Days kStart = *ParseIsoDate("2026-01-05");  // a Monday

struct Fixture {
  Network network = LoadLadder();
  policy::Standard standard = LoadTestStandard();
  std::vector<Network> networks;
  Fixture() { networks.push_back(network); }
  PlanProblem Build(const CostModel& costs, Days start = kStart) {
    auto problem = BuildProblem(standard, networks, costs, start);
    EXPECT_TRUE(problem.ok()) << (problem.diagnostics().Items().empty()
                                      ? std::string()
                                      : problem.diagnostics().Items().front().Format());
    return std::move(problem).value();
  }
};

bool Better(const Totals& a, const Totals& b) {
  if (a.unscheduled != b.unscheduled) return a.unscheduled < b.unscheduled;
  if (std::abs(a.lateness_days - b.lateness_days) > 1e-9) return a.lateness_days < b.lateness_days;
  if (std::abs(a.disruption - b.disruption) > 1e-9) return a.disruption < b.disruption;
  return a.cost < b.cost - 1e-9;
}

// Every schedule of the jobs on the window nights up to `horizon` that the
// checker accepts; the best by (lateness, disruption, cost).
std::optional<Totals> BruteForce(const PlanProblem& problem, Days horizon, std::size_t* valid = nullptr) {
  const std::size_t count = problem.jobs.size();
  std::vector<std::vector<Days>> choices(count);
  for (std::size_t job = 0; job < count; ++job) {
    for (Days night = problem.jobs[job].release; night <= horizon; night = problem.window.NextNight(night + 1)) {
      choices[job].push_back(night);
    }
  }
  double combinations = 1;
  for (const auto& nights : choices) combinations *= static_cast<double>(nights.size());
  EXPECT_LT(combinations, 1e5) << "too many schedules to enumerate";
  if (combinations >= 1e5) return std::nullopt;
  std::optional<Totals> best;
  Schedule schedule;
  schedule.swaps.assign(count, {});
  std::size_t accepted = 0;
  std::function<void(std::size_t)> visit = [&](std::size_t job) {
    if (job == count) {
      std::map<std::pair<std::uint32_t, Days>, std::uint32_t> taken;
      for (std::size_t at = 0; at < count; ++at) {
        schedule.swaps[at].crew = taken[{problem.jobs[at].pool, schedule.swaps[at].night}]++;
      }
      if (!CheckPlan(problem, schedule).empty()) return;
      ++accepted;
      const Totals totals = Evaluate(problem, schedule);
      if (!best || Better(totals, *best)) best = totals;
      return;
    }
    for (Days night : choices[job]) {
      schedule.swaps[job].night = night;
      visit(job + 1);
    }
  };
  visit(0);
  if (valid != nullptr) *valid = accepted;
  return best;
}

Days Horizon(const PlanProblem& problem) {
  Days horizon = Evaluate(problem, HeuristicSchedule(problem)).last_night;
  for (const Job& job : problem.jobs) horizon = std::max({horizon, job.deadline, job.release});
  return horizon;
}

TEST(PlanProblem, JobsDeadlinesPoolsAndOutagesFromTheStandard) {
  Fixture fixture;
  const PlanProblem problem = fixture.Build(BaseCosts());
  ASSERT_EQ(problem.jobs.size(), 4u);
  std::vector<std::string> ids;
  for (const Job& job : problem.jobs) ids.push_back(job.element_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"gnb-a", "r1", "r2", "rc-a"}));
  const Job& gnb = problem.jobs[0];
  EXPECT_EQ(gnb.rule_id, "all-out");
  EXPECT_EQ(FormatIsoDate(gnb.deadline), "2026-01-10");
  EXPECT_EQ(gnb.to_vendor, "ericsson");  // like for like: the trusted gnb vendor
  EXPECT_DOUBLE_EQ(gnb.cost, 100);
  EXPECT_DOUBLE_EQ(gnb.hours, 4);
  EXPECT_EQ(problem.jobs[1].rule_id, "transport-out");  // the earlier deadline wins
  EXPECT_EQ(FormatIsoDate(problem.jobs[1].deadline), "2026-01-08");
  EXPECT_EQ(problem.pools[problem.jobs[1].pool].id, "North");
  EXPECT_EQ(problem.pools[problem.jobs[2].pool].id, "shared");  // r2 is in the South
  // Single outages agree with switching the element off.
  const OutageEvaluator& outages = problem.outages[0];
  for (const Job& job : problem.jobs) {
    const ElementIndex off[] = {job.element};
    EXPECT_DOUBLE_EQ(job.outage_weight, outages.DownWeight(off)) << job.element_id;
  }
  EXPECT_DOUBLE_EQ(problem.jobs[0].outage_weight, 10);  // gnb-a: svc-a
  EXPECT_DOUBLE_EQ(problem.jobs[1].outage_weight, 0);   // r1: r2 carries both
}

TEST(PlanProblem, NightDisruptionIsExactOverlap) {
  Fixture fixture;
  const PlanProblem problem = fixture.Build(BaseCosts());
  const OutageEvaluator& outages = problem.outages[0];
  const ElementIndex gnb = fixture.network.FindElement("gnb-a");
  const ElementIndex rc = fixture.network.FindElement("rc-a");
  const ElementIndex r1 = fixture.network.FindElement("r1");
  const ElementIndex r2 = fixture.network.FindElement("r2");
  {  // one cell site together: svc-a down 4 h, not 4 + 2
    const ElementIndex off[] = {gnb, rc};
    const double hours[] = {4, 2};
    EXPECT_DOUBLE_EQ(outages.NightDisruption(off, hours), 40);
  }
  {  // both aggregation routers: svc-a and svc-b down 2 h
    const ElementIndex off[] = {r1, r2};
    const double hours[] = {2, 2};
    std::map<std::string, double> by_sector;
    EXPECT_DOUBLE_EQ(outages.NightDisruption(off, hours, &by_sector), 26);
    EXPECT_DOUBLE_EQ(by_sector["health"], 20);
    EXPECT_DOUBLE_EQ(by_sector["energy"], 6);
  }
  {  // one alone: nothing
    const ElementIndex off[] = {r1};
    const double hours[] = {2};
    EXPECT_DOUBLE_EQ(outages.NightDisruption(off, hours), 0);
  }
}

TEST(PlanProblem, ErrorsNameTheCostsFile) {
  Fixture fixture;
  CostModel costs = BaseCosts();
  costs.by_domain.erase("ran");
  auto missing = BuildProblem(fixture.standard, fixture.networks, costs, kStart);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.diagnostics().Items().front().Format().find("no unit_cost for element gnb-a"),
            std::string::npos);
  costs = BaseCosts();
  costs.window_hours = 3;
  auto too_long = BuildProblem(fixture.standard, fixture.networks, costs, kStart);
  ASSERT_FALSE(too_long.ok());
  EXPECT_NE(too_long.diagnostics().Items().front().Format().find("longer than the 3 h"), std::string::npos);
  costs = BaseCosts();
  costs.replacement["ran"] = "huawei";
  auto untrusted = BuildProblem(fixture.standard, fixture.networks, costs, kStart);
  ASSERT_FALSE(untrusted.ok());
  EXPECT_NE(untrusted.diagnostics().Items().front().Format().find("is untrusted"), std::string::npos);
}

// The variants the exact model is proven on: crews, windows, lead times,
// budgets and visit costs that make each objective bind.
struct Variant {
  std::string name;
  std::function<void(CostModel&)> edit;
  Days start = kStart;
};

std::vector<Variant> Variants() {
  return {
      {"base", [](CostModel&) {}},
      {"two north crews", [](CostModel& c) { c.crews_by_region["North"] = 2; c.crews_by_region["South"] = 1; c.shared_crews = 0; }},
      {"two north crews and a shared one", [](CostModel& c) { c.crews_by_region["North"] = 2; }},
      {"weekend windows only", [](CostModel& c) { c.window_days = {false, false, false, false, false, true, true}; }},
      {"long lead time for ran", [](CostModel& c) { c.by_domain["ran"].lead_time_days = 6; }},
      {"tight budget: one visit for the cell site", [](CostModel& c) {
         c.budget_per_year[2026] = 1035;
         c.by_domain["transport"].unit_cost = 300;
         c.crews_by_region["North"] = 2;
       }},
      {"budget forces next year", [](CostModel& c) { c.budget_per_year[2025] = 180; }, *ParseIsoDate("2025-12-29")},
      {"no visit cost", [](CostModel& c) { c.site_visit_cost = 0; }},
      {"costly visits", [](CostModel& c) { c.site_visit_cost = 1000; c.crews_by_region["North"] = 2; }},
      {"overdue start", [](CostModel&) {}, *ParseIsoDate("2026-01-09")},
  };
}

TEST(PlanExact, OptimalAgainstBruteForceOnEveryVariant) {
  Fixture fixture;
  for (const Variant& variant : Variants()) {
    SCOPED_TRACE(variant.name);
    CostModel costs = BaseCosts();
    variant.edit(costs);
    const PlanProblem problem = fixture.Build(costs, variant.start);
    const Days horizon = Horizon(problem);
    std::size_t valid = 0;
    const auto best = BruteForce(problem, horizon, &valid);
    ASSERT_TRUE(best.has_value());
    EXPECT_GT(valid, 1u);  // a choice to make
    const auto exact = ExactSchedule(problem, horizon, 30);
    ASSERT_TRUE(exact.has_value());
    EXPECT_TRUE(exact->proven_optimal);
    EXPECT_TRUE(CheckPlan(problem, exact->schedule).empty());
    const Totals totals = Evaluate(problem, exact->schedule);
    EXPECT_DOUBLE_EQ(totals.lateness_days, best->lateness_days);
    EXPECT_NEAR(totals.disruption, best->disruption, 1e-9);
    EXPECT_NEAR(totals.cost, best->cost, 1e-9);
    // The bounds hold for the optimum, and the solver's plan is the one the
    // library returns.
    const Bounds bounds = LowerBounds(problem);
    EXPECT_LE(bounds.lateness_days, best->lateness_days + 1e-9);
    EXPECT_LE(bounds.disruption, best->disruption + 1e-9);
    EXPECT_LE(bounds.cost, best->cost + 1e-9);
    const PlanResult result = SolvePlan(problem, {});
    EXPECT_EQ(result.method, Method::kExact);
    EXPECT_DOUBLE_EQ(result.totals.disruption, totals.disruption);
    // The heuristic is valid and never beats the optimum.
    const Schedule heuristic = HeuristicSchedule(problem);
    EXPECT_TRUE(CheckPlan(problem, heuristic).empty());
    EXPECT_FALSE(Better(Evaluate(problem, heuristic), *best));
  }
}

TEST(PlanExact, TheObjectivesBindAsExpected) {
  Fixture fixture;
  {  // one north crew: rc-a and r1 due 01-08; gnb-a due 01-10. Optimal:
     // r1 and rc-a before the 8th, gnb-a with rc-a impossible on one crew.
    const PlanProblem problem = fixture.Build(BaseCosts());
    const Totals totals = Evaluate(problem, SolvePlan(problem, {}).schedule);
    EXPECT_DOUBLE_EQ(totals.lateness_days, 0);
    EXPECT_DOUBLE_EQ(totals.disruption, 40 + 20);  // gnb-a 4 h, rc-a 2 h, apart
  }
  {  // two north crews and no shared crew: gnb-a with rc-a, never r1 with r2
    CostModel costs = BaseCosts();
    costs.crews_by_region["North"] = 2;
    costs.crews_by_region["South"] = 1;
    const PlanProblem problem = fixture.Build(costs);
    const PlanResult result = SolvePlan(problem, {});
    EXPECT_DOUBLE_EQ(result.totals.lateness_days, 0);
    EXPECT_DOUBLE_EQ(result.totals.disruption, 40);
    EXPECT_EQ(result.schedule.swaps[0].night, result.schedule.swaps[3].night);  // gnb-a, rc-a
    EXPECT_NE(result.schedule.swaps[1].night, result.schedule.swaps[2].night);  // r1, r2
    EXPECT_DOUBLE_EQ(result.totals.cost, 250 + 10 * 3);  // one visit per site
  }
}

TEST(PlanChecker, CatchesEachBrokenConstraint) {
  Fixture fixture;
  CostModel costs = BaseCosts();
  costs.budget_per_year[2026] = 400;
  costs.by_domain["ran"].lead_time_days = 2;
  costs.crews_by_region["North"] = 3;
  costs.window_days = {true, true, true, true, true, false, false};  // weekdays
  const PlanProblem problem = fixture.Build(costs);
  const Days monday = kStart;
  Schedule good;  // gnb-a, r1, r2, rc-a
  good.swaps = {{monday + 2, 0}, {monday + 1, 0}, {monday + 1, 0}, {monday + 2, 1}};
  ASSERT_TRUE(CheckPlan(problem, good).empty());
  EXPECT_TRUE(CheckPlan(problem, SolvePlan(problem, {}).schedule).empty());
  auto kinds = [&](const Schedule& schedule) {
    std::vector<std::string> out;
    for (const Violation& violation : CheckPlan(problem, schedule)) out.push_back(violation.what);
    return out;
  };
  Schedule bad = good;
  bad.swaps[0].night = monday;  // gnb-a before its equipment arrives
  EXPECT_EQ(kinds(bad), std::vector<std::string>{"release"});
  bad = good;
  bad.swaps[1].night = monday + 5;  // a Saturday
  EXPECT_EQ(kinds(bad), std::vector<std::string>{"window"});
  bad = good;
  bad.swaps[3] = bad.swaps[1];  // rc-a on r1's crew and night
  EXPECT_EQ(kinds(bad), std::vector<std::string>{"crews"});
  bad = good;
  bad.swaps[1].crew = 3;  // North has three crews
  EXPECT_EQ(kinds(bad), std::vector<std::string>{"crew"});
  bad = good;
  bad.swaps.pop_back();
  EXPECT_EQ(kinds(bad), std::vector<std::string>{"size"});
  CostModel poor = costs;
  poor.budget_per_year[2026] = 100;
  const PlanProblem broke = fixture.Build(poor);
  std::vector<std::string> over;
  for (const Violation& violation : CheckPlan(broke, good)) over.push_back(violation.what);
  EXPECT_EQ(over, std::vector<std::string>{"budget"});
}

// The least crews with which the brute-force optimum has no avoidable slip.
std::uint32_t LeastCrewsByBruteForce(Fixture& fixture, CostModel costs, const std::string& region) {
  for (std::uint32_t crews = 0; crews <= 4; ++crews) {
    costs.crews_by_region[region] = crews;
    const PlanProblem problem = fixture.Build(costs);
    if (crews == 0) continue;
    const auto best = BruteForce(problem, Horizon(problem));
    double unavoidable = 0;
    for (const Job& job : problem.jobs) unavoidable += std::max(0, job.release - job.deadline);
    if (best && best->lateness_days <= unavoidable + 1e-9) return crews;
  }
  return 99;
}

TEST(PlanShortfall, LeastExtraCrewsMatchBruteForce) {
  Fixture fixture;
  // Two North swaps due by Thursday the 8th (r1, rc-a), the first night
  // with a window: one crew is short.
  CostModel costs = BaseCosts();
  costs.window_days = {false, false, false, true, true, true, true};  // Thu..Sun
  const PlanProblem problem = fixture.Build(costs, kStart);
  const PlanResult result = SolvePlan(problem, {});
  EXPECT_GT(result.totals.lateness_days, 0);
  ASSERT_EQ(result.shortfall.crews.size(), 1u);
  EXPECT_EQ(problem.pools[result.shortfall.crews[0].pool].id, "North");
  const std::uint32_t least = LeastCrewsByBruteForce(fixture, costs, "North");
  EXPECT_EQ(result.shortfall.crews[0].crews + result.shortfall.crews[0].extra, least);
  EXPECT_EQ(least, 2u);
  // With the extra crews the plan meets every deadline.
  costs.crews_by_region["North"] = least;
  const PlanProblem enough = fixture.Build(costs, kStart);
  EXPECT_DOUBLE_EQ(SolvePlan(enough, {}).totals.lateness_days, 0);
}

TEST(PlanShortfall, LeadTimesPastTheDeadlineCannotBeBoughtOff) {
  Fixture fixture;
  CostModel costs = BaseCosts();
  costs.by_domain["ran"].lead_time_days = 30;
  costs.crews_by_region["North"] = 3;
  const PlanProblem problem = fixture.Build(costs);
  const PlanResult result = SolvePlan(problem, {});
  ASSERT_EQ(result.shortfall.unavoidable.size(), 1u);
  EXPECT_EQ(problem.jobs[result.shortfall.unavoidable[0]].element_id, "gnb-a");
  EXPECT_TRUE(result.shortfall.crews.empty());  // crews would not help
  EXPECT_DOUBLE_EQ(result.totals.lateness_days, 30 - 5);  // ready 02-04, due 01-10
}

TEST(PlanShortfall, BudgetShortfallPerYear) {
  Fixture fixture;
  CostModel costs = BaseCosts();
  costs.crews_by_region["North"] = 3;
  costs.shared_crews = 1;
  costs.budget_per_year[2026] = 200;  // the plan costs 250 + visits
  const PlanProblem problem = fixture.Build(costs, *ParseIsoDate("2026-01-05"));
  const PlanResult result = SolvePlan(problem, {});
  // Not everything can be paid for in 2026: some swaps slip to 2027.
  EXPECT_GT(result.totals.lateness_days, 0);
  ASSERT_EQ(result.shortfall.budget.size(), 1u);
  EXPECT_EQ(result.shortfall.budget.begin()->first, 2026);
  // Unit costs 250 + 3 visits (cell-a, dc, dc-s) = 280, against 200.
  EXPECT_DOUBLE_EQ(result.shortfall.budget.begin()->second, 80);
  EXPECT_DOUBLE_EQ(result.shortfall.budget_lower, 50);  // unit costs alone
  costs.budget_per_year[2026] = 280;
  EXPECT_DOUBLE_EQ(SolvePlan(fixture.Build(costs), {}).totals.lateness_days, 0);
}

TEST(PlanSolve, DeterministicAndEmptyWhenNothingIsForbidden) {
  Fixture fixture;
  const PlanProblem problem = fixture.Build(BaseCosts());
  const PlanResult first = SolvePlan(problem, {});
  const PlanResult second = SolvePlan(problem, {});
  for (std::size_t job = 0; job < problem.jobs.size(); ++job) {
    EXPECT_EQ(first.schedule.swaps[job].night, second.schedule.swaps[job].night);
    EXPECT_EQ(first.schedule.swaps[job].crew, second.schedule.swaps[job].crew);
  }
  const PlanProblem before = fixture.Build(BaseCosts(), *ParseIsoDate("2030-01-01"));
  // Every rule binds already in 2030: every job overdue, none dropped.
  EXPECT_EQ(before.jobs.size(), 4u);
  SolveOptions heuristic;
  heuristic.method = Method::kHeuristic;
  EXPECT_EQ(SolvePlan(problem, heuristic).method, Method::kHeuristic);
}

}  // namespace
}  // namespace redoubt::plan
