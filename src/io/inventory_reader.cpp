// Reads one inventory file into its FileStage: every record is checked on its
// own here (keys, types, ranges, enums); references between records are
// resolved later, across all files of a network, in inventory_loader.cpp.
#include <array>
#include <new>

#include <fmt/format.h>

#include "io/direct_records.hpp"
#include "io/document.hpp"
#include "io/inventory_stage.hpp"
#include "io/node_reader.hpp"
#include "io/vendor_reader.hpp"

namespace redoubt::inventory_detail {

namespace {

constexpr std::string_view kFormat = "redoubt/inventory@1";
constexpr std::array<std::string_view, 7> kTopKeys = {"format", "network", "vendors", "sites",
                                                      "elements", "links", "services"};
constexpr std::array<std::string_view, 4> kNetworkKeys = {"id", "name", "country", "as_of"};
constexpr std::array<std::string_view, 10> kServiceKeys = {
    "id",    "name",   "sector", "owner", "classification",
    "attach", "needs", "weight", "site",  "requires"};
constexpr std::array<std::string_view, 4> kRequiresKeys = {
    "disjoint_paths", "trusted_disjoint_paths", "trusted_paths", "max_recovery_hours"};


class FileHandler : public DocumentHandler {
 public:
  FileHandler(ReadContext& context, const SourceFile& source, FileStage& stage)
      : loader_(context), source_(source), stage_(stage) {}

  [[nodiscard]] bool Streams(std::string_view key) const override {
    return key == "vendors" || key == "sites" || key == "elements" || key == "links" ||
           key == "services";
  }
  void OnField(Field field) override;
  void OnSequence(std::string_view, std::uint64_t key_offset) override {
    stage_.saw_any = true;
    sequence_start_ = key_offset;
    sequence_records_ = 0;
    last_record_offset_ = kNoOffset;
  }
  void OnItem(std::string_view key, Node item) override;
  bool OnFlatItem(std::string_view key, FlatRecord record) override;
  void Finish();
  // For an inline inventory: `format` is optional.
  void FinishInline() {
    if (saw_format_) CheckFormat(&format_, 0, kFormat, source_, loader_.diagnostics);
  }

 private:
  // Counts the records of the current sequence; at the kSampleRecords-th,
  // reserves the staging vectors of `key` for as many records of that size
  // as the rest of the file could hold.
  void NoteRecord(std::string_view key, std::uint64_t offset);
  // Remembers the id of a record rejected with an error, if it has one.
  void Reject(const Node& record, std::vector<StringId>& rejected);
  void ReadHeader(const Node& node);
  void ReadSite(const Node& node);
  void ReadElement(const Node& node);
  void ReadLink(const Node& node);
  void ReadService(const Node& node);

  ReadContext& loader_;
  const SourceFile& source_;
  FileStage& stage_;
  bool saw_format_ = false;
  Node format_;
  static constexpr std::uint64_t kNoOffset = UINT64_MAX;
  std::uint64_t sequence_start_ = 0;
  std::size_t sequence_records_ = 0;
  std::uint64_t last_record_offset_ = kNoOffset;  // a record offered flat, then as a Node
};



void FileHandler::OnField(Field field) {
  stage_.saw_any = true;
  Diagnostics& diagnostics = loader_.diagnostics;
  if (field.key == "format") {
    format_ = std::move(field.value);
    saw_format_ = true;
  } else if (field.key == "network") {
    ReadHeader(field.value);
  } else if (Streams(field.key)) {
    if (field.value.type != Node::Type::kNull) {
      diagnostics.Error(source_.LocationOf(field.value.offset),
                        fmt::format("'{}' must be a list, found {}", field.key,
                                    TypeName(field.value.type)),
                        fmt::format("write one '- id: ...' entry per item of {}", field.key));
    }
  } else {
    diagnostics.Error(source_.LocationOf(field.key_offset),
                      fmt::format("unknown key '{}' at the top of an inventory", field.key),
                      SuggestionHint(field.key, kTopKeys));
  }
}

void FileHandler::NoteRecord(std::string_view key, std::uint64_t offset) {
  // Reserving saves the copies and page faults of each doubling of a vector of
  // millions of records; a short sequence grows as it comes.
  constexpr std::size_t kSampleRecords = 4096;
  constexpr std::size_t kMinReserved = std::size_t{1} << 16;
  if (offset == last_record_offset_) return;
  last_record_offset_ = offset;
  if (++sequence_records_ != kSampleRecords || offset <= sequence_start_) return;
  // An over-estimate when other sequences follow: it costs address space, not
  // memory, as pages never written are never given.
  const std::uint64_t bytes_per_record = (offset - sequence_start_) / (kSampleRecords - 1);
  const std::uint64_t left =
      source_.size() > sequence_start_ ? source_.size() - sequence_start_ : 0;
  const std::size_t records = bytes_per_record == 0 ? 0 : left / bytes_per_record;
  if (records < kMinReserved) return;
  try {
    if (key == "elements") {
      stage_.elements.reserve(records);
      stage_.element_refs.reserve(records);
    } else if (key == "links") {
      stage_.links.reserve(records);
      stage_.link_refs.reserve(records);
    } else if (key == "sites") {
      stage_.sites.reserve(records);
    }
  } catch (const std::bad_alloc&) {
    // Only a head start: the vectors grow as they would have.
  }
}

void FileHandler::OnItem(std::string_view key, Node item) {
  NoteRecord(key, item.offset);
  if (key == "vendors") {
    auto vendor = ReadVendor(item, source_, loader_.diagnostics, loader_.pool);
    if (vendor) {
      StagedVendor staged;
      staged.offset = item.offset;
      staged.vendor = std::move(*vendor);
      stage_.vendors.push_back(std::move(staged));
    } else {
      Reject(item, stage_.rejected_vendors);
    }
  } else if (key == "sites") {
    ReadSite(item);
  } else if (key == "elements") {
    ReadElement(item);
  } else if (key == "links") {
    ReadLink(item);
  } else if (key == "services") {
    ReadService(item);
  }
}

bool FileHandler::OnFlatItem(std::string_view key, FlatRecord record) {
  NoteRecord(key, record[0].offset);
  if (!loader_.direct) return false;
  if (key == "elements") return ReadElementDirect(record, stage_, loader_);
  if (key == "links") return ReadLinkDirect(record, stage_, loader_);
  if (key == "sites") return ReadSiteDirect(record, stage_, loader_);
  return false;  // vendors and services: few, and read whole
}

void FileHandler::Finish() {
  // Called only when the document parsed, so an empty map ('{}') is refused
  // here: it is no inventory, and no syntax error has said so.
  CheckFormat(saw_format_ ? &format_ : nullptr, 0, kFormat, source_, loader_.diagnostics);
}

void FileHandler::Reject(const Node& record, std::vector<StringId>& rejected) {
  if (!record.IsMap()) return;
  const Node* id = record.Find("id");
  if (id != nullptr && (id->type == Node::Type::kString || id->type == Node::Type::kNumber)) {
    rejected.push_back(loader_.pool.Intern(id->text));
  }
}

void FileHandler::ReadHeader(const Node& node) {
  MapReader reader(node, source_, loader_.diagnostics, "network", kNetworkKeys);
  if (!reader.ok()) return;
  stage_.has_header = true;
  stage_.header_offset = node.offset;
  stage_.header.id = reader.String("id", Need::kRequired).value_or("");
  stage_.header.name = reader.String("name").value_or("");
  if (auto country = reader.String("country")) {
    if (IsCountryCode(*country)) {
      stage_.header.country = *country;
    } else {
      reader.Error(*reader.Get("country"),
                   fmt::format("'country' of network is not an ISO 3166-1 alpha-2 code: '{}'",
                               *country),
                   CountryHint(*country));
    }
  }
  stage_.header.as_of = reader.Date("as_of").value_or(kNoDate);
}

void FileHandler::ReadSite(const Node& node) {
  Diagnostics& diagnostics = loader_.diagnostics;
  const std::size_t errors_before = diagnostics.ErrorCount();
  MapReader reader(node, source_, diagnostics, "site", kSiteKeys);
  if (!reader.ok()) return;
  StagedSite staged;
  staged.offset = node.offset;
  Site& site = staged.site;
  StringPool& pool = loader_.pool;
  bool good = true;
  if (auto id = reader.String("id", Need::kRequired)) {
    site.id = pool.Intern(*id);
  } else {
    good = false;
  }
  if (auto kind = reader.Choice("kind", SiteKindNames(), Need::kRequired)) {
    site.kind = static_cast<SiteKind>(*kind);
  } else {
    good = false;
  }
  auto lat = reader.Number("lat", Need::kOptional, {.min = -90, .max = 90});
  auto lon = reader.Number("lon", Need::kOptional, {.min = -180, .max = 180});
  if (lat) site.lat = *lat;
  if (lon) site.lon = *lon;
  if (reader.Get("lat") != nullptr && reader.Get("lon") == nullptr) {
    diagnostics.Error(reader.LocationOfKey("lat"), "site has 'lat' but no 'lon'",
                      "give both coordinates or neither");
  } else if (reader.Get("lon") != nullptr && reader.Get("lat") == nullptr) {
    diagnostics.Error(reader.LocationOfKey("lon"), "site has 'lon' but no 'lat'",
                      "give both coordinates or neither");
  }
  if (auto name = reader.String("name")) site.name = pool.Intern(*name);
  if (auto region = reader.String("region")) site.region = pool.Intern(*region);
  (void)reader.String("address");
  if (const Node* power = reader.Get("power")) {
    MapReader power_reader(*power, source_, diagnostics, "site power", kPowerKeys);
    if (power_reader.ok()) {
      if (auto substation = power_reader.String("substation")) {
        site.substation = pool.Intern(*substation);
      }
      // At most a year (8,760 h): longer is not a battery or a fuel store.
      if (auto hours = power_reader.Number("backup_hours", Need::kOptional,
                                           {.min = 0, .max = 8760})) {
        site.backup_hours = static_cast<float>(*hours);
      }
    }
  }
  if (good && diagnostics.ErrorCount() == errors_before) {
    stage_.sites.push_back(std::move(staged));
  } else {
    Reject(node, stage_.rejected_sites);
  }
}

void FileHandler::ReadElement(const Node& node) {
  Diagnostics& diagnostics = loader_.diagnostics;
  const std::size_t errors_before = diagnostics.ErrorCount();
  ++stage_.element_records;
  MapReader reader(node, source_, diagnostics, "element", kElementKeys);
  if (!reader.ok()) return;
  StringPool& pool = loader_.pool;
  Element element;
  StagedElementRefs refs;
  refs.offset = node.offset;
  if (auto id = reader.String("id", Need::kRequired)) element.id = pool.Intern(*id);

  std::optional<Domain> domain;
  if (auto domain_index = reader.Choice("domain", DomainNames())) {
    domain = static_cast<Domain>(*domain_index);
  }
  if (auto kind = reader.String("kind", Need::kRequired)) {
    KindTable& kinds = loader_.kinds;
    auto kind_id = kinds.Find(*kind);
    if (kind_id && kinds.entries()[*kind_id].builtin) {
      element.kind = *kind_id;
      element.domain = domain.value_or(kinds.entries()[*kind_id].domain);
    } else if (domain) {
      if (kinds.Full()) {
        reader.Error(*reader.Get("kind"), "too many distinct custom kinds",
                     "use at most 65,000 custom kinds");
      } else {
        element.kind = kinds.AddCustom(*kind, *domain);
        element.domain = *domain;
      }
    } else if (reader.Get("domain") == nullptr) {
      const auto names = BuiltinKindNames();
      auto match = ClosestMatch(*kind, names);
      reader.Error(*reader.Get("kind"), fmt::format("unknown element kind '{}'", *kind),
                   match ? fmt::format("did you mean '{}'? A custom kind needs 'domain: ...' "
                                       "(ran, transport, core, management, edge, other)",
                                       *match)
                         : "a custom kind needs 'domain: ...' (ran, transport, core, "
                           "management, edge, other)");
    }
  }
  if (auto vendor = reader.String("vendor", Need::kRequired)) {
    element.vendor = pool.Intern(*vendor);
    refs.vendor_offset = reader.Get("vendor")->offset;
  }
  if (auto site = reader.String("site")) {
    element.site = pool.Intern(*site);
    refs.site_offset = reader.Get("site")->offset;
  } else {
    element.site = kNoString;
  }
  if (auto model = reader.String("model")) element.model = pool.Intern(*model);
  if (auto software = reader.String("software")) element.software = pool.Intern(*software);
  (void)reader.String("name");
  element.installed = reader.Date("installed").value_or(kNoDate);
  element.retired = reader.Date("retired").value_or(kNoDate);
  if (element.installed != kNoDate && element.retired != kNoDate &&
      element.retired < element.installed) {
    reader.Error(*reader.Get("retired"),
                 fmt::format("element is retired ({}) before it is installed ({})",
                             FormatIsoDate(element.retired), FormatIsoDate(element.installed)),
                 "check the two dates");
  }
  // Certifications, then managers, go to `stage_.managed` as one range:
  // [managed_begin, managed_begin + cert count) are certifications, the rest
  // managers. `element.certifications` holds the count until Build.
  refs.managed_begin = static_cast<std::uint32_t>(stage_.managed.size());
  std::uint32_t cert_count = 0;
  if (auto certs = reader.StringList("certifications")) {
    for (const std::string& cert : *certs) stage_.managed.push_back({pool.Intern(cert), 0});
    cert_count = static_cast<std::uint32_t>(certs->size());
  }
  if (auto managers = reader.StringList("managed_by")) {
    const Node* value = reader.Get("managed_by");
    for (std::size_t index = 0; index < managers->size(); ++index) {
      const std::uint64_t offset =
          value->IsSequence() ? value->items[index].offset : value->offset;
      stage_.managed.push_back({pool.Intern((*managers)[index]), offset});
    }
  }
  refs.managed_end = static_cast<std::uint32_t>(stage_.managed.size());
  if (diagnostics.ErrorCount() != errors_before) {
    stage_.managed.resize(refs.managed_begin);
    Reject(node, stage_.rejected_elements);
    return;
  }
  element.certifications = cert_count;
  stage_.elements.push_back(element);
  stage_.element_refs.push_back(refs);
}

void FileHandler::ReadLink(const Node& node) {
  Diagnostics& diagnostics = loader_.diagnostics;
  const std::size_t errors_before = diagnostics.ErrorCount();
  MapReader reader(node, source_, diagnostics, "link", kLinkKeys);
  if (!reader.ok()) return;
  StringPool& pool = loader_.pool;
  Link link;
  StagedLinkRefs refs;
  refs.offset = node.offset;
  if (auto id = reader.String("id")) link.id = pool.Intern(*id);
  if (auto a = reader.String("a", Need::kRequired)) {
    link.a = pool.Intern(*a);
    refs.a_offset = reader.Get("a")->offset;
  }
  if (auto b = reader.String("b", Need::kRequired)) {
    link.b = pool.Intern(*b);
    refs.b_offset = reader.Get("b")->offset;
  }
  if (auto medium = reader.Choice("medium", MediumNames())) {
    link.medium = static_cast<Medium>(*medium);
  }
  // Physical ranges, so that a value past them is refused rather than turned
  // into infinity (a float holds up to 3.4e38): capacity up to 1 Pbit/s (the
  // largest submarine systems carry a few hundred Tbit/s), one-way latency up
  // to 10 s (geostationary satellite hops are about 0.3 s), length up to
  // 50,000 km (the longest cable systems run about 39,000 km).
  if (auto value = reader.Number("capacity_gbps", Need::kOptional,
                                 {.min = 0, .max = 1e6, .exclusive_min = true})) {
    link.capacity_gbps = static_cast<float>(*value);
  }
  if (auto value = reader.Number("latency_ms", Need::kOptional, {.min = 0, .max = 1e4})) {
    link.latency_ms = static_cast<float>(*value);
  }
  if (auto value = reader.Number("length_km", Need::kOptional, {.min = 0, .max = 5e4})) {
    link.length_km = static_cast<float>(*value);
  }
  if (auto conduit = reader.String("conduit")) link.conduit = pool.Intern(*conduit);
  if (diagnostics.ErrorCount() != errors_before) return;
  stage_.links.push_back(link);
  stage_.link_refs.push_back(refs);
}

void FileHandler::ReadService(const Node& node) {
  Diagnostics& diagnostics = loader_.diagnostics;
  const std::size_t errors_before = diagnostics.ErrorCount();
  MapReader reader(node, source_, diagnostics, "service", kServiceKeys);
  if (!reader.ok()) return;
  StringPool& pool = loader_.pool;
  StagedService staged;
  staged.offset = node.offset;
  Service& service = staged.service;
  if (auto id = reader.String("id", Need::kRequired)) service.id = pool.Intern(*id);
  service.name = reader.String("name").value_or("");
  if (auto sector = reader.Choice("sector", SectorNames(), Need::kRequired)) {
    service.sector = static_cast<Sector>(*sector);
  }
  if (auto owner = reader.String("owner")) {
    if (IsCountryCode(*owner)) {
      service.owner = *owner;
    } else {
      reader.Error(*reader.Get("owner"),
                   fmt::format("'owner' of service is not an ISO 3166-1 alpha-2 code: '{}'",
                               *owner),
                   CountryHint(*owner));
    }
  }
  if (auto level = reader.Choice("classification", ClassificationNames())) {
    service.classification = static_cast<Classification>(*level);
  }
  if (auto attach = reader.StringList("attach", Need::kRequired)) {
    const Node* value = reader.Get("attach");
    if (attach->empty()) {
      reader.Error(*value, "service attaches to no element",
                   "list the elements it attaches through, e.g. attach: [gnb-1, gnb-2]");
    }
    for (std::size_t index = 0; index < attach->size(); ++index) {
      const std::uint64_t offset =
          value->IsSequence() ? value->items[index].offset : value->offset;
      staged.attach.push_back({pool.Intern((*attach)[index]), offset});
    }
  }
  if (auto needs = reader.StringList("needs")) {
    const Node* value = reader.Get("needs");
    staged.needs_given = true;
    for (std::size_t index = 0; index < needs->size(); ++index) {
      const std::uint64_t offset =
          value->IsSequence() ? value->items[index].offset : value->offset;
      staged.needs.emplace_back((*needs)[index], offset);
    }
  }
  // People or load served: at most 10^10, more than the world's population,
  // so that totals over every service stay finite.
  if (auto weight = reader.Number("weight", Need::kOptional, {.min = 0, .max = 1e10})) {
    service.weight = *weight;
  }
  if (auto site = reader.String("site")) {
    staged.site = pool.Intern(*site);
    staged.site_offset = reader.Get("site")->offset;
  }
  if (const Node* requires_node = reader.Get("requires")) {
    MapReader requirements(*requires_node, source_, diagnostics, "service requirements",
                           kRequiresKeys);
    if (requirements.ok()) {
      const NumberBounds count{.min = 0, .max = 64, .integer = true};
      if (auto value = requirements.Number("disjoint_paths", Need::kOptional, count)) {
        service.requirements.disjoint_paths = static_cast<std::uint32_t>(*value);
      }
      if (auto value = requirements.Number("trusted_disjoint_paths", Need::kOptional, count)) {
        service.requirements.trusted_disjoint_paths = static_cast<std::uint32_t>(*value);
      }
      if (auto value = requirements.Bool("trusted_paths")) service.requirements.trusted_paths = *value;
      if (auto value = requirements.Number("max_recovery_hours", Need::kOptional, {.min = 0})) {
        service.requirements.max_recovery_hours = *value;
      }
    }
  }
  if (diagnostics.ErrorCount() != errors_before) return;
  stage_.services.push_back(std::move(staged));
}

}  // namespace

std::vector<std::string_view> BuiltinKindNames() {
  std::vector<std::string_view> names;
  for (const KindInfo& kind : BuiltinKinds()) names.push_back(kind.name);
  return names;
}

void ReadInventoryFile(const SourceFile& source, FileStage& stage, ReadContext& context) {
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  FileHandler handler(context, source, stage);
  stage.complete =
      ParseDocument(source, handler, context.diagnostics, ParseOptions{.pipeline = context.pipeline});
  if (stage.complete) handler.Finish();
  stage.errors = context.diagnostics.ErrorCount() - errors_before;
}

void ReadInventoryTree(const SourceFile& source, const Node& root, const NetworkInfo& header,
                       FileStage& stage, ReadContext& context) {
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  FileHandler handler(context, source, stage);
  stage.saw_any = true;
  for (const Field& field : root.fields) {
    if (handler.Streams(field.key) && field.value.IsSequence()) {
      handler.OnSequence(field.key, field.key_offset);
      for (const Node& item : field.value.items) handler.OnItem(field.key, item);
    } else {
      handler.OnField(field);
    }
  }
  handler.FinishInline();
  if (!stage.has_header) {
    stage.has_header = true;
    stage.header = header;
    stage.header_offset = root.offset;
  }
  stage.errors = context.diagnostics.ErrorCount() - errors_before;
}

}  // namespace redoubt::inventory_detail
