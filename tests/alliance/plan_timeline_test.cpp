// The dates of a timeline with plans (what_if.cpp): the bisection over swap
// nights finds the same moves, on the same nights, as assessing every night.
// On the hand-built alliance of tests/cases/alliance/planned; the bundled
// allies are in plan_timeline_slow_test.cpp.
#include <gtest/gtest.h>

#include "plan_timeline_helpers.hpp"

namespace redoubt::alliance {
namespace {

using testing_plan::Date;
using testing_plan::LoadPlanned;
using testing_plan::MovesOf;
using testing_plan::Moves;

TEST(PlanTimeline, BisectionFindsTheNightsOfTheHandBuiltAlliance) {
  plan::CostModel costs;
  const AllianceModel model = LoadPlanned("tests/cases/alliance/planned/alliance.yaml",
                                          "tests/cases/alliance/planned/crews-1.yaml",
                                          Date("2026-01-05"), costs);
  ExposureCache cache;
  AssessOptions options;
  options.cache = &cache;
  const Days from = Date("2026-01-05");
  const Days to = Date("2026-03-01");
  const auto every = AllianceTimeline(model, from, to, options, SIZE_MAX);
  const auto bisected = AllianceTimeline(model, from, to, options, 0);
  // Every night: 01-05, the rule on 01-08, the swaps on 01-08, 01-15, 01-22.
  ASSERT_EQ(every.size(), 4u);
  EXPECT_EQ(every[2].date, Date("2026-01-15"));
  // Bisection: the rule date and the batch's completion night; 01-15 moves nothing.
  ASSERT_EQ(bisected.size(), 3u);
  EXPECT_EQ(bisected[2].date, Date("2026-01-22"));
  const Moves expected = {{{Date("2026-01-22"), 0, 1}, 2}};  // US → GB: secret
  EXPECT_EQ(MovesOf(every), expected);
  EXPECT_EQ(MovesOf(bisected), expected);
  // A reason counts the swaps since the step before: two (01-15, 01-22) when
  // 01-15 is no step, one when it is.
  ASSERT_EQ(bisected[2].reasons.size(), 1u);
  EXPECT_NE(bisected[2].reasons[0].find("GB's planned swap of 2 elements completed on 2026-01-22"),
            std::string::npos) << bisected[2].reasons[0];
  ASSERT_EQ(every[3].reasons.size(), 1u);
  EXPECT_NE(every[3].reasons[0].find("GB's planned swap of 1 element completed on 2026-01-22"),
            std::string::npos) << every[3].reasons[0];
}

}  // namespace
}  // namespace redoubt::alliance
