#include "io/inventory_writer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/output_file.hpp"

namespace redoubt {

namespace {

using Json = nlohmann::ordered_json;

// Appends `"key": [ ... ]` one record per line, dumping each record as it
// comes so a million elements never sit in memory as JSON objects.
class RecordList {
 public:
  // With a sink, the text so far is handed to it whenever a record ends past
  // kChunk bytes, so at most about one chunk is ever held.
  RecordList(std::string& out, const char* key, const TextSink* sink = nullptr)
      : out_(out), sink_(sink) {
    out_ += "  \"";
    out_ += key;
    out_ += "\": [";
  }
  void Add(const Json& record) {
    Next();
    out_ += record.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  // Starts the next record, to be written by a Record on the same string.
  void Next() {
    if (sink_ != nullptr && out_.size() >= kChunk) {
      (*sink_)(out_);
      out_.clear();
    }
    out_ += count_++ == 0 ? "\n    " : ",\n    ";
  }
  void Close(bool last = false) {
    out_ += count_ == 0 ? "]" : "\n  ]";
    out_ += last ? "\n" : ",\n";
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 20;

  std::string& out_;
  const TextSink* sink_;
  std::size_t count_ = 0;
};

// Floats are stored single-precision; print the shortest text that reads back
// to the same float so values like 0.2 do not become 0.20000000298.
double ShortestDouble(float value) {
  char buffer[32];
  for (int precision = 6; precision <= 9; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, static_cast<double>(value));
    if (std::strtof(buffer, nullptr) == value) break;
  }
  return std::strtod(buffer, nullptr);
}

// A record written straight into the output, byte for byte as
// nlohmann::json::dump() would write it (compact, keys in insertion order),
// but without building a json object per record: at a million elements the
// objects cost far more than the text.
class Record {
 public:
  explicit Record(std::string& out) : out_(out) { out_ += '{'; }
  Record& Key(std::string_view key) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += key;  // keys are fixed ASCII names
    out_ += "\":";
    return *this;
  }
  Record& String(std::string_view key, std::string_view value) {
    Key(key);
    AppendString(out_, value);
    return *this;
  }
  Record& Double(std::string_view key, double value) {
    Key(key);
    AppendDouble(out_, value);
    return *this;
  }
  Record& Float(std::string_view key, float value) { return Double(key, ShortestDouble(value)); }
  Record& Bool(std::string_view key, bool value) {
    Key(key);
    out_ += value ? "true" : "false";
    return *this;
  }
  Record& Unsigned(std::string_view key, std::uint64_t value) {
    Key(key);
    out_ += std::to_string(value);
    return *this;
  }
  // Opens a nested object under `key`; close it with Close().
  Record& Object(std::string_view key) {
    Key(key);
    out_ += '{';
    first_ = true;
    return *this;
  }
  Record& Close() {
    out_ += '}';
    first_ = false;
    return *this;
  }
  // A list of strings under `key`.
  template <typename Range, typename ToText>
  Record& StringList(std::string_view key, const Range& items, ToText to_text) {
    Key(key);
    out_ += '[';
    bool first_item = true;
    for (const auto& item : items) {
      if (!first_item) out_ += ',';
      first_item = false;
      AppendString(out_, to_text(item));
    }
    out_ += ']';
    return *this;
  }
  void End() { out_ += '}'; }

  static void AppendString(std::string& out, std::string_view text) {
    // Plain printable ASCII needs no escaping; anything else goes through
    // nlohmann so escapes and invalid UTF-8 are handled exactly as before.
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
      return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    });
    if (plain) {
      out += '"';
      out += text;
      out += '"';
      return;
    }
    out += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  static void AppendDouble(std::string& out, double value) {
    if (!std::isfinite(value)) {
      out += "null";
      return;
    }
    std::array<char, 64> buffer{};
    char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
  }

 private:
  std::string& out_;
  bool first_ = true;
};

// The document into `out`; with a sink, handed to it piece by piece and `out`
// left with the last piece.
void WriteInventory(const Network& network, std::string& out, const TextSink* sink) {
  out = "{\n  \"format\": \"redoubt/inventory@1\",\n";
  Json header;
  header["id"] = network.info.id;
  if (!network.info.name.empty()) header["name"] = network.info.name;
  if (!network.info.country.empty()) header["country"] = network.info.country;
  if (network.info.as_of != kNoDate) header["as_of"] = FormatIsoDate(network.info.as_of);
  out += "  \"network\": " + header.dump() + ",\n";

  std::vector<bool> used(network.vendors.size(), false);
  for (const Element& element : network.elements) used[element.vendor] = true;
  RecordList vendors(out, "vendors");
  for (VendorIndex index = 0; index < network.vendors.size(); ++index) {
    const Vendor& vendor = network.vendors[index];
    if (!used[index] || network.Str(vendor.id) == "unknown") continue;
    Json record;
    record["id"] = network.Str(vendor.id);
    if (!vendor.name.empty()) record["name"] = vendor.name;
    if (!vendor.country.empty()) record["country"] = vendor.country;
    if (vendor.risk_declared) record["risk"] = Name(vendor.risk);
    if (!vendor.criteria.empty()) {
      Json criteria = Json::object();
      for (const RiskCriterion& criterion : vendor.criteria) {
        criteria[criterion.name] = {{"level", Name(criterion.level)},
                                    {"rationale", criterion.rationale}};
      }
      record["criteria"] = criteria;
    }
    if (!vendor.certifications.empty()) record["certifications"] = vendor.certifications;
    vendors.Add(record);
  }
  vendors.Close();

  const std::size_t estimate = 256 * network.sites.size() + 256 * network.elements.size() +
                               128 * network.links.size() + 512 * network.services.size();
  out.reserve(out.size() + (sink != nullptr ? std::min<std::size_t>(estimate, 2u << 20) : estimate));

  RecordList sites(out, "sites", sink);
  for (const Site& site : network.sites) {
    sites.Next();
    Record record(out);
    record.String("id", network.Str(site.id));
    if (site.name != kNoString) record.String("name", network.Str(site.name));
    record.String("kind", Name(site.kind));
    if (site.HasCoordinates()) {
      record.Double("lat", site.lat);
      record.Double("lon", site.lon);
    }
    if (site.region != kNoString) record.String("region", network.Str(site.region));
    if (site.substation != kNoString || !std::isnan(site.backup_hours)) {
      record.Object("power");
      if (site.substation != kNoString) record.String("substation", network.Str(site.substation));
      if (!std::isnan(site.backup_hours)) record.Float("backup_hours", site.backup_hours);
      record.Close();
    }
    record.End();
  }
  sites.Close();

  RecordList elements(out, "elements", sink);
  for (ElementIndex index = 0; index < network.elements.size(); ++index) {
    const Element& element = network.elements[index];
    const KindEntry& kind = network.kinds[element.kind];
    elements.Next();
    Record record(out);
    record.String("id", network.Str(element.id));
    record.String("kind", kind.name);
    if (!kind.builtin || element.domain != kind.domain) record.String("domain", Name(element.domain));
    record.String("vendor", network.Str(network.vendors[element.vendor].id));
    if (element.site != kNone) record.String("site", network.Str(network.sites[element.site].id));
    if (element.model != kNoString) record.String("model", network.Str(element.model));
    if (element.software != kNoString) record.String("software", network.Str(element.software));
    if (element.installed != kNoDate) record.String("installed", FormatIsoDate(element.installed));
    if (element.retired != kNoDate) record.String("retired", FormatIsoDate(element.retired));
    if (element.certifications != 0) {
      record.StringList("certifications", network.Certifications(index),
                        [&](StringId cert) { return network.Str(cert); });
    }
    const auto managers = network.ManagedBy(index);
    if (!managers.empty()) {
      record.StringList("managed_by", managers,
                        [&](ElementIndex manager) { return network.ElementId(manager); });
    }
    record.End();
  }
  elements.Close();

  RecordList links(out, "links", sink);
  for (const Link& link : network.links) {
    links.Next();
    Record record(out);
    if (link.id != kNoString) record.String("id", network.Str(link.id));
    record.String("a", network.ElementId(link.a));
    record.String("b", network.ElementId(link.b));
    if (link.medium != Medium::kUnknown) record.String("medium", Name(link.medium));
    if (!std::isnan(link.capacity_gbps)) record.Float("capacity_gbps", link.capacity_gbps);
    if (!std::isnan(link.latency_ms)) record.Float("latency_ms", link.latency_ms);
    if (!std::isnan(link.length_km)) record.Float("length_km", link.length_km);
    if (link.conduit != kNoString) record.String("conduit", network.Str(link.conduit));
    record.End();
  }
  links.Close();

  RecordList services(out, "services", sink);
  for (const Service& service : network.services) {
    services.Next();
    Record record(out);
    record.String("id", network.Str(service.id));
    if (!service.name.empty()) record.String("name", service.name);
    record.String("sector", Name(service.sector));
    if (!service.owner.empty()) record.String("owner", service.owner);
    record.String("classification", Name(service.classification));
    record.StringList("attach", service.attach,
                      [&](ElementIndex element) { return network.ElementId(element); });
    record.StringList("needs", service.needs,
                      [&](KindId kind) { return std::string_view(network.kinds[kind].name); });
    record.Double("weight", service.weight);
    if (service.site != kNone) record.String("site", network.Str(network.sites[service.site].id));
    const ServiceRequirements& requirements = service.requirements;
    const bool any = requirements.disjoint_paths > 0 || requirements.trusted_disjoint_paths > 0 ||
                     requirements.trusted_paths || !std::isnan(requirements.max_recovery_hours);
    if (any) {
      record.Object("requires");
      if (requirements.disjoint_paths > 0) record.Unsigned("disjoint_paths", requirements.disjoint_paths);
      if (requirements.trusted_disjoint_paths > 0) {
        record.Unsigned("trusted_disjoint_paths", requirements.trusted_disjoint_paths);
      }
      if (requirements.trusted_paths) record.Bool("trusted_paths", true);
      if (!std::isnan(requirements.max_recovery_hours)) {
        record.Double("max_recovery_hours", requirements.max_recovery_hours);
      }
      record.Close();
    }
    record.End();
  }
  services.Close(true);
  out += "}\n";
}

}  // namespace

std::string WriteInventoryJson(const Network& network) {
  std::string out;
  WriteInventory(network, out, nullptr);
  return out;
}

void WriteInventoryJson(const Network& network, const TextSink& sink) {
  std::string out;
  WriteInventory(network, out, &sink);
  if (!out.empty()) sink(out);
}

void WriteInventoryFile(const std::string& path, const Network& network) {
  OutputFile out(path);
  WriteInventoryJson(network, [&](std::string_view text) { out.Write(text); });
  out.Commit();
}

}  // namespace redoubt
