// redoubt info FILE... — what the inventories hold: counts by domain and kind,
// vendor shares per domain (by elements and by sites), sites, services.
#include <fmt/format.h>

#include "cli/common.hpp"
#include "core/error.hpp"
#include "model/summary.hpp"

namespace redoubt::cli {

namespace {

struct InfoOptions {
  std::vector<std::string> paths;
  InputOptions input;
  OutputFormat format = OutputFormat::kText;
  std::string output;
};

std::string Percent(double share) { return fmt::format("{:.1f}%", 100.0 * share); }

std::string RenderText(const InventorySummary& summary) {
  std::string out;
  out += fmt::format("network {}", summary.network_id);
  if (!summary.name.empty()) out += fmt::format(" — {}", summary.name);
  if (!summary.country.empty()) out += fmt::format(" ({})", summary.country);
  if (!summary.as_of.empty()) out += fmt::format(", as of {}", summary.as_of);
  out += "\n";
  out += fmt::format("  {} elements, {} links, {} sites, {} services, {} vendors\n\n",
                     summary.elements, summary.links, summary.sites, summary.services,
                     summary.vendors_used);
  out += fmt::format("  {:<11} {:>9} {:>7}  {}\n", "domain", "elements", "sites", "kinds");
  for (const DomainSummary& domain : summary.domains) {
    std::string kinds;
    for (const auto& [kind, count] : domain.kinds) {
      kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", kind, count);
    }
    out += fmt::format("  {:<11} {:>9} {:>7}  {}\n", Name(domain.domain), domain.elements,
                       domain.sites, kinds);
  }
  out += fmt::format("\n  {:<11} {:<14} {:<8} {:>9} {:>7} {:>7} {:>7}\n", "domain", "vendor",
                     "risk", "elements", "share", "sites", "share");
  for (const DomainSummary& domain : summary.domains) {
    for (const VendorShare& share : domain.vendors) {
      out += fmt::format("  {:<11} {:<14} {:<8} {:>9} {:>7} {:>7} {:>7}\n", Name(domain.domain),
                         share.vendor, share.risk, share.elements, Percent(share.element_share),
                         share.sites, Percent(share.site_share));
    }
  }
  out += "\n  sites by kind: ";
  bool first = true;
  for (const auto& [kind, count] : summary.sites_by_kind) {
    out += fmt::format("{}{} {}", first ? "" : ", ", kind, count);
    first = false;
  }
  out += "\n  services by sector: ";
  first = true;
  for (const SectorSummary& sector : summary.sectors) {
    out += fmt::format("{}{} {} (weight {:g})", first ? "" : ", ", Name(sector.sector),
                       sector.services, sector.weight);
    first = false;
  }
  if (summary.sectors.empty()) out += "none";
  out += "\n";
  return out;
}

int Run(const InfoOptions& options) {
  auto networks = LoadNetworks(options.paths, options.input);
  if (!networks) return kExitBadInput;
  std::vector<InventorySummary> summaries;
  for (const Network& network : *networks) summaries.push_back(Summarize(network));
  if (options.format == OutputFormat::kJson) {
    WriteOutput(options.output, JsonText(SummaryJson(summaries)));
    return kExitOk;
  }
  std::string text;
  for (const InventorySummary& summary : summaries) {
    if (!text.empty()) text += "\n";
    text += RenderText(summary);
  }
  WriteOutput(options.output, text);
  return kExitOk;
}

}  // namespace

CommandRunner SetupInfo(CLI::App& command) {
  auto options = std::make_shared<InfoOptions>();
  command.add_option("files", options->paths, "Inventory files (JSON or YAML)")->required();
  options->input.AddTo(command);
  AddFormatOption(command, options->format);
  command.add_option("-o,--output", options->output, "Write the result here instead of stdout");
  command.footer("JSON output is a redoubt/inventory-summary@1 document.");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
