// RenderReportHtml: every asset inlined, nothing that can close a script
// element early, and a missing asset reported with the way to fix it.
#include "report/html_report.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

using Json = nlohmann::ordered_json;

ReportAssets TinyAssets() {
  ReportAssets assets;
  assets.html_template =
      "<html lang=\"en\"><head><title><!-- redoubt:title --></title><!-- redoubt:style --></head>"
      "<body><h1><!-- redoubt:title --></h1><!-- redoubt:data --><!-- redoubt:scripts --></body></html>";
  assets.css = "body { color: black; }";
  assets.scripts = {{"a.js", "var a = '</script>'; // x\n//# sourceMappingURL=a.js.map\n"},
                    {"b.js", "var b = 1;"}};
  assets.world_topojson = R"({"type":"Topology","objects":{}})";
  return assets;
}

TEST(HtmlReport, InlinesEveryAssetInOrder) {
  const Json assessment = {{"format", "redoubt/assessment@1"}, {"title", "Allies & friends <2024>"}};
  const std::string html = RenderReportHtml(assessment, TinyAssets());
  EXPECT_EQ(html.find("<!-- redoubt:"), std::string::npos) << "a marker was left";
  EXPECT_NE(html.find("<title>Allies &amp; friends &lt;2024&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("<h1>Allies &amp; friends &lt;2024&gt;</h1>"), std::string::npos);
  EXPECT_NE(html.find("<style>\nbody { color: black; }\n</style>"), std::string::npos);
  EXPECT_NE(html.find(R"(<script type="application/json" id="redoubt-world">{"type":"Topology")"),
            std::string::npos);
  const auto a = html.find("<script data-source=\"a.js\">");
  const auto b = html.find("<script data-source=\"b.js\">");
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  EXPECT_LT(a, b);
  EXPECT_EQ(html.find("sourceMappingURL"), std::string::npos);
  EXPECT_NE(html.find("var a = '<\\/script>';"), std::string::npos);
}

TEST(HtmlReport, AssessmentJsonCannotCloseItsScriptElement) {
  const Json assessment = {{"format", "redoubt/assessment@1"},
                           {"title", "x"},
                           {"note", "</script><script>alert(1)</script><!-- y"}};
  const std::string html = RenderReportHtml(assessment, TinyAssets());
  const std::string open = "<script type=\"application/json\" id=\"redoubt-assessment\">";
  const auto start = html.find(open);
  ASSERT_NE(start, std::string::npos);
  const auto end = html.find("</script>", start);
  const std::string text = html.substr(start + open.size(), end - start - open.size());
  EXPECT_EQ(text.find("</"), std::string::npos);
  EXPECT_EQ(text.find("<!--"), std::string::npos);
  // Still the same document once parsed.
  EXPECT_EQ(Json::parse(text), assessment);
  EXPECT_EQ(ScriptSafeJson(Json("a</b")), R"("a<\/b")");
}

TEST(HtmlReport, IsDeterministic) {
  const Json assessment = {{"format", "redoubt/assessment@1"}, {"seed", 7}};
  EXPECT_EQ(RenderReportHtml(assessment, TinyAssets()), RenderReportHtml(assessment, TinyAssets()));
}

TEST(HtmlReport, TemplateWithoutMarkerIsAnError) {
  ReportAssets assets = TinyAssets();
  assets.html_template = "<html><!-- redoubt:title --></html>";
  EXPECT_THROW((void)RenderReportHtml(Json::object(), assets), IoError);
}

TEST(HtmlReport, MissingAssetSaysToRunSetup) {
  const std::string root = testing::TempDir("assets");
  std::filesystem::create_directories(root + "/src/report/assets");
  std::ofstream(root + "/src/report/assets/report.html") << "<html></html>";
  std::ofstream(root + "/src/report/assets/report.css") << "";
  try {
    (void)LoadReportAssets(root);
    FAIL() << "expected IoError";
  } catch (const IoError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(root + "/node_modules/vega/build/vega.min.js"), std::string::npos)
        << message;
    EXPECT_NE(message.find("run scripts/setup"), std::string::npos) << message;
    EXPECT_EQ(error.exit_code(), 3);
  }
}

TEST(HtmlReport, BundledAssetsLoadWhenInstalled) {
  const std::string root = ReportAssetsDir();
  if (!std::filesystem::exists(root + "/node_modules/vega/build/vega.min.js")) {
    GTEST_SKIP() << "node_modules/ not installed; run scripts/setup";
  }
  const ReportAssets assets = LoadReportAssets(root);
  ASSERT_EQ(assets.scripts.size(), 3 + std::size(kReportScripts));
  EXPECT_EQ(assets.scripts.front().first, "vega/build/vega.min.js");
  EXPECT_EQ(assets.scripts.back().first, "report.js");
  const std::string html = RenderReportHtml({{"format", "redoubt/assessment@1"}}, assets);
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
}

}  // namespace
}  // namespace redoubt
