// The exact model of a PlanProblem, solved by COIN-OR CBC (solve.hpp).
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "CbcModel.hpp"
#include "CoinPackedMatrix.hpp"
#include "CoinPackedVector.hpp"
#include "OsiClpSolverInterface.hpp"
#include "plan/solve.hpp"

namespace redoubt::plan {

namespace {

constexpr int kSeed = 20250101;  // CBC's seed, fixed: the same model gives the same plan

struct Row {
  CoinPackedVector terms;
  double lower;
  double upper;
};

struct Model {
  std::vector<double> lower;
  std::vector<double> upper;
  std::vector<bool> integer;
  std::vector<Row> rows;
  std::vector<double> lateness;     // objective of stage 1
  std::vector<double> interaction;  // stage 2
  std::vector<double> visits;       // stage 3

  int Add(double lo, double hi, bool is_integer) {
    lower.push_back(lo);
    upper.push_back(hi);
    integer.push_back(is_integer);
    lateness.push_back(0);
    interaction.push_back(0);
    visits.push_back(0);
    return static_cast<int>(lower.size()) - 1;
  }
};

struct StageResult {
  std::vector<double> solution;
  double objective = 0;
  bool optimal = false;
};

std::optional<StageResult> SolveStage(const Model& model, const std::vector<double>& objective,
                                      const std::vector<Row>& extra, double seconds,
                                      const std::vector<double>* start) {
  CoinPackedMatrix matrix(false, 0, 0);
  matrix.setDimensions(0, static_cast<int>(model.lower.size()));
  std::vector<double> row_lower;
  std::vector<double> row_upper;
  for (const auto* rows : {&model.rows, &extra}) {
    for (const Row& row : *rows) {
      matrix.appendRow(row.terms);
      row_lower.push_back(row.lower);
      row_upper.push_back(row.upper);
    }
  }
  OsiClpSolverInterface solver;
  solver.messageHandler()->setLogLevel(0);
  solver.loadProblem(matrix, model.lower.data(), model.upper.data(), objective.data(),
                     row_lower.data(), row_upper.data());
  for (std::size_t column = 0; column < model.integer.size(); ++column) {
    if (model.integer[column]) solver.setInteger(static_cast<int>(column));
  }
  CbcModel cbc(solver);
  cbc.setLogLevel(0);
  cbc.messageHandler()->setLogLevel(0);
  cbc.setRandomSeed(kSeed);
  cbc.setMaximumSeconds(seconds);
  if (start != nullptr) cbc.setBestSolution(start->data(), static_cast<int>(start->size()),
                                            std::inner_product(start->begin(), start->end(), objective.begin(), 0.0),
                                            true);
  cbc.initialSolve();
  cbc.branchAndBound();
  if (cbc.bestSolution() == nullptr) return std::nullopt;
  StageResult result;
  result.solution.assign(cbc.bestSolution(), cbc.bestSolution() + model.lower.size());
  result.objective = std::inner_product(result.solution.begin(), result.solution.end(), objective.begin(), 0.0);
  result.optimal = cbc.isProvenOptimal();
  return result;
}

}  // namespace

std::optional<ExactOutcome> ExactSchedule(const PlanProblem& problem, Days horizon, double time_limit_seconds) {
  Model model;
  const std::size_t job_count = problem.jobs.size();
  // x[job]: (night, column), nights ascending.
  std::vector<std::vector<std::pair<Days, int>>> x(job_count);
  for (std::size_t job = 0; job < job_count; ++job) {
    const Job& entry = problem.jobs[job];
    CoinPackedVector once;
    for (Days night = entry.release; night != kNoDate && night <= horizon;
         night = problem.window.NextNight(night + 1)) {
      const int column = model.Add(0, 1, true);
      model.lateness[static_cast<std::size_t>(column)] =
          night > entry.deadline ? static_cast<double>(night - entry.deadline) : 0.0;
      x[job].emplace_back(night, column);
      once.insert(column, 1.0);
    }
    if (x[job].empty()) return std::nullopt;
    model.rows.push_back({once, 1.0, 1.0});
  }
  // Crews per pool and night.
  std::map<std::pair<std::uint32_t, Days>, CoinPackedVector> capacity;
  for (std::size_t job = 0; job < job_count; ++job) {
    for (const auto& [night, column] : x[job]) capacity[{problem.jobs[job].pool, night}].insert(column, 1.0);
  }
  for (auto& [key, terms] : capacity) {
    model.rows.push_back({terms, -COIN_DBL_MAX, static_cast<double>(problem.pools[key.first].crews)});
  }
  // Site visits: v[site, night] >= x[job, night] for each job at the site.
  std::map<std::pair<std::uint32_t, Days>, int> visit;
  for (std::size_t job = 0; job < job_count; ++job) {
    const std::uint32_t site = problem.jobs[job].site_key;
    if (site == UINT32_MAX) continue;
    for (const auto& [night, column] : x[job]) {
      auto [found, inserted] = visit.try_emplace({site, night}, 0);
      if (inserted) {
        found->second = model.Add(0, 1, false);
        model.visits[static_cast<std::size_t>(found->second)] = problem.site_visit_cost;
      }
      CoinPackedVector link;
      link.insert(found->second, 1.0);
      link.insert(column, -1.0);
      model.rows.push_back({link, 0.0, COIN_DBL_MAX});
    }
  }
  // Budget per year.
  std::map<int, CoinPackedVector> spend;
  for (std::size_t job = 0; job < job_count; ++job) {
    for (const auto& [night, column] : x[job]) {
      if (problem.budget_per_year.contains(YearOf(night))) {
        spend[YearOf(night)].insert(column, problem.jobs[job].cost);
      }
    }
  }
  if (problem.site_visit_cost > 0) {
    for (const auto& [key, column] : visit) {
      if (problem.budget_per_year.contains(YearOf(key.second))) {
        spend[YearOf(key.second)].insert(column, problem.site_visit_cost);
      }
    }
  }
  for (auto& [year, terms] : spend) {
    model.rows.push_back({terms, -COIN_DBL_MAX, problem.budget_per_year.at(year)});
  }
  // Pairs of one network sharing a night: the exact correction of their
  // joint outage over the sum of their single outages.
  std::vector<double> single(job_count);
  for (std::size_t job = 0; job < job_count; ++job) {
    const ElementIndex element[] = {problem.jobs[job].element};
    const double hours[] = {problem.jobs[job].hours};
    single[job] = problem.outages[problem.jobs[job].network].NightDisruption(element, hours);
  }
  for (std::size_t a = 0; a < job_count; ++a) {
    for (std::size_t b = a + 1; b < job_count; ++b) {
      const Job& first = problem.jobs[a];
      const Job& second = problem.jobs[b];
      if (first.network != second.network) continue;
      const ElementIndex elements[] = {first.element, second.element};
      const double hours[] = {first.hours, second.hours};
      const double extra = problem.outages[first.network].NightDisruption(elements, hours) - single[a] - single[b];
      if (std::abs(extra) < 1e-9) continue;
      std::size_t at_b = 0;
      for (const auto& [night, column_a] : x[a]) {
        while (at_b < x[b].size() && x[b][at_b].first < night) ++at_b;
        if (at_b == x[b].size()) break;
        if (x[b][at_b].first != night) continue;
        const int column_b = x[b][at_b].second;
        const int z = model.Add(0, 1, false);
        model.interaction[static_cast<std::size_t>(z)] = extra;
        if (extra < 0) {  // together is better: z may be 1 only when both are
          CoinPackedVector with_a;
          with_a.insert(z, 1.0);
          with_a.insert(column_a, -1.0);
          model.rows.push_back({with_a, -COIN_DBL_MAX, 0.0});
          CoinPackedVector with_b;
          with_b.insert(z, 1.0);
          with_b.insert(column_b, -1.0);
          model.rows.push_back({with_b, -COIN_DBL_MAX, 0.0});
        } else {  // together is worse: z must be 1 when both are
          CoinPackedVector both;
          both.insert(z, 1.0);
          both.insert(column_a, -1.0);
          both.insert(column_b, -1.0);
          model.rows.push_back({both, -1.0, COIN_DBL_MAX});
        }
      }
    }
  }

  ExactOutcome outcome;
  std::vector<Row> fixed;
  auto stage1 = SolveStage(model, model.lateness, fixed, time_limit_seconds, nullptr);
  if (!stage1) return std::nullopt;
  CoinPackedVector late_terms;
  for (std::size_t column = 0; column < model.lateness.size(); ++column) {
    if (model.lateness[column] != 0) late_terms.insert(static_cast<int>(column), model.lateness[column]);
  }
  fixed.push_back({late_terms, -COIN_DBL_MAX, std::round(stage1->objective) + 0.5});
  auto stage2 = SolveStage(model, model.interaction, fixed, time_limit_seconds, &stage1->solution);
  if (!stage2) return std::nullopt;
  CoinPackedVector pair_terms;
  for (std::size_t column = 0; column < model.interaction.size(); ++column) {
    if (model.interaction[column] != 0) pair_terms.insert(static_cast<int>(column), model.interaction[column]);
  }
  fixed.push_back({pair_terms, -COIN_DBL_MAX,
                   stage2->objective + 1e-7 * std::max(1.0, std::abs(stage2->objective))});
  auto stage3 = SolveStage(model, model.visits, fixed, time_limit_seconds, &stage2->solution);
  const StageResult& best = stage3 ? *stage3 : *stage2;
  outcome.proven_optimal = stage1->optimal && stage2->optimal && stage3 && stage3->optimal;

  outcome.schedule.swaps.assign(job_count, {});
  std::map<std::pair<std::uint32_t, Days>, std::uint32_t> crews_taken;
  for (std::size_t job = 0; job < job_count; ++job) {
    for (const auto& [night, column] : x[job]) {
      if (best.solution[static_cast<std::size_t>(column)] > 0.5) {
        outcome.schedule.swaps[job].night = night;
        outcome.schedule.swaps[job].crew = crews_taken[{problem.jobs[job].pool, night}]++;
        break;
      }
    }
  }
  // The pairwise model is exact when no night can hold three swaps of one network.
  std::map<std::size_t, std::set<std::uint32_t>> pools_of_network;
  for (const Job& job : problem.jobs) pools_of_network[job.network].insert(job.pool);
  for (const auto& [network, pools] : pools_of_network) {
    std::uint64_t crews = 0;
    for (std::uint32_t pool : pools) crews += problem.pools[pool].crews;
    if (crews > 2) outcome.model_exact = false;
  }
  return outcome;
}

}  // namespace redoubt::plan
