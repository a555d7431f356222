// Great-circle distances and a grid index over points on the globe, for rules
// and analyses that ask "what lies within r km of here" without comparing all
// pairs.
//
//   GeoGrid grid(5.0);                       // cells of about 5 km
//   grid.Insert(site_idx, lat, lon);
//   grid.Finalize();
//   grid.ForEachWithin(lat, lon, 5.0, [&](std::uint32_t id, double km) { ... });
//
// Distances use the haversine formula on a sphere of the IUGG mean Earth
// radius (6371.0088 km); the error against the WGS-84 ellipsoid stays below
// 0.5%, well inside the precision of site coordinates in inventories.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace redoubt {

inline constexpr double kEarthRadiusKm = 6371.0088;

// Great-circle distance in km between two (lat, lon) points in degrees.
[[nodiscard]] double HaversineKm(double lat1, double lon1, double lat2, double lon2);

// Points bucketed into cells of `cell_km` of latitude (longitude cells are as
// many degrees wide, so they narrow towards the poles; queries widen to match).
// Insert all points, call Finalize() once, then query. A query within r km
// visits the cells of the bounding box of the circle: O(cells + points in
// them), independent of the total number of points when r is about the cell
// size; when the box has more cells than the grid has points it scans the
// points instead. Near the poles or the antimeridian boxes widen (up to whole
// parallels); no point within r is ever missed.
// Results come in ascending (cell, insertion) order: deterministic for a given
// sequence of inserts.
class GeoGrid {
 public:
  explicit GeoGrid(double cell_km);

  void Insert(std::uint32_t id, double lat, double lon);
  void Finalize();

  // Calls `visit(id, distance_km)` for every point within `radius_km` of (lat, lon).
  void ForEachWithin(double lat, double lon, double radius_km,
                     const std::function<void(std::uint32_t, double)>& visit) const;

  [[nodiscard]] std::size_t size() const { return points_.size(); }

 private:
  struct Point {
    std::uint64_t cell;
    std::uint32_t id;
    double lat;
    double lon;
  };
  [[nodiscard]] std::int64_t Row(double lat) const;
  [[nodiscard]] std::int64_t Column(double lon) const;
  [[nodiscard]] static std::uint64_t Key(std::int64_t row, std::int64_t column);

  double cell_deg_;         // height of a cell, degrees of latitude
  double column_deg_;       // width of a cell, degrees of longitude (360 / columns_)
  std::int64_t columns_;    // cells around a parallel
  std::vector<Point> points_;  // sorted by cell after Finalize()
  bool finalized_ = false;
};

}  // namespace redoubt
