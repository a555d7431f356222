// Writes networks as GraphML (http://graphml.graphdrawing.org/) for Gephi,
// yEd or NetworkX: elements are nodes, links are edges.
//
// Node attributes: label, network, kind, domain, vendor, vendor_risk, model,
// site, site_kind, region, lat, lon (lat/lon only for elements at a site with
// coordinates). Edge attributes: medium, capacity_gbps, latency_ms,
// length_km, conduit (each only when known). One undirected graph holds every
// network; node ids are the element ids, prefixed "network/" when more than
// one network is written so that ids stay unique.
//
// Deterministic: model order, attributes in a fixed order. O(elements + links).
#pragma once

#include <span>
#include <string>

#include "model/network.hpp"

namespace redoubt {

[[nodiscard]] std::string WriteGraphMl(std::span<const Network> networks);

}  // namespace redoubt
