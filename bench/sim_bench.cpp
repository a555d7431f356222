// Whole-job timings for bench/sim.sh (not a Google Benchmark: each mode times
// one job end to end and prints one JSON line).
//
//   bench_sim giant EDGELIST TRIALS FRACTION THREADS
//       the peer comparison: per trial, remove a random FRACTION of the nodes
//       of the graph in EDGELIST ("n m" then "a b" lines) and measure the
//       largest component (sim/percolation.hpp, RandomRemovalGiant)
//   bench_sim scenario ELEMENTS SCENARIO TRIALS THREADS
//       a scenario on the synthetic network of ELEMENTS elements
//       (random_network.hpp), prepared and run as `redoubt simulate` does;
//       under mpirun the trials are shared over the ranks as `redoubt
//       simulate` shares them (dist/distributed_trials.hpp), and rank 0
//       prints, with the slowest rank's build and prepare times
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "dist/communicator.hpp"
#include "dist/distributed_trials.hpp"
#include "sim/metrics.hpp"
#include "sim/percolation.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"
#include "random_network.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

int Giant(const std::string& path, std::uint32_t trials, double fraction, unsigned threads) {
  std::ifstream in(path);
  std::uint32_t nodes = 0;
  std::uint64_t edge_count = 0;
  in >> nodes >> edge_count;
  std::vector<redoubt::Edge> edges(edge_count);
  for (redoubt::Edge& edge : edges) in >> edge.a >> edge.b;
  const redoubt::Topology topology = redoubt::Topology::FromEdges(nodes, edges);
  const auto start = Clock::now();
  const std::vector<std::uint32_t> giant =
      redoubt::RandomRemovalGiant(topology, fraction, trials, 1, threads);
  const double seconds = Seconds(start);
  double mean = 0;
  for (std::uint32_t size : giant) mean += size;
  std::cout << fmt::format(
                   R"({{"mode": "giant", "nodes": {}, "edges": {}, "trials": {}, "threads": {}, )"
                   R"("seconds": {:.4f}, "ms_per_trial": {:.4f}, "mean_giant": {:.1f}}})",
                   nodes, edge_count, trials, threads, seconds, 1000 * seconds / trials,
                   mean / static_cast<double>(trials))
            << '\n';
  return 0;
}

int Scenario(std::uint32_t elements, const std::string& path, std::uint32_t trials,
             unsigned threads) {
  auto loaded = redoubt::LoadScenario(path);
  if (!loaded.ok()) {
    for (const auto& diagnostic : loaded.diagnostics().Items())
      std::cerr << diagnostic.Format() << '\n';
    return 2;
  }
  auto start = Clock::now();
  const redoubt::Network network = redoubt::bench::SyntheticNetwork(elements);
  const double build_seconds = Seconds(start);
  start = Clock::now();
  auto run =
      redoubt::PrepareRun(network, loaded.value(), {.seed = loaded.value().seed, .trials = trials});
  const double prepare_seconds = Seconds(start);
  start = Clock::now();
  redoubt::RunControl control;
  control.threads = threads;
  const redoubt::Communicator& world = redoubt::Communicator::World();
  const redoubt::RunResults results = redoubt::RunTrialsAcrossRanks(*run, control, world);
  if (world.Rank() != 0) return 0;
  const redoubt::ResilienceSummary summary = redoubt::Summarize(*run, results);
  const double run_seconds = Seconds(start);
  std::cout
      << fmt::format(
             R"({{"mode": "scenario", "scenario": "{}", "elements": {}, "links": {}, "services": {}, )"
             R"("trials": {}, "ranks": {}, "threads": {}, "build_seconds": {:.2f}, "prepare_seconds": {:.2f}, )"
             R"("run_seconds": {:.2f}, "ms_per_trial": {:.1f}, "peak_rss_mb": {}, )"
             R"("mean_min_level": {:.4f}, "mean_loss_hours": {:.2f}}})",
             loaded.value().id, network.elements.size(), network.links.size(),
             network.services.size(), results.completed, world.Size(), threads, build_seconds, prepare_seconds,
             run_seconds, 1000 * run_seconds / results.completed, PeakRssMb(),
             summary.series[0].min_level.mean, summary.series[0].loss_hours.mean)
      << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 5 && args[0] == "giant") {
    return Giant(args[1], static_cast<std::uint32_t>(std::stoul(args[2])), std::stod(args[3]),
                 static_cast<unsigned>(std::stoul(args[4])));
  }
  if (args.size() == 5 && args[0] == "scenario") {
    return Scenario(static_cast<std::uint32_t>(std::stoul(args[1])), args[2],
                    static_cast<std::uint32_t>(std::stoul(args[3])),
                    static_cast<unsigned>(std::stoul(args[4])));
  }
  std::cerr << "usage: bench_sim giant EDGELIST TRIALS FRACTION THREADS\n"
               "       bench_sim scenario ELEMENTS SCENARIO TRIALS THREADS\n";
  return 2;
}
