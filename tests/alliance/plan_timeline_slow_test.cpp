// The bisection over swap nights (what_if.cpp) against assessing every night,
// on the bundled allies with the bundled illustrative costs, over the span of
// their first planned moves: no move missed, none misdated. Slow (label
// `slow`): one whole alliance assessment per swap night, about 5 minutes
// under the sanitizers.
#include <gtest/gtest.h>

#include "plan_timeline_helpers.hpp"

namespace redoubt::alliance {
namespace {

using testing_plan::Date;
using testing_plan::LoadPlanned;
using testing_plan::MovesOf;
using testing_plan::Moves;

TEST(PlanTimelineSlow, BisectionMissesNoMoveOfTheBundledAllies) {
  plan::CostModel costs;
  const AllianceModel model = LoadPlanned("data/samples/allies/alliance.yaml",
                                          "data/costs/illustrative.yaml", Date("2019-07-01"), costs);
  ExposureCache cache;
  AssessOptions options;
  options.cache = &cache;
  // The first planned swaps arrive in late October 2019 (lead times); the
  // span holds the first planned moves and the nights between them.
  const Days from = Date("2019-07-01");
  const Days to = Date("2020-01-10");  // past the moves of 2020-01-02 and 01-05
  ASSERT_GT(PlannedNights(model, from, to).size(), kEveryNightLimit);
  const auto bisected = AllianceTimeline(model, from, to, options);
  const auto every = AllianceTimeline(model, from, to, options, SIZE_MAX);
  const Moves moves = MovesOf(every);
  EXPECT_FALSE(moves.empty());
  EXPECT_EQ(MovesOf(bisected), moves);
  EXPECT_LT(bisected.size(), every.size());
}

}  // namespace
}  // namespace redoubt::alliance
