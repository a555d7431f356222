// A synthetic telecom-like Network built in memory, for benchmarks that need
// millions of elements without reading a file: 64 core elements, 5% routers,
// the rest radio; a spanning tree (each element linked to an earlier one in a
// window) plus 0.5·n random links; n/10 sites in 12 regions fed by n/2000
// substations; n/100 services attached to radio elements, needing an AMF, an
// SMF and a UPF. Vendors rotate in blocks of 1,000 elements over six
// suppliers, so Huawei holds one sixth. Deterministic for (n, seed).
#pragma once

#include <cstdint>

#include "model/network.hpp"

namespace redoubt::bench {

[[nodiscard]] Network SyntheticNetwork(std::uint32_t elements, std::uint64_t seed = 1);

}  // namespace redoubt::bench
