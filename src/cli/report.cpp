// redoubt report ASSESSMENT.json -o report.html — re-renders the HTML report
// from an assessment written by `redoubt assess`, without re-running anything.
#include <algorithm>
#include <iostream>
#include <optional>

#include "cli/common.hpp"
#include "core/error.hpp"
#include "core/source.hpp"
#include "report/assessment.hpp"
#include "report/digest.hpp"
#include "report/html_report.hpp"

namespace redoubt::cli {

namespace {

struct ReportOptions {
  std::string input;
  std::string output;
  DigestLimits limits;
};

int Run(const ReportOptions& options) {
  std::optional<SourceFile> source;
  try {
    source = SourceFile::Read(options.input);
  } catch (const IoError&) {
    Diagnostics diagnostics;
    diagnostics.Error({options.input, 0, 0}, "cannot read the assessment",
                      "give the assessment.json written by `redoubt assess`");
    PrintDiagnostics(diagnostics, std::cerr);
    return kExitBadInput;
  }
  auto assessment = ReadAssessment(*source);
  PrintDiagnostics(assessment.diagnostics(), std::cerr);
  if (!assessment.ok()) return kExitBadInput;
  const ReportAssets assets = LoadReportAssets(ReportAssetsDir());
  WriteOutput(options.output, RenderReportHtml(assessment.value(), assets, options.limits));
  return kExitOk;
}

}  // namespace

CommandRunner SetupReport(CLI::App& command) {
  auto options = std::make_shared<ReportOptions>();
  command.add_option("assessment", options->input, "An assessment.json (redoubt/assessment@1)")
      ->required();
  command.add_option("-o,--output", options->output,
                     "Write the HTML report here (default: stdout)");
  command
      .add_option_function<std::size_t>(
          "--digest-rows",
          [options](std::size_t rows) {
            options->limits.rows = rows;
            options->limits.counted_rows = std::min(options->limits.counted_rows, rows);
          },
          "Keep at most this many rows of each long list in the page (default 100; a timeline "
          "step's due findings: 20); the rest are summed")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000000}));
  command
      .add_option("--digest-sites", options->limits.map_sites,
                  "Map a member with more sites than this as grid cells")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000000}));
  command.footer(
      "The report is one self-contained HTML file that works offline. Its scripts come from "
      "node_modules/ (installed by scripts/setup) or $REDOUBT_ASSETS. At national scale it "
      "embeds a digest: each long list cut to its worst rows with the rest summed, and a "
      "member's map in grid cells past --digest-sites sites; assessment.json keeps every row.");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
