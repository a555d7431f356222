// redoubt validate FILE... — every problem in every file, or a one-line OK.
#include <chrono>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "core/error.hpp"

namespace redoubt::cli {

namespace {

struct ValidateOptions {
  std::vector<std::string> paths;
  InputOptions input;
  OutputFormat format = OutputFormat::kText;
  std::string output;
  bool stats = false;
};

// Time and model memory, for sizing national-scale runs.
void PrintStats(const std::vector<Network>& networks, double seconds) {
  for (const Network& network : networks) {
    const double bytes = static_cast<double>(network.MemoryBytes());
    const double records = static_cast<double>(network.elements.size() + network.links.size());
    std::cerr << fmt::format(
        "stats {}: model {:.1f} MB, {:.0f} bytes per element+link ({} elements, {} links)\n",
        network.info.id, bytes / 1e6, records > 0 ? bytes / records : 0.0,
        network.elements.size(), network.links.size());
  }
  std::cerr << fmt::format("stats: loaded and validated in {:.2f} s\n", seconds);
}

nlohmann::ordered_json DiagnosticsJson(const Diagnostics& diagnostics) {
  Diagnostics sorted = diagnostics;
  sorted.Sort();
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Diagnostic& diagnostic : sorted.Items()) {
    list.push_back({{"severity", SeverityName(diagnostic.severity)},
                    {"file", diagnostic.location.file},
                    {"line", diagnostic.location.line},
                    {"column", diagnostic.location.column},
                    {"message", diagnostic.message},
                    {"hint", diagnostic.hint}});
  }
  return list;
}

int Run(const ValidateOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto loaded = LoadInventories(options.paths, options.input.ToInventoryOptions());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (options.stats && loaded.ok()) PrintStats(loaded.value(), seconds);
  if (options.format == OutputFormat::kJson) {
    nlohmann::ordered_json document;
    document["format"] = "redoubt/diagnostics@1";
    document["ok"] = loaded.ok();
    document["errors"] = loaded.diagnostics().ErrorCount();
    document["warnings"] = loaded.diagnostics().WarningCount();
    document["diagnostics"] = DiagnosticsJson(loaded.diagnostics());
    if (loaded.ok()) {
      nlohmann::ordered_json networks = nlohmann::ordered_json::array();
      for (const Network& network : loaded.value()) {
        networks.push_back({{"id", network.info.id},
                            {"elements", network.elements.size()},
                            {"links", network.links.size()},
                            {"sites", network.sites.size()},
                            {"services", network.services.size()},
                            {"files", network.source_files}});
      }
      document["networks"] = networks;
    }
    WriteOutput(options.output, JsonText(document));
    return loaded.ok() ? kExitOk : kExitBadInput;
  }
  PrintDiagnostics(loaded.diagnostics(), std::cerr);
  if (!loaded.ok()) return kExitBadInput;
  std::string summary;
  for (const Network& network : loaded.value()) {
    summary += fmt::format(
        "OK {}: {} elements, {} links, {} sites, {} services ({} file{})\n", network.info.id,
        network.elements.size(), network.links.size(), network.sites.size(),
        network.services.size(), network.source_files.size(),
        network.source_files.size() == 1 ? "" : "s");
  }
  WriteOutput(options.output, summary);
  return kExitOk;
}

}  // namespace

CommandRunner SetupValidate(CLI::App& command) {
  auto options = std::make_shared<ValidateOptions>();
  command.add_option("files", options->paths, "Inventory files (JSON or YAML)")->required();
  options->input.AddTo(command);
  AddFormatOption(command, options->format);
  command.add_option("-o,--output", options->output, "Write the result here instead of stdout");
  command.add_flag("--stats", options->stats, "Print load time and model memory to stderr");
  command.footer(
      "Exit codes: 0 valid (warnings allowed), 2 errors found, 3 internal error.\n"
      "Example: redoubt validate sites.yaml elements.json");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
