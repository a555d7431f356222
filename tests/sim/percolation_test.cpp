// Newman–Ziff percolation against brute force: after every addition of an
// ordering, the giant component and the services up must equal what
// ConnectedComponents and ServicesUp find on the network of the elements
// present. (tests/sim/percolation_oracle.py checks the giant component
// against networkx on the Topology Zoo.)
#include "sim/percolation.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "graph/network_topology.hpp"
#include "graph/union_find.hpp"
#include "io/inventory_reader.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

Network Sample() {
  InventoryOptions options;
  options.warnings = false;
  auto loaded = LoadInventories(
      std::vector<std::string>{testing::SourcePath("data/samples/sample-gb.yaml")}, options);
  EXPECT_TRUE(loaded.ok());
  return std::move(loaded).value().front();
}

TEST(Percolation, SweepMatchesBruteForceAtEveryStep) {
  const Network network = Sample();
  const NetworkTopology topology = BuildNetworkTopology(network);
  const ServiceDemand demand = BuildServiceDemand(network);
  std::vector<ServiceIndex> followed;
  for (ServiceIndex service = 0; service < network.services.size(); ++service)
    followed.push_back(service);
  const auto n = static_cast<std::uint32_t>(network.elements.size());
  for (std::uint32_t ordering = 0; ordering < 4; ++ordering) {
    Rng rng = Rng::ForTrial(77, ordering);
    const std::vector<NodeId> order = RandomOrder(n, rng);
    const SweepTrace trace = NewmanZiffSweep(topology.topology, &network, &demand, followed, order);
    BitVector present(n, false);
    for (std::uint32_t k = 0; k <= n; ++k) {
      if (k > 0) present.Set(order[k - 1]);
      const Components components = ConnectedComponents(topology.topology, {.nodes = &present});
      std::vector<std::uint32_t> sizes(components.count, 0);
      for (std::uint32_t label : components.label) {
        if (label != kNoNode) ++sizes[label];
      }
      const std::uint32_t giant = sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
      ASSERT_EQ(trace.giant[k], giant) << "ordering " << ordering << " k " << k;
      const BitVector up = ServicesUp(network, topology.topology, demand, {.nodes = &present});
      double weight = 0;
      for (ServiceIndex service = 0; service < network.services.size(); ++service) {
        if (up.Test(service)) weight += network.services[service].weight;
      }
      ASSERT_EQ(trace.services_up[k], up.Count()) << "ordering " << ordering << " k " << k;
      ASSERT_DOUBLE_EQ(trace.weight_up[k], weight);
    }
  }
}

TEST(Percolation, CurveRunsFromFullToNothing) {
  const Network network = Sample();
  const PercolationResult result =
      RunPercolation(network, {.orderings = 20, .seed = 1, .points = 11, .threads = 2});
  ASSERT_EQ(result.fraction_failed.size(), 11U);
  EXPECT_EQ(result.completed, 20U);
  EXPECT_DOUBLE_EQ(result.weight_level.mean.front(), 1.0);
  EXPECT_DOUBLE_EQ(result.giant_share.mean.front(), 1.0);
  EXPECT_DOUBLE_EQ(result.weight_level.mean.back(), 0.0);
  EXPECT_DOUBLE_EQ(result.giant_share.mean.back(), 0.0);
  for (std::size_t point = 1; point < 11; ++point) {
    EXPECT_LE(result.giant_share.p50[point], result.giant_share.p50[point - 1] + 1e-12);
  }
  const PercolationResult again =
      RunPercolation(network, {.orderings = 20, .seed = 1, .points = 11, .threads = 1});
  EXPECT_EQ(again.weight_level.mean, result.weight_level.mean);
  EXPECT_EQ(again.giant_share.p5, result.giant_share.p5);
}

TEST(Percolation, RandomRemovalOfACompleteGraph) {
  // K_20 minus any 5 nodes is K_15: the giant is always 15.
  std::vector<Edge> edges;
  for (NodeId a = 0; a < 20; ++a) {
    for (NodeId b = a + 1; b < 20; ++b) edges.push_back({a, b});
  }
  const Topology topology = Topology::FromEdges(20, edges);
  const std::vector<std::uint32_t> giant = RandomRemovalGiant(topology, 0.25, 50, 3, 2);
  ASSERT_EQ(giant.size(), 50U);
  for (std::uint32_t size : giant) EXPECT_EQ(size, 15U);
  EXPECT_EQ(RandomRemovalGiant(topology, 1.0, 3, 3, 1), (std::vector<std::uint32_t>{0, 0, 0}));
}

TEST(Percolation, RandomRemovalIsTheSameOnAnyThreadCount) {
  std::vector<Edge> edges;
  Rng rng = Rng::ForTrial(5, 0);
  for (NodeId node = 1; node < 2000; ++node)
    edges.push_back({node, static_cast<NodeId>(rng.Index(node))});
  const Topology topology = Topology::FromEdges(2000, edges);
  const auto one = RandomRemovalGiant(topology, 0.1, 40, 8, 1);
  EXPECT_EQ(RandomRemovalGiant(topology, 0.1, 40, 8, 3), one);
  for (std::uint32_t size : one) EXPECT_LE(size, 1800U);
}

}  // namespace
}  // namespace redoubt
