#include "core/geo.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace redoubt {

namespace {
constexpr double kKmPerDegree = kEarthRadiusKm * std::numbers::pi / 180.0;
double Radians(double degrees) { return degrees * std::numbers::pi / 180.0; }
}  // namespace

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  const double dlat = Radians(lat2 - lat1);
  const double dlon = Radians(lon2 - lon1);
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(Radians(lat1)) * std::cos(Radians(lat2)) * std::sin(dlon / 2) *
                       std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

GeoGrid::GeoGrid(double cell_km) {
  // At least ~100 m and at most 10 degrees per cell.
  cell_deg_ = std::clamp(cell_km / kKmPerDegree, 0.001, 10.0);
  // Columns divide the full circle exactly, so the last one meets the first
  // at the antimeridian.
  columns_ = static_cast<std::int64_t>(std::ceil(360.0 / cell_deg_));
  column_deg_ = 360.0 / static_cast<double>(columns_);
}

std::int64_t GeoGrid::Row(double lat) const {
  return static_cast<std::int64_t>(std::floor((lat + 90.0) / cell_deg_));
}

std::int64_t GeoGrid::Column(double lon) const {
  const auto column = static_cast<std::int64_t>(std::floor((lon + 180.0) / column_deg_));
  return ((column % columns_) + columns_) % columns_;
}

std::uint64_t GeoGrid::Key(std::int64_t row, std::int64_t column) {
  return (static_cast<std::uint64_t>(row) << 32) | static_cast<std::uint64_t>(column);
}

void GeoGrid::Insert(std::uint32_t id, double lat, double lon) {
  assert(!finalized_);
  points_.push_back({Key(Row(lat), Column(lon)), id, lat, lon});
}

void GeoGrid::Finalize() {
  std::stable_sort(points_.begin(), points_.end(),
                   [](const Point& a, const Point& b) { return a.cell < b.cell; });
  finalized_ = true;
}

void GeoGrid::ForEachWithin(double lat, double lon, double radius_km,
                            const std::function<void(std::uint32_t, double)>& visit) const {
  assert(finalized_);
  if (points_.empty() || radius_km < 0) return;
  const double dlat = radius_km / kKmPerDegree;
  const double lat_low = std::max(-90.0, lat - dlat);
  const double lat_high = std::min(90.0, lat + dlat);
  // The widest parallel of the box decides how many degrees of longitude r km spans.
  const double widest = std::max(std::abs(lat_low), std::abs(lat_high));
  const double cos_widest = std::cos(Radians(widest));
  const double dlon = cos_widest > 1e-9 ? dlat / cos_widest : 360.0;
  std::int64_t first_column = 0;
  std::int64_t column_count = columns_;
  if (dlon < 180.0) {
    first_column = static_cast<std::int64_t>(std::floor((lon - dlon + 180.0) / column_deg_));
    const auto last_column =
        static_cast<std::int64_t>(std::floor((lon + dlon + 180.0) / column_deg_));
    column_count = std::min(columns_, last_column - first_column + 1);
  }
  const std::int64_t first_row = Row(lat_low);
  const std::int64_t last_row = Row(lat_high);
  // A box of more cells than there are points costs more than a scan.
  if ((last_row - first_row + 1) * column_count > static_cast<std::int64_t>(points_.size())) {
    for (const Point& point : points_) {
      const double distance = HaversineKm(lat, lon, point.lat, point.lon);
      if (distance <= radius_km) visit(point.id, distance);
    }
    return;
  }
  auto by_cell = [](const Point& point, std::uint64_t cell) { return point.cell < cell; };
  for (std::int64_t row = first_row; row <= last_row; ++row) {
    for (std::int64_t step = 0; step < column_count; ++step) {
      const std::int64_t column = (((first_column + step) % columns_) + columns_) % columns_;
      const std::uint64_t cell = Key(row, column);
      auto it = std::lower_bound(points_.begin(), points_.end(), cell, by_cell);
      for (; it != points_.end() && it->cell == cell; ++it) {
        const double distance = HaversineKm(lat, lon, it->lat, it->lon);
        if (distance <= radius_km) visit(it->id, distance);
      }
    }
  }
}

}  // namespace redoubt
