// Distribution: a duration drawn per repair, per outage or per hazard — fixed,
// exponential, lognormal or empirical — and how scenario files write one.
//
//   repair_hours: 4                                      # fixed
//   repair_hours: {fixed: 4}
//   repair_hours: {exponential: {mean: 6}}
//   repair_hours: {lognormal: {median: 6, sigma: 0.6}}   # sigma of the log
//   repair_hours: {empirical: [2, 3, 3, 8, 24]}          # resampled uniformly
//
// Sample is O(1) and draws from the given generator only (random.hpp), so a
// trial's values are reproducible. Values are in whatever unit the key says.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source.hpp"
#include "io/document.hpp"
#include "sim/random.hpp"

namespace redoubt {

struct Distribution {
  enum class Kind : std::uint8_t { kFixed, kExponential, kLognormal, kEmpirical };
  Kind kind = Kind::kFixed;
  double value = 0;            // fixed value, exponential mean, lognormal median
  double sigma = 0;            // lognormal
  std::vector<double> values;  // empirical

  [[nodiscard]] static Distribution Fixed(double value) { return {Kind::kFixed, value, 0, {}}; }
  [[nodiscard]] double Sample(Rng& rng) const;
  [[nodiscard]] double Mean() const;
};

inline constexpr std::array<std::string_view, 4> kDistributionNames = {"fixed", "exponential",
                                                                       "lognormal", "empirical"};

// Whether `node` is written as a distribution (a number, or a map with one
// key that names a distribution) rather than, say, a table by kind.
[[nodiscard]] bool LooksLikeDistribution(const Node& node);

// Reads a distribution of non-negative values; every problem is reported.
// `what` names the value in messages ("'repair_hours' of recovery").
[[nodiscard]] std::optional<Distribution> ReadDistribution(const Node& node,
                                                           const SourceFile& source,
                                                           Diagnostics& diagnostics,
                                                           std::string_view what);

}  // namespace redoubt
