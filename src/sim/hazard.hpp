// Hazards: what makes elements and links go down in a trial, and the
// registry of hazard kinds that scenario files name (DESIGN.md, "Resilience
// simulation"). Each kind lives in its own file under sim/hazards/ and is
// registered by one line in sim/hazards/hazard_kinds.inc.
//
//   hazard: {vendor: {vendor: huawei, domains: [ran, transport]}}
//
//   std::unique_ptr<Hazard> spec = ReadHazard(node, {source, diagnostics});
//   std::unique_ptr<Hazard> bound = spec->Bind(net, notes);   // once per network
//   bound->Sample(net, rng, 0.0, outages);                     // once per trial
//
// A hazard read from a file only knows names; Bind resolves them against one
// network (a name that matches nothing is a note, not an error: a scenario is
// meant to run on any inventory) and does the per-network precomputation
// (e.g. centrality, once per run). Sample must draw only from the generator
// it is given, in an order that depends only on the bound hazard, so a trial
// is reproducible; it must not depend on anything mutable (threads share the
// bound hazard).
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/service_demand.hpp"
#include "core/diagnostics.hpp"
#include "core/source.hpp"
#include "graph/topology.hpp"
#include "io/document.hpp"
#include "model/network.hpp"
#include "sim/criticality.hpp"
#include "sim/random.hpp"

namespace redoubt {

inline constexpr double kNever = std::numeric_limits<double>::infinity();

// One element or link going down in one trial.
struct Outage {
  std::uint32_t target = 0;  // ElementIndex, or LinkIndex when `link`
  bool link = false;
  bool needs_crew = true;  // false: it comes back by itself at `up_hours` (power restored)
  bool replace = false;    // cannot be trusted again: new equipment first (vendor, exploit)
  double down_hours = 0;
  double up_hours = kNever;  // only when !needs_crew
};

// One network as the simulation sees it, built once per run and then only
// read (shared by all threads).
struct SimNetwork {
  const Network* network = nullptr;
  const Topology* topology = nullptr;
  ServiceDemand demand;
  Criticality criticality;
  std::uint64_t seed = 0;  // the run's seed, for deterministic per-run choices (pivots)
};

class Hazard {
 public:
  virtual ~Hazard() = default;
  // A copy bound to `net`; what matches nothing there is said in `notes`.
  [[nodiscard]] virtual std::unique_ptr<Hazard> Bind(const SimNetwork& net,
                                                     std::vector<std::string>& notes) const = 0;
  // Appends this trial's outages, their times shifted by `start_hours`.
  // Precondition: this hazard came from Bind(net, ...).
  virtual void Sample(const SimNetwork& net, Rng& rng, double start_hours,
                      std::vector<Outage>& out) const = 0;
};

// A vendor a hazard names, where the scenario names it: checked against the
// vendor register once the inventories are loaded (CheckHazardVendors).
struct VendorReference {
  std::string vendor;
  Location location;
};

struct HazardReadContext {
  const SourceFile& source;
  Diagnostics& diagnostics;
  std::vector<VendorReference>* vendors = nullptr;  // where readers record the vendors named
};

// Reads the body of one kind (`{vendor: huawei, ...}` for `vendor`); nullptr
// once every problem is reported.
using HazardReader = std::unique_ptr<Hazard> (*)(const Node& body,
                                                 const HazardReadContext& context);

struct HazardKind {
  std::string_view name;
  HazardReader read;
};

// Every registered kind, in the order of hazard_kinds.inc.
[[nodiscard]] std::span<const HazardKind> HazardKinds();

// Reads `{kind: body}` (a map with exactly one registered kind).
[[nodiscard]] std::unique_ptr<Hazard> ReadHazard(const Node& node,
                                                 const HazardReadContext& context);

}  // namespace redoubt
