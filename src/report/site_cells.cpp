#include "report/site_cells.hpp"

#include "report/fields.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace redoubt {

namespace {

using Json = nlohmann::ordered_json;

using report_fields::Find;
using report_fields::Number;

using CellIndex = std::pair<std::int64_t, std::int64_t>;  // (column, row)

CellIndex CellOf(double lon, double lat, double side) {
  return {static_cast<std::int64_t>(std::floor(lon / side)),
          static_cast<std::int64_t>(std::floor(lat / side))};
}

struct Point {
  double lon = 0;
  double lat = 0;
  const Json* feature = nullptr;
};

// The smallest side of the ladder whose occupied cells fit; each try stops
// at the first cell too many.
double CellSide(const std::vector<Point>& points, std::size_t max_cells) {
  constexpr std::array<double, 12> kSides = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 45};
  for (double side : kSides) {
    std::unordered_set<std::uint64_t> occupied;
    bool fits = true;
    for (const Point& point : points) {
      const auto [column, row] = CellOf(point.lon, point.lat, side);
      occupied.insert((static_cast<std::uint64_t>(column) << 32U) ^
                      static_cast<std::uint32_t>(row));
      if (occupied.size() > max_cells) {
        fits = false;
        break;
      }
    }
    if (fits) return side;
  }
  return kSides.back();
}

}  // namespace

int MapSeverityRank(const Json& severity) {
  if (!severity.is_string()) return 0;
  const auto& name = severity.get_ref<const std::string&>();
  if (name.empty()) return 0;
  constexpr std::array<std::string_view, 5> kSeverities = {"critical", "high", "medium", "low",
                                                           "info"};
  for (std::size_t index = 0; index < kSeverities.size(); ++index) {
    if (name == kSeverities[index]) return 5 - static_cast<int>(index);
  }
  return 6;
}

bool SitePoint(const Json& feature, double& lon, double& lat) {
  const Json* geometry = Find(feature, "geometry");
  if (geometry == nullptr) return false;
  const Json* type = Find(*geometry, "type");
  if (type == nullptr || *type != "Point") return false;
  const Json* coordinates = Find(*geometry, "coordinates");
  if (coordinates == nullptr || !coordinates->is_array() || coordinates->size() < 2) return false;
  if (!(*coordinates)[0].is_number() || !(*coordinates)[1].is_number()) return false;
  lon = (*coordinates)[0].get<double>();
  lat = (*coordinates)[1].get<double>();
  return std::isfinite(lon) && std::isfinite(lat);
}

SiteCells GridCells(const std::vector<const Json*>& sites, std::size_t max_cells) {
  std::vector<Point> points;
  points.reserve(sites.size());
  for (const Json* site : sites) {
    Point point;
    point.feature = site;
    if (site != nullptr && SitePoint(*site, point.lon, point.lat)) points.push_back(point);
  }
  const double side = CellSide(points, max_cells);

  struct Cell {
    std::int64_t sites = 0;
    std::int64_t named = 0;
    std::int64_t exposed = 0;
    double exposed_weight = 0;
    int worst_rank = 0;
    Json worst;
  };
  std::map<CellIndex, Cell> cells;
  SiteCells out;
  std::int64_t named = 0;
  std::int64_t exposed = 0;
  double exposed_weight = 0;
  static const Json kNoProperties = Json::object();
  for (const Point& point : points) {
    const Json* found = Find(*point.feature, "properties");
    const Json& properties = found != nullptr ? *found : kNoProperties;
    const bool is_named = Number(properties, "findings") > 0;
    const double weight = Number(properties, "exposed_weight");
    const Json* worst = Find(properties, "worst_severity");
    const int rank = worst != nullptr ? MapSeverityRank(*worst) : 0;
    Cell& cell = cells[CellOf(point.lon, point.lat, side)];
    ++cell.sites;
    cell.named += is_named ? 1 : 0;
    cell.exposed += weight > 0 ? 1 : 0;
    cell.exposed_weight += weight;
    if (rank > cell.worst_rank) {
      cell.worst_rank = rank;
      cell.worst = *worst;
    }
    named += is_named ? 1 : 0;
    exposed += weight > 0 ? 1 : 0;
    exposed_weight += weight;
    if (is_named || weight > 0) out.flagged.push_back(point.feature);
  }

  const auto round6 = [](double x) { return std::round(x * 1e6) / 1e6; };
  Json rows = Json::array();
  for (const auto& [at, cell] : cells) {
    rows.push_back({{"lon", round6((static_cast<double>(at.first) + 0.5) * side)},
                    {"lat", round6((static_cast<double>(at.second) + 0.5) * side)},
                    {"sites", cell.sites},
                    {"named", cell.named},
                    {"exposed", cell.exposed},
                    {"exposed_weight", cell.exposed_weight},
                    {"worst", cell.worst}});
  }
  out.totals = {{"sites", points.size()},
                {"named", named},
                {"exposed", exposed},
                {"flagged", out.flagged.size()},
                {"exposed_weight", exposed_weight},
                {"cell_degrees", side},
                {"cells", std::move(rows)}};
  return out;
}

}  // namespace redoubt
