// --assign: fills in what an imported topology does not say (vendor, kind)
// from a small YAML (or JSON) mapping, applied rule by rule in order (a
// later rule overrides an earlier one for the elements both match):
//
//   format: redoubt/assign@1
//   seed: 7                          # for `shares`; default: the --seed option
//   rules:
//     - match: {id: [n1, n2]}        # element ids
//       vendor: cisco
//     - match: {name: "^Lon"}        # ECMAScript regex on the element's site name
//       kind: switch
//     - match: {kind: router, region: [Germany, France]}
//       shares: {huawei: 0.3, nokia: 0.7}
//
// `match` keys (all optional, all must hold): id, kind, region, name,
// vendor (e.g. `vendor: unknown` for what is still unassigned). A rule sets
// any of vendor, kind (+ domain for a custom kind), or shares: within each
// region, the matched elements are ordered along a Hilbert curve over their
// sites and cut into contiguous runs in proportion to the shares (the cut
// starts at a point drawn from the seed), so a vendor holds areas, as
// operators buy, rather than scattered elements.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/network.hpp"

namespace redoubt::importers {

// Reads the mapping at `path` and applies it to `network`. Problems in the
// mapping are reported (file:line:col) and nothing is applied then. Returns
// summary lines (what: count).
std::vector<std::pair<std::string, std::size_t>> ApplyAssignment(const std::string& path,
                                                                 std::uint64_t seed,
                                                                 Network& network,
                                                                 Diagnostics& diagnostics);

}  // namespace redoubt::importers
