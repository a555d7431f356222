// Geometry helpers for the generator and the importers: great-circle
// distance, a planar projection for nearest-site queries, a Hilbert curve
// order that keeps nearby points together, and a grid index of points.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <utility>
#include <vector>

namespace redoubt::gen {

struct LatLon {
  double lat = 0;
  double lon = 0;
};

// Great-circle distance in km (haversine, mean Earth radius 6371.0088 km).
[[nodiscard]] double DistanceKm(LatLon a, LatLon b);

// Rounds a coordinate to 5 decimals (about 1 m), so written files stay short.
[[nodiscard]] double RoundCoordinate(double degrees);

// Position on a 2^16 × 2^16 Hilbert curve over the box [south, north] ×
// [west, east]; points close on the curve are close on the map.
[[nodiscard]] std::uint64_t HilbertIndex(LatLon point, LatLon south_west, LatLon north_east);

// Nearest points by planar distance (equirectangular projection around the
// points' mean latitude: exact enough for "nearest cell" within a country).
// Build O(n log n); a query visits the grid rings around the point until the
// k nearest are certain. Ties are broken by the lower index, so results are
// deterministic.
class NearestIndex {
 public:
  explicit NearestIndex(std::span<const LatLon> points);
  // Up to k indices of the nearest points, nearest first; `accept` filters.
  template <typename Accept>
  [[nodiscard]] std::vector<std::uint32_t> Nearest(LatLon point, std::size_t k,
                                                   Accept accept) const;
  [[nodiscard]] std::vector<std::uint32_t> Nearest(LatLon point, std::size_t k) const {
    return Nearest(point, k, [](std::uint32_t) { return true; });
  }

 private:
  [[nodiscard]] std::pair<double, double> Project(LatLon point) const;
  [[nodiscard]] std::uint64_t Key(std::int64_t x, std::int64_t y) const;
  void CollectCell(std::int64_t cx, std::int64_t cy, std::vector<std::uint32_t>& out) const;

  std::vector<std::pair<double, double>> projected_;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> cells_;  // sorted (key, point)
  double cos_lat_ = 1;
  double cell_km_ = 1;
  std::int64_t min_x_ = 0, min_y_ = 0, max_x_ = 0, max_y_ = 0;
};

template <typename Accept>
std::vector<std::uint32_t> NearestIndex::Nearest(LatLon point, std::size_t k,
                                                 Accept accept) const {
  std::vector<std::pair<double, std::uint32_t>> found;
  if (projected_.empty() || k == 0) return {};
  const auto [px, py] = Project(point);
  const auto cx = static_cast<std::int64_t>(std::floor(px / cell_km_));
  const auto cy = static_cast<std::int64_t>(std::floor(py / cell_km_));
  std::vector<std::uint32_t> candidates;
  const std::int64_t max_ring =
      std::max({std::abs(cx - min_x_), std::abs(cx - max_x_), std::abs(cy - min_y_),
                std::abs(cy - max_y_)}) + 1;
  for (std::int64_t ring = 0; ring <= max_ring; ++ring) {
    candidates.clear();
    if (ring == 0) {
      CollectCell(cx, cy, candidates);
    } else {
      for (std::int64_t x = cx - ring; x <= cx + ring; ++x) {  // top and bottom rows
        CollectCell(x, cy - ring, candidates);
        CollectCell(x, cy + ring, candidates);
      }
      for (std::int64_t y = cy - ring + 1; y <= cy + ring - 1; ++y) {  // side columns
        CollectCell(cx - ring, y, candidates);
        CollectCell(cx + ring, y, candidates);
      }
    }
    for (std::uint32_t index : candidates) {
      if (!accept(index)) continue;
      const double dx = projected_[index].first - px;
      const double dy = projected_[index].second - py;
      found.emplace_back(dx * dx + dy * dy, index);
    }
    // Everything outside this ring is at least ring * cell_km_ away.
    if (found.size() >= k) {
      std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(k),
                        found.end());
      const double bound = static_cast<double>(ring) * cell_km_;
      if (found[k - 1].first <= bound * bound) break;
    }
  }
  std::sort(found.begin(), found.end());
  if (found.size() > k) found.resize(k);
  std::vector<std::uint32_t> result;
  result.reserve(found.size());
  for (const auto& entry : found) result.push_back(entry.second);
  return result;
}

}  // namespace redoubt::gen
