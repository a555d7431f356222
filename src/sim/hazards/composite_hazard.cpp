// `composite`: several hazards at once or in sequence — each step is a
// hazard, optionally starting `at_hours` after t=0 (a storm, then the grid
// fails 6 hours later; a cyber attack during a regional disaster).
//
//   hazard:
//     composite:
//       - {region: {centre: largest-site, radius_km: 20}}
//       - {at_hours: 6, hazard: {power: {substations: all, outage_hours: 24}}}
//
// Steps sample in order, each from the same trial generator.
#include <fmt/format.h>

#include "sim/hazards/hazard_util.hpp"

namespace redoubt {

namespace {

class CompositeHazard final : public Hazard {
 public:
  std::vector<std::pair<double, std::unique_ptr<Hazard>>> steps;

  std::unique_ptr<Hazard> Bind(const SimNetwork& net,
                               std::vector<std::string>& notes) const override {
    auto bound = std::make_unique<CompositeHazard>();
    for (const auto& [at_hours, step] : steps)
      bound->steps.emplace_back(at_hours, step->Bind(net, notes));
    return bound;
  }

  void Sample(const SimNetwork& net, Rng& rng, double start_hours,
              std::vector<Outage>& out) const override {
    for (const auto& [at_hours, step] : steps) step->Sample(net, rng, start_hours + at_hours, out);
  }
};

}  // namespace

std::unique_ptr<Hazard> ReadCompositeHazard(const Node& body, const HazardReadContext& context) {
  if (!body.IsSequence() || body.items.empty()) {
    context.diagnostics.Error(
        context.source.LocationOf(body.offset),
        "composite hazard must be a non-empty list of hazards",
        "write composite: [{vendor: {...}}, {at_hours: 6, hazard: {power: {...}}}]");
    return nullptr;
  }
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  auto hazard = std::make_unique<CompositeHazard>();
  for (const Node& item : body.items) {
    double at_hours = 0;
    std::unique_ptr<Hazard> step;
    if (item.IsMap() && (item.Find("hazard") != nullptr || item.Find("at_hours") != nullptr)) {
      MapReader reader(item, context.source, context.diagnostics, "composite step",
                       {"at_hours", "hazard"});
      at_hours = reader.Number("at_hours", Need::kOptional, {.min = 0}).value_or(0);
      if (const Node* inner = reader.Get("hazard", Need::kRequired))
        step = ReadHazard(*inner, context);
    } else {
      step = ReadHazard(item, context);
    }
    if (step) hazard->steps.emplace_back(at_hours, std::move(step));
  }
  if (context.diagnostics.ErrorCount() != errors_before) return nullptr;
  return hazard;
}

}  // namespace redoubt
