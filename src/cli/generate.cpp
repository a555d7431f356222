// redoubt generate — a synthetic national 5G network as an inventory.
#include <unistd.h>

#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "core/error.hpp"
#include "gen/generator.hpp"
#include "io/inventory_writer.hpp"

namespace redoubt::cli {

namespace {

struct GenerateOptions {
  gen::GeneratorOptions generator;
  std::vector<std::string> mixes;
  std::vector<std::string> foreign;
  std::string as_of;
  std::string output;
  bool no_bundled_vendors = false;
};

int Run(GenerateOptions& options) {
  Diagnostics diagnostics;
  for (const std::string& mix : options.mixes) {
    gen::ParseVendorMix(mix, "--vendor-mix", options.generator.vendor_mix, diagnostics);
  }
  for (const std::string& text : options.foreign) {
    if (auto service = gen::ParseForeignService(text, "--foreign-service", diagnostics)) {
      options.generator.foreign_services.push_back(*service);
    }
  }
  if (!options.as_of.empty()) {
    if (auto date = ParseIsoDate(options.as_of)) {
      options.generator.as_of = *date;
    } else {
      diagnostics.Error(Location{"--as-of", 1, 1}, fmt::format("'{}' is not a date", options.as_of),
                        "write YYYY-MM-DD");
    }
  }
  if (diagnostics.HasErrors()) {
    PrintDiagnostics(diagnostics, std::cerr);
    return kExitBadInput;
  }
  const bool show_progress = isatty(STDERR_FILENO) != 0;
  const auto start = std::chrono::steady_clock::now();
  if (show_progress) {
    options.generator.progress = [start](std::string_view phase) {
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cerr << fmt::format("\r\033[Kgenerate: {} ({:.1f} s)", phase, seconds) << std::flush;
    };
  }
  auto generated = gen::GenerateNetwork(options.generator);
  if (!generated.ok()) {
    if (show_progress) std::cerr << "\r\033[K";
    PrintDiagnostics(generated.diagnostics(), std::cerr);
    return kExitBadInput;
  }
  if (options.generator.progress) options.generator.progress("writing");
  const Network& network = generated.value();
  WriteInventoryFile(options.output.empty() ? "-" : options.output, network);
  if (show_progress) std::cerr << "\r\033[K";
  std::cerr << fmt::format("generated {}: {} elements, {} links, {} sites, {} services\n",
                           network.info.id, network.elements.size(), network.links.size(),
                           network.sites.size(), network.services.size());
  return kExitOk;
}

}  // namespace

CommandRunner SetupGenerate(CLI::App& command) {
  auto options = std::make_shared<GenerateOptions>();
  gen::GeneratorOptions& generator = options->generator;
  command.add_option("--country", generator.country, "Country profile: CA, DE, GB, LV, SE or US")
      ->capture_default_str();
  command.add_option("--sites", generator.sites, "Number of cell sites (about 2.1 elements each)")
      ->capture_default_str();
  command.add_option("--seed", generator.seed, "Random seed; same seed and options, same bytes")
      ->check(SeedValidator())
      ->capture_default_str();
  command.add_option("--vendor-mix", options->mixes,
                     "Vendor shares per domain, e.g. 'ran=huawei:0.4,ericsson:0.6 core=nokia:1' "
                     "(domains: ran, transport, core, management, edge; may repeat)");
  command.add_option("--split-ran", generator.split_ran,
                     "Share of cell sites split into RU + DU, with the CU at the hub")
      ->capture_default_str();
  command.add_option("--core-sites", generator.core_sites,
                     "Core data centres (0: 2, 3 or 4 by size)")
      ->capture_default_str();
  command.add_option("--foreign-service", options->foreign,
                     "A defence service (secret) owned by another nation: OWNER,LAT,LON[,NAME]; "
                     "may repeat");
  command.add_flag("--national-services", generator.national_services,
                   "Critical services at national density: every city its share of health "
                   "centres, substations, water plants, emergency, finance, government, rail and "
                   "industrial sites, by population (thousands per nation), each weighted by the "
                   "people it serves");
  command.add_option("--as-of", options->as_of, "Inventory date (default 2019-07-01)");
  command.add_option("--id", generator.network_id, "Network id (default <cc>-op1)");
  command.add_option("--name", generator.network_name, "Network name");
  command.add_option("--vendors", generator.vendor_registers,
                     "Extra vendor register (redoubt/vendors@1); may repeat")
      ->check(CLI::ExistingFile);
  command.add_flag("--no-bundled-vendors", options->no_bundled_vendors,
                   "Do not read the bundled data/vendors.yaml");
  command.add_option("-o,--output", options->output, "Write the inventory here instead of stdout");
  command.footer(
      "Vendor mixes not given take the country's illustrative mid-2019 default.\n"
      "Example: redoubt generate --country DE --sites 5000 --seed 7 \\\n"
      "           --vendor-mix 'ran=huawei:0.5,ericsson:0.5' -o de.json");
  return [options] {
    options->generator.use_bundled_vendors = !options->no_bundled_vendors;
    return Run(*options);
  };
}

}  // namespace redoubt::cli
