// `power`: grid substations fail; each site they feed runs on its batteries
// or generator for its `backup_hours`, then drops, and comes back by itself
// when the grid is restored (no crew needed). So equipment goes down over
// time, not only at t=0, and sites whose backup outlasts the outage never drop.
//
//   hazard: {power: {substations: all, outage_hours: 24}}
//   hazard: {power: {substations: [sub-lon-west-ham], probability: 0.5,
//                    outage_hours: {lognormal: {median: 12, sigma: 0.5}}}}
//
// Each named substation (or every substation that feeds a site, for `all`)
// fails with `probability` (default 1) and stays out for a duration drawn
// per substation (default: beyond any horizon). A site with no backup_hours
// recorded drops at once. Equipment at sites without a recorded feed, or
// without a site, is not affected (noted). Draws: per substation in order of
// the first site it feeds, one Bernoulli then one duration.
#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include "sim/distribution.hpp"
#include "sim/hazards/hazard_util.hpp"

namespace redoubt {

namespace {

class PowerHazard final : public Hazard {
 public:
  bool all = false;
  std::vector<std::string> substations;
  double probability = 1;
  std::optional<Distribution> outage_hours;
  // bound: per failed-able substation, its elements and their backup hours
  std::vector<std::uint32_t> offsets{0};
  std::vector<std::pair<ElementIndex, double>> fed;

  std::unique_ptr<Hazard> Bind(const SimNetwork& net,
                               std::vector<std::string>& notes) const override {
    auto bound = std::make_unique<PowerHazard>(*this);
    bound->offsets = {0};
    bound->fed.clear();
    const Network& network = *net.network;
    std::vector<StringId> order;  // substations in order of first appearance
    std::vector<std::vector<SiteIndex>> sites_of;
    absl::flat_hash_map<StringId, std::uint32_t> position;
    for (SiteIndex site = 0; site < network.sites.size(); ++site) {
      const StringId substation = network.sites[site].substation;
      if (substation == kNoString) continue;
      auto [entry, inserted] =
          position.try_emplace(substation, static_cast<std::uint32_t>(order.size()));
      if (inserted) {
        order.push_back(substation);
        sites_of.emplace_back();
      }
      sites_of[entry->second].push_back(site);
    }
    std::vector<std::uint32_t> chosen;  // positions in `order`
    if (all) {
      for (std::uint32_t index = 0; index < order.size(); ++index) chosen.push_back(index);
    } else {
      for (const std::string& name : substations) {
        const auto id = network.strings->Find(name);
        const auto entry = id ? position.find(*id) : position.end();
        if (entry == position.end()) {
          notes.push_back(fmt::format("power hazard: no site is fed by substation '{}'", name));
          continue;
        }
        chosen.push_back(entry->second);
      }
    }
    std::vector<std::vector<ElementIndex>> at_site(network.sites.size());
    std::size_t without_feed = 0;
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      const SiteIndex site = network.elements[element].site;
      if (site == kNone || network.sites[site].substation == kNoString) {
        ++without_feed;
        continue;
      }
      at_site[site].push_back(element);
    }
    for (std::uint32_t index : chosen) {
      for (SiteIndex site : sites_of[index]) {
        const double backup = std::isnan(network.sites[site].backup_hours)
                                  ? 0.0
                                  : static_cast<double>(network.sites[site].backup_hours);
        for (ElementIndex element : at_site[site]) bound->fed.emplace_back(element, backup);
      }
      bound->offsets.push_back(static_cast<std::uint32_t>(bound->fed.size()));
    }
    if (without_feed > 0) {
      notes.push_back(fmt::format(
          "power hazard: {} element{} without a recorded power feed {} not affected", without_feed,
          without_feed == 1 ? "" : "s", without_feed == 1 ? "is" : "are"));
    }
    if (bound->fed.empty()) {
      notes.push_back(
          "power hazard: no equipment is fed by the failing substations; the hazard does nothing "
          "here");
    }
    return bound;
  }

  void Sample(const SimNetwork&, Rng& rng, double start_hours,
              std::vector<Outage>& out) const override {
    for (std::size_t index = 0; index + 1 < offsets.size(); ++index) {
      if (!rng.Bernoulli(probability)) continue;
      const double outage = outage_hours ? outage_hours->Sample(rng) : kNever;
      for (std::uint32_t at = offsets[index]; at < offsets[index + 1]; ++at) {
        const auto [element, backup] = fed[at];
        if (backup >= outage) continue;
        out.push_back({.target = element,
                       .needs_crew = false,
                       .down_hours = start_hours + backup,
                       .up_hours = start_hours + outage});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Hazard> ReadPowerHazard(const Node& body, const HazardReadContext& context) {
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  MapReader reader(body, context.source, context.diagnostics, "power hazard",
                   {"substations", "probability", "outage_hours"});
  if (!reader.ok()) return nullptr;
  auto hazard = std::make_unique<PowerHazard>();
  if (const Node* substations = reader.Get("substations", Need::kRequired)) {
    if (substations->type == Node::Type::kString && substations->text == "all") {
      hazard->all = true;
    } else if (auto names = reader.StringList("substations")) {
      hazard->substations = *names;
    }
  }
  hazard->probability = hazard_util::ReadProbability(reader, "probability", 1);
  if (const Node* outage = reader.Get("outage_hours")) {
    hazard->outage_hours = ReadDistribution(*outage, context.source, context.diagnostics,
                                            "'outage_hours' of power hazard");
  }
  if (context.diagnostics.ErrorCount() != errors_before) return nullptr;
  return hazard;
}

}  // namespace redoubt
