// Reads standards (`format: redoubt/standard@1`, YAML or JSON) into a
// Standard, following `extends:` to the base standards.
//
// Every problem in every file of the chain is reported as file:line:col with
// a hint, and a typo can never weaken a standard silently:
//   - unknown keys, unknown selector attributes, operators and values are errors;
//   - a rule whose id repeats an inherited one must say `override: true`, and
//     `override: true` on a rule that replaces nothing is an error;
//   - a rule that can never produce a finding (contradictory selectors, a
//     bound that cannot be crossed, `expires` before `effective`) is an error;
//   - `untrusted: true` in a standard that defines no untrusted is an error;
//   - cases must name rules that exist.
// `extends:` is a path relative to the file's folder; a bare file name that is
// not there is looked up in the bundled data/standards/. Cycles are errors.
//
// Complexity: linear in the size of the files of the chain.
#pragma once

#include <string>

#include "core/result.hpp"
#include "core/source.hpp"
#include "policy/standard.hpp"

namespace redoubt::policy {

[[nodiscard]] Result<Standard> LoadStandard(const std::string& path);

// The same for a source already in memory; `extends:` resolves against the
// folder of `source.name()`.
[[nodiscard]] Result<Standard> LoadStandardSource(SourceFile source);

}  // namespace redoubt::policy
