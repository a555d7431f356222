// The HTML report: one self-contained file that works offline.
//
// RenderReportHtml inlines into the template (src/report/assets/report.html)
// its stylesheet, the renderer scripts, the Vega, Vega-Lite and vega-embed
// builds, the Natural Earth countries (world-atlas TopoJSON) and the
// assessment's digest (report/digest.hpp: the assessment itself, with the
// lists that grow with the network cut to their worst rows and crowded maps
// drawn as grid cells), so the browser fetches nothing. The scripts draw
// every chart from that document (report/assessment.hpp); nothing of the
// engine reaches the page but it.
//
//   ReportAssets assets = LoadReportAssets(ReportAssetsDir());
//   std::string html = RenderReportHtml(assessment, assets);
//   WriteFileAtomically("report.html", html);
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/digest.hpp"

namespace redoubt {

// The renderer scripts, in load order (paths under src/report/assets/).
inline constexpr const char* kReportScripts[] = {"util.js", "summary.js", "alliance.js",
                                                 "member.js", "resilience.js", "plan.js", "map.js",
                                                 "report.js"};

// Everything the page needs, as text.
struct ReportAssets {
  std::string html_template;  // report.html, with the <!-- redoubt:... --> markers
  std::string css;            // report.css
  // Third-party builds then the renderer scripts, each (name, source), in load order.
  std::vector<std::pair<std::string, std::string>> scripts;
  std::string world_topojson;  // world-atlas countries-110m.json
};

// Where the assets are found: $REDOUBT_ASSETS if set, else the source tree the
// build was configured from. The folder holds src/report/assets/ and, once
// scripts/setup has run, node_modules/.
[[nodiscard]] std::string ReportAssetsDir();

// Reads every asset under `root` (see ReportAssetsDir). Throws IoError naming
// the missing file and saying to run scripts/setup when one cannot be read.
[[nodiscard]] ReportAssets LoadReportAssets(const std::string& root);

// The report page. The template must hold the markers <!-- redoubt:title -->,
// <!-- redoubt:style -->, <!-- redoubt:data --> and <!-- redoubt:scripts -->.
// Inside inlined scripts and JSON, "</script" and "<!--" are escaped so that
// no content can close its element. The page embeds ReportDigest(assessment,
// limits); an assessment within the limits is embedded as it is.
// Deterministic: same inputs, same bytes. O(size of the assets + size of the
// assessment).
[[nodiscard]] std::string RenderReportHtml(const nlohmann::ordered_json& assessment,
                                           const ReportAssets& assets,
                                           const DigestLimits& limits = {});

// The assessment as the text of a <script type="application/json"> element:
// compact JSON with every "</" written "<\/" and "<!--" written "\u003c!--".
[[nodiscard]] std::string ScriptSafeJson(const nlohmann::ordered_json& document);

}  // namespace redoubt
