// Small graphs whose answers are known by hand; the networkx oracle
// (oracle.py) covers the 276 real graphs.
#include <gtest/gtest.h>

#include "graph/block_cut_tree.hpp"
#include "graph/disjoint_paths.hpp"
#include "graph/shortest_paths.hpp"
#include "graph/union_find.hpp"

namespace redoubt {
namespace {

// 0-1-2-0 triangle, 2-3 bridge, 3-4-5-3 triangle, 6 isolated, 7-8 with two
// parallel edges.
Topology Bowtie() {
  static const std::vector<Edge> edges = {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4},
                                          {4, 5}, {5, 3}, {7, 8}, {8, 7}};
  return Topology::FromEdges(9, edges);
}

TEST(UnionFind, UnitesBySizeAndCountsSets) {
  UnionFind sets(5);
  EXPECT_EQ(sets.SetCount(), 5u);
  EXPECT_TRUE(sets.Unite(0, 1));
  EXPECT_TRUE(sets.Unite(2, 1));
  EXPECT_FALSE(sets.Unite(0, 2));
  EXPECT_TRUE(sets.Same(0, 2));
  EXPECT_FALSE(sets.Same(0, 3));
  EXPECT_EQ(sets.SetSize(2), 3u);
  EXPECT_EQ(sets.SetCount(), 3u);
}

TEST(Components, LabelsInOrderOfSmallestNodeAndRespectMask) {
  const Topology topology = Bowtie();
  const Components all = ConnectedComponents(topology);
  EXPECT_EQ(all.count, 3u);
  EXPECT_EQ(all.label, (std::vector<std::uint32_t>{0, 0, 0, 0, 0, 0, 1, 2, 2}));
  BitVector on(9, true);
  on.Reset(2);
  const Components cut = ConnectedComponents(topology, {.nodes = &on, .edges = nullptr});
  EXPECT_EQ(cut.count, 4u);
  EXPECT_EQ(cut.label, (std::vector<std::uint32_t>{0, 0, kNoNode, 1, 1, 1, 2, 3, 3}));
}

TEST(Bfs, MultiSourceHopsAndParents) {
  const Topology topology = Bowtie();
  const NodeId sources[] = {5, 0, 0};
  const BfsTree tree = Bfs(topology, sources);
  EXPECT_EQ(tree.distance, (std::vector<std::uint32_t>{0, 1, 1, 1, 1, 0, kUnreachable,
                                                       kUnreachable, kUnreachable}));
  EXPECT_EQ(tree.parent[3], 5u);
  EXPECT_EQ(tree.parent[0], kNoNode);
}

TEST(Dijkstra, WeightedPathsAndDeterministicTies) {
  // 0-1 (1), 1-3 (1), 0-2 (1), 2-3 (1): two equal paths to 3; 0-3 (5).
  const std::vector<Edge> edges = {{0, 1}, {1, 3}, {0, 2}, {2, 3}, {0, 3}};
  const Topology topology = Topology::FromEdges(5, edges);
  const std::vector<double> weights = {1, 1, 1, 1, 5};
  const NodeId source[] = {0};
  const ShortestPathForest forest = Dijkstra(topology, weights, source);
  EXPECT_EQ(forest.distance[3], 2.0);
  EXPECT_EQ(forest.distance[4], kInfiniteDistance);
  EXPECT_EQ(PathToSource(forest, 3), (std::vector<NodeId>{3, 1, 0}));  // via the lower node
  EXPECT_TRUE(PathToSource(forest, 4).empty());
  BitVector links(5, true);
  links.Reset(1);
  links.Reset(3);
  const auto detour = Dijkstra(topology, weights, source, {.nodes = nullptr, .edges = &links});
  EXPECT_EQ(detour.distance[3], 5.0);
}

TEST(BlockCutTree, BowtieHasTwoCutVerticesAndFiveBlocks) {
  const Topology topology = Bowtie();
  const BlockCutTree tree = BuildBlockCutTree(topology);
  EXPECT_EQ(tree.cut_nodes, (std::vector<NodeId>{2, 3}));
  ASSERT_EQ(tree.block_count, 5u);  // two triangles, the bridge, the parallel pair, node 6
  std::vector<std::vector<NodeId>> blocks;
  for (std::uint32_t block = 0; block < tree.block_count; ++block) {
    const auto nodes = tree.BlockNodes(block);
    blocks.emplace_back(nodes.begin(), nodes.end());
  }
  std::sort(blocks.begin(), blocks.end());
  EXPECT_EQ(blocks, (std::vector<std::vector<NodeId>>{{0, 1, 2}, {2, 3}, {3, 4, 5}, {6}, {7, 8}}));
  // Forest: the bridge block touches both cut vertices.
  const std::uint32_t bridge = tree.edge_block[3];
  EXPECT_EQ(tree.TreeNeighbors(bridge).size(), 2u);
  EXPECT_TRUE(tree.IsCutTreeNode(tree.TreeNodeOf(2)));
  EXPECT_EQ(tree.CutVertex(tree.TreeNodeOf(3)), 3u);
  EXPECT_EQ(tree.TreeNodeOf(0), tree.edge_block[0]);
  EXPECT_EQ(tree.edge_block[7], tree.edge_block[8]);
}

TEST(BlockCutTree, LongPathDoesNotOverflowTheStack) {
  const std::uint32_t count = 200000;
  std::vector<Edge> edges;
  for (NodeId node = 0; node + 1 < count; ++node) edges.push_back({node, node + 1});
  const BlockCutTree tree = BuildBlockCutTree(Topology::FromEdges(count, edges));
  EXPECT_EQ(tree.cut_nodes.size(), count - 2);
  EXPECT_EQ(tree.block_count, count - 1);
}

TEST(BlockCutTree, MaskedNodesHaveNoTreeNode) {
  const Topology topology = Bowtie();
  BitVector on(9, true);
  on.Reset(3);
  const BlockCutTree tree = BuildBlockCutTree(topology, {.nodes = &on, .edges = nullptr});
  EXPECT_EQ(tree.cut_nodes, (std::vector<NodeId>{}));  // 2 no longer separates anything
  EXPECT_EQ(tree.TreeNodeOf(3), kNoNode);
  EXPECT_EQ(tree.edge_block[3], kNoNode);
}

// Two disjoint routes 0-1-3 and 0-2-3, plus 0-4-1 that shares node 1.
Topology Diamond() {
  static const std::vector<Edge> edges = {{0, 1}, {1, 3}, {0, 2}, {2, 3}, {0, 4}, {4, 1}};
  return Topology::FromEdges(6, edges);
}

TEST(DisjointPaths, CountsPathsAndFindsAMinimumCut) {
  const Topology topology = Diamond();
  DisjointPathSolver solver(topology);
  const NodeId source[] = {0};
  const NodeId target[] = {3};
  const DisjointPaths result =
      solver.Solve(source, target, {}, {.max_paths = UINT32_MAX, .want_paths = true, .want_cut = true});
  EXPECT_EQ(result.count, 2u);
  EXPECT_FALSE(result.capped);
  EXPECT_EQ(result.min_cut, (std::vector<NodeId>{1, 2}));
  EXPECT_EQ(result.paths, (std::vector<std::vector<NodeId>>{{0, 1, 3}, {0, 2, 3}}));
  // The solver is reusable: the same query again gives the same answer.
  EXPECT_EQ(solver.Solve(source, target).count, 2u);
}

TEST(DisjointPaths, CapStopsEarlyAndMaskRemovesRoutes) {
  const Topology topology = Diamond();
  DisjointPathSolver solver(topology);
  const NodeId source[] = {0};
  const NodeId target[] = {3};
  const auto capped = solver.Solve(source, target, {}, {.max_paths = 1});
  EXPECT_EQ(capped.count, 1u);
  EXPECT_TRUE(capped.capped);
  BitVector on(6, true);
  on.Reset(2);
  const auto masked = solver.Solve(source, target, {.nodes = &on, .edges = nullptr},
                                   {.max_paths = UINT32_MAX, .want_paths = false, .want_cut = true});
  EXPECT_EQ(masked.count, 1u);
  EXPECT_EQ(masked.min_cut, (std::vector<NodeId>{1}));
  const NodeId isolated[] = {5};
  EXPECT_EQ(solver.Solve(source, isolated).count, 0u);
  EXPECT_EQ(solver.Solve({}, target).count, 0u);
}

TEST(DisjointPaths, AdjacentOrSharedEndsAreUnbounded) {
  const Topology topology = Diamond();
  DisjointPathSolver solver(topology);
  const NodeId source[] = {0};
  const NodeId adjacent[] = {1};
  const auto result = solver.Solve(source, adjacent, {}, {.max_paths = 4});
  EXPECT_TRUE(result.unbounded);
  EXPECT_EQ(result.count, 4u);
  const NodeId both[] = {0, 3};
  EXPECT_TRUE(solver.Solve(both, source).unbounded);
}

TEST(DisjointPaths, SetsAreMergedAndFilterRestrictsEdges) {
  // Sources 0 and 5 each reach target 3 through their own middle node.
  const std::vector<Edge> edges = {{0, 1}, {1, 3}, {5, 2}, {2, 3}, {0, 2}};
  const Topology topology = Topology::FromEdges(6, edges);
  DisjointPathSolver solver(topology);
  const NodeId sources[] = {5, 0};
  const NodeId target[] = {3};
  EXPECT_EQ(solver.Solve(sources, target).count, 2u);
  DisjointPathOptions options;
  options.edge_filter = [](EdgeId edge) { return edge != 1; };
  EXPECT_EQ(solver.Solve(sources, target, {}, options).count, 1u);
}

TEST(DisjointPaths, AugmentingPathThatCancelsFlow) {
  // The first BFS path 0-1-2-5 blocks both disjoint routes; the second
  // augmentation must undo part of it: answer 2 (0-1-3-5 and 0-4-2-5).
  const std::vector<Edge> edges = {{0, 1}, {1, 2}, {2, 5}, {1, 3}, {3, 5}, {0, 4}, {4, 2}};
  const Topology topology = Topology::FromEdges(6, edges);
  DisjointPathSolver solver(topology);
  const NodeId source[] = {0};
  const NodeId target[] = {5};
  const auto result = solver.Solve(source, target, {}, {.max_paths = UINT32_MAX, .want_paths = true, .want_cut = true});
  EXPECT_EQ(result.count, 2u);
  EXPECT_EQ(result.paths, (std::vector<std::vector<NodeId>>{{0, 1, 3, 5}, {0, 4, 2, 5}}));
  EXPECT_EQ(result.min_cut.size(), 2u);
}

}  // namespace
}  // namespace redoubt
