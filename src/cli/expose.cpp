// redoubt expose FILE... — how exposed the services are: espionage (primary
// routes through, or managed by, untrusted equipment), sabotage (lost when the
// untrusted elements or one vendor's elements are switched off), disjoint
// paths, single points of failure, and totals per sector, vendor and region.
#include <cmath>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "analysis/exposure.hpp"
#include "analysis/exposure_json.hpp"
#include "analysis/exposure_summary.hpp"
#include "analysis/trust.hpp"
#include "cli/common.hpp"
#include "cli/standard_options.hpp"
#include "model/figures.hpp"
#include "policy/judged_date.hpp"
#include "policy/matcher.hpp"
#include "policy/selector.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace redoubt::cli {

namespace {

struct ExposeOptions {
  std::vector<std::string> paths;
  InputOptions input;
  OutputFormat format = OutputFormat::kText;
  std::string output;
  std::vector<std::string> untrusted_vendors;
  std::string standard;
  std::string as_of;
  std::string service;
  bool routes = false;
  std::uint32_t max_paths = 4;
  std::size_t top = 10;
};

std::string Weight(double weight) { return fmt::format("{:g}", weight); }

template <typename Indices, typename IdOf>
std::string JoinIds(const Indices& indices, IdOf id_of, std::string_view none = "-") {
  std::string out;
  for (auto index : indices) out += fmt::format("{}{}", out.empty() ? "" : " ", id_of(index));
  return out.empty() ? std::string(none) : out;
}

std::string PathsText(const Network& network, const ServiceExposure& exposure) {
  std::string out;
  for (const FunctionPaths& paths : exposure.paths) {
    out += fmt::format("{}{} {}/{}", out.empty() ? "" : " ", network.kinds[paths.function].name,
                       paths.disjoint, paths.trusted_disjoint);
  }
  return out.empty() ? "-" : out;
}

std::string RenderService(const Network& network, const ExposureResult& result,
                          const ServiceExposure& exposure) {
  const Service& service = network.services[exposure.service];
  auto element_id = [&](ElementIndex element) { return network.ElementId(element); };
  std::string out = fmt::format("service {} ({}, {}, weight {}, region {})\n", network.Str(service.id),
                                Name(service.sector), Name(service.classification),
                                Weight(service.weight), ServiceRegion(network, service));
  out += fmt::format("  up now: {}\n", exposure.up ? "yes" : "no");
  out += fmt::format("  untrusted on primary routes: {}\n", JoinIds(exposure.untrusted_on_routes, element_id));
  for (const UntrustedManager& manager : exposure.untrusted_managers) {
    out += fmt::format("  untrusted manager {} manages {}\n", element_id(manager.manager),
                       JoinIds(manager.manages, element_id));
  }
  out += fmt::format("  survives with every untrusted element off: {}\n",
                     exposure.survives_untrusted_loss ? "yes" : "no");
  out += fmt::format("  lost when one vendor is switched off: {}\n",
                     JoinIds(exposure.lost_with_vendors, [&](VendorIndex vendor) {
                       return network.Str(network.vendors[vendor].id);
                     }, "none"));
  out += fmt::format("  disjoint paths (all/trusted, at most {}): {}\n", result.max_paths,
                     PathsText(network, exposure));
  out += fmt::format("  single points of failure: {}\n", JoinIds(exposure.single_points, element_id, "none"));
  out += fmt::format("  single-point sites: {}\n",
                     JoinIds(exposure.single_point_sites, [&](SiteIndex site) {
                       return network.Str(network.sites[site].id);
                     }, "none"));
  for (const UnmetRequirement& unmet : UnmetRequirements(network, exposure)) {
    out += fmt::format("  UNMET requirement {}: required {}, found {}\n", unmet.requirement,
                       unmet.required, unmet.found);
  }
  out += "  primary routes:\n";
  for (const Route& route : exposure.routes) {
    std::string path;
    for (ElementIndex element : route.path) {
      path += fmt::format("{}{}{}", path.empty() ? "" : " > ", element_id(element),
                          result.untrusted[element] ? " [untrusted]" : "");
    }
    out += fmt::format("    {} -> {} ({:g} ms): {}\n", element_id(route.attachment),
                       network.kinds[route.function].name,
                       std::round(route.latency_ms * 1e6) / 1e6, path);
  }
  return out;
}

std::string RenderNetwork(const Network& network, const ExposureResult& result,
                          const ExposureSummary& summary, const std::string& rule) {
  const GroupTotals& total = summary.total;
  std::size_t untrusted = 0;
  for (bool flag : result.untrusted) untrusted += flag ? 1 : 0;
  std::string out = fmt::format("network {}: {} services, weight {}; untrusted: {} ({} elements)\n",
                                network.info.id, total.services, Weight(total.weight), rule, untrusted);
  out += fmt::format("  up now: {}; exposed (route through or managed by untrusted): {}, weight {}\n",
                     total.up, total.exposed, Weight(total.exposed_weight));
  out += fmt::format("  lost with every untrusted element off: {}, weight {}; with single points: {}\n",
                     total.lost_without_untrusted, Weight(total.lost_without_untrusted_weight),
                     total.with_single_points);
  // The figures as model/figures.hpp names them, over this network's services.
  const auto percent = [](std::optional<double> share) {
    return share ? fmt::format("{:.1f}%", 100.0 * *share) : std::string("n/a");
  };
  for (ServiceSet set : {ServiceSet::kAll, ServiceSet::kCritical}) {
    const GroupTotals& totals = set == ServiceSet::kAll ? summary.total : summary.critical;
    out += fmt::format("  {}: {}; {}: {} ({} services, weight {})\n", Label(Figure::kEspionage, set),
                       percent(totals.EspionageShare()), Label(Figure::kSabotage, set),
                       percent(totals.SabotageShare()), totals.services, Weight(totals.weight));
  }
  out += "\n";
  out += fmt::format("  {:<30} {:<13} {:<13} {:>9} {:<3} {:<7} {:<9} {:<18} {:<22} {}\n", "service",
                     "sector", "class", "weight", "up", "exposed", "untr-off", "lost with vendor",
                     "paths all/trusted", "single points");
  for (const ServiceExposure& exposure : result.services) {
    const Service& service = network.services[exposure.service];
    out += fmt::format("  {:<30} {:<13} {:<13} {:>9} {:<3} {:<7} {:<9} {:<18} {:<22} {}\n",
                       network.Str(service.id), Name(service.sector), Name(service.classification),
                       Weight(service.weight), exposure.up ? "yes" : "no",
                       exposure.Exposed() ? "yes" : "no",
                       exposure.survives_untrusted_loss ? "survives" : "lost",
                       JoinIds(exposure.lost_with_vendors, [&](VendorIndex vendor) {
                         return network.Str(network.vendors[vendor].id);
                       }), PathsText(network, exposure),
                       JoinIds(exposure.single_points, [&](ElementIndex element) {
                         return network.ElementId(element);
                       }));
  }
  auto groups = [&](const char* title, const std::vector<GroupTotals>& list) {
    out += fmt::format("\n  {:<26} {:>8} {:>10} {:>8} {:>10} {:>9} {:>10}\n", title, "services",
                       "weight", "exposed", "weight", "untr-off", "weight");
    for (const GroupTotals& totals : list) {
      out += fmt::format("  {:<26} {:>8} {:>10} {:>8} {:>10} {:>9} {:>10}\n",
                         totals.key.empty() ? "(unknown)" : totals.key, totals.services,
                         Weight(totals.weight), totals.exposed, Weight(totals.exposed_weight),
                         totals.lost_without_untrusted, Weight(totals.lost_without_untrusted_weight));
    }
  };
  groups("sector", summary.by_sector);
  groups("classification", summary.by_classification);
  groups("region", summary.by_region);
  out += fmt::format("\n  {:<14} {:<9} {:>9} {:>8} {:>10} {:>6} {:>10}  {}\n", "vendor", "untrusted",
                     "elements", "carries", "weight", "lost", "weight", "lost by sector");
  for (const VendorTotals& totals : summary.by_vendor) {
    std::string sectors;
    for (const SectorLoss& cell : totals.lost_by_sector) {
      sectors += fmt::format("{}{} {}", sectors.empty() ? "" : ", ", Name(cell.sector), cell.services);
    }
    out += fmt::format("  {:<14} {:<9} {:>9} {:>8} {:>10} {:>6} {:>10}  {}\n",
                       network.Str(network.vendors[totals.vendor].id), totals.untrusted ? "yes" : "no",
                       totals.elements, totals.services_carried, Weight(totals.weight_carried),
                       totals.services_lost, Weight(totals.weight_lost), sectors.empty() ? "-" : sectors);
  }
  out += "\n  top single points of failure (weight lost)\n";
  for (const SinglePointRank& rank : summary.top_elements) {
    out += fmt::format("    element {:<24} {:>4} services, weight {}\n", network.ElementId(rank.index),
                       rank.services, Weight(rank.weight));
  }
  for (const SinglePointRank& rank : summary.top_sites) {
    out += fmt::format("    site    {:<24} {:>4} services, weight {}\n",
                       network.Str(network.sites[rank.index].id), rank.services, Weight(rank.weight));
  }
  return out;
}

int Run(const ExposeOptions& options) {
  auto networks = LoadNetworks(options.paths, options.input);
  if (!networks) return kExitBadInput;
  // Which elements are untrusted: a standard's own definition, named vendors,
  // or every vendor whose risk is high.
  std::optional<policy::Standard> standard;
  if (!options.standard.empty()) {
    standard = LoadStandardPrinting(options.standard);
    if (!standard) return kExitBadInput;
  }
  const std::string rule =
      standard ? (standard->untrusted ? fmt::format("{} (standard {})",
                                                    policy::Describe(*standard->untrusted),
                                                    standard->id)
                                      : fmt::format("nothing (standard {})", standard->id))
      : options.untrusted_vendors.empty()
          ? std::string("vendor.risk: high")
          : fmt::format("vendors: {}", fmt::join(options.untrusted_vendors, ", "));
  // The one date rule (policy/judged_date.hpp): equipment not in service on
  // it is not untrusted, as in every rule kind and in the alliance's posture.
  const policy::JudgedDate date = policy::ChooseJudgedDate(
      options.as_of.empty() ? kNoDate : ParseDateFlag(options.as_of, "--as-of"), *networks, Today());
  std::vector<policy::InventoryLag> lags;
  for (const Network& network : *networks) {
    std::vector<const policy::Standard*> standards;
    if (standard) standards.push_back(&*standard);
    if (auto lag = policy::LagOf(network, standards, date.date)) lags.push_back(std::move(*lag));
  }
  Diagnostics unassessed;  // suppliers nobody assessed, left trusted by `rule`
  std::vector<std::pair<const Network*, ServiceIndex>> chosen;
  std::vector<nlohmann::ordered_json> documents;
  std::string text;
  bool service_found = options.service.empty();
  for (const Network& network : *networks) {
    ExposureOptions analysis;
    analysis.max_paths = options.max_paths;
    analysis.threads = static_cast<unsigned>(options.input.threads);
    if (standard) {
      const auto mask =
          policy::UntrustedMask(standard->untrusted ? &*standard->untrusted : nullptr, network);
      analysis.untrusted.assign(mask.begin(), mask.end());
    } else if (options.untrusted_vendors.empty()) {
      analysis.untrusted = UntrustedByRisk(network);
    } else {
      std::vector<VendorIndex> vendors;
      for (const std::string& id : options.untrusted_vendors) {
        const VendorIndex vendor = network.FindVendor(id);
        if (vendor == kNone) {
          std::vector<std::string_view> names;
          for (const Vendor& known : network.vendors) names.push_back(network.Str(known.id));
          std::cerr << fmt::format("redoubt expose: error: unknown vendor '{}' \u2014 {}\n", id,
                                   SuggestionHint(id, names));
          return kExitBadInput;
        }
        vendors.push_back(vendor);
      }
      analysis.untrusted = UntrustedByVendors(network, vendors);
    }
    WarnUnassessedTrusted(network, CountUnassessedTrusted(network, analysis.untrusted), rule,
                          unassessed);
    analysis.untrusted = InServiceUntrusted(network, analysis.untrusted, date.date);
    if (!options.service.empty()) {
      std::optional<ServiceIndex> found;
      for (ServiceIndex service = 0; service < network.services.size(); ++service) {
        if (network.Str(network.services[service].id) == options.service) found = service;
      }
      if (!found) continue;
      service_found = true;
      analysis.services = {*found};
    }
    const ExposureResult result = AnalyzeExposure(network, analysis);
    if (!options.service.empty()) {
      if (options.format == OutputFormat::kJson) {
        nlohmann::ordered_json entry;
        entry["network"] = {{"id", network.info.id}};
        entry["services"] = nlohmann::ordered_json::array(
            {ServiceExposureJson(network, result, result.services.front(), {.routes = true})});
        documents.push_back(std::move(entry));
      } else {
        text += RenderService(network, result, result.services.front());
      }
      continue;
    }
    const ExposureSummary summary = SummarizeExposure(network, result, options.top);
    if (options.format == OutputFormat::kJson) {
      documents.push_back(ExposureNetworkJson(network, result, summary, {.routes = options.routes}));
    } else {
      if (!text.empty()) text += "\n";
      text += RenderNetwork(network, result, summary, rule);
    }
  }
  PrintDiagnostics(unassessed, std::cerr);
  if (!service_found) {
    std::vector<std::string_view> names;
    for (const Network& network : *networks) {
      for (const Service& service : network.services) names.push_back(network.Str(service.id));
    }
    std::cerr << fmt::format("redoubt expose: error: unknown service '{}' \u2014 {}\n", options.service,
                             SuggestionHint(options.service, names));
    return kExitBadInput;
  }
  if (options.format == OutputFormat::kJson) {
    WriteOutput(options.output,
                JsonText(policy::WithJudgedDate(ExposureDocument(rule, std::move(documents)), date,
                                                lags)));
  } else {
    WriteOutput(options.output, policy::JudgedDateText(date, lags) + text);
  }
  return kExitOk;
}

}  // namespace

CommandRunner SetupExpose(CLI::App& command) {
  auto options = std::make_shared<ExposeOptions>();
  command.add_option("files", options->paths, "Inventory files (JSON or YAML)")->required();
  options->input.AddTo(command);
  AddFormatOption(command, options->format);
  command.add_option("-o,--output", options->output, "Write the result here instead of stdout");
  command.add_option("--untrusted-vendor", options->untrusted_vendors,
                     "Treat this vendor's equipment as untrusted (may repeat; default: every vendor "
                     "with risk high)");
  command.add_option("--standard", options->standard,
                     "Take 'untrusted' from this standard (redoubt/standard@1)")
      ->check(CLI::ExistingFile)
      ->excludes(command.get_option("--untrusted-vendor"));
  command.add_option("--as-of", options->as_of,
                     "Judge on this date (YYYY-MM-DD): equipment not in service on it is not "
                     "untrusted; default: the latest as_of of the inventories given, else today "
                     "(the same rule in every command)");
  command.add_option("--service", options->service, "Show one service's full evidence");
  command.add_flag("--routes", options->routes, "Include every primary route in JSON output");
  command.add_option("--max-paths", options->max_paths,
                     "Stop counting disjoint paths at this many (default 4)")
      ->check(CLI::Range(1U, 1000U));
  command.add_option("--top", options->top, "Single points of failure to list (default 10)");
  command.footer(
      "JSON output is a redoubt/exposure@1 document; with --service it holds only that "
      "service, with every primary route. Text and JSON name the date judged on (as_of, "
      "as_of_source) and each inventory older than it (inventory_predates).");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
