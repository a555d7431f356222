#include "alliance/exposure_cache.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace redoubt::alliance {

const ExposureResult& ExposureCache::Get(const Network& network,
                                         std::span<const std::uint8_t> untrusted,
                                         std::uint32_t max_paths) {
  std::vector<VendorIndex> vendors;
  vendors.reserve(network.elements.size());
  for (const Element& element : network.elements) vendors.push_back(element.vendor);
  Key key{network.info.id, std::move(vendors),
          std::vector<std::uint8_t>(untrusted.begin(), untrusted.end()), max_paths};
  auto found = entries_.find(key);
  if (found != entries_.end()) return *found->second;
  ExposureOptions options;
  options.untrusted.assign(network.elements.size(), false);
  for (std::size_t element = 0; element < untrusted.size() && element < network.elements.size();
       ++element) {
    options.untrusted[element] = untrusted[element] != 0;
  }
  options.max_paths = max_paths;
  auto result = std::make_unique<ExposureResult>(AnalyzeExposure(network, options));
  const ExposureResult& reference = *result;
  entries_.emplace(std::move(key), std::move(result));
  return reference;
}

namespace {

std::string Ids(const Network& network, std::span<const ElementIndex> elements) {
  std::string out;
  for (ElementIndex element : elements) {
    out += fmt::format("{}{}", out.empty() ? "" : ", ", network.ElementId(element));
  }
  return out;
}

}  // namespace

std::vector<policy::ServiceShortfall> ExposureServiceEvaluator::Evaluate(
    const Network& network, std::span<const ServiceIndex> services,
    const policy::ServiceRequirement& requirement, std::span<const std::uint8_t> untrusted) const {
  const std::uint32_t max_paths = std::max<std::uint32_t>(
      {4, requirement.disjoint_paths, requirement.trusted_disjoint_paths});
  const ExposureResult& result = cache_->Get(network, untrusted, max_paths);
  std::vector<policy::ServiceShortfall> shortfalls;
  auto add = [&](ServiceIndex service, std::string property, double measured, double required,
                 std::vector<ElementIndex> elements, std::vector<VendorIndex> vendors,
                 std::string detail) {
    shortfalls.push_back(policy::ServiceShortfall{service, std::move(property), measured, required,
                                                  std::move(elements), std::move(vendors),
                                                  std::move(detail)});
  };
  std::vector<ServiceIndex> sorted(services.begin(), services.end());
  std::sort(sorted.begin(), sorted.end());
  for (ServiceIndex service : sorted) {
    const ServiceExposure& exposure = result.services[service];
    if (requirement.disjoint_paths > 0) {
      const std::uint32_t found = MinDisjointPaths(exposure, PathScope::kAll);
      if (found < requirement.disjoint_paths) {
        add(service, "disjoint_paths", found, requirement.disjoint_paths, exposure.single_points,
            {}, fmt::format("{} node-disjoint path(s) to a needed core function, {} required",
                            found, requirement.disjoint_paths));
      }
    }
    if (requirement.trusted_disjoint_paths > 0) {
      const std::uint32_t found = MinDisjointPaths(exposure, PathScope::kTrusted);
      if (found < requirement.trusted_disjoint_paths) {
        add(service, "trusted_disjoint_paths", found, requirement.trusted_disjoint_paths,
            exposure.untrusted_on_routes, {},
            fmt::format("{} node-disjoint trusted path(s) to a needed core function, {} required",
                        found, requirement.trusted_disjoint_paths));
      }
    }
    if (requirement.trusted_paths && TraversesUntrusted(exposure)) {
      add(service, "trusted_paths", 0, 1, exposure.untrusted_on_routes, {},
          fmt::format("its primary routes cross untrusted equipment: {}",
                      Ids(network, exposure.untrusted_on_routes)));
    }
    if (requirement.survives_untrusted_loss && exposure.up && !exposure.survives_untrusted_loss) {
      add(service, "survives_untrusted_loss", 0, 1, exposure.untrusted_on_routes, {},
          "it goes down when every untrusted element is switched off");
    }
    if (requirement.survives_vendor_loss && !SurvivesLossOfAnyVendor(exposure)) {
      add(service, "survives_vendor_loss", 0, 1, {}, exposure.lost_with_vendors,
          exposure.up ? "it goes down when one vendor's equipment is switched off"
                      : "it is down in the network as it is");
    }
  }
  return shortfalls;
}

}  // namespace redoubt::alliance
