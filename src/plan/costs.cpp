#include "plan/costs.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/document.hpp"
#include "io/node_reader.hpp"
#include "model/vocabulary.hpp"

namespace redoubt::plan {

namespace {

constexpr std::string_view kTopKeys[] = {"format",  "title",   "description", "illustrative",
                                         "currency", "sources", "swaps",       "site_visit_cost",
                                         "crews",   "windows", "budget",      "replacement"};
constexpr std::string_view kSwapKeys[] = {"unit_cost", "swap_hours", "lead_time_days", "source"};
constexpr std::string_view kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

class Reader {
 public:
  Reader(const SourceFile& source, Diagnostics& diagnostics)
      : source_(source), diagnostics_(diagnostics) {}

  std::optional<CostModel> Read() {
    auto tree = ParseTree(source_, diagnostics_);
    if (!tree) return std::nullopt;
    if (tree->type == Node::Type::kNull) {
      diagnostics_.Error(Location{source_.name(), 1, 1}, "the file is empty",
                         fmt::format("a costs file starts with 'format: {}'", kCostsFormat));
      return std::nullopt;
    }
    MapReader top(*tree, source_, diagnostics_, "costs", kTopKeys);
    if (!top.ok()) return std::nullopt;
    CheckFormat(top.Get("format"), tree->offset, kCostsFormat, source_, diagnostics_);
    model_.file = source_.name();
    model_.title = top.String("title").value_or("");
    (void)top.String("description");
    model_.illustrative = top.Bool("illustrative").value_or(false);
    model_.currency = top.String("currency").value_or("USD");
    if (const Node* sources = top.Get("sources")) ReadSources(*sources);
    if (const Node* swaps = top.Get("swaps", Need::kRequired)) ReadSwaps(*swaps);
    model_.site_visit_cost = top.Number("site_visit_cost", Need::kOptional, {.min = 0, .max = 1e12})
                                 .value_or(0);
    if (const Node* crews = top.Get("crews", Need::kRequired)) ReadCrews(*crews);
    if (const Node* windows = top.Get("windows")) ReadWindows(*windows);
    if (const Node* budget = top.Get("budget")) ReadBudget(*budget);
    if (const Node* replacement = top.Get("replacement")) ReadReplacement(*replacement);
    return std::move(model_);
  }

 private:
  void ReadSources(const Node& node) {
    if (!node.IsSequence()) {
      Error(node, "sources must be a list", "write sources: [{id: ..., title: ..., url: ...}]");
      return;
    }
    for (const Node& item : node.items) {
      MapReader entry(item, source_, diagnostics_, "source", {"id", "title", "url", "note"});
      if (!entry.ok()) continue;
      CostSource source;
      source.id = entry.String("id", Need::kRequired).value_or("");
      source.title = entry.String("title", Need::kRequired).value_or("");
      source.url = entry.String("url").value_or("");
      source.note = entry.String("note").value_or("");
      model_.sources.push_back(std::move(source));
    }
  }

  SwapCost ReadSwap(const Node& node, const std::string& what) {
    MapReader entry(node, source_, diagnostics_, what, kSwapKeys);
    SwapCost cost;
    if (!entry.ok()) return cost;
    cost.unit_cost = entry.Number("unit_cost", Need::kOptional, {.min = 0, .max = 1e12});
    cost.swap_hours = entry.Number("swap_hours", Need::kOptional,
                                   {.min = 0, .max = 24, .exclusive_min = true});
    cost.lead_time_days = entry.Number("lead_time_days", Need::kOptional, {.min = 0, .max = 3650});
    cost.source = entry.String("source").value_or("illustrative");
    return cost;
  }

  void ReadSwaps(const Node& node) {
    MapReader swaps(node, source_, diagnostics_, "swaps", {"by_domain", "by_kind"});
    if (!swaps.ok()) return;
    if (const Node* domains = swaps.Get("by_domain")) {
      MapReader check(*domains, source_, diagnostics_, "swaps.by_domain", DomainNames());
      if (check.ok()) {
        for (const Field& field : domains->fields) {
          model_.by_domain[field.key] = ReadSwap(field.value, "swaps.by_domain." + field.key);
        }
      }
    }
    if (const Node* kinds = swaps.Get("by_kind")) {
      if (!kinds->IsMap()) {
        Error(*kinds, "swaps.by_kind must be a map", "write by_kind: {gnb: {unit_cost: ...}}");
        return;
      }
      for (const Field& field : kinds->fields) {
        // Kinds are open (an inventory may declare its own), so any name is
        // taken; a kind no inventory has is simply never used.
        model_.by_kind[field.key] = ReadSwap(field.value, "swaps.by_kind." + field.key);
      }
    }
  }

  void ReadCrews(const Node& node) {
    if (node.type == Node::Type::kNumber) {
      model_.shared_crews = Count(node, "crews");
      return;
    }
    MapReader crews(node, source_, diagnostics_, "crews", {"count", "by_region"});
    if (!crews.ok()) return;
    if (auto count = crews.Number("count", Need::kOptional, {.min = 0, .max = 1e6, .integer = true})) {
      model_.shared_crews = static_cast<std::uint32_t>(*count);
    }
    if (const Node* regions = crews.Get("by_region")) {
      if (!regions->IsMap()) {
        Error(*regions, "crews.by_region must be a map", "write by_region: {London: 6}");
        return;
      }
      for (const Field& field : regions->fields) {
        model_.crews_by_region[field.key] = Count(field.value, "crews.by_region." + field.key);
      }
    }
  }

  std::uint32_t Count(const Node& node, const std::string& what) {
    auto value = ReadNumber(node, source_, diagnostics_, what, {.min = 0, .max = 1e6, .integer = true});
    return value ? static_cast<std::uint32_t>(*value) : 0;
  }

  void ReadWindows(const Node& node) {
    MapReader windows(node, source_, diagnostics_, "windows", {"start", "hours", "days"});
    if (!windows.ok()) return;
    if (auto start = windows.String("start")) {
      const std::string& text = *start;
      const bool shaped = text.size() == 5 && text[2] == ':' && std::isdigit(text[0]) != 0 &&
                          std::isdigit(text[1]) != 0 && text[3] == '0' && text[4] == '0';
      const int hour = shaped ? (text[0] - '0') * 10 + (text[1] - '0') : -1;
      if (hour < 0 || hour > 23) {
        Error(*windows.Get("start"), fmt::format("windows.start '{}' is not a whole hour", text),
                  "write it as HH:00, e.g. \"00:00\" or \"22:00\"");
      } else {
        model_.window_start_hour = hour;
      }
    }
    if (auto hours = windows.Number("hours", Need::kOptional, {.min = 0, .max = 24, .exclusive_min = true})) {
      model_.window_hours = *hours;
    }
    if (const Node* days = windows.Get("days")) {
      if (auto names = windows.StringList("days")) {
        model_.window_days.fill(false);
        for (const std::string& name : *names) {
          std::size_t index = 0;
          while (index < 7 && kDayNames[index] != name) ++index;
          if (index == 7) {
            Error(*days, fmt::format("'{}' is not a day", name),
                  "use mon, tue, wed, thu, fri, sat or sun");
          } else {
            model_.window_days[index] = true;
          }
        }
        if (names->empty()) Error(*days, "windows.days is empty", "name at least one day, e.g. [sun]");
      }
    }
  }

  void ReadBudget(const Node& node) {
    MapReader budget(node, source_, diagnostics_, "budget", {"per_year"});
    if (!budget.ok()) return;
    const Node* years = budget.Get("per_year", Need::kRequired);
    if (years == nullptr) return;
    if (!years->IsMap()) {
      Error(*years, "budget.per_year must be a map", "write per_year: {2026: 1.0e7, 2027: 1.0e7}");
      return;
    }
    for (const Field& field : years->fields) {
      int year = 0;
      const bool digits = field.key.size() == 4 &&
                          std::all_of(field.key.begin(), field.key.end(),
                                      [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
      if (digits) year = std::stoi(field.key);
      if (!digits || year < 1900) {
        diagnostics_.Error(source_.LocationOf(field.key_offset),
                           fmt::format("budget year '{}' is not a year", EscapeControlCharacters(field.key)),
                           "write a four-digit year, e.g. 2026");
        continue;
      }
      if (auto amount = ReadNumber(field.value, source_, diagnostics_, "budget." + field.key,
                                   {.min = 0, .max = 1e15})) {
        model_.budget_per_year[year] = *amount;
      }
    }
  }

  void ReadReplacement(const Node& node) {
    MapReader replacement(node, source_, diagnostics_, "replacement", DomainNames());
    if (!replacement.ok()) return;
    for (const Field& field : node.fields) {
      if (auto vendor = ReadString(field.value, source_, diagnostics_, "replacement." + field.key)) {
        model_.replacement[field.key] = *vendor;
      }
    }
  }

  void Error(const Node& at, std::string message, std::string hint) {
    diagnostics_.Error(source_.LocationOf(at.offset), std::move(message), std::move(hint));
  }

  const SourceFile& source_;
  Diagnostics& diagnostics_;
  CostModel model_;
};

}  // namespace

Result<CostModel> ReadCostsSource(const SourceFile& source) {
  Diagnostics diagnostics;
  Reader reader(source, diagnostics);
  auto model = reader.Read();
  if (!model) return Result<CostModel>(std::move(diagnostics));
  return Result<CostModel>(std::move(*model), std::move(diagnostics));
}

Result<CostModel> ReadCosts(const std::string& path) {
  try {
    return ReadCostsSource(SourceFile::Read(path));
  } catch (const IoError& error) {
    Diagnostics diagnostics;
    std::string reason = error.what();
    if (reason.starts_with(path + ": ")) reason.erase(0, path.size() + 2);
    diagnostics.Error(Location{path, 0, 0}, "cannot read costs file: " + reason,
                      "check the path; an illustrative one is data/costs/illustrative.yaml");
    return Result<CostModel>(std::move(diagnostics));
  }
}

}  // namespace redoubt::plan
