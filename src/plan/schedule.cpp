// The heuristic, the earliest-deadline-first relaxation behind the lateness
// bound and the crew shortfall, the other bounds, and evaluation (solve.hpp).
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <queue>
#include <set>
#include <tuple>

#include "plan/solve.hpp"

namespace redoubt::plan {

namespace {

constexpr double kUnlimited = std::numeric_limits<double>::infinity();
// No plan looks further than this past its start (50 years of nights).
constexpr Days kHorizonDays = 366 * 50;

double Late(const Job& job, Days night) {
  return night > job.deadline ? static_cast<double>(night - job.deadline) : 0.0;
}

// Crews in use per pool and night, and spending per year.
class Ledger {
 public:
  Ledger(const PlanProblem& problem, const std::vector<std::uint32_t>& crews, bool budget)
      : problem_(problem), crews_(crews), budget_(budget),
        used_(problem.pools.size()), first_free_(problem.pools.size(), 0) {}

  [[nodiscard]] std::uint32_t Free(std::uint32_t pool, Days night) {
    auto& used = used_[pool];
    const auto offset = static_cast<std::size_t>(night - problem_.start);
    if (offset >= used.size()) used.resize(offset + 1, 0);
    return crews_[pool] - used[offset];
  }
  // No night before this one has a free crew in `pool`.
  [[nodiscard]] Days FirstFree(std::uint32_t pool) const {
    return problem_.start + static_cast<Days>(first_free_[pool]);
  }
  std::uint32_t Take(std::uint32_t pool, Days night) {
    const auto offset = static_cast<std::size_t>(night - problem_.start);
    const std::uint32_t crew = used_[pool][offset]++;
    auto& first = first_free_[pool];
    while (first < used_[pool].size() && used_[pool][first] >= crews_[pool]) ++first;
    return crew;
  }
  // Cost of swapping `jobs` on `night`, a visit for each site not yet
  // visited that night.
  [[nodiscard]] double CostOn(std::span<const std::size_t> jobs, Days night) const {
    double cost = 0;
    for (std::size_t at = 0; at < jobs.size(); ++at) {
      const Job& job = problem_.jobs[jobs[at]];
      cost += job.cost;
      if (job.site_key == UINT32_MAX || visited_.contains({job.site_key, night})) continue;
      bool seen = false;
      for (std::size_t before = 0; before < at && !seen; ++before) {
        seen = problem_.jobs[jobs[before]].site_key == job.site_key;
      }
      if (!seen) cost += problem_.site_visit_cost;
    }
    return cost;
  }
  [[nodiscard]] bool Affordable(double cost, Days night) const {
    if (!budget_) return true;
    const int year = YearOf(night);
    auto limit = problem_.budget_per_year.find(year);
    if (limit == problem_.budget_per_year.end()) return true;
    auto spent = spent_.find(year);
    const double already = spent == spent_.end() ? 0.0 : spent->second;
    return already + cost <= limit->second * (1 + 1e-12) + 1e-9;
  }
  void Spend(std::span<const std::size_t> jobs, Days night) {
    spent_[YearOf(night)] += CostOn(jobs, night);
    for (std::size_t job : jobs) {
      if (problem_.jobs[job].site_key != UINT32_MAX) visited_.insert({problem_.jobs[job].site_key, night});
    }
  }

 private:
  const PlanProblem& problem_;
  const std::vector<std::uint32_t>& crews_;
  bool budget_;
  std::vector<std::vector<std::uint32_t>> used_;
  std::vector<std::size_t> first_free_;
  std::map<int, double> spent_;
  std::set<std::pair<std::uint32_t, Days>> visited_;
};

// The earliest night from `release` on with `size` free crews in `pool` and
// the money for `jobs`; kNoDate when none within the horizon. A year whose
// budget cannot pay for the batch is skipped whole (a night that already
// has a visit at the site could be cheaper; the heuristic does not look).
Days EarliestNight(const PlanProblem& problem, Ledger& ledger, std::uint32_t pool,
                   std::span<const std::size_t> jobs, Days release) {
  const auto size = static_cast<std::uint32_t>(jobs.size());
  Days night = problem.window.NextNight(std::max(release, ledger.FirstFree(pool)));
  while (night != kNoDate && night - problem.start < kHorizonDays) {
    if (ledger.Free(pool, night) >= size) {
      if (ledger.Affordable(ledger.CostOn(jobs, night), night)) return night;
      night = problem.window.NextNight(FirstDayOf(YearOf(night) + 1));
      continue;
    }
    night = problem.window.NextNight(night + 1);
  }
  return kNoDate;
}

Schedule Heuristic(const PlanProblem& problem, const std::vector<std::uint32_t>& crews, bool budget) {
  Schedule schedule;
  schedule.swaps.assign(problem.jobs.size(), {});
  // Batches: jobs of one site, pool and release, at most `crews` each; a
  // batch is due when its earliest job is.
  std::map<std::tuple<std::uint32_t, std::uint32_t, Days>, std::vector<std::size_t>> groups;
  std::vector<std::vector<std::size_t>> batches;
  for (std::size_t job = 0; job < problem.jobs.size(); ++job) {
    const Job& entry = problem.jobs[job];
    if (entry.site_key == UINT32_MAX) {
      batches.push_back({job});
    } else {
      groups[{entry.site_key, entry.pool, entry.release}].push_back(job);
    }
  }
  for (auto& [key, members] : groups) {
    const std::uint32_t limit = std::max<std::uint32_t>(1, crews[std::get<1>(key)]);
    for (std::size_t from = 0; from < members.size(); from += limit) {
      const std::size_t to = std::min(members.size(), from + limit);
      batches.emplace_back(members.begin() + static_cast<std::ptrdiff_t>(from),
                           members.begin() + static_cast<std::ptrdiff_t>(to));
    }
  }
  auto due = [&](const std::vector<std::size_t>& batch) {
    Days earliest = problem.jobs[batch.front()].deadline;
    for (std::size_t job : batch) earliest = std::min(earliest, problem.jobs[job].deadline);
    return earliest;
  };
  std::vector<Days> batch_due;
  for (auto& batch : batches) {
    // Within a site, earlier deadlines first, so a split keeps them early.
    std::stable_sort(batch.begin(), batch.end(), [&](std::size_t a, std::size_t b) {
      return problem.jobs[a].deadline < problem.jobs[b].deadline;
    });
  }
  std::vector<std::size_t> order(batches.size());
  for (std::size_t at = 0; at < batches.size(); ++at) {
    order[at] = at;
    batch_due.push_back(due(batches[at]));
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Job& x = problem.jobs[batches[a].front()];
    const Job& y = problem.jobs[batches[b].front()];
    return std::tie(batch_due[a], x.release, batches[a].front()) <
           std::tie(batch_due[b], y.release, batches[b].front());
  });
  Ledger ledger(problem, crews, budget);
  auto place = [&](std::span<const std::size_t> jobs, Days night) {
    ledger.Spend(jobs, night);
    for (std::size_t job : jobs) {
      schedule.swaps[job].night = night;
      schedule.swaps[job].crew = ledger.Take(problem.jobs[job].pool, night);
    }
  };
  for (std::size_t batch_index : order) {
    const auto& batch = batches[batch_index];
    const Job& first = problem.jobs[batch.front()];
    const Days deadline = batch_due[batch_index];
    if (crews[first.pool] == 0) continue;
    const Days together = EarliestNight(problem, ledger, first.pool, batch, first.release);
    const Days alone =
        batch.size() > 1 ? EarliestNight(problem, ledger, first.pool, std::span(batch).first(1), first.release)
                         : together;
    if (together != kNoDate && (together <= deadline || together <= alone)) {
      place(batch, together);
      continue;
    }
    for (std::size_t job : batch) {  // split: each on its own earliest night
      const std::size_t one[] = {job};
      const Days night = EarliestNight(problem, ledger, first.pool, one, first.release);
      if (night != kNoDate) place(one, night);
    }
  }
  return schedule;
}

std::vector<std::uint32_t> GivenCrews(const PlanProblem& problem) {
  std::vector<std::uint32_t> crews;
  for (const Pool& pool : problem.pools) crews.push_back(pool.crews);
  return crews;
}

// EDF for the jobs of one pool with `crews`; per job its night.
void EdfPool(const PlanProblem& problem, const std::vector<std::size_t>& jobs, std::uint32_t crews,
             std::vector<Days>& nights) {
  if (crews == 0 || jobs.empty()) return;
  std::vector<std::size_t> by_release = jobs;
  std::sort(by_release.begin(), by_release.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(problem.jobs[a].release, a) < std::tie(problem.jobs[b].release, b);
  });
  using Key = std::pair<Days, std::size_t>;  // deadline, job
  std::priority_queue<Key, std::vector<Key>, std::greater<>> ready;
  std::size_t next = 0;
  Days night = problem.jobs[by_release.front()].release;
  while (next < by_release.size() || !ready.empty()) {
    if (ready.empty()) night = std::max(night, problem.jobs[by_release[next]].release);
    while (next < by_release.size() && problem.jobs[by_release[next]].release <= night) {
      ready.emplace(problem.jobs[by_release[next]].deadline, by_release[next]);
      ++next;
    }
    for (std::uint32_t crew = 0; crew < crews && !ready.empty(); ++crew) {
      nights[ready.top().second] = night;
      ready.pop();
    }
    night = problem.window.NextNight(night + 1);
  }
}

std::vector<std::vector<std::size_t>> JobsByPool(const PlanProblem& problem) {
  std::vector<std::vector<std::size_t>> by_pool(problem.pools.size());
  for (std::size_t job = 0; job < problem.jobs.size(); ++job) by_pool[problem.jobs[job].pool].push_back(job);
  return by_pool;
}

bool Before(const Totals& a, const Totals& b) {
  if (a.unscheduled != b.unscheduled) return a.unscheduled < b.unscheduled;
  constexpr double kTolerance = 1e-9;
  auto differs = [](double x, double y) { return std::abs(x - y) > kTolerance * std::max(1.0, std::abs(y)); };
  if (differs(a.lateness_days, b.lateness_days)) return a.lateness_days < b.lateness_days;
  if (differs(a.disruption, b.disruption)) return a.disruption < b.disruption;
  return a.cost < b.cost - kTolerance * std::max(1.0, std::abs(b.cost));
}

}  // namespace

std::vector<Days> EarliestDeadlineFirst(const PlanProblem& problem,
                                        const std::vector<std::uint32_t>& crews) {
  std::vector<Days> nights(problem.jobs.size(), kNoDate);
  const auto by_pool = JobsByPool(problem);
  for (std::size_t pool = 0; pool < by_pool.size(); ++pool) EdfPool(problem, by_pool[pool], crews[pool], nights);
  return nights;
}

Schedule HeuristicSchedule(const PlanProblem& problem) {
  return Heuristic(problem, GivenCrews(problem), true);
}

Totals Evaluate(const PlanProblem& problem, const Schedule& schedule, bool disruption) {
  Totals totals;
  std::map<std::pair<std::size_t, Days>, std::vector<std::size_t>> nights;  // (network, night) → jobs
  std::set<std::pair<std::uint32_t, Days>> visits;
  for (std::size_t job = 0; job < problem.jobs.size(); ++job) {
    const Job& entry = problem.jobs[job];
    const Days night = schedule.swaps[job].night;
    if (night == kNoDate) {
      ++totals.unscheduled;
      continue;
    }
    const double late = Late(entry, night);
    totals.lateness_days += late;
    if (late > 0) ++totals.late;
    double cost = entry.cost;
    if (entry.site_key != UINT32_MAX && visits.insert({entry.site_key, night}).second) {
      cost += problem.site_visit_cost;
    }
    totals.cost += cost;
    totals.cost_per_year[YearOf(night)] += cost;
    totals.last_night = totals.last_night == kNoDate ? night : std::max(totals.last_night, night);
    if (disruption) nights[{entry.network, night}].push_back(job);
  }
  std::vector<ElementIndex> elements;
  std::vector<double> hours;
  for (const auto& [key, jobs] : nights) {
    elements.clear();
    hours.clear();
    for (std::size_t job : jobs) {
      elements.push_back(problem.jobs[job].element);
      hours.push_back(problem.jobs[job].hours);
    }
    totals.disruption +=
        problem.outages[key.first].NightDisruption(elements, hours, &totals.disruption_by_sector);
  }
  return totals;
}

Bounds LowerBounds(const PlanProblem& problem) {
  Bounds bounds;
  const auto nights = EarliestDeadlineFirst(problem, GivenCrews(problem));
  for (std::size_t job = 0; job < problem.jobs.size(); ++job) {
    if (nights[job] != kNoDate) bounds.lateness_days += Late(problem.jobs[job], nights[job]);
  }
  std::map<std::pair<std::size_t, ServiceIndex>, double> longest;
  std::set<std::uint32_t> sites;
  for (const Job& job : problem.jobs) {
    for (ServiceIndex service : job.outage_services) {
      double& hours = longest[{job.network, service}];
      hours = std::max(hours, job.hours);
    }
    bounds.cost += job.cost;
    if (job.site_key != UINT32_MAX) sites.insert(job.site_key);
  }
  for (const auto& [key, hours] : longest) {
    bounds.disruption += problem.outages[key.first].network().services[key.second].weight * hours;
  }
  bounds.cost += problem.site_visit_cost * static_cast<double>(sites.size());
  return bounds;
}

Shortfall FindShortfall(const PlanProblem& problem) {
  Shortfall shortfall;
  for (std::size_t job = 0; job < problem.jobs.size(); ++job) {
    if (problem.jobs[job].release > problem.jobs[job].deadline) shortfall.unavoidable.push_back(job);
  }
  // Crews: per pool, the least count with which EDF brings every job in by
  // its deadline or, when its equipment arrives later, on its release night.
  const auto by_pool = JobsByPool(problem);
  for (std::uint32_t pool = 0; pool < by_pool.size(); ++pool) {
    const auto& jobs = by_pool[pool];
    if (jobs.empty()) continue;
    auto on_time = [&](std::uint32_t crews) {
      if (crews == 0) return false;
      std::vector<Days> nights(problem.jobs.size(), kNoDate);
      EdfPool(problem, jobs, crews, nights);
      return std::all_of(jobs.begin(), jobs.end(), [&](std::size_t job) {
        const Job& entry = problem.jobs[job];
        return nights[job] <= std::max(entry.deadline, entry.release);
      });
    };
    const std::uint32_t given = problem.pools[pool].crews;
    if (on_time(given)) continue;
    std::uint32_t low = given + 1;
    auto high = static_cast<std::uint32_t>(jobs.size());  // each on its release night
    while (low < high) {
      const std::uint32_t middle = low + (high - low) / 2;
      if (on_time(middle)) high = middle; else low = middle + 1;
    }
    shortfall.crews.push_back({pool, given, low - given});
  }
  // Budget: what the crews as given would spend per year with no budget,
  // beyond each year's budget; and the cumulative bound.
  if (!problem.budget_per_year.empty()) {
    const Totals free = Evaluate(problem, Heuristic(problem, GivenCrews(problem), false), false);
    for (const auto& [year, spent] : free.cost_per_year) {
      auto limit = problem.budget_per_year.find(year);
      if (limit != problem.budget_per_year.end() && spent > limit->second + 1e-9) {
        shortfall.budget[year] = spent - limit->second;
      }
    }
    // Every swap due by the end of year Y is paid by then; while every year
    // from the start to Y has a budget, their sum must cover it.
    std::map<int, double> due_by_year;
    for (const Job& job : problem.jobs) due_by_year[YearOf(std::max(job.deadline, job.release))] += job.cost;
    double due = 0;
    double available = 0;
    const int first = YearOf(problem.start);
    const int last = due_by_year.empty() ? first : due_by_year.rbegin()->first;
    for (int year = first; year <= last; ++year) {
      auto limit = problem.budget_per_year.find(year);
      if (limit == problem.budget_per_year.end()) break;
      available += limit->second;
      if (auto found = due_by_year.find(year); found != due_by_year.end()) due += found->second;
      // jobs due before the start year are due in the first year
      if (year == first) {
        for (const auto& [earlier, amount] : due_by_year) {
          if (earlier < first) due += amount;
        }
      }
      shortfall.budget_lower = std::max(shortfall.budget_lower, due - available);
    }
  }
  return shortfall;
}

std::vector<Violation> CheckPlan(const PlanProblem& problem, const Schedule& schedule) {
  std::vector<Violation> violations;
  if (schedule.swaps.size() != problem.jobs.size()) {
    violations.push_back({"size", SIZE_MAX,
                          "the schedule has " + std::to_string(schedule.swaps.size()) +
                              " entries for " + std::to_string(problem.jobs.size()) + " swaps"});
    return violations;
  }
  std::map<std::pair<std::uint32_t, Days>, std::set<std::uint32_t>> crews_used;
  for (std::size_t job = 0; job < problem.jobs.size(); ++job) {
    const Job& entry = problem.jobs[job];
    const Assignment& swap = schedule.swaps[job];
    if (swap.night == kNoDate) continue;
    if (!problem.window.Open(swap.night)) {
      violations.push_back({"window", job, entry.element_id + ": no maintenance window on " + FormatIsoDate(swap.night)});
    }
    if (swap.night < entry.release || swap.night < problem.start) {
      violations.push_back({"release", job, entry.element_id + ": swapped " + FormatIsoDate(swap.night) +
                                                " before its equipment arrives " + FormatIsoDate(entry.release)});
    }
    if (swap.crew >= problem.pools[entry.pool].crews) {
      violations.push_back({"crew", job, entry.element_id + ": crew " + std::to_string(swap.crew) +
                                             " of pool " + problem.pools[entry.pool].id + ", which has " +
                                             std::to_string(problem.pools[entry.pool].crews)});
    }
    if (!crews_used[{entry.pool, swap.night}].insert(swap.crew).second) {
      violations.push_back({"crews", job, entry.element_id + ": crew " + std::to_string(swap.crew) + " of pool " +
                                              problem.pools[entry.pool].id + " has two swaps on " +
                                              FormatIsoDate(swap.night)});
    }
  }
  const Totals totals = Evaluate(problem, schedule, false);
  for (const auto& [year, spent] : totals.cost_per_year) {
    auto limit = problem.budget_per_year.find(year);
    if (limit != problem.budget_per_year.end() && spent > limit->second * (1 + 1e-12) + 1e-9) {
      violations.push_back({"budget", SIZE_MAX,
                            "spending in " + std::to_string(year) + " exceeds its budget"});
    }
  }
  return violations;
}

PlanResult SolvePlan(const PlanProblem& problem, const SolveOptions& options) {
  PlanResult result;
  result.schedule = HeuristicSchedule(problem);
  result.totals = Evaluate(problem, result.schedule);
  result.method = Method::kHeuristic;
  if (options.method != Method::kHeuristic) {
    Days horizon = result.totals.last_night;
    std::size_t variables = 0;
    for (const Job& job : problem.jobs) horizon = std::max({horizon, job.deadline, job.release});
    for (const Job& job : problem.jobs) {
      for (Days night = job.release; night != kNoDate && night <= horizon &&
                                     variables <= options.exact_variable_limit;
           night = problem.window.NextNight(night + 1)) {
        ++variables;
      }
    }
    if (result.totals.unscheduled > 0) {
      result.note = "the exact model was not used: some swaps have no crew";
    } else if (options.method == Method::kAuto && variables > options.exact_variable_limit) {
      result.note = "the exact model was not used: more than " +
                    std::to_string(options.exact_variable_limit) + " swap-night variables";
    } else if (problem.jobs.empty()) {
      result.method = Method::kExact;
      result.proven_optimal = true;
    } else if (auto exact = ExactSchedule(problem, horizon, options.time_limit_seconds)) {
      const Totals totals = Evaluate(problem, exact->schedule);
      if (!Before(result.totals, totals)) {
        result.schedule = std::move(exact->schedule);
        result.totals = totals;
        result.method = Method::kExact;
        result.proven_optimal = exact->proven_optimal;
        result.model_exact = exact->model_exact;
      }
    } else {
      result.note = "the exact model found no schedule within its horizon or time limit";
    }
  }
  result.bounds = LowerBounds(problem);
  if (result.totals.lateness_days > 0 || result.totals.unscheduled > 0) result.shortfall = FindShortfall(problem);
  return result;
}

}  // namespace redoubt::plan
