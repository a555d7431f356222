// What the policy commands (check, explain, test) share: loading a standard
// with its diagnostics printed, and reading dates and severities from flags.
#pragma once

#include <optional>
#include <string>

#include "core/text.hpp"
#include "policy/finding.hpp"
#include "policy/standard.hpp"

namespace redoubt::cli {

// Loads the standard at `path`, printing its diagnostics to stderr; nullopt on errors.
std::optional<policy::Standard> LoadStandardPrinting(const std::string& path);

// "2024-01-01" → days; throws UsageError naming `flag` when malformed.
Days ParseDateFlag(const std::string& text, std::string_view flag);

// "2019-07-01..2030-12-31" → (from, to); throws UsageError naming `flag` when
// malformed or when it ends before it starts.
std::pair<Days, Days> ParseDateSpan(const std::string& text, std::string_view flag);

// "high" → kHigh, "never" → nullopt; throws UsageError otherwise.
std::optional<policy::RuleSeverity> ParseFailOn(const std::string& text);

}  // namespace redoubt::cli
