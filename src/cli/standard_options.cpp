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

std::optional<policy::RuleSeverity> ParseFailOn(const std::string& text) {
  if (text == "never") return std::nullopt;
  if (auto severity = policy::ParseRuleSeverity(text)) return severity;
  throw UsageError(fmt::format(
      "--fail-on '{}' is not a severity: use info, low, medium, high, critical or never", text));
}

}  // namespace redoubt::cli
