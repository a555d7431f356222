// The kill-switch figure's tally: weight-hours lost over weight-hours
// possible, summed over networks, with the critical set summed from the
// series of the critical sectors.
#include <gtest/gtest.h>

#include "assess/figures.hpp"

namespace redoubt {
namespace {

SeriesSummary Series(const std::string& name, double weight, double loss_hours) {
  SeriesSummary series;
  series.name = name;
  series.weight = weight;
  series.loss_hours.mean = loss_hours;
  return series;
}

TEST(KillSwitchTally, NothingAddedIsNotAvailable) {
  KillSwitchTally tally;
  EXPECT_FALSE(tally.Share(ServiceSet::kAll).has_value());
  tally.Add(ResilienceSummary{}, 240);  // no series
  EXPECT_FALSE(tally.Share(ServiceSet::kCritical).has_value());
  ResilienceSummary summary;
  summary.series = {Series("all", 10, 24)};
  tally.Add(summary, 0);  // no horizon
  EXPECT_FALSE(tally.Share(ServiceSet::kAll).has_value());
}

TEST(KillSwitchTally, SumsWeightHoursOverNetworksAndCriticalSectors) {
  ResilienceSummary first;  // 10 of weight: health 4 (12 h lost), public 6 (32 h lost)
  first.series = {Series("all", 10, 24), Series("health", 4, 12), Series("public", 6, 32)};
  ResilienceSummary second;  // 30 of weight, all defence, 48 h lost
  second.series = {Series("all", 30, 48), Series("defence", 30, 48)};
  KillSwitchTally tally;
  tally.Add(first, 240);
  tally.Add(second, 240);
  EXPECT_DOUBLE_EQ(*tally.Share(ServiceSet::kAll), (10 * 24 + 30 * 48) / (40.0 * 240));
  EXPECT_DOUBLE_EQ(*tally.Share(ServiceSet::kCritical), (4 * 12 + 30 * 48) / (34.0 * 240));
}

TEST(KillSwitchTally, ASeriesOfNoKnownSectorIsNotCritical) {
  ResilienceSummary summary;
  summary.series = {Series("all", 5, 10), Series("elsewhere", 5, 10)};
  KillSwitchTally tally;
  tally.Add(summary, 100);
  EXPECT_DOUBLE_EQ(*tally.Share(ServiceSet::kAll), 0.1);
  EXPECT_FALSE(tally.Share(ServiceSet::kCritical).has_value());
}

}  // namespace
}  // namespace redoubt
