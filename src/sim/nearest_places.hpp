// The nearest of a changing set of places on the globe, for nearest-first
// recovery: which damaged site a crew goes to next.
//
//   NearestPlaces index(places);             // fixed (lat, lon) points
//   index.Activate(p); index.Deactivate(p);  // counted: a place can hold several jobs
//   index.Nearest(lat, lon, candidates);     // the active places nearest by great circle
//
// A k-d tree over the points' unit vectors: chord length grows with the
// great-circle distance, so the nearest by chord is the nearest on the globe.
// Each node counts the active points below it and a query skips subtrees with
// none, so a query costs O(log n) on typical layouts whatever the number of
// inactive points, and (de)activation costs O(depth).
//
// Exactness. Callers compare candidates by HaversineKm, which can order two
// almost equidistant places differently from the chord in the last bits.
// Nearest() therefore returns every active place whose chord is within a
// relative 1e-9 (and an absolute 1e-12, about 6 mm) of the least: a superset
// of the places that HaversineKm puts first, usually of size one. Picking the
// least (HaversineKm, tie-break) among them gives exactly what a scan of
// every active place would.
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace redoubt {

class NearestPlaces {
 public:
  struct LatLon {
    double lat;
    double lon;
  };
  explicit NearestPlaces(const std::vector<LatLon>& places);

  // Adds or removes one unit of activity (one job) at place `place`.
  void Activate(std::uint32_t place);
  void Deactivate(std::uint32_t place);
  [[nodiscard]] std::uint32_t ActiveCount() const;

  // Replaces `out` with the active places nearest to (lat, lon) within the
  // slack above, in no particular order; empty when none is active. Not const:
  // it reuses the index's scratch space.
  void Nearest(double lat, double lon, std::vector<std::uint32_t>& out);

 private:
  struct Node {
    std::array<double, 3> lo;
    std::array<double, 3> hi;
    std::uint32_t begin;  // range of order_
    std::uint32_t end;
    std::uint32_t left;  // kLeaf for a leaf
    std::uint32_t right;
    std::uint32_t parent;
    std::uint32_t active;
  };
  static constexpr std::uint32_t kLeaf = 0xffffffffU;
  std::uint32_t Build(std::uint32_t begin, std::uint32_t end, std::uint32_t parent);
  void Change(std::uint32_t place, int delta);

  std::vector<std::array<double, 3>> unit_;              // per place
  std::vector<std::uint32_t> active_;                    // per place
  std::vector<std::uint32_t> leaf_of_;                   // per place
  std::vector<std::uint32_t> order_;                     // places, grouped by leaf
  std::vector<Node> nodes_;                              // nodes_[0] is the root
  std::vector<std::uint32_t> stack_;                     // query scratch
  std::vector<std::pair<std::uint32_t, double>> found_;  // query scratch: (place, chord)
};

}  // namespace redoubt
