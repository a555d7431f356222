// Reads a graph and queries as plain text and prints, as JSON, what the graph
// algorithms compute, for tests/graph/oracle.py to compare with networkx.
//
// Input (stdin), one item per line:
//   nodes N                      node count (first line)
//   edge A B W                   undirected edge with weight W (parallel edges
//                                and self-loops allowed)
//   source S                     BFS and Dijkstra distances from S
//   pair S T                     disjoint paths, count and min vertex cut
//   sets K S1..SK M T1..TM       the same between two sets of nodes
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/block_cut_tree.hpp"
#include "graph/disjoint_paths.hpp"
#include "graph/shortest_paths.hpp"
#include "graph/topology.hpp"
#include "graph/union_find.hpp"

namespace {

using Json = nlohmann::ordered_json;
using redoubt::NodeId;

Json FlowJson(redoubt::DisjointPathSolver& solver, const std::vector<NodeId>& sources,
              const std::vector<NodeId>& targets) {
  const auto result = solver.Solve(sources, targets, {}, {.want_paths = true, .want_cut = true});
  Json entry;
  entry["sources"] = sources;
  entry["targets"] = targets;
  entry["count"] = result.count;
  entry["unbounded"] = result.unbounded;
  entry["paths"] = result.paths;
  entry["cut"] = result.min_cut;
  // The same count through the capped search, which must agree.
  entry["count_capped_at_2"] =
      solver.Solve(sources, targets, {}, {.max_paths = 2}).count;
  return entry;
}

}  // namespace

int main() {
  std::uint32_t node_count = 0;
  std::vector<redoubt::Edge> edges;
  std::vector<double> weights;
  std::vector<NodeId> sources;
  std::vector<std::pair<std::vector<NodeId>, std::vector<NodeId>>> queries;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string word;
    in >> word;
    if (word == "nodes") {
      in >> node_count;
    } else if (word == "edge") {
      redoubt::Edge edge;
      double weight = 1;
      in >> edge.a >> edge.b >> weight;
      edges.push_back(edge);
      weights.push_back(weight);
    } else if (word == "source") {
      NodeId source = 0;
      in >> source;
      sources.push_back(source);
    } else if (word == "pair") {
      NodeId source = 0;
      NodeId target = 0;
      in >> source >> target;
      queries.push_back({{source}, {target}});
    } else if (word == "sets") {
      std::vector<NodeId> from;
      std::vector<NodeId> to;
      std::size_t count = 0;
      in >> count;
      from.resize(count);
      for (NodeId& node : from) in >> node;
      in >> count;
      to.resize(count);
      for (NodeId& node : to) in >> node;
      queries.emplace_back(from, to);
    } else if (!word.empty()) {
      std::cerr << "unknown line: " << line << '\n';
      return 2;
    }
  }
  const auto topology = redoubt::Topology::FromEdges(node_count, edges);
  Json out;
  out["components"] = redoubt::ConnectedComponents(topology).label;
  const auto tree = redoubt::BuildBlockCutTree(topology);
  out["articulation_points"] = tree.cut_nodes;
  Json blocks = Json::array();
  for (std::uint32_t block = 0; block < tree.block_count; ++block) {
    const auto nodes = tree.BlockNodes(block);
    blocks.push_back(std::vector<NodeId>(nodes.begin(), nodes.end()));
  }
  out["blocks"] = blocks;
  Json bfs = Json::array();
  Json dijkstra = Json::array();
  for (NodeId source : sources) {
    const NodeId one[] = {source};
    Json hops = Json::array();
    for (std::uint32_t distance : redoubt::Bfs(topology, one).distance) {
      hops.push_back(distance == redoubt::kUnreachable ? -1 : static_cast<std::int64_t>(distance));
    }
    bfs.push_back(hops);
    Json weighted = Json::array();
    for (double distance : redoubt::Dijkstra(topology, weights, one).distance) {
      weighted.push_back(distance == redoubt::kInfiniteDistance ? -1.0 : distance);
    }
    dijkstra.push_back(weighted);
  }
  out["sources"] = sources;
  out["bfs"] = bfs;
  out["dijkstra"] = dijkstra;
  redoubt::DisjointPathSolver solver(topology);
  Json flows = Json::array();
  for (const auto& [from, to] : queries) flows.push_back(FlowJson(solver, from, to));
  out["flows"] = flows;
  std::cout << out.dump() << '\n';
  return 0;
}
