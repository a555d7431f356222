// Sites as GeoJSON (RFC 7946): the `sites` part of an assessment and the
// sites.geojson that opens in QGIS.
//
// One Point feature per site with coordinates, [lon, lat] in WGS 84, carrying
// what the report colours the map by:
//
//   {"type": "Feature",
//    "geometry": {"type": "Point", "coordinates": [-0.0016, 51.5115]},
//    "properties": {"id": "lon-dc1", "name": "London Docklands data centre",
//                   "network": "gb-op1", "member": "GB", "kind": "datacenter",
//                   "region": "London", "elements": 14,
//                   "vendors": ["ericsson", "huawei"], "high_risk_vendors": ["huawei"],
//                   "findings": 2, "worst_severity": "critical",   // null when none
//                   "exposed": true, "exposed_weight": 5000.0, "exposed_services": 1}}
//
// Sites without coordinates cannot be placed: they are left out and counted
// (`omitted()`), never silently dropped. Features follow the networks' order,
// then site order; the output is deterministic.
//
//   SitesGeoJsonBuilder builder;
//   builder.Add(network, "GB", AnnotateSites(network, findings_doc, exposure_doc));
//   nlohmann::ordered_json collection = builder.Build();
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/network.hpp"

namespace redoubt {

// What the caller knows about one site beyond the inventory.
struct SiteAnnotation {
  std::size_t findings = 0;      // findings that name the site
  std::string worst_severity;    // of those findings; empty when none
  bool exposed = false;          // hosts untrusted equipment on a service's route (any sector)
  double exposed_weight = 0;     // weight of the services whose traffic crosses it there
  std::size_t exposed_services = 0;
};

// By site id.
using SiteAnnotations = std::map<std::string, SiteAnnotation, std::less<>>;

// Annotations from result documents: counts and worst severity from the
// findings of `findings` (redoubt/findings@1, the network's entry matched by
// id), exposure from `exposure` (redoubt/exposure@1): a site is exposed when
// an untrusted element on an exposed service's route (or managing one) sits
// there. Either document may be null. O(findings + services · route length).
[[nodiscard]] SiteAnnotations AnnotateSites(const Network& network,
                                            const nlohmann::ordered_json& findings,
                                            const nlohmann::ordered_json& exposure);

// Rank of a findings@1 severity name: info 1 … critical 5; 0 for anything else.
[[nodiscard]] int SeverityRank(std::string_view severity);

class SitesGeoJsonBuilder {
 public:
  // Adds the sites of `network`, tagged with `member` (may be empty: then the
  // network's country). O(sites + elements).
  void Add(const Network& network, std::string_view member, const SiteAnnotations& annotations);

  // The FeatureCollection of everything added so far.
  [[nodiscard]] nlohmann::ordered_json Build() const;
  // Sites left out because they have no coordinates.
  [[nodiscard]] std::size_t omitted() const { return omitted_; }

 private:
  nlohmann::ordered_json features_ = nlohmann::ordered_json::array();
  std::size_t omitted_ = 0;
};

struct SitesCollection {
  nlohmann::ordered_json geojson;  // the FeatureCollection
  std::size_t omitted = 0;         // sites without coordinates, left out
};

// One network's sites; see SitesGeoJsonBuilder.
[[nodiscard]] SitesCollection SitesGeoJson(const Network& network, std::string_view member,
                                           const SiteAnnotations& annotations);

}  // namespace redoubt
