// Exposure of the services riding on a network to untrusted equipment
// (DESIGN.md, "Exposure analysis"):
//
// - espionage: the least-latency route from each attachment to the nearest
//   instance of each function the service needs, the untrusted elements on
//   those routes, and the untrusted management elements that manage an
//   element on them — each with the route as evidence;
// - sabotage: whether the service stays up when every untrusted element is
//   off, and which vendors' equipment, switched off alone, takes it down;
// - path diversity: node-disjoint paths to each needed function, through the
//   whole network and through trusted elements only;
// - single points of failure: elements and sites whose loss alone takes the
//   service down, read off the block-cut tree.
//
//   ExposureOptions options;
//   options.untrusted = UntrustedByRisk(network);
//   ExposureResult result = AnalyzeExposure(network, options);
//   for (const ServiceExposure& service : result.services) ...
//
// For the `service` rule kind of a standard, everything a rule asks is a
// field or one of the helpers at the end of this header:
//   "keeps ≥ N disjoint trusted paths"     MinDisjointPaths(s, PathScope::kTrusted) >= N
//   "keeps ≥ N disjoint paths"             MinDisjointPaths(s, PathScope::kAll) >= N
//   "never traverses untrusted equipment"  !TraversesUntrusted(s); evidence: UntrustedRoutes(s)
//   "... nor is managed by it"             !s.Exposed(); evidence: s.untrusted_managers
//   "survives the loss of any one vendor"  SurvivesLossOfAnyVendor(s); evidence: s.lost_with_vendors
//   "survives the loss of all untrusted"   s.survives_untrusted_loss
//
// Definitions. Disjoint paths run from any attachment to any instance and
// share no element other than their end points (an attachment and an
// instance); counts stop at `max_paths`, so a count equal to it means "at
// least". A service whose attachment is itself an instance, or linked
// directly to one, cannot be cut off by other elements: its count is
// `max_paths`. Trusted counts use only trusted elements (untrusted
// attachments and instances drop out). Site single points are sound but not
// complete: a site is reported when one of its elements is a single point, or
// when it is one in the graph with each site's elements merged; a site whose
// elements are not linked to each other can be missed.
//
// Cost: building the shared structures is O((n + m) log n · functions +
// (n + m) · vendors); then per service O(walk lengths) for routes and
// single points, plus, only for services with two or more disjoint paths, a
// bounded max-flow kept inside the blocks that can matter. Memory is linear
// in the network (bench/README.md has figures). Services are analysed in
// parallel (`threads`); the result is identical for any thread count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "model/network.hpp"

namespace redoubt {

struct ExposureOptions {
  // Per element: true when a standard treats it as untrusted (trust.hpp).
  // Empty means nothing is untrusted.
  std::vector<bool> untrusted;
  // Disjoint-path counts stop here; raised to the largest disjoint-path
  // requirement of any service so that requirements can be checked.
  std::uint32_t max_paths = 4;
  // Analyse only these services (any order); empty means all.
  std::vector<ServiceIndex> services;
  // Worker threads; 0 means one per hardware thread.
  unsigned threads = 1;
};

// The least-latency route from an attachment to the nearest instance of a function.
struct Route {
  ElementIndex attachment = kNone;
  KindId function = 0;
  ElementIndex instance = kNone;
  double latency_ms = 0;
  std::vector<ElementIndex> path;  // attachment first, instance last
};

// An untrusted management element and the route elements it manages.
struct UntrustedManager {
  ElementIndex manager = kNone;
  std::vector<ElementIndex> manages;  // ascending
};

struct FunctionPaths {
  KindId function = 0;
  std::uint32_t disjoint = 0;          // through any element
  std::uint32_t trusted_disjoint = 0;  // through trusted elements only
};

enum class PathScope { kAll, kTrusted };

struct ServiceExposure {
  ServiceIndex service = kNone;
  bool up = false;  // in the network as it is
  std::vector<Route> routes;  // per attachment (in attach order) and needed function (in needs order)
  std::vector<ElementIndex> untrusted_on_routes;      // ascending
  std::vector<UntrustedManager> untrusted_managers;   // ascending by manager
  bool survives_untrusted_loss = false;
  std::vector<VendorIndex> lost_with_vendors;  // vendors whose loss alone takes it down, ascending
  std::vector<FunctionPaths> paths;            // one per needed function, in needs order
  std::vector<ElementIndex> single_points;     // elements whose loss alone takes it down, ascending
  std::vector<SiteIndex> single_point_sites;   // ascending

  [[nodiscard]] bool Exposed() const {
    return !untrusted_on_routes.empty() || !untrusted_managers.empty();
  }
};

struct ExposureStats {
  std::size_t topology_bytes = 0;
  std::size_t structure_bytes = 0;  // forests, block-cut trees, scenarios
  double setup_seconds = 0;         // topology, routes forests, block-cut trees
  double scenario_seconds = 0;      // untrusted-off and vendor-off runs
  double service_seconds = 0;       // per-service work
};

struct ExposureResult {
  std::vector<ServiceExposure> services;  // ascending service index
  std::vector<VendorIndex> vendors;       // vendors with elements: one loss scenario each
  std::vector<bool> untrusted;            // per element, as used
  std::uint32_t max_paths = 0;            // the cap actually used
  ExposureStats stats;                    // not deterministic: timings
};

// Precondition: `options.untrusted` is empty or has one flag per element.
[[nodiscard]] ExposureResult AnalyzeExposure(const Network& network, const ExposureOptions& options);

// The fewest disjoint paths over the functions the service needs (0 when it
// needs one it cannot reach); UINT32_MAX when it needs none.
[[nodiscard]] std::uint32_t MinDisjointPaths(const ServiceExposure& service, PathScope scope);
// Whether a primary route passes through an untrusted element.
[[nodiscard]] inline bool TraversesUntrusted(const ServiceExposure& service) {
  return !service.untrusted_on_routes.empty();
}
// The routes that pass through an untrusted element (the evidence).
[[nodiscard]] std::vector<const Route*> UntrustedRoutes(const ServiceExposure& service,
                                                        const std::vector<bool>& untrusted);
// Up now, and no single vendor's loss takes it down.
[[nodiscard]] inline bool SurvivesLossOfAnyVendor(const ServiceExposure& service) {
  return service.up && service.lost_with_vendors.empty();
}

}  // namespace redoubt
