#include "cli/standard_options.hpp"

#include <iostream>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "core/error.hpp"
#include "policy/standard_reader.hpp"

namespace redoubt::cli {

std::optional<policy::Standard> LoadStandardPrinting(const std::string& path) {
  auto loaded = policy::LoadStandard(path);
  PrintDiagnostics(loaded.diagnostics(), std::cerr);
  if (!loaded.ok()) return std::nullopt;
  return std::move(loaded).value();
}

Days ParseDateFlag(const std::string& text, std::string_view flag) {
  auto days = ParseIsoDate(text);
  if (!days) {
    throw UsageError(fmt::format("{} '{}' is not a date: write YYYY-MM-DD, such as 2024-01-01",
                                 flag, text));
  }
  return *days;
}

std::pair<Days, Days> ParseDateSpan(const std::string& text, std::string_view flag) {
  const auto dots = text.find("..");
  if (dots == std::string::npos) {
    throw UsageError(fmt::format("{} '{}' is not a span: write FROM..TO, such as "
                                 "2019-07-01..2030-12-31", flag, text));
  }
  const Days from = ParseDateFlag(text.substr(0, dots), flag);
  const Days to = ParseDateFlag(text.substr(dots + 2), flag);
  if (to < from) throw UsageError(fmt::format("{} '{}' ends before it starts", flag, text));
  return {from, to};
}

std::optional<policy::RuleSeverity> ParseFailOn(const std::string& text) {
  if (text == "never") return std::nullopt;
  if (auto severity = policy::ParseRuleSeverity(text)) return severity;
  throw UsageError(fmt::format(
      "--fail-on '{}' is not a severity: use info, low, medium, high, critical or never", text));
}

}  // namespace redoubt::cli
