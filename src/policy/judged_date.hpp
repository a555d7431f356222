// The date every command judges on, and what a user must know when an
// inventory is older than that date.
//
// One rule for check, expose, alliance and assess (README, "Dates"):
//
//   1. `--as-of DATE` when given;
//   2. else the latest `as_of` of the inventories read (each describes the
//      network on its date, so the default judges the networks as they were
//      inventoried, and the same inputs give the same answer on any day);
//   3. else, when no inventory has a date, today (UTC).
//
//   const JudgedDate date = ChooseJudgedDate(flag, networks, Today());
//   fmt::print("{}\n", DescribeJudgedDate(date));   // "2019-07-01 (the latest inventory date, gb-op1)"
//
// An inventory judged on a later date than its own `as_of` describes the
// network as it was: every deadline that fell due in between is judged
// against equipment that may have changed since. InventoryLag names those
// deadlines so that the terminal, the JSON and the report can say so.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "model/network.hpp"
#include "policy/standard.hpp"

namespace redoubt::policy {

enum class DateSource {
  kFlag,       // --as-of
  kInventory,  // the latest as_of of the inventories read
  kToday,      // no inventory has a date
};

// "as-of", "inventory", "today" (the JSON `as_of_source`).
[[nodiscard]] std::string_view Name(DateSource source);

struct JudgedDate {
  Days date = kNoDate;
  DateSource source = DateSource::kToday;
  std::string network;  // kInventory: the inventory the date comes from
};

// `flag`: the --as-of date or kNoDate. Among inventories with the same latest
// date, the first one read names it. `today` is passed in (core Today()) so
// that the rule is testable.
[[nodiscard]] JudgedDate ChooseJudgedDate(Days flag, std::span<const Network> networks, Days today);
// "2019-07-01 (the latest inventory date, gb-op1)", "2024-01-01 (--as-of)",
// "2026-12-01 (today: no inventory has an as_of)".
[[nodiscard]] std::string DescribeJudgedDate(const JudgedDate& date);

// A rule that starts to bind between an inventory's date and the judged date.
struct Deadline {
  std::string standard;  // the standard that defines the rule
  std::string rule;
  Days effective = kNoDate;
  RuleSeverity severity = RuleSeverity::kMedium;
};

// One inventory older than the date it is judged on.
struct InventoryLag {
  std::string network;
  Days inventory = kNoDate;  // its as_of
  Days judged = kNoDate;
  // Rules of the standards it is judged against with inventory < effective
  // <= judged, by date then standard then rule; one entry per rule id (an
  // override replaces the inherited rule of the same id).
  std::vector<Deadline> deadlines;
};

// The lag of `network` behind `judged` under `standards`, or nullopt when the
// inventory has no date or is not older than `judged`.
[[nodiscard]] std::optional<InventoryLag> LagOf(const Network& network,
                                                std::span<const Standard* const> standards,
                                                Days judged);

// "inventory gb-op1 (2019-07-01) predates the date judged on (2024-07-01);
// 3 deadlines fell due in between: gb-core 2023-12-31, ..." — one line.
[[nodiscard]] std::string DescribeLag(const InventoryLag& lag, std::size_t shown = 5);

// The date in a result document:
//   {"as_of": "2019-07-01", "as_of_source": "inventory", "as_of_network": "gb-op1",
//    "inventory_predates": [{"network", "inventory_as_of", "judged_as_of",
//                            "deadlines": [{"standard", "rule", "effective", "severity"}]}]}
// `inventory_predates` is empty when every inventory is as recent as the date.
[[nodiscard]] nlohmann::ordered_json JudgedDateJson(const JudgedDate& date,
                                                    std::span<const InventoryLag> lags);
// `document` with JudgedDateJson's keys inserted right after its "format".
[[nodiscard]] nlohmann::ordered_json WithJudgedDate(const nlohmann::ordered_json& document,
                                                    const JudgedDate& date,
                                                    std::span<const InventoryLag> lags);
// The terminal lines: "judged on DATE (why)", then one "note: ..." per lag.
[[nodiscard]] std::string JudgedDateText(const JudgedDate& date, std::span<const InventoryLag> lags);

}  // namespace redoubt::policy
