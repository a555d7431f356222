// Helpers of the planned-timeline tests: an alliance with every member's
// plan attached, and a timeline's moves as a comparable map.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "alliance/alliance_reader.hpp"
#include "alliance/member_plan.hpp"
#include "alliance/what_if.hpp"
#include "plan/costs.hpp"
#include "testing.hpp"

namespace redoubt::alliance::testing_plan {

inline Days Date(const char* text) { return *ParseIsoDate(text); }

inline AllianceModel LoadPlanned(const std::string& alliance, const std::string& costs_file, Days start,
                          plan::CostModel& costs) {
  auto spec = ReadAlliance(testing::SourcePath(alliance));
  EXPECT_TRUE(spec.ok());
  InventoryOptions options;
  options.threads = 1;
  auto model = LoadAllianceModel(spec.value(), options);
  EXPECT_TRUE(model.ok());
  auto read = plan::ReadCosts(testing::SourcePath(costs_file));
  EXPECT_TRUE(read.ok());
  costs = std::move(read).value();
  const std::vector<const plan::CostModel*> per_member(model.value().spec.members.size(), &costs);
  auto plans = PlanMembers(model.value(), per_member, start);
  EXPECT_TRUE(plans.ok());
  model.value().plans = std::move(plans).value();
  return std::move(model).value();
}

// Every move: (date, provider, recipient) → level after (-1: none).
using Moves = std::map<std::tuple<Days, std::size_t, std::size_t>, int>;
inline Moves MovesOf(const std::vector<TimelineStep>& steps) {
  Moves moves;
  for (const TimelineStep& step : steps) {
    for (const CellMove& move : step.moves) {
      moves[{step.date, move.provider, move.recipient}] = CellMove::Rank(move.after) - 1;
    }
  }
  return moves;
}

}  // namespace redoubt::alliance::testing_plan
