#include "policy/judged_date.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace redoubt::policy {

std::string_view Name(DateSource source) {
  switch (source) {
    case DateSource::kFlag: return "as-of";
    case DateSource::kInventory: return "inventory";
    case DateSource::kToday: return "today";
  }
  return "today";
}

JudgedDate ChooseJudgedDate(Days flag, std::span<const Network> networks, Days today) {
  if (flag != kNoDate) return {flag, DateSource::kFlag, {}};
  JudgedDate latest{kNoDate, DateSource::kInventory, {}};
  for (const Network& network : networks) {
    if (network.info.as_of != kNoDate && network.info.as_of > latest.date) {
      latest.date = network.info.as_of;
      latest.network = network.info.id;
    }
  }
  if (latest.date != kNoDate) return latest;
  return {today, DateSource::kToday, {}};
}

std::string DescribeJudgedDate(const JudgedDate& date) {
  switch (date.source) {
    case DateSource::kFlag: return fmt::format("{} (--as-of)", FormatIsoDate(date.date));
    case DateSource::kInventory:
      return fmt::format("{} (the latest inventory date, {})", FormatIsoDate(date.date), date.network);
    case DateSource::kToday:
      return fmt::format("{} (today: no inventory has an as_of)", FormatIsoDate(date.date));
  }
  return FormatIsoDate(date.date);
}

std::optional<InventoryLag> LagOf(const Network& network,
                                  std::span<const Standard* const> standards, Days judged) {
  if (network.info.as_of == kNoDate || judged == kNoDate || network.info.as_of >= judged) {
    return std::nullopt;
  }
  InventoryLag lag{network.info.id, network.info.as_of, judged, {}};
  std::set<std::string> seen;
  for (const Standard* standard : standards) {
    if (standard == nullptr) continue;
    for (const StandardRule& rule : standard->rules) {
      if (rule.effective == kNoDate || rule.effective <= lag.inventory || rule.effective > judged) {
        continue;
      }
      if (!seen.insert(rule.id).second) continue;
      lag.deadlines.push_back({rule.standard_id.empty() ? standard->id : rule.standard_id, rule.id,
                               rule.effective, rule.severity});
    }
  }
  std::sort(lag.deadlines.begin(), lag.deadlines.end(), [](const Deadline& a, const Deadline& b) {
    return std::tie(a.effective, a.standard, a.rule) < std::tie(b.effective, b.standard, b.rule);
  });
  return lag;
}

std::string DescribeLag(const InventoryLag& lag, std::size_t shown) {
  std::string out = fmt::format("inventory {} ({}) predates the date judged on ({})", lag.network,
                                FormatIsoDate(lag.inventory), FormatIsoDate(lag.judged));
  if (lag.deadlines.empty()) return out + "; no deadline fell due in between";
  out += fmt::format("; {} deadline{} fell due in between, judged on equipment as inventoried: ",
                     lag.deadlines.size(), lag.deadlines.size() == 1 ? "" : "s");
  for (std::size_t index = 0; index < lag.deadlines.size() && index < shown; ++index) {
    out += fmt::format("{}{} {}", index == 0 ? "" : ", ", lag.deadlines[index].rule,
                       FormatIsoDate(lag.deadlines[index].effective));
  }
  if (lag.deadlines.size() > shown) out += fmt::format(" and {} more", lag.deadlines.size() - shown);
  return out;
}

nlohmann::ordered_json JudgedDateJson(const JudgedDate& date, std::span<const InventoryLag> lags) {
  using Json = nlohmann::ordered_json;
  Json out;
  out["as_of"] = date.date == kNoDate ? Json(nullptr) : Json(FormatIsoDate(date.date));
  out["as_of_source"] = Name(date.source);
  out["as_of_network"] = date.network.empty() ? Json(nullptr) : Json(date.network);
  Json predates = Json::array();
  for (const InventoryLag& lag : lags) {
    Json deadlines = Json::array();
    for (const Deadline& deadline : lag.deadlines) {
      deadlines.push_back({{"standard", deadline.standard},
                           {"rule", deadline.rule},
                           {"effective", FormatIsoDate(deadline.effective)},
                           {"severity", Name(deadline.severity)}});
    }
    predates.push_back({{"network", lag.network},
                        {"inventory_as_of", FormatIsoDate(lag.inventory)},
                        {"judged_as_of", FormatIsoDate(lag.judged)},
                        {"deadlines", std::move(deadlines)}});
  }
  out["inventory_predates"] = std::move(predates);
  return out;
}

nlohmann::ordered_json WithJudgedDate(const nlohmann::ordered_json& document,
                                      const JudgedDate& date, std::span<const InventoryLag> lags) {
  nlohmann::ordered_json out;
  const nlohmann::ordered_json dated = JudgedDateJson(date, lags);
  for (const auto& [key, value] : document.items()) {
    out[key] = value;
    if (key == "format") {
      for (const auto& [dated_key, dated_value] : dated.items()) out[dated_key] = dated_value;
    }
  }
  return out;
}

std::string JudgedDateText(const JudgedDate& date, std::span<const InventoryLag> lags) {
  std::string out = fmt::format("judged on {}\n", DescribeJudgedDate(date));
  for (const InventoryLag& lag : lags) out += "note: " + DescribeLag(lag) + "\n";
  return out;
}

}  // namespace redoubt::policy
