// What the services of a network ask of it, in graph terms: the distinct core
// functions some service needs, every instance of each, and each service's
// needs as positions in that list. Shared by the routing, sabotage and
// single-point analyses so that they agree on what "up" means.
//
// A service is *up* (DESIGN.md, "The model") when one of its attachment
// elements is up and, inside the graph of elements that are up, reaches an
// up instance of every function it needs — the same attachment for all of
// them. A service that needs nothing is up when an attachment is.
//
// O(elements + Σ needs) to build; deterministic (functions ascending by kind).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/bit_vector.hpp"
#include "graph/topology.hpp"
#include "graph/union_find.hpp"
#include "model/network.hpp"

namespace redoubt {

struct ServiceDemand {
  std::vector<KindId> functions;                // distinct kinds needed, ascending
  std::vector<std::vector<NodeId>> instances;   // per function: its elements, ascending
  std::vector<BitVector> is_instance;           // per function: over elements
  std::vector<std::uint32_t> need_offsets{0};   // per service, CSR into need_functions
  std::vector<std::uint32_t> need_functions;    // positions in `functions`, in needs order

  [[nodiscard]] std::span<const std::uint32_t> Needs(ServiceIndex service) const {
    return {need_functions.data() + need_offsets[service],
            need_offsets[service + 1] - need_offsets[service]};
  }
};

[[nodiscard]] ServiceDemand BuildServiceDemand(const Network& network);

// Which services are up when the elements and links off under `mask` are
// lost: one connected-components pass, then O(Σ attachments × needs).
// O((n + m) α(n) + services) time; the result has one bit per service.
[[nodiscard]] BitVector ServicesUp(const Network& network, const Topology& topology,
                                   const ServiceDemand& demand, const Mask& mask = {});

}  // namespace redoubt
