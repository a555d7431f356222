#include "gen/generator.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/source.hpp"
#include "gen/builder.hpp"
#include "gen/countries.hpp"
#include "gen/layout.hpp"
#include "io/vendor_reader.hpp"

namespace redoubt::gen {

namespace {

constexpr std::array<Domain, 5> kMixDomains = {Domain::kRan, Domain::kTransport, Domain::kCore,
                                               Domain::kManagement, Domain::kEdge};
constexpr std::array<std::string_view, 5> kMixDomainNames = {"ran", "transport", "core",
                                                             "management", "edge"};

std::optional<double> ParseDouble(std::string_view text) {
  double value = 0;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

std::string CountryList() {
  std::string list;
  for (const CountryProfile& profile : Countries()) {
    list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", profile.code, profile.name);
  }
  return list;
}

}  // namespace

void ParseVendorMix(std::string_view text, std::string_view where,
                    std::map<Domain, std::vector<VendorShare>>& mix, Diagnostics& diagnostics) {
  auto at = [&](std::size_t offset) {
    return Location{std::string(where), 1, static_cast<std::uint32_t>(offset + 1)};
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == ' ' || text[pos] == ';') {
      ++pos;
      continue;
    }
    std::size_t end = text.find_first_of(" ;", pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view group = text.substr(pos, end - pos);
    const std::size_t equals = group.find('=');
    if (equals == std::string_view::npos) {
      diagnostics.Error(at(pos), fmt::format("'{}' names no domain", group),
                        "write DOMAIN=VENDOR:SHARE,..., e.g. ran=huawei:0.4,ericsson:0.6");
      pos = end;
      continue;
    }
    const std::string_view domain_name = group.substr(0, equals);
    const auto domain_index = static_cast<std::size_t>(
        std::find(kMixDomainNames.begin(), kMixDomainNames.end(), domain_name) -
        kMixDomainNames.begin());
    if (domain_index == kMixDomainNames.size()) {
      diagnostics.Error(at(pos), fmt::format("unknown domain '{}'", domain_name),
                        SuggestionHint(domain_name, kMixDomainNames));
      pos = end;
      continue;
    }
    std::vector<VendorShare> shares;
    std::size_t item_pos = pos + equals + 1;
    bool good = true;
    while (item_pos <= end) {
      std::size_t item_end = text.find(',', item_pos);
      if (item_end == std::string_view::npos || item_end > end) item_end = end;
      const std::string_view item = text.substr(item_pos, item_end - item_pos);
      const std::size_t colon = item.find(':');
      std::optional<double> share;
      if (colon != std::string_view::npos) share = ParseDouble(item.substr(colon + 1));
      if (colon == std::string_view::npos || colon == 0) {
        diagnostics.Error(at(item_pos), fmt::format("'{}' is not VENDOR:SHARE", item),
                          "e.g. huawei:0.4");
        good = false;
      } else if (!share || *share <= 0 || *share > 1) {
        diagnostics.Error(at(item_pos + colon + 1),
                          fmt::format("share '{}' is not a number in (0, 1]", item.substr(colon + 1)),
                          "shares are fractions, e.g. 0.35");
        good = false;
      } else {
        shares.push_back({std::string(item.substr(0, colon)), *share});
      }
      item_pos = item_end + 1;
    }
    if (good) {
      double sum = 0;
      for (const VendorShare& share : shares) sum += share.share;
      if (std::abs(sum - 1.0) > 1e-6) {
        diagnostics.Error(at(pos), fmt::format("the shares of '{}' sum to {:g}, not 1", domain_name, sum),
                          "make the shares of a domain add up to 1");
      } else {
        mix[kMixDomains[domain_index]] = std::move(shares);
      }
    }
    pos = end;
  }
}

std::optional<ForeignService> ParseForeignService(std::string_view text, std::string_view where,
                                                  Diagnostics& diagnostics) {
  const Location location{std::string(where), 1, 1};
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (parts.size() < 3) {
    const std::size_t comma = text.find(',', pos);
    if (comma == std::string_view::npos) break;
    parts.push_back(text.substr(pos, comma - pos));
    pos = comma + 1;
  }
  parts.push_back(text.substr(pos));
  if (parts.size() < 3) {
    diagnostics.Error(location, fmt::format("'{}' is not OWNER,LAT,LON[,NAME]", text),
                      "e.g. CA,57.09,24.39,eFP battle group (Adazi)");
    return std::nullopt;
  }
  ForeignService service;
  service.owner = Trim(parts[0]);
  bool good = true;
  if (!IsCountryCode(service.owner)) {
    diagnostics.Error(location, fmt::format("owner '{}' is not an ISO 3166-1 alpha-2 code", service.owner),
                      CountryHint(service.owner));
    good = false;
  }
  const auto lat = ParseDouble(Trim(parts[1]));
  const auto lon = ParseDouble(Trim(parts[2]));
  if (!lat || *lat < -90 || *lat > 90) {
    diagnostics.Error(location, fmt::format("latitude '{}' is not a number in [-90, 90]", parts[1]));
    good = false;
  }
  if (!lon || *lon < -180 || *lon > 180) {
    diagnostics.Error(location, fmt::format("longitude '{}' is not a number in [-180, 180]", parts[2]));
    good = false;
  }
  if (!good) return std::nullopt;
  service.lat = *lat;
  service.lon = *lon;
  if (parts.size() > 3) service.name = Trim(parts[3]);
  return service;
}

Result<Network> GenerateNetwork(const GeneratorOptions& options) {
  Diagnostics diagnostics;
  const Location here{"generate", 0, 0};
  const CountryProfile* profile = FindCountry(options.country);
  if (profile == nullptr) {
    diagnostics.Error(here, fmt::format("no country profile for '{}'", options.country),
                      fmt::format("known: {}", CountryList()));
  }
  if (options.sites < 1 || options.sites > kMaxSites) {
    diagnostics.Error(here, fmt::format("--sites {} is out of range", options.sites),
                      fmt::format("give 1 to {} cell sites", kMaxSites));
  }
  if (!(options.split_ran >= 0 && options.split_ran <= 1)) {
    diagnostics.Error(here, "--split-ran must be a share in [0, 1]");
  }
  if (options.core_sites > 8) {
    diagnostics.Error(here, fmt::format("--core-sites {} is out of range", options.core_sites),
                      "give 1 to 8 data centres, or 0 for 2–4 by size");
  }
  for (const ForeignService& foreign : options.foreign_services) {
    if (!IsCountryCode(foreign.owner)) {
      diagnostics.Error(here, fmt::format("owner '{}' is not an ISO 3166-1 alpha-2 code", foreign.owner),
                        CountryHint(foreign.owner));
    }
  }
  if (diagnostics.HasErrors()) return Result<Network>(std::move(diagnostics));

  Network network;
  // Vendors: the registers, in order, later ones overriding earlier ones.
  std::vector<std::string> registers;
  if (options.use_bundled_vendors) registers.push_back(DataPath("vendors.yaml"));
  registers.insert(registers.end(), options.vendor_registers.begin(),
                   options.vendor_registers.end());
  for (const std::string& path : registers) {
    SourceFile source;
    try {
      source = SourceFile::Read(path);
    } catch (const IoError& error) {
      diagnostics.Error(Location{path, 0, 0}, fmt::format("cannot read vendor register: {}", error.what()),
                        "check the path, or set REDOUBT_DATA to redoubt's data folder");
      continue;
    }
    auto loaded = LoadVendorRegister(source, *network.strings);
    diagnostics.Append(loaded.diagnostics());
    if (!loaded.ok()) continue;
    for (Vendor& vendor : loaded.value()) {
      auto existing = std::find_if(network.vendors.begin(), network.vendors.end(),
                                   [&](const Vendor& v) { return v.id == vendor.id; });
      if (existing != network.vendors.end()) {
        *existing = std::move(vendor);
      } else {
        network.vendors.push_back(std::move(vendor));
      }
    }
  }
  if (diagnostics.HasErrors()) return Result<Network>(std::move(diagnostics));
  std::vector<std::string_view> vendor_ids;
  for (const Vendor& vendor : network.vendors) vendor_ids.push_back(network.Str(vendor.id));

  // Mixes: given, else the country's default.
  std::map<Domain, std::vector<VendorShare>> mix;
  Diagnostics default_diagnostics;
  ParseVendorMix(profile->default_mix, "default mix", mix, default_diagnostics);
  for (const auto& [domain, shares] : options.vendor_mix) mix[domain] = shares;
  std::array<Mix, kDomainCount> mixes;
  for (Domain domain : kMixDomains) {
    for (const VendorShare& share : mix[domain]) {
      const auto it = std::find(vendor_ids.begin(), vendor_ids.end(), share.vendor);
      if (it == vendor_ids.end()) {
        diagnostics.Error(Location{"--vendor-mix", 0, 0},
                          fmt::format("unknown vendor '{}' in the {} mix", share.vendor, Name(domain)),
                          SuggestionHint(share.vendor, vendor_ids));
        continue;
      }
      mixes[static_cast<int>(domain)].vendors.push_back(
          static_cast<VendorIndex>(it - vendor_ids.begin()));
      mixes[static_cast<int>(domain)].shares.push_back(share.share);
    }
  }
  if (diagnostics.HasErrors()) return Result<Network>(std::move(diagnostics));

  std::string code_lower;
  for (char c : profile->code) code_lower += static_cast<char>(c - 'A' + 'a');
  network.info.id = options.network_id.empty() ? code_lower + "-op1" : options.network_id;
  network.info.name =
      options.network_name.empty() ? std::string(profile->operator_name) : options.network_name;
  network.info.country = std::string(profile->code);
  network.info.as_of = options.as_of;

  if (options.progress) options.progress("layout");
  const Layout layout = MakeLayout(*profile, options.sites, options.core_sites, options.seed);
  Builder builder(options, *profile, layout, std::move(mixes), network);
  builder.Build();
  return Result<Network>(std::move(network), std::move(diagnostics));
}

}  // namespace redoubt::gen
