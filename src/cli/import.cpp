// redoubt import FORMAT FILE... -o inventory.json — topologies users already
// have (GraphML, OpenCelliD, CSV tables) as inventories.
#include <iostream>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "core/error.hpp"
#include "importers/importer.hpp"
#include "io/inventory_writer.hpp"

namespace redoubt::cli {

namespace {

struct ImportCommandOptions {
  std::string format;
  std::vector<std::string> paths;
  importers::ImportOptions import;
  std::string as_of;
  std::string output;
  bool no_bundled_vendors = false;
};

int Run(ImportCommandOptions& options) {
  if (!options.as_of.empty()) {
    const auto date = ParseIsoDate(options.as_of);
    if (!date) {
      std::cerr << fmt::format("--as-of: error: '{}' is not a date — write YYYY-MM-DD\n", options.as_of);
      return kExitBadInput;
    }
    options.import.as_of = *date;
  }
  if (!options.import.country.empty() && !IsCountryCode(options.import.country)) {
    std::cerr << fmt::format("--country: error: '{}' is not an ISO 3166-1 alpha-2 code — {}\n",
                             options.import.country, CountryHint(options.import.country));
    return kExitBadInput;
  }
  options.import.use_bundled_vendors = !options.no_bundled_vendors;
  auto imported = importers::Import(options.format, options.paths, options.import);
  PrintDiagnostics(imported.diagnostics(), std::cerr);
  if (!imported.ok()) return kExitBadInput;
  const importers::Imported& result = imported.value();
  WriteInventoryFile(options.output.empty() ? "-" : options.output, result.network);
  std::string summary = fmt::format("imported {} ({}):", result.network.info.id, options.format);
  for (const auto& [what, count] : result.summary) summary += fmt::format("\n  {:<32} {}", what, count);
  std::cerr << summary << '\n';
  return kExitOk;
}

}  // namespace

CommandRunner SetupImport(CLI::App& command) {
  auto options = std::make_shared<ImportCommandOptions>();
  std::vector<std::string> formats;
  std::string format_help = "Input format:";
  for (const importers::ImporterSpec& spec : importers::Importers()) {
    formats.emplace_back(spec.name);
    format_help += fmt::format("\n  {:<11} {}", spec.name, spec.description);
  }
  command.add_option("format", options->format, format_help)
      ->required()
      ->check(CLI::IsMember(formats));
  command.add_option("files", options->paths,
                     "Input files (csv: the tables, or a folder holding them)")
      ->required();
  command.add_option("-o,--output", options->output, "Write the inventory here instead of stdout");
  command.add_option("--assign", options->import.assign_path,
                     "Mapping (redoubt/assign@1) that fills in vendors and kinds")
      ->check(CLI::ExistingFile);
  command.add_option("--id", options->import.network_id, "Network id (default: from the file name)");
  command.add_option("--name", options->import.network_name, "Network name");
  command.add_option("--country", options->import.country, "Network country (ISO alpha-2)");
  command.add_option("--as-of", options->as_of, "Inventory date (YYYY-MM-DD)");
  command.add_option("--seed", options->import.seed, "Seed for share-based assignment")
      ->check(SeedValidator())
      ->capture_default_str();
  command.add_option("--site-radius", options->import.site_radius_m,
                     "opencellid: cells within this many metres share a site")
      ->capture_default_str();
  command.add_flag("--attach-backhaul", options->import.attach_backhaul,
                   "opencellid: add cell-site routers, hubs and a two-site core");
  command.add_option("--vendors", options->import.vendor_registers,
                     "Extra vendor register (redoubt/vendors@1); may repeat")
      ->check(CLI::ExistingFile);
  command.add_flag("--no-bundled-vendors", options->no_bundled_vendors,
                   "Do not read the bundled data/vendors.yaml");
  command.footer(
      "Imported records get `vendor: unknown` unless --assign says otherwise; nothing is guessed.\n"
      "\n"
      "csv tables (* required; lists separated by ';'):\n"
      "  sites.csv     id*, kind*, name, lat, lon, region, substation, backup_hours\n"
      "  elements.csv  id*, kind*, domain, vendor, site, model, software, installed, retired,\n"
      "                certifications, managed_by\n"
      "  links.csv     id, a*, b*, medium, capacity_gbps, latency_ms, length_km, conduit\n"
      "  services.csv  id*, sector*, attach*, name, owner, classification, needs, weight, site,\n"
      "                disjoint_paths, trusted_paths\n"
      "\n"
      "--assign FILE (YAML), rules applied in order:\n"
      "  format: redoubt/assign@1\n"
      "  seed: 7\n"
      "  rules:\n"
      "    - {match: {id: [n1, n2]}, vendor: cisco}             # by id\n"
      "    - {match: {name: '^Lon'}, kind: switch}               # RE2 regex on the site name\n"
      "    - {match: {kind: router, region: [Germany]},          # by share per region:\n"
      "       shares: {huawei: 0.3, nokia: 0.7}}                 #   contiguous runs on the map\n"
      "  match keys: id, kind, region, name, vendor; rule keys: vendor | shares, kind, domain.\n"
      "\n"
      "Example: redoubt import graphml Abilene.graphml --assign map.yaml -o abilene.json");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
