#include "report/geojson.hpp"

#include <array>
#include <set>
#include <vector>

namespace redoubt {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<std::string_view, 5> kSeverities = {"info", "low", "medium", "high",
                                                         "critical"};

// The entry of a result document's `networks` list for `network_id`, or nullptr.
// findings@1 names it by "id", exposure@1 by "network": {"id": ...}.
const Json* NetworkEntry(const Json& document, std::string_view network_id) {
  if (!document.is_object()) return nullptr;
  auto networks = document.find("networks");
  if (networks == document.end() || !networks->is_array()) return nullptr;
  for (const Json& entry : *networks) {
    if (!entry.is_object()) continue;
    auto matches = [network_id](const Json& object) {
      auto id = object.find("id");
      return id != object.end() && id->is_string() && id->get<std::string>() == network_id;
    };
    if (matches(entry)) return &entry;
    if (auto header = entry.find("network"); header != entry.end() && header->is_object()) {
      if (matches(*header)) return &entry;
    }
  }
  return nullptr;
}

std::vector<std::string> Strings(const Json& object, std::string_view key) {
  std::vector<std::string> out;
  auto list = object.find(key);
  if (list == object.end() || !list->is_array()) return out;
  for (const Json& item : *list) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

std::string SiteOfElement(const Network& network, std::string_view element_id) {
  const ElementIndex element = network.FindElement(element_id);
  if (element == kNone || network.elements[element].site == kNone) return {};
  return std::string(network.Str(network.sites[network.elements[element].site].id));
}

void AnnotateFindings(const Network& network, const Json& entry, SiteAnnotations& annotations) {
  auto findings = entry.find("findings");
  if (findings == entry.end() || !findings->is_array()) return;
  std::map<std::string, SiteIndex, std::less<>> service_sites;
  for (const Service& service : network.services) {
    service_sites.emplace(std::string(network.Str(service.id)), service.site);
  }
  for (const Json& finding : *findings) {
    if (!finding.is_object()) continue;
    std::set<std::string> sites;
    for (std::string& site : Strings(finding, "sites")) sites.insert(std::move(site));
    for (const std::string& element : Strings(finding, "elements")) {
      if (std::string site = SiteOfElement(network, element); !site.empty()) sites.insert(site);
    }
    for (const std::string& service : Strings(finding, "services")) {
      auto it = service_sites.find(service);
      if (it != service_sites.end() && it->second != kNone) {
        sites.insert(std::string(network.Str(network.sites[it->second].id)));
      }
    }
    const std::string severity = finding.value("severity", std::string());
    for (const std::string& site : sites) {
      SiteAnnotation& annotation = annotations[site];
      ++annotation.findings;
      if (SeverityRank(severity) > SeverityRank(annotation.worst_severity)) {
        annotation.worst_severity = severity;
      }
    }
  }
}

void AnnotateExposure(const Network& network, const Json& entry, SiteAnnotations& annotations) {
  auto services = entry.find("services");
  if (services == entry.end() || !services->is_array()) return;
  for (const Json& service : *services) {
    if (!service.is_object() || !service.value("exposed", false)) continue;
    std::set<std::string> sites;
    for (const std::string& element : Strings(service, "untrusted_on_routes")) {
      if (std::string site = SiteOfElement(network, element); !site.empty()) sites.insert(site);
    }
    if (auto managers = service.find("untrusted_managers");
        managers != service.end() && managers->is_array()) {
      for (const Json& manager : *managers) {
        if (!manager.is_object() || !manager.contains("id") || !manager["id"].is_string()) continue;
        std::string site = SiteOfElement(network, manager["id"].get<std::string>());
        if (!site.empty()) sites.insert(site);
      }
    }
    const double weight = service.value("weight", 0.0);
    for (const std::string& site : sites) {
      SiteAnnotation& annotation = annotations[site];
      annotation.exposed = true;
      annotation.exposed_weight += weight;
      ++annotation.exposed_services;
    }
  }
}

}  // namespace

int SeverityRank(std::string_view severity) {
  for (std::size_t rank = 0; rank < kSeverities.size(); ++rank) {
    if (kSeverities[rank] == severity) return static_cast<int>(rank) + 1;
  }
  return 0;
}

SiteAnnotations AnnotateSites(const Network& network, const Json& findings, const Json& exposure) {
  SiteAnnotations annotations;
  if (const Json* entry = NetworkEntry(findings, network.info.id)) {
    AnnotateFindings(network, *entry, annotations);
  }
  if (const Json* entry = NetworkEntry(exposure, network.info.id)) {
    AnnotateExposure(network, *entry, annotations);
  }
  return annotations;
}

void SitesGeoJsonBuilder::Add(const Network& network, std::string_view member,
                              const SiteAnnotations& annotations) {
  // Vendors and element counts per site, in one pass over the elements.
  std::vector<std::set<VendorIndex>> vendors(network.sites.size());
  std::vector<std::size_t> elements(network.sites.size(), 0);
  for (const Element& element : network.elements) {
    if (element.site == kNone) continue;
    ++elements[element.site];
    if (element.vendor != kNone) vendors[element.site].insert(element.vendor);
  }
  const std::string member_code(member.empty() ? std::string_view(network.info.country) : member);
  for (SiteIndex site_idx = 0; site_idx < network.sites.size(); ++site_idx) {
    const Site& site = network.sites[site_idx];
    if (!site.HasCoordinates()) {
      ++omitted_;
      continue;
    }
    const std::string id(network.Str(site.id));
    Json vendor_ids = Json::array();
    Json high_risk = Json::array();
    // Sorted by id for stable output.
    std::set<std::string> names;
    std::set<std::string> risky;
    for (VendorIndex vendor : vendors[site_idx]) {
      std::string name(network.Str(network.vendors[vendor].id));
      if (network.vendors[vendor].risk == Risk::kHigh) risky.insert(name);
      names.insert(std::move(name));
    }
    for (const std::string& name : names) vendor_ids.push_back(name);
    for (const std::string& name : risky) high_risk.push_back(name);

    Json properties = Json::object();
    properties["id"] = id;
    if (site.name != kNoString) properties["name"] = network.Str(site.name);
    properties["network"] = network.info.id;
    properties["member"] = member_code;
    properties["kind"] = Name(site.kind);
    properties["region"] = site.region == kNoString ? Json(nullptr) : Json(network.Str(site.region));
    properties["elements"] = elements[site_idx];
    properties["vendors"] = std::move(vendor_ids);
    properties["high_risk_vendors"] = std::move(high_risk);
    const auto annotation = annotations.find(id);
    const SiteAnnotation none;
    const SiteAnnotation& known = annotation == annotations.end() ? none : annotation->second;
    properties["findings"] = known.findings;
    properties["worst_severity"] =
        known.worst_severity.empty() ? Json(nullptr) : Json(known.worst_severity);
    properties["exposed"] = known.exposed;
    properties["exposed_weight"] = known.exposed_weight;
    properties["exposed_services"] = known.exposed_services;

    Json feature = Json::object();
    feature["type"] = "Feature";
    feature["geometry"] = {{"type", "Point"}, {"coordinates", Json::array({site.lon, site.lat})}};
    feature["properties"] = std::move(properties);
    features_.push_back(std::move(feature));
  }
}

Json SitesGeoJsonBuilder::Build() const {
  Json collection = Json::object();
  collection["type"] = "FeatureCollection";
  collection["features"] = features_;
  return collection;
}

SitesCollection SitesGeoJson(const Network& network, std::string_view member,
                             const SiteAnnotations& annotations) {
  SitesGeoJsonBuilder builder;
  builder.Add(network, member, annotations);
  return {builder.Build(), builder.omitted()};
}

}  // namespace redoubt
