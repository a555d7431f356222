// A deterministic synthetic operator network shaped like a national mobile
// network, for benchmarks: core data centres (routers, switches, AMF/SMF/UPF,
// management), aggregation rings dual-homed to two data centres, trees of
// pre-aggregation routers and cell sites under each ring node (some cells
// split RU/DU/CU, some behind a microwave hop, some dual-homed), a RAN and a
// transport vendor per region (some high-risk), and services attached to one
// cell or, for a share of them, to two cells in different trees.
//
//   Network network = BuildSyntheticNetwork({.elements = 100000, .services = 10000});
//
// The element count is approximate (whole rings). Same spec → same network.
#pragma once

#include <cstdint>

#include "model/network.hpp"

namespace redoubt::bench {

struct SyntheticSpec {
  std::uint32_t elements = 10000;
  std::uint32_t services = 1000;
  std::uint32_t seed = 1;
  double dual_homed_services = 0.2;  // share of services with two attachments
};

[[nodiscard]] Network BuildSyntheticNetwork(const SyntheticSpec& spec);

}  // namespace redoubt::bench
