// A rule in words, for `redoubt explain`: what it asks, from when, why, on
// whose authority, what to do about a finding, and which cases test it.
#pragma once

#include <string>

#include "policy/standard.hpp"

namespace redoubt::policy {

// Several lines of text ending in a newline.
[[nodiscard]] std::string ExplainRule(const Standard& standard, const StandardRule& rule);

}  // namespace redoubt::policy
