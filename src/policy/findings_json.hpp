// The result documents of `redoubt check`: `redoubt/findings@1` (findings on
// a date) and `redoubt/timeline@1` (when findings fall due). They are the
// contract with everything that presents findings (text, HTML report, the
// alliance view), so they carry everything: the standard and its chain of
// files, each rule's status, every finding with its evidence, what could not
// be assessed.
#pragma once

#include <optional>
#include <span>

#include <nlohmann/json.hpp>

#include "policy/evaluate.hpp"
#include "policy/finding.hpp"
#include "policy/standard.hpp"

namespace redoubt::policy {

[[nodiscard]] nlohmann::ordered_json FindingJson(const Finding& finding);

// `fail_on`: the severity at or above which the run fails (nullopt: never).
[[nodiscard]] nlohmann::ordered_json FindingsDocument(const Standard& standard,
                                                      std::span<const Evaluation> evaluations,
                                                      std::optional<RuleSeverity> fail_on);

[[nodiscard]] nlohmann::ordered_json TimelineDocument(const Standard& standard,
                                                      std::span<const Timeline> timelines);

// Whether any finding is at or above `fail_on`.
[[nodiscard]] bool AnyAtOrAbove(std::span<const Evaluation> evaluations,
                                std::optional<RuleSeverity> fail_on);

}  // namespace redoubt::policy
