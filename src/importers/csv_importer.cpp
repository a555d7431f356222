// CSV tables → inventory, for inventories kept in spreadsheets.
//
// Tables are told apart by file name: sites.csv, elements.csv, links.csv,
// services.csv (elements.csv is required; a folder stands for the four files
// in it). Columns (* = required; lists inside a field are separated by ';'):
//
//   sites.csv     id*, kind*, name, lat, lon, region, substation, backup_hours
//   elements.csv  id*, kind*, domain, vendor, site, model, software, installed,
//                 retired, certifications, managed_by
//   links.csv     id, a*, b*, medium, capacity_gbps, latency_ms, length_km, conduit
//   services.csv  id*, sector*, attach*, name, owner, classification, needs, weight,
//                 site, disjoint_paths, trusted_paths
//
// An empty vendor is `unknown`. Every bad value and dangling reference is
// reported with file:line:col.
#include <algorithm>
#include <array>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/source.hpp"
#include "importers/csv_reader.hpp"
#include "importers/importer.hpp"

namespace redoubt::importers {

namespace {

constexpr std::array<std::string_view, 4> kTables = {"sites", "elements", "links", "services"};
constexpr std::array<std::string_view, 8> kSiteColumns = {
    "id", "kind", "name", "lat", "lon", "region", "substation", "backup_hours"};
constexpr std::array<std::string_view, 2> kSiteRequired = {"id", "kind"};
constexpr std::array<std::string_view, 11> kElementColumns = {
    "id",       "kind",      "domain",  "vendor",         "site",      "model",
    "software", "installed", "retired", "certifications", "managed_by"};
constexpr std::array<std::string_view, 2> kElementRequired = {"id", "kind"};
constexpr std::array<std::string_view, 8> kLinkColumns = {
    "id", "a", "b", "medium", "capacity_gbps", "latency_ms", "length_km", "conduit"};
constexpr std::array<std::string_view, 2> kLinkRequired = {"a", "b"};
constexpr std::array<std::string_view, 11> kServiceColumns = {
    "id",    "sector", "attach", "name",           "owner",        "classification",
    "needs", "weight", "site",   "disjoint_paths", "trusted_paths"};
constexpr std::array<std::string_view, 3> kServiceRequired = {"id", "sector", "attach"};

std::vector<std::string_view> SplitList(std::string_view text) {
  std::vector<std::string_view> items;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find(';', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view item = text.substr(pos, end - pos);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) items.push_back(item);
    pos = end + 1;
  }
  return items;
}

template <typename Enum>
std::optional<Enum> Choice(const CsvColumns& columns, const CsvRow& row, std::string_view column,
                           std::span<const std::string_view> names) {
  const auto text = columns.Text(row, column);
  if (!text) return std::nullopt;
  if (auto value = ParseName<Enum>(*text)) return value;
  columns.Error(*columns.Get(row, column), fmt::format("unknown {} '{}'", column, *text),
                SuggestionHint(*text, names));
  return std::nullopt;
}

struct Table {
  SourceFile source;
  CsvTable table;
};

class CsvImport {
 public:
  CsvImport(Network& network, Diagnostics& diagnostics)
      : network_(network), diagnostics_(diagnostics) {}

  void Sites(const Table& input);
  void Elements(const Table& input);
  void Links(const Table& input);
  void Services(const Table& input);

 private:
  Network& network_;
  Diagnostics& diagnostics_;
  std::unordered_map<std::string, SiteIndex> sites_;
  std::unordered_set<std::string> service_ids_;
  std::unordered_map<std::string, ElementIndex> elements_;
  // Ids of elements rejected with an error: references to them are not
  // reported again (one mistake, one message).
  std::unordered_set<std::string> rejected_;
};

void CsvImport::Sites(const Table& input) {
  const CsvColumns columns(input.table, input.source, diagnostics_, kSiteColumns, kSiteRequired);
  if (!columns.ok()) return;
  for (const CsvRow& row : input.table.rows) {
    if (!columns.WidthOk(row)) continue;
    Site site;
    const auto id = columns.Text(row, "id");
    if (!id) {
      columns.Error(*columns.Get(row, "id"), "site without an id", "give every site an id");
      continue;
    }
    if (sites_.contains(std::string(*id))) {
      columns.Error(*columns.Get(row, "id"), fmt::format("duplicate site id '{}'", *id));
      continue;
    }
    site.id = network_.Intern(*id);
    if (auto kind = Choice<SiteKind>(columns, row, "kind", SiteKindNames())) site.kind = *kind;
    const auto lat = columns.Number(row, "lat", -90, 90);
    const auto lon = columns.Number(row, "lon", -180, 180);
    if (lat && lon) {
      site.lat = *lat;
      site.lon = *lon;
    } else if (columns.Text(row, "lat").has_value() != columns.Text(row, "lon").has_value()) {
      columns.Error(row.fields.front(), fmt::format("site '{}' has one coordinate but not the other", *id),
                    "give both lat and lon, or neither");
    }
    if (auto name = columns.Text(row, "name")) site.name = network_.Intern(*name);
    if (auto region = columns.Text(row, "region")) site.region = network_.Intern(*region);
    if (auto substation = columns.Text(row, "substation")) site.substation = network_.Intern(*substation);
    if (auto backup = columns.Number(row, "backup_hours", 0, 8760)) {
      site.backup_hours = static_cast<float>(*backup);
    }
    sites_.emplace(*id, static_cast<SiteIndex>(network_.sites.size()));
    network_.sites.push_back(site);
  }
}

void CsvImport::Elements(const Table& input) {
  const CsvColumns columns(input.table, input.source, diagnostics_, kElementColumns,
                           kElementRequired);
  if (!columns.ok()) return;
  std::vector<std::string_view> vendor_ids;
  for (const Vendor& vendor : network_.vendors) vendor_ids.push_back(network_.Str(vendor.id));
  std::vector<std::pair<const CsvRow*, ElementIndex>> managed;
  for (const CsvRow& row : input.table.rows) {
    if (!columns.WidthOk(row)) continue;
    const auto id = columns.Text(row, "id");
    if (!id) {
      columns.Error(*columns.Get(row, "id"), "element without an id", "give every element an id");
      continue;
    }
    if (elements_.contains(std::string(*id))) {
      columns.Error(*columns.Get(row, "id"), fmt::format("duplicate element id '{}'", *id));
      continue;
    }
    Element element;
    element.id = network_.Intern(*id);
    bool good = true;
    const auto kind = columns.Text(row, "kind");
    std::optional<Domain> domain = Choice<Domain>(columns, row, "domain", DomainNames());
    if (!kind) {
      columns.Error(*columns.Get(row, "kind"), fmt::format("element '{}' has no kind", *id));
      good = false;
    } else if (auto builtin = FindBuiltinKind(*kind)) {
      element.kind = *builtin;
      element.domain = domain.value_or(network_.kinds[*builtin].domain);
    } else if (domain) {
      element.kind = KindFor(network_, *kind, *domain);
      element.domain = *domain;
    } else {
      std::vector<std::string_view> names;
      for (const KindInfo& info : BuiltinKinds()) names.push_back(info.name);
      columns.Error(*columns.Get(row, "kind"), fmt::format("unknown kind '{}'", *kind),
                    ClosestMatch(*kind, names)
                        ? SuggestionHint(*kind, names)
                        : std::string("give a 'domain' for a custom kind"));
      good = false;
    }
    const std::string_view vendor = columns.Text(row, "vendor").value_or("unknown");
    const auto vendor_it = std::find(vendor_ids.begin(), vendor_ids.end(), vendor);
    if (vendor_it == vendor_ids.end()) {
      columns.Error(*columns.Get(row, "vendor"), fmt::format("unknown vendor '{}'", vendor),
                    SuggestionHint(vendor, vendor_ids));
      good = false;
    } else {
      element.vendor = static_cast<VendorIndex>(vendor_it - vendor_ids.begin());
    }
    if (auto site = columns.Text(row, "site")) {
      const auto it = sites_.find(std::string(*site));
      if (it == sites_.end()) {
        columns.Error(*columns.Get(row, "site"), fmt::format("unknown site '{}'", *site),
                      "list it in sites.csv or correct the id");
        good = false;
      } else {
        element.site = it->second;
      }
    }
    if (auto model = columns.Text(row, "model")) element.model = network_.Intern(*model);
    if (auto software = columns.Text(row, "software")) element.software = network_.Intern(*software);
    for (std::string_view column : {"installed", "retired"}) {
      if (auto text = columns.Text(row, column)) {
        const auto date = ParseIsoDate(*text);
        if (!date) {
          columns.Error(*columns.Get(row, column), fmt::format("{} '{}' is not a date", column, *text),
                        "write YYYY-MM-DD");
          good = false;
        } else {
          (column == "installed" ? element.installed : element.retired) = *date;
        }
      }
    }
    if (auto certs = columns.Text(row, "certifications")) {
      std::vector<StringId> ids;
      for (std::string_view cert : SplitList(*certs)) ids.push_back(network_.Intern(cert));
      element.certifications = network_.InternCertSet(std::move(ids));
    }
    if (!good) {
      rejected_.emplace(*id);
      continue;
    }
    const auto index = static_cast<ElementIndex>(network_.elements.size());
    elements_.emplace(*id, index);
    network_.elements.push_back(element);
    if (columns.Text(row, "managed_by")) managed.emplace_back(&row, index);
  }
  // managed_by, now that every element is known (CSR, in element order).
  std::vector<std::vector<ElementIndex>> managers(network_.elements.size());
  for (const auto& [row, index] : managed) {
    for (std::string_view manager : SplitList(*columns.Text(*row, "managed_by"))) {
      const auto it = elements_.find(std::string(manager));
      if (rejected_.contains(std::string(manager))) continue;
      if (it == elements_.end()) {
        columns.Error(*columns.Get(*row, "managed_by"),
                      fmt::format("managed by unknown element '{}'", manager),
                      "list the manager in elements.csv or correct the id");
      } else if (it->second == index) {
        columns.Error(*columns.Get(*row, "managed_by"), "an element cannot manage itself");
      } else {
        managers[index].push_back(it->second);
      }
    }
  }
  network_.managed_by_offsets.assign(1, 0);
  for (auto& list : managers) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    network_.managed_by_targets.insert(network_.managed_by_targets.end(), list.begin(), list.end());
    network_.managed_by_offsets.push_back(static_cast<std::uint32_t>(network_.managed_by_targets.size()));
  }
}

void CsvImport::Links(const Table& input) {
  const CsvColumns columns(input.table, input.source, diagnostics_, kLinkColumns, kLinkRequired);
  if (!columns.ok()) return;
  for (const CsvRow& row : input.table.rows) {
    if (!columns.WidthOk(row)) continue;
    Link link;
    bool good = true;
    for (std::string_view end : {"a", "b"}) {
      const auto id = columns.Text(row, end);
      const auto it = id ? elements_.find(std::string(*id)) : elements_.end();
      if (id && rejected_.contains(std::string(*id))) {
        good = false;
        continue;
      }
      if (it == elements_.end()) {
        columns.Error(*columns.Get(row, end),
                      fmt::format("link end '{}' is not a known element", id.value_or("")),
                      "list it in elements.csv or correct the id");
        good = false;
        continue;
      }
      (end == "a" ? link.a : link.b) = it->second;
    }
    if (auto id = columns.Text(row, "id")) link.id = network_.Intern(*id);
    if (auto medium = Choice<Medium>(columns, row, "medium", MediumNames())) link.medium = *medium;
    if (auto value = columns.Number(row, "capacity_gbps", 0, 1e6)) link.capacity_gbps = static_cast<float>(*value);
    if (auto value = columns.Number(row, "latency_ms", 0, 1e4)) link.latency_ms = static_cast<float>(*value);
    if (auto value = columns.Number(row, "length_km", 0, 5e4)) link.length_km = static_cast<float>(*value);
    if (auto conduit = columns.Text(row, "conduit")) link.conduit = network_.Intern(*conduit);
    if (good) network_.links.push_back(link);
  }
}

void CsvImport::Services(const Table& input) {
  const CsvColumns columns(input.table, input.source, diagnostics_, kServiceColumns,
                           kServiceRequired);
  if (!columns.ok()) return;
  for (const CsvRow& row : input.table.rows) {
    if (!columns.WidthOk(row)) continue;
    Service service;
    bool good = true;
    const auto id = columns.Text(row, "id");
    if (!id) {
      columns.Error(*columns.Get(row, "id"), "service without an id");
      continue;
    }
    if (!service_ids_.insert(std::string(*id)).second) {
      // validate refuses an inventory with two services of one id.
      columns.Error(*columns.Get(row, "id"), fmt::format("duplicate service id '{}'", *id),
                    "give every service its own id, or merge the rows");
      continue;
    }
    service.id = network_.Intern(*id);
    if (auto name = columns.Text(row, "name")) service.name = std::string(*name);
    if (auto sector = Choice<Sector>(columns, row, "sector", SectorNames())) {
      service.sector = *sector;
    } else {
      good = false;
    }
    service.owner = std::string(columns.Text(row, "owner").value_or(network_.info.country));
    if (!service.owner.empty() && !IsCountryCode(service.owner)) {
      columns.Error(*columns.Get(row, "owner"), fmt::format("owner '{}' is not a country code", service.owner),
                    CountryHint(service.owner));
      good = false;
    }
    if (auto level = Choice<Classification>(columns, row, "classification", ClassificationNames())) {
      service.classification = *level;
    }
    for (std::string_view element : SplitList(columns.Text(row, "attach").value_or(""))) {
      const auto it = elements_.find(std::string(element));
      if (rejected_.contains(std::string(element))) {
        good = false;
      } else if (it == elements_.end()) {
        columns.Error(*columns.Get(row, "attach"),
                      fmt::format("service '{}' attaches to unknown element '{}'", *id, element));
        good = false;
      } else if (std::find(service.attach.begin(), service.attach.end(), it->second) ==
                 service.attach.end()) {
        service.attach.push_back(it->second);
      }
    }
    if (!columns.Text(row, "attach")) {
      columns.Error(*columns.Get(row, "attach"), fmt::format("service '{}' attaches to nothing", *id),
                    "list its attachment elements, separated by ';'");
      good = false;
    }
    const auto needs = columns.Text(row, "needs");
    for (std::string_view need : SplitList(needs.value_or("amf;smf;upf"))) {
      if (auto kind = network_.FindKind(need)) {
        service.needs.push_back(*kind);
      } else {
        columns.Error(*columns.Get(row, "needs"), fmt::format("unknown function '{}'", need));
        good = false;
      }
    }
    if (auto weight = columns.Number(row, "weight", 0, 1e10)) service.weight = *weight;
    if (auto site = columns.Text(row, "site")) {
      const auto it = sites_.find(std::string(*site));
      if (it == sites_.end()) {
        columns.Error(*columns.Get(row, "site"), fmt::format("unknown site '{}'", *site));
        good = false;
      } else {
        service.site = it->second;
      }
    }
    if (auto paths = columns.Number(row, "disjoint_paths", 0, 16)) {
      service.requirements.disjoint_paths = static_cast<std::uint32_t>(*paths);
    }
    if (auto trusted = columns.Text(row, "trusted_paths")) {
      if (*trusted == "true" || *trusted == "false") {
        service.requirements.trusted_paths = *trusted == "true";
      } else {
        columns.Error(*columns.Get(row, "trusted_paths"),
                      fmt::format("trusted_paths '{}' is not true or false", *trusted));
      }
    }
    if (good) network_.services.push_back(std::move(service));
  }
}

}  // namespace

Result<Imported> ImportCsvTables(std::span<const std::string> paths, const ImportOptions& options) {
  Diagnostics diagnostics;
  std::array<std::optional<std::string>, 4> files;
  auto place = [&](const std::filesystem::path& path) {
    const std::string stem = path.stem().string();
    const auto it = std::find(kTables.begin(), kTables.end(), stem);
    if (it == kTables.end()) {
      diagnostics.Error(Location{path.string(), 0, 0}, fmt::format("'{}' is not a known table", path.filename().string()),
                        "name the files sites.csv, elements.csv, links.csv, services.csv");
      return;
    }
    files[static_cast<std::size_t>(it - kTables.begin())] = path.string();
  };
  for (const std::string& path : paths) {
    if (std::filesystem::is_directory(path)) {
      for (std::string_view table : kTables) {
        const auto file = std::filesystem::path(path) / (std::string(table) + ".csv");
        if (std::filesystem::exists(file)) place(file);
      }
    } else {
      place(path);
    }
  }
  if (!files[1] && !diagnostics.HasErrors()) {
    diagnostics.Error(Location{paths.empty() ? std::string() : paths[0], 0, 0}, "no elements.csv",
                      "give elements.csv (and sites.csv, links.csv, services.csv as needed)");
  }
  if (diagnostics.HasErrors()) return Result<Imported>(std::move(diagnostics));

  Imported imported;
  const std::string folder = std::filesystem::path(*files[1]).parent_path().filename().string();
  StartNetwork(imported.network, options, IdFromText(folder.empty() ? "csv" : folder), diagnostics);
  CsvImport import(imported.network, diagnostics);
  std::array<Table, 4> tables;
  for (std::size_t k = 0; k < files.size(); ++k) {
    if (!files[k]) continue;
    tables[k].source = SourceFile::Read(*files[k]);
    tables[k].table = ReadCsv(tables[k].source, true, diagnostics);
  }
  if (files[0]) import.Sites(tables[0]);
  import.Elements(tables[1]);
  if (files[2]) import.Links(tables[2]);
  if (files[3]) import.Services(tables[3]);
  const Network& network = imported.network;
  imported.summary = {{"sites", network.sites.size()},
                      {"elements", network.elements.size()},
                      {"links", network.links.size()},
                      {"services", network.services.size()}};
  return Result<Imported>(std::move(imported), std::move(diagnostics));
}

}  // namespace redoubt::importers
