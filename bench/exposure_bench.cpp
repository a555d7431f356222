// Full exposure analysis on synthetic national networks of 10^4, 10^5 and
// 10^6 elements (one service per 10 elements), with every hardware thread.
// Counters: network size, bytes held by the topology and the shared
// structures, seconds per phase, and the process's peak resident memory.
#include <sys/resource.h>

#include <map>
#include <thread>

#include <benchmark/benchmark.h>

#include "analysis/exposure.hpp"
#include "analysis/trust.hpp"
#include "synthetic_network.hpp"

namespace {

using redoubt::Network;

const Network& CachedNetwork(std::uint32_t elements) {
  static std::map<std::uint32_t, Network> cache;  // built once per size, outside the timing
  auto found = cache.find(elements);
  if (found == cache.end()) {
    found = cache.emplace(elements, redoubt::bench::BuildSyntheticNetwork(
                                        {.elements = elements, .services = elements / 10, .seed = 1,
                                         .dual_homed_services = 0.2}))
                .first;
  }
  return found->second;
}

double PeakRssMegabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void BM_Exposure(benchmark::State& state) {
  const Network& network = CachedNetwork(static_cast<std::uint32_t>(state.range(0)));
  redoubt::ExposureOptions options;
  options.untrusted = redoubt::UntrustedByRisk(network);
  options.threads = static_cast<unsigned>(state.range(1));
  redoubt::ExposureResult result;
  for (auto _ : state) {
    result = redoubt::AnalyzeExposure(network, options);
    benchmark::DoNotOptimize(result.services.data());
  }
  state.counters["elements"] = static_cast<double>(network.elements.size());
  state.counters["links"] = static_cast<double>(network.links.size());
  state.counters["services"] = static_cast<double>(network.services.size());
  state.counters["topology_MB"] = static_cast<double>(result.stats.topology_bytes) / 1e6;
  state.counters["structures_MB"] = static_cast<double>(result.stats.structure_bytes) / 1e6;
  state.counters["setup_s"] = result.stats.setup_seconds;
  state.counters["scenarios_s"] = result.stats.scenario_seconds;
  state.counters["services_s"] = result.stats.service_seconds;
  state.counters["peak_rss_MB"] = PeakRssMegabytes();
}

const auto kThreads = static_cast<std::int64_t>(std::max(1U, std::thread::hardware_concurrency()));
BENCHMARK(BM_Exposure)
    ->Args({10000, kThreads})
    ->Args({100000, kThreads})
    ->Args({1000000, kThreads})
    ->Args({100000, 1})
    ->Args({1000000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
