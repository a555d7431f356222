// redoubt validate FILE... — every problem in every file, or a one-line OK.
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
};

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
  auto loaded = LoadInventories(options.paths, options.input.ToInventoryOptions());
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
    WriteOutput(options.output, document.dump(2) + "\n");
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
  command.footer(
      "Exit codes: 0 valid (warnings allowed), 2 errors found, 3 internal error.\n"
      "Example: redoubt validate sites.yaml elements.json");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
