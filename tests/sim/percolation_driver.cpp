// Reads a graph as plain text and prints, as JSON, Newman–Ziff sweeps for
// tests/sim/percolation_oracle.py to check against networkx.
//
// Input (stdin): "nodes N", then "edge A B" lines, then "sweeps K SEED".
// Output: {"sweeps": [{"order": [...], "giant": [g_0, ..., g_N]}, ...]}.
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "sim/percolation.hpp"

int main() {
  std::string line;
  std::uint32_t nodes = 0;
  std::uint32_t sweeps = 0;
  std::uint64_t seed = 0;
  std::vector<redoubt::Edge> edges;
  while (std::getline(std::cin, line)) {
    std::istringstream words(line);
    std::string tag;
    words >> tag;
    if (tag == "nodes") {
      words >> nodes;
    } else if (tag == "edge") {
      redoubt::Edge edge;
      words >> edge.a >> edge.b;
      edges.push_back(edge);
    } else if (tag == "sweeps") {
      words >> sweeps >> seed;
    }
  }
  const redoubt::Topology topology = redoubt::Topology::FromEdges(nodes, edges);
  nlohmann::json out;
  out["sweeps"] = nlohmann::json::array();
  for (std::uint32_t sweep = 0; sweep < sweeps; ++sweep) {
    redoubt::Rng rng = redoubt::Rng::ForTrial(seed, sweep);
    const auto order = redoubt::RandomOrder(nodes, rng);
    const auto trace = redoubt::NewmanZiffSweep(topology, nullptr, nullptr, {}, order);
    out["sweeps"].push_back({{"order", order}, {"giant", trace.giant}});
  }
  std::cout << out.dump() << '\n';
  return 0;
}
