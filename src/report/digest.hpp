// The report's view of an assessment: the assessment with every list that
// grows with the network cut to its worst rows, and every crowded map turned
// into grid cells, so that report.html stays small and quick to draw at
// national scale while assessment.json and sites.geojson keep every row.
//
//   nlohmann::ordered_json view = ReportDigest(assessment);   // what the page embeds
//
// What is cut (each only past its limit; a smaller document comes back
// unchanged, byte for byte once dumped):
//
//   - exposure: a network's `services`, the most exposed first (espionage,
//     then sabotage, then weight), and its `single_points.elements` and
//     `.sites`, the heaviest first, as the report's chart orders them;
//   - findings: a network's `findings`, the most severe first, then those
//     naming the most elements (the report's "worst offenders" order); the
//     document then carries `elements_named`, the report's table of the
//     elements named by the most findings, computed over every finding;
//   - timeline: a step's `due` findings, the most severe first;
//   - alliance: a member's `compliance.findings.baseline` and `.standard`,
//     the most severe first;
//   - sites: a member with more than `map_sites` sites loses its points; the
//     collection's `aggregated` list holds, per such member, square grid
//     cells (count of sites, named by a finding, carrying exposed traffic,
//     worst severity) and its flagged sites, the worst first.
//
// Beside each cut list `<key>` stands `<key>_omitted`: {"count": rows left
// out, and the sums of the columns the report totals}, so kept + omitted is
// the whole list. The document gains `digest`: {"limits", "cuts": [{"part",
// "member", "network", "list", "kept", "omitted"}]}. Nothing else changes:
// `figures`, the sharing matrix, the resilience bands and every count the
// report prints come through untouched.
//
// Deterministic: same input, same output (stable orders, ties keep the
// document's order; sums in document order). Copies only what it keeps:
// O(size of the assessment + L log L) for the longest list L.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>

namespace redoubt {

struct DigestLimits {
  // Rows kept of a list whose rows the report shows (a network's services,
  // findings, single points, a member's flagged sites) or that are small (the
  // alliance view's references to findings, about 150 bytes each). The report's tables
  // show the 8 to 12 worst; 100 keeps those exact whatever the networks'
  // mix (each network is cut on its own) and leaves a reader of the embedded
  // view a tail, at 60 to 220 kB per network and list (an exposed service
  // carries its evidence: about 2 kB).
  std::size_t rows = 100;
  // Rows kept of a timeline step's due findings, which the report only
  // counts: a sample of the worst, so the embedded view still shows what a
  // row holds. A step of a national timeline lists thousands of whole
  // findings (about 600 bytes each), and a network has a step per dated rule.
  std::size_t counted_rows = 20;
  // A member with more sites than this is mapped as grid cells: each site is
  // an SVG symbol, and Chromium draws about 5,000 in a second; a national
  // member has tens of thousands.
  std::size_t map_sites = 5000;
  // The most cells of one member's map: the cell side is the smallest of
  // 0.01°, 0.02°, 0.05°, 0.1° … 45° that keeps the occupied cells under it.
  std::size_t map_cells = 2000;
};

// The report's view of `assessment` (redoubt/assessment@1, as ReadAssessment
// accepts it); parts it does not recognise are copied as they are.
[[nodiscard]] nlohmann::ordered_json ReportDigest(const nlohmann::ordered_json& assessment,
                                                  const DigestLimits& limits = {});

}  // namespace redoubt
