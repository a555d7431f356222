// Percolation: the service level against the fraction of elements failed at
// random, every fraction in one sweep per random ordering (M. E. J. Newman &
// R. M. Ziff, "Efficient Monte Carlo algorithm and high-precision results for
// percolation", Phys. Rev. Lett. 85, 4104, 2000).
//
//   PercolationResult curve = RunPercolation(network, {.orderings = 200, .seed = 1});
//   curve.weight_level.p50[point];    // median share of weight up at curve.fraction_failed[point]
//
// Site percolation: the elements are added one by one in a random order to
// an empty network, merging components with a union-find; after k additions
// the present elements are a uniform random k-subset, i.e. the n − k others
// have failed. Each component keeps the set of functions it offers and the
// services attached in it that are not yet up; a service comes up, for good,
// the moment its component offers every function it needs (adding elements
// never takes a service down), and a component's pending services are looked
// at again only when its function set grows. Per ordering:
// O((n + m) α(n) + E·F) time for E (service, attachment) pairs and F
// functions, O(n + m) memory per thread. Orderings come from
// Rng::ForTrial(seed, ordering), so results do not depend on the thread count.
#pragma once

#include <atomic>
#include <cstdint>
#include <span>
#include <vector>

#include "analysis/service_demand.hpp"
#include "graph/topology.hpp"
#include "model/network.hpp"
#include "sim/metrics.hpp"
#include "sim/random.hpp"

namespace redoubt {

struct PercolationOptions {
  std::uint32_t orderings = 100;
  std::uint64_t seed = 1;
  std::uint32_t points = 101;  // fractions failed 0, 1/(points−1), …, 1
  unsigned threads = 0;        // 0: all cores
  const std::atomic<bool>* stop = nullptr;
};

struct PercolationResult {
  std::vector<double> fraction_failed;  // per point
  Band giant_share;                     // largest component / elements
  Band weight_level;   // share of the weight of the services up in the intact network
  Band service_level;  // share of those services
  std::uint32_t completed = 0;
  bool partial = false;
};

[[nodiscard]] PercolationResult RunPercolation(const Network& network,
                                               const PercolationOptions& options);

// One sweep: elements present after k additions, for k = 0..n: the giant
// component's size, and the weight and number of `followed` services up.
struct SweepTrace {
  std::vector<std::uint32_t> giant;
  std::vector<double> weight_up;
  std::vector<std::uint32_t> services_up;
};
// `network` may be null (no services: only the giant component is traced).
[[nodiscard]] SweepTrace NewmanZiffSweep(const Topology& topology, const Network* network,
                                         const ServiceDemand* demand,
                                         std::span<const ServiceIndex> followed,
                                         std::span<const NodeId> order);

// A uniformly random permutation of 0..n−1 (Fisher–Yates).
[[nodiscard]] std::vector<NodeId> RandomOrder(std::uint32_t n, Rng& rng);

// The peer benchmark's job: per trial, remove round(fraction · n) nodes
// chosen uniformly at random and measure the largest component of the rest.
// Trial t draws from Rng::ForTrial(seed, t); O(n + m α(n)) per trial.
[[nodiscard]] std::vector<std::uint32_t> RandomRemovalGiant(const Topology& topology,
                                                            double fraction, std::uint32_t trials,
                                                            std::uint64_t seed, unsigned threads);

}  // namespace redoubt
