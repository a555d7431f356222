#include "plan/problem.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "analysis/exposure.hpp"
#include "model/like_for_like.hpp"
#include "model/vocabulary.hpp"
#include "policy/evaluate.hpp"
#include "policy/matcher.hpp"

namespace redoubt::plan {

int YearOf(Days day) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
  return static_cast<int>(date.year());
}

Days FirstDayOf(int year) {
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}};
  return static_cast<Days>(std::chrono::sys_days{date}.time_since_epoch().count());
}

bool Window::Open(Days night) const {
  // 1970-01-01 was a Thursday (index 3, Monday = 0).
  const int weekday = static_cast<int>(((static_cast<std::int64_t>(night) % 7) + 7 + 3) % 7);
  return days[static_cast<std::size_t>(weekday)];
}

Days Window::NextNight(Days day) const {
  for (int step = 0; step < 7; ++step) {
    if (Open(day + step)) return day + step;
  }
  return kNoDate;  // no day has a window (the reader refuses that)
}

OutageEvaluator::OutageEvaluator(const Network& network)
    : network_(&network), topology_(BuildNetworkTopology(network)),
      demand_(BuildServiceDemand(network)),
      baseline_up_(ServicesUp(network, topology_.topology, demand_)) {}

std::vector<ServiceIndex> OutageEvaluator::DownServices(std::span<const ElementIndex> off) const {
  std::vector<ServiceIndex> down;
  if (off.empty()) return down;
  BitVector nodes(network_->elements.size(), true);
  for (ElementIndex element : off) nodes.Reset(element);
  const Mask mask{&nodes, nullptr};
  const BitVector up = ServicesUp(*network_, topology_.topology, demand_, mask);
  for (ServiceIndex service = 0; service < network_->services.size(); ++service) {
    if (baseline_up_.Test(service) && !up.Test(service)) down.push_back(service);
  }
  return down;
}

double OutageEvaluator::DownWeight(std::span<const ElementIndex> off) const {
  double weight = 0;
  for (ServiceIndex service : DownServices(off)) weight += network_->services[service].weight;
  return weight;
}

double OutageEvaluator::NightDisruption(std::span<const ElementIndex> elements,
                                        std::span<const double> hours,
                                        std::map<std::string, double>* by_sector) const {
  std::vector<double> ends(hours.begin(), hours.end());
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  double total = 0;
  double from = 0;
  std::vector<ElementIndex> off;
  for (double until : ends) {
    off.clear();
    for (std::size_t at = 0; at < elements.size(); ++at) {
      if (hours[at] >= until) off.push_back(elements[at]);
    }
    for (ServiceIndex service : DownServices(off)) {
      const Service& entry = network_->services[service];
      total += entry.weight * (until - from);
      if (by_sector != nullptr) (*by_sector)[std::string(Name(entry.sector))] += entry.weight * (until - from);
    }
    from = until;
  }
  return total;
}

namespace {

struct Forbidden {
  std::string rule_id;
  Days deadline = kNoDate;
};

// Per element: the services it alone takes down, read off the single points
// of the exposure analysis (the same "up" as ServicesUp).
std::vector<std::vector<ServiceIndex>> SingleOutages(const Network& network) {
  ExposureOptions options;
  options.max_paths = 1;
  options.threads = 0;
  const ExposureResult exposure = AnalyzeExposure(network, options);
  std::vector<std::vector<ServiceIndex>> outages(network.elements.size());
  for (const ServiceExposure& service : exposure.services) {
    if (!service.up) continue;
    for (ElementIndex element : service.single_points) outages[element].push_back(service.service);
  }
  return outages;
}

}  // namespace

Result<PlanProblem> BuildProblem(const policy::Standard& standard, std::span<const Network> networks,
                                 const CostModel& costs, Days start) {
  Diagnostics diagnostics;
  const Location at_costs{costs.file, 0, 0};
  PlanProblem problem;
  problem.start = start;
  problem.standard_id = standard.id;
  problem.currency = costs.currency;
  problem.window.start_hour = costs.window_start_hour;
  problem.window.hours = costs.window_hours;
  problem.window.days = costs.window_days;
  problem.site_visit_cost = costs.site_visit_cost;
  problem.budget_per_year = costs.budget_per_year;
  std::map<std::string, std::uint32_t, std::less<>> pool_of_region;
  for (const auto& [region, crews] : costs.crews_by_region) {
    pool_of_region[region] = static_cast<std::uint32_t>(problem.pools.size());
    problem.pools.push_back({region, crews});
  }
  const auto shared_pool = static_cast<std::uint32_t>(problem.pools.size());
  problem.pools.push_back({"shared", costs.shared_crews});

  std::map<std::pair<std::size_t, SiteIndex>, std::uint32_t> site_keys;
  for (std::size_t network_index = 0; network_index < networks.size(); ++network_index) {
    const Network& network = networks[network_index];
    problem.networks.emplace_back(network.info.id);
    // element → earliest deadline among the forbid rules that find it
    std::map<ElementIndex, Forbidden> forbidden;
    for (const policy::StandardRule& rule : standard.rules) {
      if (rule.Kind() != "forbid") continue;
      if (rule.expires != kNoDate && rule.expires <= start) continue;
      const Days deadline = rule.effective == kNoDate ? start : rule.effective;
      policy::EvaluationOptions options;
      options.as_of = std::max(deadline, start);
      options.only = {rule.id};
      for (const policy::Finding& finding : policy::Evaluate(standard, network, options).findings) {
        for (const std::string& id : finding.elements) {
          const ElementIndex element = network.FindElement(id);
          if (element == kNone) continue;
          auto [entry, inserted] = forbidden.try_emplace(element, Forbidden{rule.id, deadline});
          if (!inserted && (deadline < entry->second.deadline ||
                            (deadline == entry->second.deadline && rule.id < entry->second.rule_id))) {
            entry->second = {rule.id, deadline};
          }
        }
      }
    }
    if (forbidden.empty()) {
      problem.outages.emplace_back(network);
      continue;
    }
    const auto untrusted =
        policy::UntrustedMask(standard.untrusted ? &*standard.untrusted : nullptr, network);
    const LikeForLike chooser(network, TrustedVendors(network, {&untrusted, 1}));
    const auto outages = SingleOutages(network);
    for (const auto& [element_index, why] : forbidden) {
      const Element& element = network.elements[element_index];
      Job job;
      job.network = network_index;
      job.element = element_index;
      job.network_id = network.info.id;
      job.element_id = network.ElementId(element_index);
      job.kind = network.kinds[element.kind].name;
      job.domain = Name(element.domain);
      if (element.site != kNone) {
        const Site& site = network.sites[element.site];
        job.site = network.Str(site.id);
        job.region = site.region == kNoString ? "" : std::string(network.Str(site.region));
        auto [key, inserted] = site_keys.try_emplace({network_index, element.site},
                                                     static_cast<std::uint32_t>(site_keys.size()));
        job.site_key = key->second;
      }
      auto region_pool = pool_of_region.find(job.region);
      job.pool = region_pool == pool_of_region.end() ? shared_pool : region_pool->second;
      job.rule_id = why.rule_id;
      job.deadline = why.deadline;
      job.from_vendor = element.vendor == kNone ? "unknown" : std::string(network.Str(network.vendors[element.vendor].id));
      // Cost: by kind, falling back field by field to the domain.
      SwapCost cost;
      if (auto found = costs.by_domain.find(job.domain); found != costs.by_domain.end()) cost = found->second;
      if (auto found = costs.by_kind.find(job.kind); found != costs.by_kind.end()) {
        if (found->second.unit_cost) cost.unit_cost = found->second.unit_cost;
        if (found->second.swap_hours) cost.swap_hours = found->second.swap_hours;
        if (found->second.lead_time_days) cost.lead_time_days = found->second.lead_time_days;
      }
      if (!cost.unit_cost || !cost.swap_hours) {
        diagnostics.Error(at_costs,
                          fmt::format("no {} for element {} (kind {}, domain {}) of network {}",
                                      !cost.unit_cost ? "unit_cost" : "swap_hours", job.element_id,
                                      job.kind, job.domain, job.network_id),
                          fmt::format("add swaps.by_domain.{} or swaps.by_kind.{} with unit_cost and swap_hours",
                                      job.domain, job.kind));
        continue;
      }
      if (*cost.swap_hours > costs.window_hours) {
        diagnostics.Error(at_costs,
                          fmt::format("a {} swap takes {} h, longer than the {} h maintenance window",
                                      job.kind, *cost.swap_hours, costs.window_hours),
                          "lengthen windows.hours or shorten the swap_hours of that kind");
        continue;
      }
      job.cost = *cost.unit_cost;
      job.hours = *cost.swap_hours;
      const Days lead = static_cast<Days>(std::ceil(cost.lead_time_days.value_or(0)));
      job.release = problem.window.NextNight(start + lead);
      if (auto chosen = costs.replacement.find(job.domain); chosen != costs.replacement.end()) {
        const VendorIndex vendor = network.FindVendor(chosen->second);
        if (vendor == kNone || !chooser.Trusted(vendor)) {
          diagnostics.Error(at_costs,
                            fmt::format("replacement vendor '{}' for {} is {} in network {}",
                                        chosen->second, job.domain,
                                        vendor == kNone ? "unknown" : "untrusted", job.network_id),
                            "name a trusted vendor of the vendor register, or drop the entry to "
                            "replace like for like");
          continue;
        }
        job.to_vendor = chosen->second;
      } else {
        const VendorIndex to = chooser.Choose(element);
        job.to_vendor = to == kNone ? std::string("trusted-replacement")
                                    : std::string(network.Str(network.vendors[to].id));
      }
      job.outage_services = outages[element_index];
      for (ServiceIndex service : job.outage_services) job.outage_weight += network.services[service].weight;
      problem.jobs.push_back(std::move(job));
    }
    problem.outages.emplace_back(network);
  }
  problem.site_count = static_cast<std::uint32_t>(site_keys.size());
  // Replacement vendors named for a domain no job has are fine: one costs
  // file serves several networks.
  std::sort(problem.jobs.begin(), problem.jobs.end(), [](const Job& a, const Job& b) {
    return std::tie(a.network, a.element_id) < std::tie(b.network, b.element_id);
  });
  if (diagnostics.HasErrors()) return Result<PlanProblem>(std::move(diagnostics));
  return Result<PlanProblem>(std::move(problem), std::move(diagnostics));
}

}  // namespace redoubt::plan
