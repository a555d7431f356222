// `vendor`: a supplier's equipment goes down at once — a kill-switch, a
// malicious update, sabotage. The equipment cannot be trusted again, so it is
// replaced (recovery.replace_days) before a crew can restore the site.
//
//   hazard: {vendor: {vendor: huawei, domains: [ran, transport]}}
//   hazard: {vendor: {vendor: [huawei, zte], probability: 0.8}}   # each element hit with p
//
// A vendor absent from the network, or with no equipment in the domains,
// makes the hazard a no-op on that network, with a note.
#include <fmt/format.h>

#include "sim/hazards/hazard_util.hpp"

namespace redoubt {

namespace {

class VendorHazard final : public Hazard {
 public:
  std::vector<std::string> vendors;
  hazard_util::ElementFilter filter;
  double probability = 1;
  std::vector<ElementIndex> targets;  // bound

  std::unique_ptr<Hazard> Bind(const SimNetwork& net,
                               std::vector<std::string>& notes) const override {
    auto bound = std::make_unique<VendorHazard>(*this);
    const Network& network = *net.network;
    bound->filter.Bind(network, "vendor hazard", notes);
    std::vector<bool> chosen(network.vendors.size(), false);
    for (const std::string& id : vendors) {
      const VendorIndex vendor = network.FindVendor(id);
      if (vendor == kNone) {
        notes.push_back(fmt::format("vendor hazard: vendor '{}' is unknown to this network", id));
        continue;
      }
      chosen[vendor] = true;
    }
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      const VendorIndex vendor = network.elements[element].vendor;
      if (vendor != kNone && chosen[vendor] && bound->filter.Matches(network, element)) {
        bound->targets.push_back(element);
      }
    }
    if (bound->targets.empty()) {
      notes.push_back(
          fmt::format("vendor hazard: no equipment of {}{} in this network; the hazard "
                      "does nothing here",
                      fmt::join(vendors, ", "), filter.Describe()));
    }
    return bound;
  }

  void Sample(const SimNetwork&, Rng& rng, double start_hours,
              std::vector<Outage>& out) const override {
    for (ElementIndex element : targets) {
      if (rng.Bernoulli(probability)) {
        out.push_back({.target = element, .replace = true, .down_hours = start_hours});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Hazard> ReadVendorHazard(const Node& body, const HazardReadContext& context) {
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  MapReader reader(body, context.source, context.diagnostics, "vendor hazard",
                   {"vendor", "domains", "kinds", "probability"});
  if (!reader.ok()) return nullptr;
  auto hazard = std::make_unique<VendorHazard>();
  if (auto vendors = reader.StringList("vendor", Need::kRequired)) hazard->vendors = *vendors;
  hazard_util::NoteVendors(reader.Get("vendor"), context);
  hazard->filter = hazard_util::ReadElementFilter(reader, context);
  hazard->probability = hazard_util::ReadProbability(reader, "probability", 1);
  if (context.diagnostics.ErrorCount() != errors_before) return nullptr;
  return hazard;
}

}  // namespace redoubt
