// A rule in words, for `redoubt explain`: what it asks, from when, why, on
// whose authority, what to do about a finding, and which cases test it. The
// text and the `redoubt/explanation@1` JSON document are built from one
// Explanation, so they always say the same thing.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "policy/standard.hpp"

namespace redoubt::policy {

struct Explanation {
  std::string id;
  std::string title;
  std::string standard;    // the standard whose file defines the rule
  std::string inherited_by;  // the standard explained, when it inherits the rule; else empty
  std::string defined_at;  // "file:line"
  std::string kind;
  std::string severity;
  std::string binds;       // "always", "from 2023-12-31", ...
  std::string rule;        // the rule in words
  std::string untrusted;   // how the standard defines untrusted, when the rule uses it
  std::string rationale;
  std::string source;
  std::string remedy;
  std::string overrides;   // "file:line" of the inherited rule it replaces
  std::vector<std::string> tested_by;  // "\"name\" (line N)"
};

[[nodiscard]] Explanation Explain(const Standard& standard, const StandardRule& rule);

// Several lines of text ending in a newline.
[[nodiscard]] std::string ExplainRule(const Standard& standard, const StandardRule& rule);

// `redoubt/explanation@1`: the standard and the explanation of each rule in
// `rules` (all of the standard's when empty), with its dates as ISO strings.
[[nodiscard]] nlohmann::ordered_json ExplanationDocument(const Standard& standard,
                                                         const std::vector<const StandardRule*>& rules);

}  // namespace redoubt::policy
