// OpenCelliD CSV → RAN sites and cells.
//
// Rows are cells: `radio,mcc,net,area,cell,unit,lon,lat,range,samples,
// changeable,created,updated,averageSignal`, no header. Each cell becomes an
// element — LTE → `enb`, NR → `gnb`, and the custom RAN kinds `bts` (GSM)
// and `nodeb` (UMTS) — installed on its `created` date. Cells of one
// operator (mcc, net) whose positions lie within --site-radius (default
// 50 m) of a site's first cell share that site (grid hashing, cells taken in
// file order, so the grouping is deterministic). The network id names the
// operators it holds.
//
// With attach_backhaul, each site gets a cell-site router linked to its
// cells, sites hang off hubs of 12 (in Hilbert-curve order) and every hub is
// dual-homed to two core data centres with AMF, SMF, UPF, AUSF, UDM and NRF —
// a plausible backbone so that analyses run; all of it vendor `unknown`.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unordered_map>

#include <fmt/format.h>

#include "core/source.hpp"
#include "gen/geo.hpp"
#include "importers/csv_reader.hpp"
#include "importers/importer.hpp"

namespace redoubt::importers {

namespace {

constexpr std::size_t kColumns = 14;
constexpr std::array<std::string_view, 4> kRadios = {"GSM", "UMTS", "LTE", "NR"};

struct SiteCell {
  std::int64_t x, y;
  std::uint32_t mcc, net;
  bool operator==(const SiteCell&) const = default;
};
struct SiteCellHash {
  std::size_t operator()(const SiteCell& key) const {
    return std::hash<std::int64_t>()(key.x * 73856093 ^ key.y * 19349663) ^ (key.mcc << 20) ^ key.net;
  }
};

void AttachBackhaul(Network& network, const std::vector<gen::LatLon>& site_positions) {
  const VendorIndex unknown = network.FindVendor("unknown");
  const KindId router = *network.FindKind("router");
  auto add_site = [&](std::string id, SiteKind kind, gen::LatLon position) {
    Site site;
    site.id = network.Intern(id);
    site.kind = kind;
    site.lat = gen::RoundCoordinate(position.lat);
    site.lon = gen::RoundCoordinate(position.lon);
    network.sites.push_back(site);
    return static_cast<SiteIndex>(network.sites.size() - 1);
  };
  auto add_element = [&](std::string id, KindId kind, SiteIndex site) {
    Element element;
    element.id = network.Intern(id);
    element.kind = kind;
    element.domain = network.kinds[kind].domain;
    element.vendor = unknown;
    element.site = site;
    network.elements.push_back(element);
    network.managed_by_offsets.push_back(0);
    return static_cast<ElementIndex>(network.elements.size() - 1);
  };
  auto add_link = [&](ElementIndex a, ElementIndex b, Medium medium) {
    Link link;
    link.a = a;
    link.b = b;
    link.medium = medium;
    network.links.push_back(link);
  };
  const std::size_t cell_elements = network.elements.size();
  // Cell-site routers, linked to the cells of their site.
  std::vector<ElementIndex> csr(site_positions.size());
  for (SiteIndex site = 0; site < site_positions.size(); ++site) {
    csr[site] = add_element(fmt::format("{}-csr", network.Str(network.sites[site].id)), router, site);
  }
  for (ElementIndex cell = 0; cell < cell_elements; ++cell) {
    add_link(cell, csr[network.elements[cell].site], Medium::kInternal);
  }
  // Two core data centres at the extremes of the sites' extent.
  gen::LatLon south_west{90, 180}, north_east{-90, -180};
  for (const gen::LatLon& p : site_positions) {
    south_west = {std::min(south_west.lat, p.lat), std::min(south_west.lon, p.lon)};
    north_east = {std::max(north_east.lat, p.lat), std::max(north_east.lon, p.lon)};
  }
  std::array<ElementIndex, 2> core_router{};
  for (int dc = 0; dc < 2; ++dc) {
    const double t = dc == 0 ? 0.35 : 0.65;
    const gen::LatLon position{south_west.lat + (north_east.lat - south_west.lat) * t,
                               south_west.lon + (north_east.lon - south_west.lon) * t};
    const SiteIndex site = add_site(fmt::format("core-dc{}", dc + 1), SiteKind::kDatacenter, position);
    core_router[dc] = add_element(fmt::format("core-dc{}-rtr", dc + 1), router, site);
    for (std::string_view kind : {"amf", "smf", "upf", "ausf", "udm", "nrf"}) {
      const ElementIndex function =
          add_element(fmt::format("core-dc{}-{}", dc + 1, kind), *network.FindKind(kind), site);
      add_link(function, core_router[dc], Medium::kInternal);
    }
  }
  add_link(core_router[0], core_router[1], Medium::kFiber);
  // Hubs of 12 sites in Hilbert order, dual-homed to both data centres.
  std::vector<std::pair<std::uint64_t, SiteIndex>> order;
  for (SiteIndex site = 0; site < site_positions.size(); ++site) {
    order.emplace_back(gen::HilbertIndex(site_positions[site], south_west, north_east), site);
  }
  std::sort(order.begin(), order.end());
  for (std::size_t first = 0, hub = 1; first < order.size(); first += 12, ++hub) {
    const std::size_t end = std::min(order.size(), first + 12);
    gen::LatLon centre{0, 0};
    for (std::size_t k = first; k < end; ++k) {
      centre.lat += site_positions[order[k].second].lat / static_cast<double>(end - first);
      centre.lon += site_positions[order[k].second].lon / static_cast<double>(end - first);
    }
    const SiteIndex site = add_site(fmt::format("hub{}", hub), SiteKind::kHub, centre);
    const ElementIndex hub_router = add_element(fmt::format("hub{}-rtr", hub), router, site);
    for (std::size_t k = first; k < end; ++k) add_link(csr[order[k].second], hub_router, Medium::kFiber);
    add_link(hub_router, core_router[0], Medium::kFiber);
    add_link(hub_router, core_router[1], Medium::kFiber);
  }
  for (Link& link : network.links) {
    const Site& a = network.sites[network.elements[link.a].site];
    const Site& b = network.sites[network.elements[link.b].site];
    if (&a == &b) continue;
    link.length_km = static_cast<float>(
        std::round(gen::DistanceKm({a.lat, a.lon}, {b.lat, b.lon}) * 100) / 100);
  }
}

}  // namespace

Result<Imported> ImportOpenCellId(std::span<const std::string> paths, const ImportOptions& options) {
  Diagnostics diagnostics;
  Imported imported;
  Network& network = imported.network;
  const std::string default_id =
      paths.empty() ? "opencellid" : IdFromText(std::filesystem::path(paths[0]).stem().string());
  StartNetwork(network, options, default_id, diagnostics);
  if (network.info.name.empty()) network.info.name = "OpenCelliD import";
  if (!(options.site_radius_m > 0)) {
    diagnostics.Error(Location{"--site-radius", 0, 0}, "the site radius must be positive");
    return Result<Imported>(std::move(diagnostics));
  }
  const VendorIndex unknown = network.FindVendor("unknown");
  const std::array<KindId, 4> kinds = {KindFor(network, "bts", Domain::kRan),
                                       KindFor(network, "nodeb", Domain::kRan),
                                       *network.FindKind("enb"), *network.FindKind("gnb")};
  network.managed_by_offsets.assign(1, 0);
  // Grid of cell size = radius in a local projection: a site within the
  // radius lies in one of the 3 × 3 grid cells around.
  const double cell_deg = options.site_radius_m / 111195.0;
  std::unordered_map<SiteCell, std::vector<SiteIndex>, SiteCellHash> grid;
  std::vector<gen::LatLon> site_positions;
  std::unordered_map<std::string, std::uint64_t> cell_ids;
  std::array<std::size_t, 4> by_radio{};
  std::size_t rows = 0;

  for (const std::string& path : paths) {
    const SourceFile source = SourceFile::Read(path);
    const CsvTable table = ReadCsv(source, false, diagnostics);
    if (table.rows.empty()) {
      // An inventory without cells is refused by validate: refuse it here.
      diagnostics.Error(Location{path, 1, 1}, "the file holds no OpenCelliD rows",
                        "give a cell export with rows radio,mcc,net,area,cell,unit,lon,lat,range,"
                        "samples,changeable,created,updated,averageSignal");
      continue;
    }
    for (const CsvRow& row : table.rows) {
      ++rows;
      if (row.malformed) continue;  // reported by the CSV reader
      if (row.fields.size() != kColumns) {
        diagnostics.Error(source.LocationOf(row.offset),
                          fmt::format("row has {} fields, OpenCelliD rows have {}", row.fields.size(),
                                      kColumns),
                          "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,"
                          "updated,averageSignal");
        continue;
      }
      auto field = [&](std::size_t index) -> const CsvField& { return row.fields[index]; };
      bool good = true;
      auto number = [&](std::size_t index, std::string_view name, double min, double max,
                        bool integer) -> double {
        const auto value = ParseNumber(field(index).text);
        if (!value || *value < min || *value > max || (integer && std::floor(*value) != *value)) {
          diagnostics.Error(source.LocationOf(field(index).offset),
                            fmt::format("{} '{}' is not {} in [{}, {}]", name, field(index).text,
                                        integer ? "an integer" : "a number", min, max));
          good = false;
          return 0;
        }
        return *value;
      };
      const auto radio_it = std::find(kRadios.begin(), kRadios.end(), field(0).text);
      if (radio_it == kRadios.end()) {
        diagnostics.Error(source.LocationOf(field(0).offset),
                          fmt::format("unknown radio '{}'", field(0).text),
                          SuggestionHint(field(0).text, kRadios));
        good = false;
      }
      const auto mcc = static_cast<std::uint32_t>(number(1, "mcc", 0, 999, true));
      const auto net = static_cast<std::uint32_t>(number(2, "net", 0, 999, true));
      const auto area = static_cast<std::uint64_t>(number(3, "area", 0, 4294967295.0, true));
      const auto cell = static_cast<std::uint64_t>(number(4, "cell", 0, 1e15, true));
      const double lon = number(6, "lon", -180, 180, false);
      const double lat = number(7, "lat", -90, 90, false);
      const double created = number(11, "created", 0, 4102444800.0, true);
      if (!good) continue;
      const auto radio = static_cast<std::size_t>(radio_it - kRadios.begin());
      std::string id = fmt::format("{}-{}-{}-{}-{}", *radio_it, mcc, net, area, cell);
      for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const auto [previous, inserted] = cell_ids.try_emplace(id, row.offset);
      if (!inserted) {
        diagnostics.Error(source.LocationOf(row.offset), fmt::format("duplicate cell '{}'", id),
                          fmt::format("it is already listed at line {}", source.LineOf(previous->second)));
        continue;
      }
      // Site: the first site of this operator within the radius, else a new one.
      const auto gx = static_cast<std::int64_t>(std::floor(lon * std::cos(lat * 3.14159265358979323846 / 180) / cell_deg));
      const auto gy = static_cast<std::int64_t>(std::floor(lat / cell_deg));
      SiteIndex site = kNone;
      double best = options.site_radius_m / 1000.0;
      for (std::int64_t dx = -1; dx <= 1; ++dx) {
        for (std::int64_t dy = -1; dy <= 1; ++dy) {
          const auto it = grid.find({gx + dx, gy + dy, mcc, net});
          if (it == grid.end()) continue;
          for (SiteIndex candidate : it->second) {
            const double d = gen::DistanceKm({lat, lon}, site_positions[candidate]);
            if (d <= best && (site == kNone || d < best || candidate < site)) {
              best = d;
              site = candidate;
            }
          }
        }
      }
      if (site == kNone) {
        site = static_cast<SiteIndex>(network.sites.size());
        Site record;
        record.id = network.Intern(fmt::format("s{}-{}-{}", mcc, net, site + 1));
        record.kind = SiteKind::kCell;
        record.lat = lat;
        record.lon = lon;
        record.region = network.Intern(fmt::format("{}-{:02}", mcc, net));
        network.sites.push_back(record);
        site_positions.push_back({lat, lon});
        grid[{gx, gy, mcc, net}].push_back(site);
      }
      Element element;
      element.id = network.Intern(id);
      element.kind = kinds[radio];
      element.domain = Domain::kRan;
      element.vendor = unknown;
      element.site = site;
      element.installed = static_cast<Days>(std::floor(created / 86400));
      network.elements.push_back(element);
      network.managed_by_offsets.push_back(0);
      ++by_radio[radio];
    }
  }
  const std::size_t cells = network.elements.size();
  const std::size_t sites = network.sites.size();
  if (options.attach_backhaul && !network.elements.empty() && !diagnostics.HasErrors()) {
    AttachBackhaul(network, site_positions);
  }
  imported.summary = {{"rows", rows},
                      {"cells", cells},
                      {"sites", sites},
                      {"GSM cells (kind bts)", by_radio[0]},
                      {"UMTS cells (kind nodeb)", by_radio[1]},
                      {"LTE cells (kind enb)", by_radio[2]},
                      {"NR cells (kind gnb)", by_radio[3]},
                      {"elements", network.elements.size()},
                      {"links", network.links.size()}};
  return Result<Imported>(std::move(imported), std::move(diagnostics));
}

}  // namespace redoubt::importers
