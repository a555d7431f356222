#include "graph/topology.hpp"

#include <gtest/gtest.h>

#include "graph/bit_vector.hpp"

namespace redoubt {
namespace {

std::vector<NodeId> Vec(std::span<const NodeId> span) { return {span.begin(), span.end()}; }

TEST(BitVector, SetResetCountAcrossWords) {
  BitVector bits(130);
  EXPECT_EQ(bits.Count(), 0u);
  bits.Set(0);
  bits.Set(64);
  bits.Set(129);
  EXPECT_TRUE(bits.Test(64));
  EXPECT_FALSE(bits.Test(65));
  EXPECT_EQ(bits.Count(), 3u);
  bits.Reset(64);
  EXPECT_EQ(bits.Count(), 2u);
  BitVector all(130, true);
  EXPECT_EQ(all.Count(), 130u);  // the unused tail of the last word stays clear
  all.Fill(false);
  EXPECT_EQ(all.Count(), 0u);
}

TEST(Topology, EmptyGraph) {
  const Topology topology = Topology::FromEdges(0, {});
  EXPECT_EQ(topology.NodeCount(), 0u);
  EXPECT_EQ(topology.EdgeCount(), 0u);
  EXPECT_EQ(topology.ArcCount(), 0u);
}

TEST(Topology, ArcsOrderedByEdgeIndexWithParallelEdgesAndSelfLoops) {
  const std::vector<Edge> edges = {{2, 0}, {0, 1}, {1, 1}, {0, 2}, {3, 0}};
  const Topology topology = Topology::FromEdges(4, edges);
  EXPECT_EQ(topology.EdgeCount(), 5u);
  EXPECT_EQ(topology.ArcCount(), 8u);  // the self-loop gets no arc
  EXPECT_EQ(Vec(topology.Neighbors(0)), (std::vector<NodeId>{2, 1, 2, 3}));
  EXPECT_EQ(Vec(topology.ArcEdges(0)), (std::vector<EdgeId>{0, 1, 3, 4}));
  EXPECT_EQ(Vec(topology.Neighbors(1)), (std::vector<NodeId>{0}));
  EXPECT_TRUE(topology.IsSelfLoop(2));
  EXPECT_EQ(topology.Ends(4).a, 3u);
  EXPECT_EQ(topology.Degree(3), 1u);
}

TEST(Topology, MaskSwitchesArcsOff) {
  const std::vector<Edge> edges = {{0, 1}, {1, 2}};
  const Topology topology = Topology::FromEdges(3, edges);
  BitVector nodes(3, true);
  BitVector links(2, true);
  nodes.Reset(2);
  const Mask node_mask{.nodes = &nodes, .edges = nullptr};
  EXPECT_TRUE(topology.ArcOn(node_mask, 1, 0));   // 1 → 0
  EXPECT_FALSE(topology.ArcOn(node_mask, 1, 1));  // 1 → 2, node 2 off
  links.Reset(0);
  const Mask link_mask{.nodes = nullptr, .edges = &links};
  EXPECT_FALSE(topology.ArcOn(link_mask, 1, 0));
  EXPECT_TRUE(topology.ArcOn(link_mask, 1, 1));
}

}  // namespace
}  // namespace redoubt
