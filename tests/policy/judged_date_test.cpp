// The one date rule (--as-of, else the latest inventory date, else today) and
// the deadlines an old inventory is judged against.
#include "policy/judged_date.hpp"

#include <gtest/gtest.h>

#include "policy/standard_reader.hpp"
#include "testing.hpp"

namespace redoubt::policy {
namespace {

Network Dated(const std::string& id, const char* as_of) {
  Network network;
  network.info.id = id;
  network.info.as_of = as_of == nullptr ? kNoDate : *ParseIsoDate(as_of);
  return network;
}

Days Date(const char* text) { return *ParseIsoDate(text); }

TEST(JudgedDate, FlagThenLatestInventoryThenToday) {
  const std::vector<Network> networks = {Dated("a", "2019-07-01"), Dated("b", "2021-03-01"),
                                         Dated("c", nullptr), Dated("d", "2021-03-01")};
  const Days today = Date("2026-12-01");

  const JudgedDate flag = ChooseJudgedDate(Date("2024-01-01"), networks, today);
  EXPECT_EQ(flag.date, Date("2024-01-01"));
  EXPECT_EQ(flag.source, DateSource::kFlag);
  EXPECT_EQ(DescribeJudgedDate(flag), "2024-01-01 (--as-of)");

  const JudgedDate inventory = ChooseJudgedDate(kNoDate, networks, today);
  EXPECT_EQ(inventory.date, Date("2021-03-01"));
  EXPECT_EQ(inventory.source, DateSource::kInventory);
  EXPECT_EQ(inventory.network, "b");  // the first of the latest
  EXPECT_EQ(DescribeJudgedDate(inventory), "2021-03-01 (the latest inventory date, b)");

  const std::vector<Network> undated = {Dated("c", nullptr)};
  const JudgedDate fallback = ChooseJudgedDate(kNoDate, undated, today);
  EXPECT_EQ(fallback.date, today);
  EXPECT_EQ(fallback.source, DateSource::kToday);
  EXPECT_EQ(ChooseJudgedDate(kNoDate, {}, today).source, DateSource::kToday);
}

TEST(JudgedDate, AnOldInventoryNamesTheDeadlinesInBetween) {
  auto gb = LoadStandard(testing::SourcePath("data/standards/gb.yaml"));
  ASSERT_TRUE(gb.ok());
  const Standard* standards[] = {&gb.value()};
  const Network network = Dated("gb-op1", "2019-07-01");

  EXPECT_FALSE(LagOf(network, standards, Date("2019-07-01")).has_value());  // not older
  EXPECT_FALSE(LagOf(Dated("x", nullptr), standards, Date("2024-07-01")).has_value());

  const auto lag = LagOf(network, standards, Date("2024-07-01"));
  ASSERT_TRUE(lag.has_value());
  std::vector<std::string> deadlines;
  for (const Deadline& deadline : lag->deadlines) {
    deadlines.push_back(FormatIsoDate(deadline.effective) + " " + deadline.standard + "/" +
                        deadline.rule);
  }
  const std::vector<std::string> expected = {
      "2020-01-28 gb/gb-ran-cap",           "2022-10-13 gb/gb-no-new-installs",
      "2023-01-28 gb/gb-sensitive-sites",   "2023-10-31 gb/gb-fibre-cap",
      "2023-12-31 gb/gb-security-functions", "2023-12-31 gb/nato-core-untrusted",
      "2023-12-31 gb/nato-management-untrusted"};
  EXPECT_EQ(deadlines, expected);  // gb-5g-exit (2027-12-31) is still ahead
  EXPECT_EQ(DescribeLag(*lag, 2),
            "inventory gb-op1 (2019-07-01) predates the date judged on (2024-07-01); 7 deadlines "
            "fell due in between, judged on equipment as inventoried: gb-ran-cap 2020-01-28, "
            "gb-no-new-installs 2022-10-13 and 5 more");

  const JudgedDate date{Date("2024-07-01"), DateSource::kFlag, {}};
  const std::vector<InventoryLag> lags = {*lag};
  const auto json = JudgedDateJson(date, lags);
  EXPECT_EQ(json["as_of"], "2024-07-01");
  EXPECT_EQ(json["as_of_source"], "as-of");
  EXPECT_TRUE(json["as_of_network"].is_null());
  EXPECT_EQ(json["inventory_predates"][0]["network"], "gb-op1");
  EXPECT_EQ(json["inventory_predates"][0]["inventory_as_of"], "2019-07-01");
  EXPECT_EQ(json["inventory_predates"][0]["deadlines"].size(), 7U);
  EXPECT_EQ(json["inventory_predates"][0]["deadlines"][6]["severity"], "critical");

  const nlohmann::ordered_json document = {{"format", "redoubt/findings@1"}, {"networks", 1}};
  const auto dated = WithJudgedDate(document, date, lags);
  std::vector<std::string> keys;
  for (const auto& [key, value] : dated.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"format", "as_of", "as_of_source", "as_of_network",
                                            "inventory_predates", "networks"}));
}

}  // namespace
}  // namespace redoubt::policy
