#include "importers/importer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/source.hpp"
#include "importers/assign.hpp"
#include "io/vendor_reader.hpp"

namespace redoubt::importers {

namespace {

constexpr std::array<ImporterSpec, 3> kImporters = {{
    {"graphml", "Internet Topology Zoo GraphML: nodes → routers, edges → links", ImportGraphMl},
    {"opencellid", "OpenCelliD cell CSV: cells grouped into RAN sites", ImportOpenCellId},
    {"csv", "sites.csv, elements.csv, links.csv, services.csv tables", ImportCsvTables},
}};

}  // namespace

std::span<const ImporterSpec> Importers() { return kImporters; }

Result<Imported> Import(std::string_view format, std::span<const std::string> paths,
                        const ImportOptions& options) {
  const auto it = std::find_if(kImporters.begin(), kImporters.end(),
                               [&](const ImporterSpec& spec) { return spec.name == format; });
  if (it == kImporters.end()) {
    std::vector<std::string_view> names;
    for (const ImporterSpec& spec : kImporters) names.push_back(spec.name);
    Diagnostics diagnostics;
    diagnostics.Error(Location{}, fmt::format("unknown import format '{}'", format),
                      SuggestionHint(format, names));
    return Result<Imported>(std::move(diagnostics));
  }
  auto imported = it->run(paths, options);
  if (!imported.ok() || options.assign_path.empty()) return imported;
  Diagnostics diagnostics = imported.diagnostics();
  Imported result = std::move(imported).value();
  auto counts = ApplyAssignment(options.assign_path, options.seed, result.network, diagnostics);
  for (auto& line : counts) result.summary.push_back(std::move(line));
  return Result<Imported>(std::move(result), std::move(diagnostics));
}

void StartNetwork(Network& network, const ImportOptions& options, std::string_view default_id,
                  Diagnostics& diagnostics) {
  network.info.id = options.network_id.empty() ? std::string(default_id) : options.network_id;
  if (!options.network_name.empty()) network.info.name = options.network_name;
  network.info.country = options.country;
  network.info.as_of = options.as_of;
  network.vendors = LoadVendorRegisters(options.use_bundled_vendors, options.vendor_registers,
                                        *network.strings, diagnostics);
}

KindId KindFor(Network& network, std::string_view name, Domain domain) {
  if (auto kind = network.FindKind(name)) return *kind;
  network.kinds.push_back({std::string(name), domain, false});
  return static_cast<KindId>(network.kinds.size() - 1);
}

std::string IdFromText(std::string_view text) {
  std::string id;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 && byte < 0x80) {
      id += static_cast<char>(std::tolower(byte));
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "imported" : id;
}

}  // namespace redoubt::importers
