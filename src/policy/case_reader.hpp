// Reads the `cases:` of a standard (policy tests): each a name, an optional
// `as_of` and `only:` list of rules, an inline inventory and the findings it
// must produce:
//
//   cases:
//     - name: an untrusted AMF breaks gb-core after the deadline
//       as_of: 2024-01-01
//       inventory: {sites: [...], elements: [...], links: [...]}
//       expect: [{rule: gb-core, elements: [amf-1]}]
//
// An expectation may list `elements`, `sites`, `services`, `vendors` (the
// union over the rule's findings must equal them) and `count` (the number of
// findings). `expect: []` says the inventory is compliant. Rule ids must exist
// in the standard (with what it inherits).
#pragma once

#include <memory>

#include "core/diagnostics.hpp"
#include "core/source.hpp"
#include "io/document.hpp"
#include "policy/standard.hpp"

namespace redoubt::policy {

// Appends the cases under `node` (the value of `cases:`) to `standard.cases`,
// reporting problems.
void ReadCases(const Node& node, const std::shared_ptr<const SourceFile>& source,
               Standard& standard, Diagnostics& diagnostics);

}  // namespace redoubt::policy
