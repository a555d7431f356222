#include "analysis/service_demand.hpp"

#include <algorithm>

namespace redoubt {

ServiceDemand BuildServiceDemand(const Network& network) {
  ServiceDemand demand;
  std::vector<std::uint32_t> position(network.kinds.size(), kNone);
  for (const Service& service : network.services) {
    for (KindId kind : service.needs) position[kind] = 0;
  }
  for (KindId kind = 0; kind < network.kinds.size(); ++kind) {
    if (position[kind] == kNone) continue;
    position[kind] = static_cast<std::uint32_t>(demand.functions.size());
    demand.functions.push_back(kind);
  }
  demand.instances.resize(demand.functions.size());
  demand.is_instance.assign(demand.functions.size(), BitVector(network.elements.size()));
  for (ElementIndex element = 0; element < network.elements.size(); ++element) {
    const std::uint32_t function = position[network.elements[element].kind];
    if (function == kNone) continue;
    demand.instances[function].push_back(element);
    demand.is_instance[function].Set(element);
  }
  for (const Service& service : network.services) {
    const std::size_t first = demand.need_functions.size();
    for (KindId kind : service.needs) {
      const std::uint32_t function = position[kind];
      if (std::find(demand.need_functions.begin() + static_cast<std::ptrdiff_t>(first),
                    demand.need_functions.end(), function) == demand.need_functions.end()) {
        demand.need_functions.push_back(function);
      }
    }
    demand.need_offsets.push_back(static_cast<std::uint32_t>(demand.need_functions.size()));
  }
  return demand;
}

BitVector ServicesUp(const Network& network, const Topology& topology, const ServiceDemand& demand,
                     const Mask& mask) {
  const Components components = ConnectedComponents(topology, mask);
  // has[function]: components holding an instance that is on.
  std::vector<BitVector> has(demand.functions.size(), BitVector(components.count));
  for (std::size_t function = 0; function < demand.functions.size(); ++function) {
    for (NodeId instance : demand.instances[function]) {
      if (components.label[instance] != kNoNode) has[function].Set(components.label[instance]);
    }
  }
  BitVector up(network.services.size());
  for (ServiceIndex service = 0; service < network.services.size(); ++service) {
    const auto needs = demand.Needs(service);
    for (ElementIndex attachment : network.services[service].attach) {
      const std::uint32_t component = components.label[attachment];
      if (component == kNoNode) continue;
      const bool all = std::all_of(needs.begin(), needs.end(), [&](std::uint32_t function) {
        return has[function].Test(component);
      });
      if (all) {
        up.Set(service);
        break;
      }
    }
  }
  return up;
}

}  // namespace redoubt
