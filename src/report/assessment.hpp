// The assessment document (`redoubt/assessment@1`): every result document of
// one run of `redoubt assess`, gathered in one file so that the report can be
// re-rendered without re-running (`redoubt report assessment.json`).
//
// The report is rendered from this document only, never from engine
// internals. Its shape (schemas/assessment-1.schema.json checks it):
//
//   {
//     "format": "redoubt/assessment@1",
//     "redoubt_version": "0.1.0",
//     "title": "Allied telecom supply-chain assessment",
//     "as_of": "2024-06-01",                 // ISO date the rules are evaluated at
//     "seed": 1,                             // seed of every simulation
//     "command": "redoubt assess ...",       // optional: how to reproduce it
//     "inputs": {
//       "alliance": "data/samples/allies/alliance.yaml",   // or null
//       "standards": ["..."],                // optional
//       "files": ["..."],                    // inventory files
//       "scenarios": ["..."]
//     },
//     "members": [{"code": "GB", "name": "United Kingdom", "networks": ["gb-op1"]}],
//     "inventory": <redoubt/inventory-summary@1 over all networks, or null>,
//     "findings":   [{"member": "GB", "standard": "gb", "document": <redoubt/findings@1>}],
//     "timeline":   [{"member": "GB", "document": <redoubt/timeline@1>}],
//     "exposure":   [{"member": "GB", "document": <redoubt/exposure@1>}],
//     "resilience": [{"member": "GB", "scenario": "vendor-kill-switch",
//                     "document": <redoubt/resilience@1>}],
//     "plan":       [{"member": "GB", "document": <redoubt/plan@1>}],   // assess --costs
//     "alliance": <redoubt/alliance-assessment@1, or null>,
//     "sites": <GeoJSON FeatureCollection built by SitesGeoJson (report/geojson.hpp)>
//   }
//
// Every key but `format` may be absent or null: the report then says that the
// part was "not part of this assessment". A `findings` entry whose `standard`
// is the alliance baseline is shown as baseline compliance; others as the
// member's own standard.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.hpp"
#include "core/source.hpp"

namespace redoubt {

inline constexpr std::string_view kAssessmentFormat = "redoubt/assessment@1";

// Parses an assessment (JSON or YAML) and checks its outline: a map whose
// `format` is kAssessmentFormat, whose list keys (members, findings, timeline,
// exposure, resilience, plan) are lists and whose document keys (inventory,
// alliance, sites) are maps or null. Every problem is a diagnostic at the
// offending value. Deeper content is not checked: the report shows what it
// finds. O(size of the text).
[[nodiscard]] Result<nlohmann::ordered_json> ReadAssessment(const SourceFile& source);

}  // namespace redoubt
