#include "gen/geo.hpp"

#include <algorithm>
#include <cmath>

#include "core/geo.hpp"

namespace redoubt::gen {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kKmPerDegree = 111.195;  // 2πR / 360
double Radians(double degrees) { return degrees * kPi / 180.0; }
}  // namespace

double DistanceKm(LatLon a, LatLon b) { return HaversineKm(a.lat, a.lon, b.lat, b.lon); }

double RoundCoordinate(double degrees) { return std::round(degrees * 1e5) / 1e5; }

std::uint64_t HilbertIndex(LatLon point, LatLon south_west, LatLon north_east) {
  constexpr std::uint32_t kSide = 1u << 16;
  auto scale = [](double value, double low, double high) {
    const double t = high > low ? (value - low) / (high - low) : 0.0;
    const double clamped = std::clamp(t, 0.0, 1.0 - 1e-12);
    return static_cast<std::uint32_t>(clamped * kSide);
  };
  std::uint32_t x = scale(point.lon, south_west.lon, north_east.lon);
  std::uint32_t y = scale(point.lat, south_west.lat, north_east.lat);
  std::uint64_t index = 0;
  for (std::uint32_t s = kSide / 2; s > 0; s /= 2) {
    const std::uint32_t rx = (x & s) ? 1 : 0;
    const std::uint32_t ry = (y & s) ? 1 : 0;
    index += static_cast<std::uint64_t>(s) * s * ((3 * rx) ^ ry);
    if (ry == 0) {  // rotate the quadrant
      if (rx == 1) {
        x = kSide - 1 - x;
        y = kSide - 1 - y;
      }
      std::swap(x, y);
    }
  }
  return index;
}

NearestIndex::NearestIndex(std::span<const LatLon> points) {
  if (points.empty()) return;
  double lat_sum = 0;
  for (const LatLon& point : points) lat_sum += point.lat;
  cos_lat_ = std::cos(Radians(lat_sum / static_cast<double>(points.size())));
  projected_.reserve(points.size());
  double min_px = 1e300, max_px = -1e300, min_py = 1e300, max_py = -1e300;
  for (const LatLon& point : points) {
    const auto projected = Project(point);
    projected_.push_back(projected);
    min_px = std::min(min_px, projected.first);
    max_px = std::max(max_px, projected.first);
    min_py = std::min(min_py, projected.second);
    max_py = std::max(max_py, projected.second);
  }
  // About one point per cell on average, never below 1 km.
  const double area = std::max(1.0, (max_px - min_px) * (max_py - min_py));
  cell_km_ = std::max(1.0, std::sqrt(area / static_cast<double>(points.size())));
  min_x_ = static_cast<std::int64_t>(std::floor(min_px / cell_km_));
  max_x_ = static_cast<std::int64_t>(std::floor(max_px / cell_km_));
  min_y_ = static_cast<std::int64_t>(std::floor(min_py / cell_km_));
  max_y_ = static_cast<std::int64_t>(std::floor(max_py / cell_km_));
  cells_.reserve(points.size());
  for (std::uint32_t index = 0; index < projected_.size(); ++index) {
    const auto x = static_cast<std::int64_t>(std::floor(projected_[index].first / cell_km_));
    const auto y = static_cast<std::int64_t>(std::floor(projected_[index].second / cell_km_));
    cells_.emplace_back(Key(x, y), index);
  }
  std::sort(cells_.begin(), cells_.end());
}

std::pair<double, double> NearestIndex::Project(LatLon point) const {
  return {point.lon * kKmPerDegree * cos_lat_, point.lat * kKmPerDegree};
}

std::uint64_t NearestIndex::Key(std::int64_t x, std::int64_t y) const {
  return (static_cast<std::uint64_t>(x - min_x_ + (1 << 20)) << 32) |
         static_cast<std::uint64_t>(y - min_y_ + (1 << 20));
}

void NearestIndex::CollectCell(std::int64_t cx, std::int64_t cy,
                               std::vector<std::uint32_t>& out) const {
  if (cx < min_x_ || cx > max_x_ || cy < min_y_ || cy > max_y_) return;
  const std::uint64_t key = Key(cx, cy);
  auto it = std::lower_bound(cells_.begin(), cells_.end(),
                             std::pair<std::uint64_t, std::uint32_t>{key, 0});
  for (; it != cells_.end() && it->first == key; ++it) out.push_back(it->second);
}

}  // namespace redoubt::gen
