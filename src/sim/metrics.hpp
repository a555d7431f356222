// Resilience metrics over the trials of a run: the service-level curve per
// sector (mean and 5/50/95% bands), the area lost above it (the "resilience
// triangle" of Bruneau et al., "A framework to quantitatively assess and
// enhance the seismic resilience of communities", Earthquake Spectra 19(4),
// 2003), its minimum, the time to recover to 90, 95 and 100%, and the
// services and regions hurt most — each with a 95% confidence interval.
//
// Definitions (per trial, on the share of weight up, per series):
//   loss_hours      ∫ (1 − level) dt over the horizon, trapezoidal between
//                   checkpoints (level-hours; 24 = a whole day fully down)
//   min_level       the lowest level at any checkpoint
//   recover_X_hours the first checkpoint from which the level stays ≥ X to
//                   the horizon (0 when it never drops below X); a trial
//                   still below X at the horizon is *censored*: its value is
//                   the horizon and `censored` counts it, so the mean is then
//                   a lower bound
// Bands: percentiles with linear interpolation between order statistics
// (Hyndman & Fan type 7). Means: normal-approximation CI, mean ± 1.96·s/√n.
// Shares of trials (how often a service or region is hurt): Wilson score
// interval. All sums run in trial order, so results are deterministic.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/simulation.hpp"

namespace redoubt {

struct Estimate {
  double mean = 0;
  double ci_low = 0;
  double ci_high = 0;
  double p5 = 0;
  double p50 = 0;
  double p95 = 0;
  std::uint32_t censored = 0;
};

struct Band {
  std::vector<double> mean, p5, p50, p95;  // per checkpoint
};

struct SeriesSummary {
  std::string name;  // "all" or the sector
  std::uint32_t services = 0;
  double weight = 0;
  Band weight_level;
  Band service_level;
  Estimate loss_hours, min_level, recover_90_hours, recover_95_hours, recover_100_hours;
};

struct ServiceHurt {
  ServiceIndex service = 0;
  double down_share = 0, down_share_low = 0, down_share_high = 0;
  double mean_down_hours = 0, down_hours_low = 0, down_hours_high = 0;
  std::uint64_t down_trials = 0;
};

struct RegionHurt {
  std::string region;
  double hurt_share = 0, hurt_share_low = 0, hurt_share_high = 0;
  Estimate weight_hours_lost;
  std::uint64_t hurt_trials = 0;
};

struct ResilienceSummary {
  std::vector<SeriesSummary> series;  // "all" first, then sectors
  std::vector<ServiceHurt> services;  // most often down first, top N
  std::vector<RegionHurt> regions;    // most weight-hours lost first
};

// Percentile p in [0, 1] of `values` (reordered), type 7; O(n) by selection.
[[nodiscard]] double Percentile(std::vector<double>& values, double p);
// The same on values already sorted ascending.
[[nodiscard]] double SortedPercentile(const std::vector<double>& values, double p);
// Mean, CI and percentiles of `values` (in trial order).
[[nodiscard]] Estimate Estimate95(std::vector<double> values);
// Wilson score interval of k successes out of n, at 95%.
[[nodiscard]] std::pair<double, double> WilsonInterval(std::uint64_t k, std::uint64_t n);

[[nodiscard]] ResilienceSummary Summarize(const PreparedRun& run, const RunResults& results,
                                          std::size_t top = 20);

}  // namespace redoubt
