// CostModel: what a rip-and-replace plan needs to know besides the networks —
// what a swap costs and how long it takes, how long equipment takes to
// arrive, who does the work and when, and how much may be spent each year.
// Read from a `redoubt/costs@1` file (YAML or JSON; schemas/costs-1.schema.json):
//
//   format: redoubt/costs@1
//   title: Illustrative swap costs
//   illustrative: true
//   currency: USD
//   swaps:                     # per element kind, else per domain
//     by_domain: {ran: {unit_cost: 30000, swap_hours: 4, lead_time_days: 60}}
//     by_kind:   {amf: {unit_cost: 400000, swap_hours: 6, lead_time_days: 180}}
//   site_visit_cost: 1500      # once per site and night with any swap there
//   crews: {count: 4, by_region: {London: 6}}
//   windows: {start: "00:00", hours: 6, days: [mon, tue, wed, thu, sun]}
//   budget: {per_year: {2026: 20000000}}   # years not listed are unlimited
//   replacement: {ran: ericsson}        # optional, per domain
//
// Crews mirror the simulation's recovery model (sim/recovery.hpp): the crews
// of a region (`by_region`) serve only that region; the other `count` crews
// form one shared pool for every region without crews of its own. A crew
// does one swap per maintenance window (night).
//
// Every problem is a diagnostic with file:line:col and a hint; unknown keys
// are errors with "did you mean". Linear in the size of the file.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/source.hpp"

namespace redoubt::plan {

inline constexpr std::string_view kCostsFormat = "redoubt/costs@1";

// What swapping one element costs. Unset fields fall back from kind to domain.
struct SwapCost {
  std::optional<double> unit_cost;       // currency units per element, equipment and labour
  std::optional<double> swap_hours;      // the element is down this long
  std::optional<double> lead_time_days;  // from the plan's start until equipment is on site
  std::string source;                    // where the figure comes from, or "illustrative"
};

struct CostSource {
  std::string id;
  std::string title;
  std::string url;
  std::string note;
};

struct CostModel {
  std::string file;
  std::string title;
  bool illustrative = false;
  std::string currency = "USD";
  std::vector<CostSource> sources;
  std::map<std::string, SwapCost, std::less<>> by_kind;    // element kind name
  std::map<std::string, SwapCost, std::less<>> by_domain;  // domain name
  double site_visit_cost = 0;
  std::uint32_t shared_crews = 0;  // `crews.count`
  std::map<std::string, std::uint32_t, std::less<>> crews_by_region;
  int window_start_hour = 0;      // local hour a window opens (0-23)
  double window_hours = 6;        // how long it stays open
  std::array<bool, 7> window_days{true, true, true, true, true, true, true};  // Mon..Sun
  std::map<int, double> budget_per_year;  // years not listed are unlimited
  std::map<std::string, std::string, std::less<>> replacement;  // domain → vendor id
};

[[nodiscard]] Result<CostModel> ReadCosts(const std::string& path);
[[nodiscard]] Result<CostModel> ReadCostsSource(const SourceFile& source);

}  // namespace redoubt::plan
