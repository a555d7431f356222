#include "sim/nearest_places.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace redoubt {

namespace {

constexpr std::uint32_t kLeafSize = 8;

// The chord lengths that may still be nearest by great circle when the least
// is `best` (see the header).
double Limit(double best) { return best * (1 + 1e-9) + 1e-12; }

std::array<double, 3> UnitVector(double lat, double lon) {
  const double phi = lat * std::numbers::pi / 180.0;
  const double lambda = lon * std::numbers::pi / 180.0;
  return {std::cos(phi) * std::cos(lambda), std::cos(phi) * std::sin(lambda), std::sin(phi)};
}

double Chord(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  const double dx = a[0] - b[0];
  const double dy = a[1] - b[1];
  const double dz = a[2] - b[2];
  return std::sqrt(dx * dx + dy * dy + dz * dz);
}

// Least distance from `q` to the box [lo, hi].
double BoxDistance(const std::array<double, 3>& q, const std::array<double, 3>& lo,
                   const std::array<double, 3>& hi) {
  double sum = 0;
  for (int axis = 0; axis < 3; ++axis) {
    const double gap = std::max({lo[axis] - q[axis], 0.0, q[axis] - hi[axis]});
    sum += gap * gap;
  }
  return std::sqrt(sum);
}

}  // namespace

NearestPlaces::NearestPlaces(const std::vector<LatLon>& places) {
  unit_.reserve(places.size());
  for (const LatLon& place : places) unit_.push_back(UnitVector(place.lat, place.lon));
  active_.assign(places.size(), 0);
  leaf_of_.assign(places.size(), 0);
  order_.resize(places.size());
  for (std::uint32_t place = 0; place < places.size(); ++place) order_[place] = place;
  if (!places.empty()) {
    nodes_.reserve(2 * (places.size() / kLeafSize + 1));
    Build(0, static_cast<std::uint32_t>(places.size()), kLeaf);
  }
}

std::uint32_t NearestPlaces::Build(std::uint32_t begin, std::uint32_t end, std::uint32_t parent) {
  const auto index = static_cast<std::uint32_t>(nodes_.size());
  Node node{};
  node.begin = begin;
  node.end = end;
  node.left = kLeaf;
  node.right = kLeaf;
  node.parent = parent;
  node.lo = unit_[order_[begin]];
  node.hi = node.lo;
  for (std::uint32_t at = begin; at < end; ++at) {
    for (int axis = 0; axis < 3; ++axis) {
      node.lo[axis] = std::min(node.lo[axis], unit_[order_[at]][axis]);
      node.hi[axis] = std::max(node.hi[axis], unit_[order_[at]][axis]);
    }
  }
  nodes_.push_back(node);
  if (end - begin <= kLeafSize) {
    for (std::uint32_t at = begin; at < end; ++at) leaf_of_[order_[at]] = index;
    return index;
  }
  int axis = 0;
  for (int other = 1; other < 3; ++other) {
    if (node.hi[other] - node.lo[other] > node.hi[axis] - node.lo[axis]) axis = other;
  }
  const std::uint32_t middle = begin + (end - begin) / 2;
  std::nth_element(order_.begin() + begin, order_.begin() + middle, order_.begin() + end,
                   [&](std::uint32_t a, std::uint32_t b) {
                     if (unit_[a][axis] != unit_[b][axis]) return unit_[a][axis] < unit_[b][axis];
                     return a < b;
                   });
  const std::uint32_t left = Build(begin, middle, index);
  const std::uint32_t right = Build(middle, end, index);
  nodes_[index].left = left;
  nodes_[index].right = right;
  return index;
}

void NearestPlaces::Change(std::uint32_t place, int delta) {
  active_[place] = static_cast<std::uint32_t>(static_cast<int>(active_[place]) + delta);
  for (std::uint32_t node = leaf_of_[place]; node != kLeaf; node = nodes_[node].parent) {
    nodes_[node].active = static_cast<std::uint32_t>(static_cast<int>(nodes_[node].active) + delta);
  }
}

void NearestPlaces::Activate(std::uint32_t place) { Change(place, +1); }
void NearestPlaces::Deactivate(std::uint32_t place) { Change(place, -1); }

std::uint32_t NearestPlaces::ActiveCount() const { return nodes_.empty() ? 0 : nodes_[0].active; }

void NearestPlaces::Nearest(double lat, double lon, std::vector<std::uint32_t>& out) {
  out.clear();
  if (ActiveCount() == 0) return;
  const std::array<double, 3> q = UnitVector(lat, lon);
  double best = std::numeric_limits<double>::infinity();
  found_.clear();
  stack_.assign(1, 0);
  while (!stack_.empty()) {
    const Node& node = nodes_[stack_.back()];
    stack_.pop_back();
    if (node.active == 0 || BoxDistance(q, node.lo, node.hi) > Limit(best)) continue;
    if (node.left == kLeaf) {
      for (std::uint32_t at = node.begin; at < node.end; ++at) {
        const std::uint32_t place = order_[at];
        if (active_[place] == 0) continue;
        const double chord = Chord(q, unit_[place]);
        if (chord > Limit(best)) continue;
        found_.emplace_back(place, chord);
        best = std::min(best, chord);
      }
      continue;
    }
    // The nearer child is searched first: it is pushed last.
    const double to_left = BoxDistance(q, nodes_[node.left].lo, nodes_[node.left].hi);
    const double to_right = BoxDistance(q, nodes_[node.right].lo, nodes_[node.right].hi);
    const std::uint32_t left = node.left;
    const std::uint32_t right = node.right;
    if (to_left <= to_right) {
      stack_.push_back(right);
      stack_.push_back(left);
    } else {
      stack_.push_back(left);
      stack_.push_back(right);
    }
  }
  for (const auto& [place, chord] : found_) {
    if (chord <= Limit(best)) out.push_back(place);
  }
}

}  // namespace redoubt
