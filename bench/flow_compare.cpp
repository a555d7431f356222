// flow_compare INVENTORY QUERIES_OUT PAIRS SERVICES — times node-disjoint path
// counts on an inventory's graph and writes the same queries for
// flow_compare.py to time with networkx's node_connectivity:
//   - PAIRS single pairs (a service's first attachment, an AMF), uncapped;
//   - the first SERVICES services: from all their attachments to all AMFs,
//     uncapped (networkx: sources and targets merged into one node each).
// Prints the counts and seconds as JSON on stdout.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "graph/disjoint_paths.hpp"
#include "graph/network_topology.hpp"
#include "io/inventory_reader.hpp"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: flow_compare INVENTORY QUERIES_OUT PAIRS SERVICES\n";
    return 2;
  }
  const std::string path = argv[1];
  auto loaded = redoubt::LoadInventories(std::span<const std::string>(&path, 1));
  if (!loaded.ok()) {
    std::cerr << "cannot load " << path << '\n';
    return 2;
  }
  const redoubt::Network& network = loaded.value().front();
  const auto net = redoubt::BuildNetworkTopology(network);
  const auto amf = *redoubt::FindBuiltinKind("amf");
  std::vector<redoubt::NodeId> instances;
  for (redoubt::ElementIndex element = 0; element < network.elements.size(); ++element) {
    if (network.elements[element].kind == amf) instances.push_back(element);
  }
  const auto pair_count = std::min<std::size_t>(std::strtoul(argv[3], nullptr, 10), network.services.size());
  const auto set_count = std::min<std::size_t>(std::strtoul(argv[4], nullptr, 10), network.services.size());

  std::ofstream queries(argv[2]);
  queries << "nodes " << network.elements.size() << '\n';
  for (const redoubt::Link& link : network.links) queries << "edge " << link.a << ' ' << link.b << " 1\n";
  std::vector<std::pair<redoubt::NodeId, redoubt::NodeId>> pairs;
  for (std::size_t index = 0; index < pair_count; ++index) {
    pairs.emplace_back(network.services[index].attach.front(), instances[index % instances.size()]);
    queries << "pair " << pairs.back().first << ' ' << pairs.back().second << '\n';
  }
  for (std::size_t index = 0; index < set_count; ++index) {
    const auto& attach = network.services[index].attach;
    queries << "sets " << attach.size() << ' ' << fmt::format("{}", fmt::join(attach, " ")) << ' '
            << instances.size() << ' ' << fmt::format("{}", fmt::join(instances, " ")) << '\n';
  }

  redoubt::DisjointPathSolver solver(net.topology);
  using Clock = std::chrono::steady_clock;
  nlohmann::json out;
  auto start = Clock::now();
  std::vector<std::uint32_t> pair_counts;
  for (const auto& [source, target] : pairs) {
    const redoubt::NodeId from[] = {source};
    const redoubt::NodeId to[] = {target};
    pair_counts.push_back(solver.Solve(from, to).count);
  }
  out["pair_seconds"] = std::chrono::duration<double>(Clock::now() - start).count();
  start = Clock::now();
  std::vector<std::uint32_t> set_counts;
  for (std::size_t index = 0; index < set_count; ++index) {
    set_counts.push_back(solver.Solve(network.services[index].attach, instances).count);
  }
  out["set_seconds"] = std::chrono::duration<double>(Clock::now() - start).count();
  out["pairs"] = pair_counts;
  out["sets"] = set_counts;
  std::cout << out.dump() << '\n';
  return 0;
}
