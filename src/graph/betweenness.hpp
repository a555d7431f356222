// Betweenness centrality of the nodes of a Topology (hop distances), by
// Brandes' algorithm (U. Brandes, "A faster algorithm for betweenness
// centrality", J. Math. Sociology 25(2), 2001): one BFS per source with
// path counting, then dependencies accumulated in reverse BFS order.
//
//   std::vector<double> score = Betweenness(topology, {});           // exact
//   std::vector<double> rough = Betweenness(topology, {.pivots = 256, .seed = 7});
//
// Exact: O(n·m) time, O(n + m) memory. With `pivots` = k < n the sources
// are k nodes drawn without replacement by a generator seeded with `seed`
// and the sums are scaled by n/k (Brandes & Pich, "Centrality estimation in
// large networks", 2007), O(k·m) time. Undirected: each pair is counted
// once (the sums over ordered pairs are halved), endpoints excluded, no
// normalisation — the same as networkx.betweenness_centrality(normalized=False).
// Deterministic for a given topology, mask, pivots and seed.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/topology.hpp"

namespace redoubt {

struct BetweennessOptions {
  std::uint32_t pivots = 0;  // 0 or ≥ n: exact
  std::uint64_t seed = 0;    // chooses the pivots
};

[[nodiscard]] std::vector<double> Betweenness(const Topology& topology,
                                              const BetweennessOptions& options,
                                              const Mask& mask = {});

}  // namespace redoubt
