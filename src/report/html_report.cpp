#include "report/html_report.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

#include <fmt/format.h>

#include "core/error.hpp"

namespace redoubt {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSetupHint =
    "run scripts/setup (it installs the report's scripts into node_modules/), or point "
    "$REDOUBT_ASSETS at a folder holding src/report/assets/ and node_modules/";

std::string ReadAsset(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(fmt::format("cannot read report asset {} — {}", path, kSetupHint));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw IoError(fmt::format("cannot read report asset {} — {}", path, kSetupHint));
  return std::move(text).str();
}

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  std::size_t position = 0;
  while ((position = text.find(from, position)) != std::string::npos) {
    text.replace(position, from.size(), to);
    position += to.size();
  }
}

// Source-map comments would make developer tools fetch a file that is not there.
std::string StripSourceMapComments(std::string script) {
  constexpr std::string_view kMarker = "//# sourceMappingURL=";
  std::size_t position = 0;
  while ((position = script.find(kMarker, position)) != std::string::npos) {
    const std::size_t end = script.find('\n', position);
    script.erase(position, end == std::string::npos ? std::string::npos : end - position);
  }
  return script;
}

// A script's text that cannot end its <script> element early. Both
// replacements mean the same characters inside JavaScript strings and regular
// expressions, the only places they can occur in valid code.
std::string ScriptSafeCode(std::string code) {
  ReplaceAll(code, "</script", "<\\/script");
  ReplaceAll(code, "</SCRIPT", "<\\/SCRIPT");
  ReplaceAll(code, "<!--", "\\x3C!--");
  return code;
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Replaces every occurrence of the marker; the template must hold at least one.
void ReplaceMarker(std::string& page, std::string_view name, std::string_view content) {
  const std::string marker = fmt::format("<!-- redoubt:{} -->", name);
  if (page.find(marker) == std::string::npos) {
    throw IoError(fmt::format("the report template lacks the marker {} — {}", marker, kSetupHint));
  }
  ReplaceAll(page, marker, content);
}

}  // namespace

std::string ReportAssetsDir() {
  if (const char* from_env = std::getenv("REDOUBT_ASSETS"); from_env != nullptr && *from_env) {
    return from_env;
  }
  return REDOUBT_ASSETS_DIR;
}

ReportAssets LoadReportAssets(const std::string& root) {
  const std::string assets = root + "/src/report/assets/";
  const std::string modules = root + "/node_modules/";
  ReportAssets loaded;
  loaded.html_template = ReadAsset(assets + "report.html");
  loaded.css = ReadAsset(assets + "report.css");
  for (const char* build : {"vega/build/vega.min.js", "vega-lite/build/vega-lite.min.js",
                            "vega-embed/build/vega-embed.min.js"}) {
    loaded.scripts.emplace_back(build, ReadAsset(modules + build));
  }
  for (const char* script : kReportScripts) {
    loaded.scripts.emplace_back(script, ReadAsset(assets + script));
  }
  loaded.world_topojson = ReadAsset(modules + "world-atlas/countries-110m.json");
  return loaded;
}

std::string ScriptSafeJson(const Json& document) {
  std::string text = document.dump(-1, ' ', false, Json::error_handler_t::replace);
  ReplaceAll(text, "</", "<\\/");
  ReplaceAll(text, "<!--", "\\u003c!--");
  return text;
}

std::string RenderReportHtml(const Json& assessment, const ReportAssets& assets,
                             const DigestLimits& limits) {
  std::string page = assets.html_template;
  std::string title = "redoubt assessment";
  if (auto it = assessment.find("title"); it != assessment.end() && it->is_string()) {
    title = it->get<std::string>();
  }
  ReplaceMarker(page, "title", EscapeHtml(title));
  ReplaceMarker(page, "style", "<style>\n" + assets.css + "\n</style>");

  std::string data;
  data += "<script type=\"application/json\" id=\"redoubt-assessment\">";
  data += ScriptSafeJson(ReportDigest(assessment, limits));
  data += "</script>\n<script type=\"application/json\" id=\"redoubt-world\">";
  // The atlas is JSON already; re-dumping it would only cost time.
  std::string world = assets.world_topojson;
  ReplaceAll(world, "</", "<\\/");
  data += world;
  data += "</script>";
  ReplaceMarker(page, "data", data);

  std::string scripts;
  for (const auto& [name, code] : assets.scripts) {
    scripts += fmt::format("<script data-source=\"{}\">\n", EscapeHtml(name));
    scripts += ScriptSafeCode(StripSourceMapComments(code));
    scripts += "\n</script>\n";
  }
  ReplaceMarker(page, "scripts", scripts);
  return page;
}

}  // namespace redoubt
