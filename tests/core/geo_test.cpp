#include "core/geo.hpp"

#include <random>
#include <set>

#include <gtest/gtest.h>

namespace redoubt {
namespace {

TEST(Haversine, KnownDistances) {
  EXPECT_DOUBLE_EQ(HaversineKm(51.5, -0.1, 51.5, -0.1), 0.0);
  // One degree of latitude on the mean sphere.
  EXPECT_NEAR(HaversineKm(0, 0, 1, 0), 111.195, 0.001);
  // London to Paris, about 344 km.
  EXPECT_NEAR(HaversineKm(51.5072, -0.1276, 48.8566, 2.3522), 343.6, 1.0);
  // Across the antimeridian the short way round.
  EXPECT_NEAR(HaversineKm(-16.0, 179.99, -16.0, -179.99), 2.138, 0.01);
}

TEST(GeoGrid, EmptyGridFindsNothing) {
  GeoGrid grid(5);
  grid.Finalize();
  int visits = 0;
  grid.ForEachWithin(0, 0, 100, [&](std::uint32_t, double) { ++visits; });
  EXPECT_EQ(visits, 0);
}

TEST(GeoGrid, FindsAcrossTheAntimeridianAndNearThePoles) {
  GeoGrid grid(5);
  grid.Insert(1, -16.0, -179.99);
  grid.Insert(2, -16.1, 179.99);  // about 11 km away
  grid.Insert(3, 89.99, 10.0);
  grid.Insert(4, 89.99, -170.0);  // across the pole, about 2.2 km
  grid.Finalize();
  std::set<std::uint32_t> found;
  grid.ForEachWithin(-16.0, 179.99, 5, [&](std::uint32_t id, double) { found.insert(id); });
  EXPECT_EQ(found, std::set<std::uint32_t>({1}));
  found.clear();
  grid.ForEachWithin(89.99, 10.0, 5, [&](std::uint32_t id, double) { found.insert(id); });
  EXPECT_EQ(found, std::set<std::uint32_t>({3, 4}));
}

// The grid must agree with comparing all pairs, whatever the cell size.
TEST(GeoGrid, AgreesWithAllPairsOnRandomPoints) {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> lat(-60, 70);
  std::uniform_real_distribution<double> lon(-180, 180);
  std::vector<std::pair<double, double>> points;
  for (int i = 0; i < 3000; ++i) points.emplace_back(lat(random), lon(random));
  // Clusters so that small radii find something.
  for (int i = 0; i < 500; ++i) {
    points.emplace_back(50 + 0.05 * (i % 23), 179.95 + 0.1 * (i % 7) - 0.3);
  }
  for (double cell : {1.0, 25.0, 400.0}) {
    GeoGrid grid(cell);
    for (std::uint32_t id = 0; id < points.size(); ++id) {
      grid.Insert(id, points[id].first, std::remainder(points[id].second, 360.0));
    }
    grid.Finalize();
    for (double radius : {2.0, 30.0, 500.0}) {
      for (int query = 0; query < 25; ++query) {
        const auto& [qlat, qlon] = points[static_cast<std::size_t>(query * 83 % points.size())];
        std::set<std::uint32_t> expected;
        for (std::uint32_t id = 0; id < points.size(); ++id) {
          if (HaversineKm(qlat, qlon, points[id].first, points[id].second) <= radius) {
            expected.insert(id);
          }
        }
        std::set<std::uint32_t> found;
        grid.ForEachWithin(qlat, std::remainder(qlon, 360.0), radius,
                           [&](std::uint32_t id, double) { found.insert(id); });
        EXPECT_EQ(found, expected) << "cell " << cell << " radius " << radius << " query " << query;
      }
    }
  }
}

}  // namespace
}  // namespace redoubt
