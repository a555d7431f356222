// Great-circle distance between two points (haversine formula, mean Earth
// radius 6371.0088 km, IUGG). Accurate to about 0.5% (the Earth is not a
// sphere), which is plenty for disaster radii and crew travel.
#pragma once

#include <algorithm>
#include <cmath>
#include <numbers>

namespace redoubt {

[[nodiscard]] inline double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadians = std::numbers::pi / 180.0;
  const double dlat = (lat2 - lat1) * kRadians;
  const double dlon = (lon2 - lon1) * kRadians;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) * std::sin(dlon / 2) *
                       std::sin(dlon / 2);
  return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace redoubt
