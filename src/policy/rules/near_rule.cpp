// near: no matching element within a distance of sites of some kinds.
//
//   near: {match: {untrusted: true}, sites: {kind: [military, nuclear]}, within_km: 1}
//
// The sites of matching elements go into a GeoGrid (cells of within_km), and
// each selected site asks it for what lies within within_km: O(elements +
// selected sites × matches nearby), never all pairs. One finding per selected
// site with matches near it, listing them nearest first with their distance.
// Matching elements whose site has no coordinates, and selected sites without
// coordinates, are reported as unassessed.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/geo.hpp"
#include "io/node_reader.hpp"
#include "policy/matcher.hpp"
#include "policy/rules/rule_kinds.hpp"
#include "policy/rules/rule_support.hpp"

namespace redoubt::policy {

namespace {

class NearRule : public RuleBody {
 public:
  NearRule(Selector match, Selector sites, double within_km)
      : match_(std::move(match)), sites_(std::move(sites)), within_km_(within_km) {}

  [[nodiscard]] std::string_view Kind() const override { return "near"; }

  [[nodiscard]] std::optional<std::string> Unreachable(const Selector* untrusted) const override {
    if (auto reason = Unsatisfiable(Expand(match_, untrusted), match_.subject)) {
      return "its 'match' can never match: " + *reason;
    }
    if (auto reason = Unsatisfiable(sites_.clauses, sites_.subject)) {
      return "its 'sites' can never match: " + *reason;
    }
    return std::nullopt;
  }

  [[nodiscard]] std::vector<const Selector*> Selectors() const override {
    return {&match_, &sites_};
  }

  void Evaluate(const RuleContext& context, RuleOutput& output) const override {
    const Network& network = context.network;
    const ElementMatcher match(match_, network, context.untrusted);
    // Matching elements grouped by site (CSR), and the sites that have any.
    std::vector<std::uint32_t> per_site(network.sites.size() + 1, 0);
    std::vector<ElementIndex> matched;
    Unassessed no_place{context.rule.id, network.info.id,
                        "matching elements without a site with coordinates cannot be measured",
                        {}, {}};
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      if (!context.InService(element) || !match.Matches(element)) continue;
      const SiteIndex site = network.elements[element].site;
      if (site == kNone || !network.sites[site].HasCoordinates()) {
        no_place.elements.push_back(context.ElementId(element));
        continue;
      }
      matched.push_back(element);
      ++per_site[site + 1];
    }
    for (std::size_t site = 0; site < network.sites.size(); ++site) {
      per_site[site + 1] += per_site[site];
    }
    std::vector<ElementIndex> by_site(matched.size());
    {
      std::vector<std::uint32_t> cursor(per_site.begin(), per_site.end() - 1);
      for (ElementIndex element : matched) by_site[cursor[network.elements[element].site]++] = element;
    }
    GeoGrid grid(within_km_);
    for (SiteIndex site = 0; site < network.sites.size(); ++site) {
      if (per_site[site + 1] > per_site[site]) {
        grid.Insert(site, network.sites[site].lat, network.sites[site].lon);
      }
    }
    grid.Finalize();

    const SiteMatcher targets(sites_, network);
    Unassessed no_coordinates{context.rule.id, network.info.id,
                              "selected sites without coordinates cannot be measured", {}, {}};
    for (SiteIndex target = 0; target < network.sites.size(); ++target) {
      if (!targets.Matches(target)) continue;
      const Site& place = network.sites[target];
      if (!place.HasCoordinates()) {
        no_coordinates.sites.emplace_back(network.Str(place.id));
        continue;
      }
      std::vector<std::pair<double, ElementIndex>> near;
      grid.ForEachWithin(place.lat, place.lon, within_km_, [&](std::uint32_t site, double km) {
        for (std::uint32_t slot = per_site[site]; slot < per_site[site + 1]; ++slot) {
          near.emplace_back(km, by_site[slot]);
        }
      });
      if (near.empty()) continue;
      std::sort(near.begin(), near.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first
                                  : network.ElementId(a.second) < network.ElementId(b.second);
      });
      Finding finding = context.NewFinding(Kind());
      finding.subject = std::string(network.Str(place.id));
      finding.sites.push_back(finding.subject);
      for (const auto& [km, element] : near) {
        const Element& record = network.elements[element];
        const std::string site_id(network.Str(network.sites[record.site].id));
        finding.elements.push_back(context.ElementId(element));
        finding.distances.push_back({context.ElementId(element), site_id, km});
        if (std::find(finding.sites.begin(), finding.sites.end(), site_id) == finding.sites.end()) {
          finding.sites.push_back(site_id);
        }
        const std::string vendor(network.Str(network.vendors[record.vendor].id));
        if (std::find(finding.vendors.begin(), finding.vendors.end(), vendor) ==
            finding.vendors.end()) {
          finding.vendors.push_back(vendor);
        }
      }
      finding.evidence = rules::MatchEvidence(context, match_, near.front().second);
      finding.measure = Measure{"distance to the nearest matching element", near.front().first,
                                within_km_, ">", "km"};
      finding.message = fmt::format(
          "{} matching element{} within {:g} km of {} ({}); nearest {} at {:.2f} km",
          near.size(), near.size() == 1 ? "" : "s", within_km_, finding.subject, Name(place.kind),
          context.ElementLabel(near.front().second), near.front().first);
      output.findings.push_back(std::move(finding));
    }
    if (!no_place.elements.empty()) output.unassessed.push_back(std::move(no_place));
    if (!no_coordinates.sites.empty()) output.unassessed.push_back(std::move(no_coordinates));
  }

  [[nodiscard]] std::string Describe() const override {
    return fmt::format("No element where {} may stand within {:g} km of a site where {}.",
                       policy::Describe(match_), within_km_, policy::Describe(sites_));
  }

  [[nodiscard]] std::string DefaultRemedy() const override {
    return fmt::format(
        "remove or replace the listed equipment, or move it more than {:g} km from the site",
        within_km_);
  }

 private:
  Selector match_;
  Selector sites_;
  double within_km_;
};

}  // namespace

std::unique_ptr<RuleBody> ParseNearRule(const Node& node, RuleParseContext& context) {
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  MapReader reader(node, context.source, context.diagnostics, "near",
                   {"match", "sites", "within_km"});
  if (!reader.ok()) return nullptr;
  auto match = rules::ReadSelector(reader, "match", Need::kRequired, SelectorSubject::kElement,
                                   context);
  auto sites = rules::ReadSelector(reader, "sites", Need::kRequired, SelectorSubject::kSite,
                                   context);
  auto within = reader.Number("within_km", Need::kRequired,
                              {.min = 0, .max = 20000, .exclusive_min = true});
  if (context.diagnostics.ErrorCount() != errors_before || !match || !sites || !within) {
    return nullptr;
  }
  return std::make_unique<NearRule>(std::move(*match), std::move(*sites), *within);
}

}  // namespace redoubt::policy
