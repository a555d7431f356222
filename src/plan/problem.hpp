// PlanProblem: the swaps a standard's dated `forbid` rules demand of a set of
// networks, with what each costs, how long it takes, who can do it and by
// when — everything a schedule is chosen from and checked against.
//
//   auto costs = ReadCosts("data/costs/illustrative.yaml");
//   auto problem = BuildProblem(standard, networks, costs.value(), start);
//   PlanResult plan = SolvePlan(problem.value(), {});           // solve.hpp
//   std::vector<Violation> problems = CheckPlan(problem.value(), plan.schedule);
//
// Jobs. Every element that a `forbid` rule finds on its `effective` date, or
// on the start date for a rule that already binds, is one job: swap it for a
// trusted vendor's equipment by the rule's deadline (its `effective` date;
// for a rule already in force the deadline has passed and every day from
// `effective` to the swap counts as late). An element several rules forbid
// takes the earliest deadline. The replacement vendor is the costs file's
// `replacement` for the domain, else the alliance model's like-for-like
// choice (the trusted vendor that supplies most elements of the same kind,
// then domain, then network; alliance/model.hpp).
//
// Time. A crew does one swap per maintenance window; windows open on the
// days the costs file names, at `windows.start`, for `windows.hours`. A night
// is named by the date its window opens. Nights run from `start` (the judged
// date) on; a swap may not start before its equipment arrives (start + lead
// time) and must fit in the window (swap hours <= window hours).
//
// Disruption. While a swap is under way its element is off. Every swap of a
// night starts when the window opens, so the swaps of one network on one
// night are off together until each ends; a service that is up with them on
// and down with the ones still under way off counts weight × hours
// (analysis/service_demand.hpp ServicesUp, the definition of "up" every
// analysis uses). OutageEvaluator computes it exactly.
//
// Deterministic: jobs sorted by network, then element id.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "analysis/service_demand.hpp"
#include "core/result.hpp"
#include "graph/network_topology.hpp"
#include "model/network.hpp"
#include "plan/costs.hpp"
#include "policy/standard.hpp"

namespace redoubt::plan {

// A crew pool: the crews of one region, or the shared crews of every region
// without crews of its own (id "shared").
struct Pool {
  std::string id;
  std::uint32_t crews = 0;
};

struct Job {
  std::size_t network = 0;  // index into the networks given
  ElementIndex element = kNone;
  std::string network_id;
  std::string element_id;
  std::string kind;
  std::string domain;
  std::string site;    // "" when the element has no site
  std::string region;  // the site's region, "" when none
  std::uint32_t site_key = UINT32_MAX;  // dense over (network, site); UINT32_MAX: no site
  std::uint32_t pool = 0;
  std::string rule_id;
  Days deadline = kNoDate;  // the rule's effective date
  Days release = kNoDate;   // first night the swap may happen
  double hours = 0;
  double cost = 0;
  std::string from_vendor;
  std::string to_vendor;
  // Weight of the services this element alone takes down (up with it, down
  // without it): the outage of its swap per hour when it is swapped alone.
  double outage_weight = 0;
  std::vector<ServiceIndex> outage_services;  // those services, ascending
};

struct Window {
  int start_hour = 0;
  double hours = 6;
  std::array<bool, 7> days{true, true, true, true, true, true, true};  // Mon..Sun

  [[nodiscard]] bool Open(Days night) const;
  // The first night on or after `day` with a window.
  [[nodiscard]] Days NextNight(Days day) const;
};

// Per network: what evaluating outages needs, built once.
class OutageEvaluator {
 public:
  explicit OutageEvaluator(const Network& network);
  // Weight of services up in the whole network but down with `off` off.
  [[nodiscard]] double DownWeight(std::span<const ElementIndex> off) const;
  // The services that DownWeight counts, ascending.
  [[nodiscard]] std::vector<ServiceIndex> DownServices(std::span<const ElementIndex> off) const;
  // Exact weight × hours of swaps that start together and run for `hours[i]`
  // each: one ServicesUp per distinct duration. O(d · (n + m)).
  // With `by_sector`, adds each service's share under its sector's name.
  [[nodiscard]] double NightDisruption(std::span<const ElementIndex> elements,
                                       std::span<const double> hours,
                                       std::map<std::string, double>* by_sector = nullptr) const;
  [[nodiscard]] const Network& network() const { return *network_; }

 private:
  const Network* network_;
  NetworkTopology topology_;
  ServiceDemand demand_;
  BitVector baseline_up_;
};

struct PlanProblem {
  Days start = kNoDate;
  std::string standard_id;
  std::string currency = "USD";
  Window window;
  double site_visit_cost = 0;
  std::vector<Pool> pools;
  std::map<int, double> budget_per_year;  // not listed: unlimited
  std::vector<Job> jobs;
  std::vector<std::string> networks;  // ids, in the order given
  std::vector<OutageEvaluator> outages;  // per network
  std::uint32_t site_count = 0;  // distinct site keys
};

// Builds the jobs. Errors (a job with no unit cost or swap hours, a swap
// longer than the window, a replacement vendor that is untrusted or unknown)
// name the costs file. `networks` must outlive the problem.
[[nodiscard]] Result<PlanProblem> BuildProblem(const policy::Standard& standard,
                                               std::span<const Network> networks,
                                               const CostModel& costs, Days start);

// The calendar year of a date, and the first day of a year.
[[nodiscard]] int YearOf(Days day);
[[nodiscard]] Days FirstDayOf(int year);

}  // namespace redoubt::plan
