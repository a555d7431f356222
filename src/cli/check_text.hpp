// The text form of `redoubt check`: findings grouped by rule, with counts,
// evidence and remedies; and the timeline of when findings fall due.
#pragma once

#include <span>
#include <string>

#include "policy/evaluate.hpp"
#include "policy/standard.hpp"

namespace redoubt::cli {

// `limit`: at most this many findings shown per rule (0: all).
[[nodiscard]] std::string RenderFindings(const policy::Standard& standard,
                                         std::span<const policy::Evaluation> evaluations,
                                         std::size_t limit);

[[nodiscard]] std::string RenderTimeline(const policy::Standard& standard,
                                         std::span<const policy::Timeline> timelines,
                                         std::size_t limit);

}  // namespace redoubt::cli
