#include "io/direct_records.hpp"

#include <array>
#include <span>

#include "core/text.hpp"
#include "io/node_reader.hpp"
#include "model/vocabulary.hpp"

namespace redoubt::inventory_detail {

namespace {

// The fields of a record by key, in the order of the record type's key list;
// nullptr where absent. Fails (false) on a key outside the list or a repeat,
// which the general reader reports.
template <std::size_t N>
bool SlotFields(FlatRecord record, std::size_t index, const std::array<std::string_view, N>& keys,
                std::array<const FlatValue*, N>& slots) {
  slots.fill(nullptr);
  const FlatValue& map = record[index];
  if (map.type != Node::Type::kMap) return false;
  for (std::size_t child = index + 1; child < map.end; child = record[child].end) {
    const FlatValue& field = record[child];
    std::size_t key = 0;
    while (key < N && !(keys[key].size() == field.key.size() && keys[key] == field.key)) ++key;
    if (key == N || slots[key] != nullptr) return false;
    slots[key] = &field;
  }
  return true;
}

// A key index in a key list, checked at compile time.
template <std::size_t N>
consteval std::size_t KeyOf(const std::array<std::string_view, N>& keys, std::string_view key) {
  for (std::size_t index = 0; index < N; ++index) {
    if (keys[index] == key) return index;
  }
  throw "not a key of this record";
}

bool IsNull(const FlatValue* value) { return value == nullptr || value->type == Node::Type::kNull; }

// MapReader::String with Need::kOptional: absent or null is nothing; else a
// string value. False where it would report.
bool OptionalString(const FlatValue* value, std::string_view& out) {
  out = {};
  if (IsNull(value)) return true;
  if (!IsStringValue(value->type, value->text)) return false;
  out = value->text;
  return true;
}

// Need::kRequired: present and a string value (null is reported).
bool RequiredString(const FlatValue* value, std::string_view& out) {
  if (value == nullptr || !IsStringValue(value->type, value->text)) return false;
  out = value->text;
  return true;
}

// MapReader::Choice: nothing, or one of `names`; `index` set when given.
bool OptionalChoice(const FlatValue* value, std::span<const std::string_view> names,
                    std::optional<std::size_t>& index) {
  index.reset();
  std::string_view text;
  if (!OptionalString(value, text)) return false;
  if (IsNull(value)) return true;
  for (std::size_t name = 0; name < names.size(); ++name) {
    if (names[name] == text) {
      index = name;
      return true;
    }
  }
  return false;
}

// Need::kRequired: present and one of `names`.
bool RequiredChoice(const FlatValue* value, std::span<const std::string_view> names,
                    std::optional<std::size_t>& index) {
  return value != nullptr && !IsNull(value) && OptionalChoice(value, names, index);
}

// MapReader::Number with Need::kOptional.
bool OptionalNumber(const FlatValue* value, NumberBounds bounds, std::optional<double>& out) {
  out.reset();
  if (IsNull(value)) return true;
  if (value->type != Node::Type::kNumber) return false;
  out = NumberWithin(value->text, bounds);
  return out.has_value();
}

// MapReader::Date with Need::kOptional: absent, or a scalar that is a date
// (null is not a scalar, and is reported).
bool OptionalDate(const FlatValue* value, Days& out) {
  out = kNoDate;
  if (value == nullptr) return true;
  const bool scalar = value->type == Node::Type::kBool || value->type == Node::Type::kNumber ||
                      value->type == Node::Type::kString;
  if (!scalar) return false;
  const auto days = ParseIsoDate(value->text);
  if (!days) return false;
  out = *days;
  return true;
}

// MapReader::StringList with Need::kOptional: absent, a string value (a list
// of one), or a list of string values. Calls `each` with every item's value
// (after checking them all, when `each` is null).
template <typename Each>
bool OptionalStringList(FlatRecord record, const FlatValue* value, Each each) {
  if (value == nullptr) return true;
  if (value->type == Node::Type::kSequence) {
    const auto index = static_cast<std::size_t>(value - record.data());
    for (std::size_t item = index + 1; item < value->end; item = record[item].end) {
      if (!IsStringValue(record[item].type, record[item].text)) return false;
      each(record[item]);
    }
    return true;
  }
  if (!IsStringValue(value->type, value->text)) return false;
  each(*value);
  return true;
}

// The strings of one record, interned in the order added, their table slots
// requested together first.
template <std::size_t N>
class InternBatch {
 public:
  void Add(std::string_view text, StringId* target) {
    texts_[count_] = text;
    targets_[count_] = target;
    ++count_;
  }
  void Run(StringPool& pool) const {
    std::array<std::uint64_t, N> hashes{};
    for (std::size_t index = 0; index < count_; ++index) {
      hashes[index] = StringPool::Hash(texts_[index]);
      pool.Prefetch(hashes[index]);
    }
    for (std::size_t index = 0; index < count_; ++index) {
      *targets_[index] = pool.InternHashed(texts_[index], hashes[index]);
    }
  }

 private:
  std::array<std::string_view, N> texts_{};
  std::array<StringId*, N> targets_{};
  std::size_t count_ = 0;
};

}  // namespace

bool ReadElementDirect(FlatRecord record, FileStage& stage, ReadContext& context) {
  constexpr auto& keys = kElementKeys;
  std::array<const FlatValue*, keys.size()> field{};
  if (!SlotFields(record, 0, keys, field)) return false;
  std::string_view id, kind, vendor, site, model, software, name;
  std::optional<std::size_t> domain;
  Days installed = kNoDate;
  Days retired = kNoDate;
  if (!RequiredString(field[KeyOf(keys, "id")], id) ||
      !OptionalChoice(field[KeyOf(keys, "domain")], DomainNames(), domain) ||
      !RequiredString(field[KeyOf(keys, "kind")], kind) ||
      !RequiredString(field[KeyOf(keys, "vendor")], vendor) ||
      !OptionalString(field[KeyOf(keys, "site")], site) ||
      !OptionalString(field[KeyOf(keys, "model")], model) ||
      !OptionalString(field[KeyOf(keys, "software")], software) ||
      !OptionalString(field[KeyOf(keys, "name")], name) ||
      !OptionalDate(field[KeyOf(keys, "installed")], installed) ||
      !OptionalDate(field[KeyOf(keys, "retired")], retired)) {
    return false;
  }
  if (installed != kNoDate && retired != kNoDate && retired < installed) return false;
  // Custom kinds (and unknown ones) are the general reader's: it adds them.
  const auto kind_id = context.kinds.Find(kind);
  if (!kind_id || !context.kinds.entries()[*kind_id].builtin) return false;
  const FlatValue* certs = field[KeyOf(keys, "certifications")];
  const FlatValue* managers = field[KeyOf(keys, "managed_by")];
  std::uint32_t cert_count = 0;
  if (!OptionalStringList(record, certs, [&](const FlatValue&) { ++cert_count; }) ||
      !OptionalStringList(record, managers, [](const FlatValue&) {})) {
    return false;
  }

  // Well-formed: stage it as the general reader does, interning in its order
  // (id, vendor, site, model, software, certifications, managers).
  ++stage.element_records;
  Element element;
  StagedElementRefs refs;
  refs.offset = record[0].offset;
  element.kind = *kind_id;
  element.domain = domain ? static_cast<Domain>(*domain) : context.kinds.entries()[*kind_id].domain;
  element.installed = installed;
  element.retired = retired;
  element.site = kNoString;
  StringPool& pool = context.pool;
  InternBatch<5> batch;
  batch.Add(id, &element.id);
  batch.Add(vendor, &element.vendor);
  refs.vendor_offset = field[KeyOf(keys, "vendor")]->offset;
  if (!site.empty()) {
    batch.Add(site, &element.site);
    refs.site_offset = field[KeyOf(keys, "site")]->offset;
  }
  if (!model.empty()) batch.Add(model, &element.model);
  if (!software.empty()) batch.Add(software, &element.software);
  batch.Run(pool);
  refs.managed_begin = static_cast<std::uint32_t>(stage.managed.size());
  (void)OptionalStringList(record, certs, [&](const FlatValue& cert) {
    stage.managed.push_back({pool.Intern(cert.text), 0});
  });
  (void)OptionalStringList(record, managers, [&](const FlatValue& manager) {
    stage.managed.push_back({pool.Intern(manager.text), manager.offset});
  });
  refs.managed_end = static_cast<std::uint32_t>(stage.managed.size());
  element.certifications = cert_count;
  stage.elements.push_back(element);
  stage.element_refs.push_back(refs);
  return true;
}

bool ReadLinkDirect(FlatRecord record, FileStage& stage, ReadContext& context) {
  constexpr auto& keys = kLinkKeys;
  std::array<const FlatValue*, keys.size()> field{};
  if (!SlotFields(record, 0, keys, field)) return false;
  std::string_view id, a, b, conduit;
  std::optional<std::size_t> medium;
  std::optional<double> capacity, latency, length;
  // The physical ranges of FileHandler::ReadLink.
  if (!OptionalString(field[KeyOf(keys, "id")], id) ||
      !RequiredString(field[KeyOf(keys, "a")], a) ||
      !RequiredString(field[KeyOf(keys, "b")], b) ||
      !OptionalChoice(field[KeyOf(keys, "medium")], MediumNames(), medium) ||
      !OptionalNumber(field[KeyOf(keys, "capacity_gbps")],
                      {.min = 0, .max = 1e6, .exclusive_min = true}, capacity) ||
      !OptionalNumber(field[KeyOf(keys, "latency_ms")], {.min = 0, .max = 1e4}, latency) ||
      !OptionalNumber(field[KeyOf(keys, "length_km")], {.min = 0, .max = 5e4}, length) ||
      !OptionalString(field[KeyOf(keys, "conduit")], conduit)) {
    return false;
  }
  Link link;
  StagedLinkRefs refs;
  refs.offset = record[0].offset;
  refs.a_offset = field[KeyOf(keys, "a")]->offset;
  refs.b_offset = field[KeyOf(keys, "b")]->offset;
  if (medium) link.medium = static_cast<Medium>(*medium);
  if (capacity) link.capacity_gbps = static_cast<float>(*capacity);
  if (latency) link.latency_ms = static_cast<float>(*latency);
  if (length) link.length_km = static_cast<float>(*length);
  InternBatch<4> batch;
  if (!id.empty()) batch.Add(id, &link.id);
  batch.Add(a, &link.a);
  batch.Add(b, &link.b);
  if (!conduit.empty()) batch.Add(conduit, &link.conduit);
  batch.Run(context.pool);
  stage.links.push_back(link);
  stage.link_refs.push_back(refs);
  return true;
}

bool ReadSiteDirect(FlatRecord record, FileStage& stage, ReadContext& context) {
  constexpr auto& keys = kSiteKeys;
  std::array<const FlatValue*, keys.size()> field{};
  if (!SlotFields(record, 0, keys, field)) return false;
  std::string_view id, name, region, address, substation;
  std::optional<std::size_t> kind;
  std::optional<double> lat, lon, backup_hours;
  const FlatValue* lat_value = field[KeyOf(keys, "lat")];
  const FlatValue* lon_value = field[KeyOf(keys, "lon")];
  // Both coordinates or neither: a key given as null still counts as given.
  if ((lat_value == nullptr) != (lon_value == nullptr)) return false;
  if (!RequiredString(field[KeyOf(keys, "id")], id) ||
      !RequiredChoice(field[KeyOf(keys, "kind")], SiteKindNames(), kind) ||
      !OptionalNumber(lat_value, {.min = -90, .max = 90}, lat) ||
      !OptionalNumber(lon_value, {.min = -180, .max = 180}, lon) ||
      !OptionalString(field[KeyOf(keys, "name")], name) ||
      !OptionalString(field[KeyOf(keys, "region")], region) ||
      !OptionalString(field[KeyOf(keys, "address")], address)) {
    return false;
  }
  // The power map of FileHandler::ReadSite, up to a year of backup.
  if (const FlatValue* power = field[KeyOf(keys, "power")]) {
    std::array<const FlatValue*, kPowerKeys.size()> power_field{};
    if (!SlotFields(record, static_cast<std::size_t>(power - record.data()), kPowerKeys,
                    power_field) ||
        !OptionalString(power_field[KeyOf(kPowerKeys, "substation")], substation) ||
        !OptionalNumber(power_field[KeyOf(kPowerKeys, "backup_hours")],
                        {.min = 0, .max = 8760}, backup_hours)) {
      return false;
    }
  }
  StagedSite staged;
  staged.offset = record[0].offset;
  Site& site = staged.site;
  site.kind = static_cast<SiteKind>(*kind);
  if (lat) site.lat = *lat;
  if (lon) site.lon = *lon;
  if (backup_hours) site.backup_hours = static_cast<float>(*backup_hours);
  InternBatch<4> batch;
  batch.Add(id, &site.id);
  if (!name.empty()) batch.Add(name, &site.name);
  if (!region.empty()) batch.Add(region, &site.region);
  if (!substation.empty()) batch.Add(substation, &site.substation);
  batch.Run(context.pool);
  stage.sites.push_back(std::move(staged));
  return true;
}

}  // namespace redoubt::inventory_detail
