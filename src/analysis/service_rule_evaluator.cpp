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

// Elements whose loss alone cuts the service off: the natural evidence for a
// path-count shortfall (one path means every element on it is such a point).
std::vector<ElementIndex> PathEvidence(const ServiceExposure& exposure) {
  return exposure.single_points;
}

}  // namespace

std::vector<policy::ServiceShortfall> ExposureServiceEvaluator::Evaluate(
    const Network& network, std::span<const ServiceIndex> services,
    const policy::ServiceRequirement& requirement, std::span<const std::uint8_t> untrusted) const {
  ExposureOptions options;
  options.services.assign(services.begin(), services.end());
  options.untrusted.assign(network.elements.size(), false);
  for (std::size_t element = 0; element < untrusted.size() && element < network.elements.size();
       ++element) {
    options.untrusted[element] = untrusted[element] != 0;
  }
  options.max_paths = std::max<std::uint32_t>(
      {4U, requirement.disjoint_paths, requirement.trusted_disjoint_paths});
  const ExposureResult result = AnalyzeExposure(network, options);

  std::vector<policy::ServiceShortfall> shortfalls;
  for (const ServiceExposure& exposure : result.services) {
    auto add = [&](std::string property, double measured, double required) -> auto& {
      policy::ServiceShortfall shortfall;
      shortfall.service = exposure.service;
      shortfall.property = std::move(property);
      shortfall.measured = measured;
      shortfall.required = required;
      shortfalls.push_back(std::move(shortfall));
      return shortfalls.back();
    };
    if (requirement.disjoint_paths > 0) {
      const std::uint32_t paths = MinDisjointPaths(exposure, PathScope::kAll);
      if (paths < requirement.disjoint_paths) {
        auto& shortfall = add("disjoint_paths", paths, requirement.disjoint_paths);
        shortfall.elements = PathEvidence(exposure);
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
        auto& shortfall =
            add("trusted_disjoint_paths", paths, requirement.trusted_disjoint_paths);
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
      auto& shortfall = add("trusted_paths", static_cast<double>(exposure.untrusted_on_routes.size()), 0);
      shortfall.elements = exposure.untrusted_on_routes;
      shortfall.detail = "its primary routes traverse untrusted equipment: " +
                         ElementList(network, shortfall.elements);
    }
    if (requirement.survives_untrusted_loss && !exposure.survives_untrusted_loss) {
      auto& shortfall = add("survives_untrusted_loss", 0, 1);
      shortfall.elements = exposure.untrusted_on_routes;
      shortfall.detail = "it goes down when every untrusted element is switched off";
    }
    if (requirement.survives_vendor_loss && !SurvivesLossOfAnyVendor(exposure)) {
      auto& shortfall =
          add("survives_vendor_loss", static_cast<double>(exposure.lost_with_vendors.size()), 0);
      shortfall.vendors = exposure.lost_with_vendors;
      std::string names;
      for (VendorIndex vendor : exposure.lost_with_vendors) {
        names += (names.empty() ? "" : ", ") + std::string(network.Str(network.vendors[vendor].id));
      }
      shortfall.detail = exposure.up ? "it goes down when all equipment of " + names +
                                           " is switched off"
                                     : "it is not up in the network as it is";
    }
  }
  return shortfalls;
}

}  // namespace redoubt
