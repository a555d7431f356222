#include "analysis/service_rule_evaluator.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/exposure.hpp"

namespace redoubt {

namespace {

std::string ElementList(const Network& network, const std::vector<ElementIndex>& elements) {
  constexpr std::size_t kShown = 5;
  std::string out;
  for (std::size_t index = 0; index < elements.size() && index < kShown; ++index) {
    if (!out.empty()) out += ", ";
    const ElementIndex element = elements[index];
    out += fmt::format("{} ({} {})", network.ElementId(element), network.Kind(element).name,
                       network.Str(network.vendors[network.elements[element].vendor].id));
  }
  if (elements.size() > kShown) out += fmt::format(" and {} more", elements.size() - kShown);
  return out;
}

constexpr std::string_view kDown = "it is down in the network as it is";

// Appends the shortfalls of one service (see the header for what each measures).
void Judge(const Network& network, const ServiceExposure& exposure,
           const policy::ServiceRequirement& requirement,
           std::vector<policy::ServiceShortfall>& shortfalls) {
  auto add = [&](std::string property, double measured, std::string relation, double required,
                 std::string unit) -> policy::ServiceShortfall& {
    policy::ServiceShortfall shortfall;
    shortfall.service = exposure.service;
    shortfall.property = std::move(property);
    shortfall.measured = measured;
    shortfall.relation = std::move(relation);
    shortfall.required = required;
    shortfall.unit = std::move(unit);
    shortfalls.push_back(std::move(shortfall));
    return shortfalls.back();
  };
  if (requirement.disjoint_paths > 0) {
    const std::uint32_t paths = MinDisjointPaths(exposure, PathScope::kAll);
    if (paths < requirement.disjoint_paths) {
      auto& shortfall = add("disjoint_paths", paths, ">=", requirement.disjoint_paths, "paths");
      // Elements whose loss alone cuts the service off: one path means every
      // element on it is such a point.
      shortfall.elements = exposure.single_points;
      shortfall.detail = fmt::format(
          "{} node-disjoint path{} to its core functions, {} required{}", paths,
          paths == 1 ? "" : "s", requirement.disjoint_paths,
          shortfall.elements.empty()
              ? ""
              : "; single points of failure: " + ElementList(network, shortfall.elements));
    }
  }
  if (requirement.trusted_disjoint_paths > 0) {
    const std::uint32_t paths = MinDisjointPaths(exposure, PathScope::kTrusted);
    if (paths < requirement.trusted_disjoint_paths) {
      auto& shortfall = add("trusted_disjoint_paths", paths, ">=",
                            requirement.trusted_disjoint_paths, "paths");
      shortfall.elements = exposure.untrusted_on_routes;
      shortfall.detail = fmt::format(
          "{} node-disjoint path{} through trusted equipment only, {} required{}", paths,
          paths == 1 ? "" : "s", requirement.trusted_disjoint_paths,
          shortfall.elements.empty()
              ? ""
              : "; untrusted on its routes: " + ElementList(network, shortfall.elements));
    }
  }
  if (requirement.trusted_paths && TraversesUntrusted(exposure)) {
    auto& shortfall = add("trusted_paths", static_cast<double>(exposure.untrusted_on_routes.size()),
                          "<=", 0, "untrusted elements");
    shortfall.elements = exposure.untrusted_on_routes;
    shortfall.detail = "its primary routes traverse untrusted equipment: " +
                       ElementList(network, shortfall.elements);
  }
  if (requirement.survives_untrusted_loss && !(exposure.up && exposure.survives_untrusted_loss)) {
    auto& shortfall = add("survives_untrusted_loss", 0, ">=", 1, "yes/no");
    if (exposure.up) {
      shortfall.elements = exposure.untrusted_on_routes;
      shortfall.detail = "it goes down when every untrusted element is switched off";
    } else {
      shortfall.detail = kDown;
    }
  }
  if (requirement.survives_vendor_loss && !SurvivesLossOfAnyVendor(exposure)) {
    if (!exposure.up) {
      add("survives_vendor_loss", 0, ">=", 1, "yes/no").detail = kDown;
      return;
    }
    auto& shortfall = add("survives_vendor_loss",
                          static_cast<double>(exposure.lost_with_vendors.size()), "<=", 0,
                          "vendors whose loss alone takes it down");
    shortfall.vendors = exposure.lost_with_vendors;
    std::string names;
    for (VendorIndex vendor : exposure.lost_with_vendors) {
      names += (names.empty() ? "" : ", ") + std::string(network.Str(network.vendors[vendor].id));
    }
    shortfall.detail = "it goes down when all equipment of " + names + " is switched off";
  }
}

}  // namespace

std::vector<policy::ServiceShortfall> ExposureServiceEvaluator::Evaluate(
    const Network& network, std::span<const ServiceIndex> services,
    const policy::ServiceRequirement& requirement, std::span<const std::uint8_t> untrusted,
    Days as_of) const {
  const std::vector<std::uint8_t> mask = InServiceUntrusted(network, untrusted, as_of);
  const std::uint32_t max_paths = std::max<std::uint32_t>(
      {4U, requirement.disjoint_paths, requirement.trusted_disjoint_paths});
  std::vector<ServiceIndex> sorted(services.begin(), services.end());
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());

  std::vector<policy::ServiceShortfall> shortfalls;
  if (cache_ != nullptr) {
    const ExposureResult& result = cache_->Get(network, mask, max_paths);
    for (ServiceIndex service : sorted) {
      Judge(network, result.services[service], requirement, shortfalls);
    }
    return shortfalls;
  }
  ExposureOptions options;
  options.services = sorted;
  options.untrusted.assign(mask.begin(), mask.end());
  options.max_paths = max_paths;
  const ExposureResult result = AnalyzeExposure(network, options);
  for (const ServiceExposure& exposure : result.services) {
    Judge(network, exposure, requirement, shortfalls);
  }
  return shortfalls;
}

}  // namespace redoubt
