#include "sim/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace redoubt {

namespace {

constexpr double kZ95 = 1.959963984540054;
constexpr double kFull = 1.0 - 1e-12;

double RecoverTime(const std::vector<double>& level, std::size_t offset, std::uint32_t count,
                   const CheckpointGrid& grid, double target, bool& censored) {
  censored = level[offset + count - 1] < target;
  if (censored) return grid.horizon_hours;
  std::uint32_t checkpoint = count;
  while (checkpoint > 0 && level[offset + checkpoint - 1] >= target) --checkpoint;
  return grid.At(checkpoint);
}

Band MakeBand(const std::vector<TrialOutcome>& trials, bool weight, std::size_t offset,
              std::uint32_t count) {
  Band band;
  std::vector<double> column(trials.size());
  for (std::uint32_t checkpoint = 0; checkpoint < count; ++checkpoint) {
    double sum = 0;
    for (std::size_t trial = 0; trial < trials.size(); ++trial) {
      const auto& values = weight ? trials[trial].weight_share : trials[trial].service_share;
      column[trial] = values[offset + checkpoint];
      sum += column[trial];
    }
    band.mean.push_back(trials.empty() ? 1.0 : sum / static_cast<double>(trials.size()));
    band.p5.push_back(Percentile(column, 0.05));
    band.p50.push_back(Percentile(column, 0.50));
    band.p95.push_back(Percentile(column, 0.95));
  }
  return band;
}

}  // namespace

double Percentile(std::vector<double>& values, double p) {
  if (values.empty()) return 1.0;
  // Selection, not a sort: O(n). The order statistic below the position,
  // then the smallest value above it.
  const double position = p * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(below),
                   values.end());
  const double low = values[below];
  if (below + 1 >= values.size()) return low;
  const double high =
      *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(below) + 1, values.end());
  return low + (high - low) * (position - static_cast<double>(below));
}

double SortedPercentile(const std::vector<double>& values, double p) {
  if (values.empty()) return 1.0;
  const double position = p * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  return values[below] + (values[above] - values[below]) * (position - static_cast<double>(below));
}

Estimate Estimate95(std::vector<double> values) {
  Estimate estimate;
  if (values.empty()) return estimate;
  const double n = static_cast<double>(values.size());
  double sum = 0;
  for (double value : values) sum += value;
  estimate.mean = sum / n;
  double squares = 0;
  for (double value : values) squares += (value - estimate.mean) * (value - estimate.mean);
  const double half = values.size() > 1 ? kZ95 * std::sqrt(squares / (n - 1) / n) : 0.0;
  estimate.ci_low = estimate.mean - half;
  estimate.ci_high = estimate.mean + half;
  estimate.p5 = Percentile(values, 0.05);
  estimate.p50 = Percentile(values, 0.50);
  estimate.p95 = Percentile(values, 0.95);
  return estimate;
}

std::pair<double, double> WilsonInterval(std::uint64_t k, std::uint64_t n) {
  if (n == 0) return {0.0, 1.0};
  const double trials = static_cast<double>(n);
  const double p = static_cast<double>(k) / trials;
  const double z2 = kZ95 * kZ95;
  const double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const double half =
      kZ95 * std::sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / (1 + z2 / trials);
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

ResilienceSummary Summarize(const PreparedRun& run, const RunResults& results, std::size_t top) {
  ResilienceSummary summary;
  const std::uint32_t count = run.grid.count;
  const std::vector<TrialOutcome>& trials = results.trials;
  const double step = run.grid.horizon_hours / (count - 1);
  for (std::size_t index = 0; index < run.series.SeriesCount(); ++index) {
    SeriesSummary series;
    series.name = index == 0 ? "all" : std::string(Name(run.series.sector_of_series[index - 1]));
    series.services = run.series.count_total[index];
    series.weight = run.series.weight_total[index];
    const std::size_t offset = index * count;
    series.weight_level = MakeBand(trials, true, offset, count);
    series.service_level = MakeBand(trials, false, offset, count);
    std::vector<double> loss, minimum, r90, r95, r100;
    std::uint32_t c90 = 0, c95 = 0, c100 = 0;
    for (const TrialOutcome& trial : trials) {
      const std::vector<double>& level = trial.weight_share;
      double area = 0;
      double low = 1.0;
      for (std::uint32_t checkpoint = 0; checkpoint < count; ++checkpoint) {
        low = std::min(low, level[offset + checkpoint]);
        if (checkpoint > 0) {
          area += step * (2.0 - level[offset + checkpoint - 1] - level[offset + checkpoint]) / 2.0;
        }
      }
      loss.push_back(area);
      minimum.push_back(low);
      bool censored = false;
      r90.push_back(RecoverTime(level, offset, count, run.grid, 0.9, censored));
      c90 += censored ? 1 : 0;
      r95.push_back(RecoverTime(level, offset, count, run.grid, 0.95, censored));
      c95 += censored ? 1 : 0;
      r100.push_back(RecoverTime(level, offset, count, run.grid, kFull, censored));
      c100 += censored ? 1 : 0;
    }
    series.loss_hours = Estimate95(std::move(loss));
    series.min_level = Estimate95(std::move(minimum));
    series.recover_90_hours = Estimate95(std::move(r90));
    series.recover_90_hours.censored = c90;
    series.recover_95_hours = Estimate95(std::move(r95));
    series.recover_95_hours.censored = c95;
    series.recover_100_hours = Estimate95(std::move(r100));
    series.recover_100_hours.censored = c100;
    summary.series.push_back(std::move(series));
  }

  const std::uint64_t n = results.completed;
  for (std::size_t followed = 0; followed < run.series.services.size(); ++followed) {
    if (results.down_trials[followed] == 0) continue;
    ServiceHurt hurt;
    hurt.service = run.series.services[followed];
    hurt.down_trials = results.down_trials[followed];
    hurt.down_share = static_cast<double>(hurt.down_trials) / static_cast<double>(n);
    std::tie(hurt.down_share_low, hurt.down_share_high) = WilsonInterval(hurt.down_trials, n);
    const double mean =
        static_cast<double>(results.down_checkpoints[followed]) / static_cast<double>(n);
    const double mean_sq =
        static_cast<double>(results.down_checkpoints_sq[followed]) / static_cast<double>(n);
    const double variance = n > 1 ? std::max(0.0, (mean_sq - mean * mean) * static_cast<double>(n) /
                                                      static_cast<double>(n - 1))
                                  : 0.0;
    const double half = kZ95 * std::sqrt(variance / static_cast<double>(n));
    hurt.mean_down_hours = mean * step;
    hurt.down_hours_low = std::max(0.0, mean - half) * step;
    hurt.down_hours_high = (mean + half) * step;
    summary.services.push_back(hurt);
  }
  std::stable_sort(summary.services.begin(), summary.services.end(),
                   [](const ServiceHurt& a, const ServiceHurt& b) {
                     if (a.down_trials != b.down_trials) return a.down_trials > b.down_trials;
                     return a.mean_down_hours > b.mean_down_hours;
                   });
  if (summary.services.size() > top) summary.services.resize(top);

  for (std::size_t region = 0; region < run.regions.size(); ++region) {
    if (results.region_hurt_trials[region] == 0) continue;
    RegionHurt hurt;
    hurt.region = run.regions[region];
    hurt.hurt_trials = results.region_hurt_trials[region];
    hurt.hurt_share = static_cast<double>(hurt.hurt_trials) / static_cast<double>(n);
    std::tie(hurt.hurt_share_low, hurt.hurt_share_high) = WilsonInterval(hurt.hurt_trials, n);
    std::vector<double> lost;
    lost.reserve(trials.size());
    for (const TrialOutcome& trial : trials) lost.push_back(trial.region_loss[region]);
    hurt.weight_hours_lost = Estimate95(std::move(lost));
    summary.regions.push_back(std::move(hurt));
  }
  std::stable_sort(summary.regions.begin(), summary.regions.end(),
                   [](const RegionHurt& a, const RegionHurt& b) {
                     return a.weight_hours_lost.mean > b.weight_hours_lost.mean;
                   });
  if (summary.regions.size() > top) summary.regions.resize(top);
  return summary;
}

}  // namespace redoubt
