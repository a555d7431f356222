// The redoubt/costs@1 reader.
#include <gtest/gtest.h>

#include "core/source.hpp"
#include "plan/costs.hpp"
#include "testing.hpp"

namespace redoubt::plan {
namespace {

std::string Problems(const Diagnostics& diagnostics) {
  std::string all;
  for (const auto& diagnostic : diagnostics.Items()) all += diagnostic.Format() + "\n";
  return all;
}

Result<CostModel> Read(const std::string& text) {
  return ReadCostsSource(SourceFile::FromString("costs.yaml", text));
}

TEST(Costs, BundledIllustrativeFile) {
  auto costs = ReadCosts(testing::SourcePath("data/costs/illustrative.yaml"));
  ASSERT_TRUE(costs.ok()) << Problems(costs.diagnostics());
  const CostModel& model = costs.value();
  EXPECT_TRUE(model.illustrative);
  EXPECT_EQ(model.currency, "USD");
  EXPECT_EQ(model.by_domain.at("core").unit_cost, 900000);
  EXPECT_EQ(model.by_kind.at("gnb").swap_hours, 5);
  EXPECT_FALSE(model.by_kind.at("gnb").lead_time_days.has_value());  // from the domain
  EXPECT_EQ(model.crews_by_region.at("London"), 2u);
  EXPECT_EQ(model.shared_crews, 2u);
  EXPECT_EQ(model.window_hours, 6);
  EXPECT_EQ(model.window_days, (std::array<bool, 7>{true, true, true, true, false, false, true}));
  EXPECT_EQ(model.budget_per_year.at(2027), 1.5e7);
  // Every figure says where it comes from.
  for (const auto& [domain, cost] : model.by_domain) EXPECT_EQ(cost.source, "illustrative") << domain;
  ASSERT_FALSE(model.sources.empty());
  EXPECT_EQ(model.sources.front().id, "fcc-scrp");
}

TEST(Costs, SmallestFile) {
  auto costs = Read("format: redoubt/costs@1\nswaps: {by_domain: {ran: {unit_cost: 1, swap_hours: 1}}}\ncrews: 3\n");
  ASSERT_TRUE(costs.ok()) << Problems(costs.diagnostics());
  EXPECT_EQ(costs.value().shared_crews, 3u);
  EXPECT_TRUE(costs.value().budget_per_year.empty());
  EXPECT_EQ(costs.value().window_start_hour, 0);
}

TEST(Costs, EveryProblemWithItsPlace) {
  auto costs = Read(R"(format: redoubt/costs@1
swaps:
  by_domain: {rann: {unit_cost: 1, swap_hours: 1}}
  by_kind: {gnb: {unit_cost: -1, swap_hours: 30, colour: red}}
crews: {count: 1.5}
windows: {start: "25:00", days: [funday]}
budget: {per_year: {twenty: 5}}
replacement: {ran: 3}
sites: []
)");
  ASSERT_FALSE(costs.ok());
  const std::string text = Problems(costs.diagnostics());
  EXPECT_NE(text.find("costs.yaml:3:15"), std::string::npos) << text;  // rann
  EXPECT_NE(text.find("did you mean 'ran'"), std::string::npos) << text;
  EXPECT_NE(text.find("costs.yaml:4:"), std::string::npos) << text;
  EXPECT_NE(text.find("colour"), std::string::npos) << text;
  EXPECT_NE(text.find("'25:00' is not a whole hour"), std::string::npos) << text;
  EXPECT_NE(text.find("'funday' is not a day"), std::string::npos) << text;
  EXPECT_NE(text.find("budget year 'twenty' is not a year"), std::string::npos) << text;
  EXPECT_NE(text.find("sites"), std::string::npos) << text;
  EXPECT_GE(costs.diagnostics().Items().size(), 8u) << text;
}

TEST(Costs, MissingFileAndWrongFormat) {
  auto missing = ReadCosts("/nonexistent/costs.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(Problems(missing.diagnostics()).find("cannot read costs file"), std::string::npos);
  auto wrong = Read("format: redoubt/inventory@1\nswaps: {}\ncrews: 1\n");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(Problems(wrong.diagnostics()).find("redoubt/costs@1"), std::string::npos);
  auto empty = Read("");
  EXPECT_FALSE(empty.ok());
}

}  // namespace
}  // namespace redoubt::plan
