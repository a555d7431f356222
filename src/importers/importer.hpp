// Importers turn topologies users already have into inventories:
//
//   graphml     Internet Topology Zoo GraphML (one file)
//   opencellid  OpenCelliD cell CSV (no header) → RAN sites and cells
//   csv         sites.csv, elements.csv, links.csv, services.csv tables
//
// Imported records lack what the source does not say: vendors stay
// `unknown` (explicitly, never guessed) until an --assign mapping
// (importers/assign.hpp) fills them in. Every problem in the input is
// reported as file:line:col, like the inventory reader; what an importer
// drops on purpose (e.g. GraphML self-loops) is reported as a warning and
// counted in the summary.
//
// Importers are a registry: adding one is one file and one line in
// importer.cpp.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "model/network.hpp"

namespace redoubt::importers {

struct ImportOptions {
  std::string network_id;    // default: from the file name
  std::string network_name;  // default: from the file, if it says
  std::string country;       // ISO 3166-1 alpha-2; default: none (or from the file)
  Days as_of = kNoDate;
  std::vector<std::string> vendor_registers;
  bool use_bundled_vendors = true;
  std::string assign_path;   // --assign mapping (YAML), applied after import
  // OpenCelliD: cells within this distance of a site's first cell share the site.
  double site_radius_m = 50;
  // OpenCelliD: hang the imported sites off a generated backhaul and core.
  bool attach_backhaul = false;
  std::uint64_t seed = 1;
};

struct Imported {
  Network network;
  // "what: count" lines for the summary on stderr, in a fixed order.
  std::vector<std::pair<std::string, std::size_t>> summary;
};

using ImportFunction = Result<Imported> (*)(std::span<const std::string> paths,
                                            const ImportOptions& options);

struct ImporterSpec {
  std::string_view name;
  std::string_view description;
  ImportFunction run;
};

[[nodiscard]] std::span<const ImporterSpec> Importers();

// Runs the importer `format` on `paths`, then the --assign mapping if given.
[[nodiscard]] Result<Imported> Import(std::string_view format, std::span<const std::string> paths,
                                      const ImportOptions& options);

// The importers, also callable directly.
[[nodiscard]] Result<Imported> ImportGraphMl(std::span<const std::string> paths,
                                             const ImportOptions& options);
[[nodiscard]] Result<Imported> ImportOpenCellId(std::span<const std::string> paths,
                                                const ImportOptions& options);
[[nodiscard]] Result<Imported> ImportCsvTables(std::span<const std::string> paths,
                                               const ImportOptions& options);

// Shared by the importers: a network with its header and vendor registers
// (plus the explicit `unknown` vendor), reporting unreadable registers.
void StartNetwork(Network& network, const ImportOptions& options, std::string_view default_id,
                  Diagnostics& diagnostics);
// The index of kind `name`, adding a custom kind of `domain` if needed.
KindId KindFor(Network& network, std::string_view name, Domain domain);
// "Abilene.graphml" → "abilene"; a usable id from any text.
[[nodiscard]] std::string IdFromText(std::string_view text);

}  // namespace redoubt::importers
