#include "analysis/exposure_json.hpp"

#include <cmath>

namespace redoubt {

namespace {

using Json = nlohmann::ordered_json;

double Round6(double value) { return std::round(value * 1e6) / 1e6; }

template <typename Indices, typename IdOf>
Json Ids(const Indices& indices, IdOf id_of) {
  Json ids = Json::array();
  for (auto index : indices) ids.push_back(id_of(index));
  return ids;
}

Json RouteJson(const Network& network, const Route& route) {
  Json entry;
  entry["attachment"] = network.ElementId(route.attachment);
  entry["function"] = network.kinds[route.function].name;
  entry["instance"] = network.ElementId(route.instance);
  entry["latency_ms"] = Round6(route.latency_ms);
  entry["path"] = Ids(route.path, [&](ElementIndex element) { return network.ElementId(element); });
  return entry;
}

Json GroupJson(const GroupTotals& totals, const char* key_name) {
  Json entry;
  if (key_name != nullptr) entry[key_name] = totals.key;
  entry["services"] = totals.services;
  entry["weight"] = Round6(totals.weight);
  entry["up"] = totals.up;
  entry["exposed"] = totals.exposed;
  entry["exposed_weight"] = Round6(totals.exposed_weight);
  entry["lost_without_untrusted"] = totals.lost_without_untrusted;
  entry["lost_without_untrusted_weight"] = Round6(totals.lost_without_untrusted_weight);
  entry["with_single_points"] = totals.with_single_points;
  const auto share = [](std::optional<double> value) { return value ? Json(Round6(*value)) : Json(nullptr); };
  entry["espionage"] = share(totals.EspionageShare());
  entry["sabotage"] = share(totals.SabotageShare());
  return entry;
}

template <typename IdOf>
Json RankJson(const std::vector<SinglePointRank>& ranks, IdOf id_of) {
  Json list = Json::array();
  for (const SinglePointRank& rank : ranks) {
    list.push_back({{"id", id_of(rank.index)},
                    {"services", rank.services},
                    {"weight", Round6(rank.weight)}});
  }
  return list;
}

}  // namespace

std::vector<UnmetRequirement> UnmetRequirements(const Network& network,
                                                const ServiceExposure& exposure) {
  const ServiceRequirements& required = network.services[exposure.service].requirements;
  std::vector<UnmetRequirement> unmet;
  const std::uint32_t all = MinDisjointPaths(exposure, PathScope::kAll);
  const std::uint32_t trusted = MinDisjointPaths(exposure, PathScope::kTrusted);
  if (required.disjoint_paths > 0 && all < required.disjoint_paths) {
    unmet.push_back({"disjoint_paths", required.disjoint_paths, all});
  }
  if (required.trusted_disjoint_paths > 0 && trusted < required.trusted_disjoint_paths) {
    unmet.push_back({"trusted_disjoint_paths", required.trusted_disjoint_paths, trusted});
  }
  if (required.trusted_paths && TraversesUntrusted(exposure)) {
    unmet.push_back({"trusted_paths", 1, 0});
  }
  return unmet;
}

Json ServiceExposureJson(const Network& network, const ExposureResult& result,
                         const ServiceExposure& exposure, const ExposureJsonOptions& options) {
  const Service& service = network.services[exposure.service];
  auto element_id = [&](ElementIndex element) { return network.ElementId(element); };
  Json entry;
  entry["id"] = network.Str(service.id);
  entry["sector"] = Name(service.sector);
  entry["owner"] = service.owner;
  entry["classification"] = Name(service.classification);
  entry["region"] = ServiceRegion(network, service);
  entry["weight"] = Round6(service.weight);
  entry["up"] = exposure.up;
  entry["exposed"] = exposure.Exposed();
  entry["untrusted_on_routes"] = Ids(exposure.untrusted_on_routes, element_id);
  Json managers = Json::array();
  for (const UntrustedManager& manager : exposure.untrusted_managers) {
    managers.push_back({{"id", element_id(manager.manager)}, {"manages", Ids(manager.manages, element_id)}});
  }
  entry["untrusted_managers"] = managers;
  entry["survives_untrusted_loss"] = exposure.survives_untrusted_loss;
  entry["lost_with_vendors"] = Ids(exposure.lost_with_vendors, [&](VendorIndex vendor) {
    return network.Str(network.vendors[vendor].id);
  });
  Json paths = Json::array();
  for (const FunctionPaths& function : exposure.paths) {
    paths.push_back({{"function", network.kinds[function.function].name},
                     {"disjoint", function.disjoint},
                     {"trusted_disjoint", function.trusted_disjoint}});
  }
  entry["paths"] = paths;
  entry["single_points"] = Ids(exposure.single_points, element_id);
  entry["single_point_sites"] = Ids(exposure.single_point_sites, [&](SiteIndex site) {
    return network.Str(network.sites[site].id);
  });
  Json unmet = Json::array();
  for (const UnmetRequirement& requirement : UnmetRequirements(network, exposure)) {
    unmet.push_back({{"requirement", requirement.requirement},
                     {"required", requirement.required},
                     {"found", requirement.found}});
  }
  entry["unmet_requirements"] = unmet;
  Json evidence = Json::array();
  Json routes = Json::array();
  for (const Route& route : exposure.routes) {
    const bool exposed = std::any_of(route.path.begin(), route.path.end(), [&](ElementIndex element) {
      if (result.untrusted[element]) return true;
      const auto element_managers = network.ManagedBy(element);
      return std::any_of(element_managers.begin(), element_managers.end(),
                         [&](ElementIndex manager) { return result.untrusted[manager]; });
    });
    if (exposed) evidence.push_back(RouteJson(network, route));
    if (options.routes) routes.push_back(RouteJson(network, route));
  }
  entry["evidence"] = evidence;
  if (options.routes) entry["routes"] = routes;
  return entry;
}

Json ExposureNetworkJson(const Network& network, const ExposureResult& result,
                         const ExposureSummary& summary, const ExposureJsonOptions& options) {
  Json out;
  out["network"] = {{"id", network.info.id},
                    {"name", network.info.name},
                    {"country", network.info.country},
                    {"as_of", FormatIsoDate(network.info.as_of)}};
  std::size_t untrusted_elements = 0;
  for (bool flag : result.untrusted) untrusted_elements += flag ? 1 : 0;
  out["untrusted_elements"] = untrusted_elements;
  out["max_paths"] = result.max_paths;
  out["totals"] = GroupJson(summary.total, nullptr);
  out["critical_totals"] = GroupJson(summary.critical, nullptr);
  Json sectors = Json::array();
  for (const GroupTotals& totals : summary.by_sector) sectors.push_back(GroupJson(totals, "sector"));
  out["by_sector"] = sectors;
  Json levels = Json::array();
  for (const GroupTotals& totals : summary.by_classification) {
    levels.push_back(GroupJson(totals, "classification"));
  }
  out["by_classification"] = levels;
  Json regions = Json::array();
  for (const GroupTotals& totals : summary.by_region) regions.push_back(GroupJson(totals, "region"));
  out["by_region"] = regions;
  Json vendors = Json::array();
  for (const VendorTotals& totals : summary.by_vendor) {
    const Vendor& vendor = network.vendors[totals.vendor];
    Json lost = Json::object();
    for (const SectorLoss& cell : totals.lost_by_sector) {
      lost[std::string(Name(cell.sector))] = {{"services", cell.services}, {"weight", Round6(cell.weight)}};
    }
    vendors.push_back({{"vendor", network.Str(vendor.id)},
                       {"risk", Name(vendor.risk)},
                       {"untrusted", totals.untrusted},
                       {"elements", totals.elements},
                       {"services_carried", totals.services_carried},
                       {"weight_carried", Round6(totals.weight_carried)},
                       {"services_lost", totals.services_lost},
                       {"weight_lost", Round6(totals.weight_lost)},
                       {"lost_by_sector", lost}});
  }
  out["by_vendor"] = vendors;
  out["single_points"] = {
      {"elements", RankJson(summary.top_elements, [&](std::uint32_t element) { return network.ElementId(element); })},
      {"sites", RankJson(summary.top_sites, [&](std::uint32_t site) { return network.Str(network.sites[site].id); })}};
  Json services = Json::array();
  for (const ServiceExposure& exposure : result.services) {
    services.push_back(ServiceExposureJson(network, result, exposure, options));
  }
  out["services"] = services;
  return out;
}

Json ExposureDocument(const std::string& untrusted_rule, std::vector<Json> networks) {
  Json document;
  document["format"] = "redoubt/exposure@1";
  document["untrusted"] = untrusted_rule;
  document["networks"] = std::move(networks);
  return document;
}

}  // namespace redoubt
