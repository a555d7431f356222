// A member's sites in square grid cells, for a map too crowded to draw them
// one by one (report/digest.hpp puts them in the report's `sites` part).
//
//   std::vector<const nlohmann::ordered_json*> sites = ...;  // GeoJSON Point features
//   SiteCells cells = GridCells(sites, 2000);
//   cells.totals["cells"];   // [{"lon", "lat", "sites", "named", "exposed", ...}]
//
// The grid is anchored at (0°, 0°); its side is the smallest of 0.01°, 0.02°,
// 0.05°, 0.1°, 0.2°, 0.5°, 1°, 2°, 5°, 10°, 20° and 45° that keeps the occupied
// cells at or under `max_cells` (45° whatever it gives). A cell's lon/lat is
// its centre, rounded to 6 decimals. Deterministic; cells in (column, row)
// order. O(S · 12 + S log C) for S sites in C cells.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <vector>

namespace redoubt {

struct SiteCells {
  // {"sites", "named", "exposed", "flagged", "exposed_weight", "cell_degrees",
  //  "cells": [{"lon", "lat", "sites", "named", "exposed", "exposed_weight",
  //  "worst"}]}, over every site given: named = with findings > 0, exposed =
  // with exposed_weight > 0 (as map.js counts them), flagged = either; a
  // cell's worst is its sites' worst_severity of highest MapSeverityRank
  // (null: none).
  nlohmann::ordered_json totals;
  // The flagged sites, in the order given (they point into the input).
  std::vector<const nlohmann::ordered_json*> flagged;
};

// `sites`: GeoJSON features; those that are not Points with finite
// [lon, lat] numbers (SitePoint) are left out of every count.
[[nodiscard]] SiteCells GridCells(const std::vector<const nlohmann::ordered_json*>& sites,
                                  std::size_t max_cells);

// The map's rank of a worst severity (map.js): 0 for none (null or empty),
// info 1 … critical 5, 6 for a name it does not know.
[[nodiscard]] int MapSeverityRank(const nlohmann::ordered_json& severity);

// The [lon, lat] of a Point feature; false when it has none the map can draw.
[[nodiscard]] bool SitePoint(const nlohmann::ordered_json& feature, double& lon, double& lat);

}  // namespace redoubt
