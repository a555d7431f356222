#include "io/inventory_writer.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

namespace redoubt {

namespace {

using Json = nlohmann::ordered_json;

// Appends `"key": [ ... ]` one record per line, dumping each record as it
// comes so a million elements never sit in memory as JSON objects.
class RecordList {
 public:
  RecordList(std::string& out, const char* key) : out_(out) {
    out_ += "  \"";
    out_ += key;
    out_ += "\": [";
  }
  void Add(const Json& record) {
    out_ += count_++ == 0 ? "\n    " : ",\n    ";
    out_ += record.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  void Close(bool last = false) {
    out_ += count_ == 0 ? "]" : "\n  ]";
    out_ += last ? "\n" : ",\n";
  }

 private:
  std::string& out_;
  std::size_t count_ = 0;
};

// Floats are stored single-precision; print the shortest text that reads back
// to the same float so values like 0.2 do not become 0.20000000298.
Json Number(float value) {
  char buffer[32];
  for (int precision = 6; precision <= 9; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, static_cast<double>(value));
    if (std::strtof(buffer, nullptr) == value) break;
  }
  return std::strtod(buffer, nullptr);
}

}  // namespace

std::string WriteInventoryJson(const Network& network) {
  std::string out = "{\n  \"format\": \"redoubt/inventory@1\",\n";
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

  RecordList sites(out, "sites");
  for (const Site& site : network.sites) {
    Json record;
    record["id"] = network.Str(site.id);
    if (site.name != kNoString) record["name"] = network.Str(site.name);
    record["kind"] = Name(site.kind);
    if (site.HasCoordinates()) {
      record["lat"] = site.lat;
      record["lon"] = site.lon;
    }
    if (site.region != kNoString) record["region"] = network.Str(site.region);
    if (site.substation != kNoString || !std::isnan(site.backup_hours)) {
      Json power = Json::object();
      if (site.substation != kNoString) power["substation"] = network.Str(site.substation);
      if (!std::isnan(site.backup_hours)) power["backup_hours"] = Number(site.backup_hours);
      record["power"] = power;
    }
    sites.Add(record);
  }
  sites.Close();

  RecordList elements(out, "elements");
  for (ElementIndex index = 0; index < network.elements.size(); ++index) {
    const Element& element = network.elements[index];
    const KindEntry& kind = network.kinds[element.kind];
    Json record;
    record["id"] = network.Str(element.id);
    record["kind"] = kind.name;
    if (!kind.builtin || element.domain != kind.domain) record["domain"] = Name(element.domain);
    record["vendor"] = network.Str(network.vendors[element.vendor].id);
    if (element.site != kNone) record["site"] = network.Str(network.sites[element.site].id);
    if (element.model != kNoString) record["model"] = network.Str(element.model);
    if (element.software != kNoString) record["software"] = network.Str(element.software);
    if (element.installed != kNoDate) record["installed"] = FormatIsoDate(element.installed);
    if (element.retired != kNoDate) record["retired"] = FormatIsoDate(element.retired);
    if (element.certifications != 0) {
      Json certs = Json::array();
      for (StringId cert : network.Certifications(index)) certs.push_back(network.Str(cert));
      record["certifications"] = certs;
    }
    const auto managers = network.ManagedBy(index);
    if (!managers.empty()) {
      Json list = Json::array();
      for (ElementIndex manager : managers) list.push_back(network.ElementId(manager));
      record["managed_by"] = list;
    }
    elements.Add(record);
  }
  elements.Close();

  RecordList links(out, "links");
  for (const Link& link : network.links) {
    Json record;
    if (link.id != kNoString) record["id"] = network.Str(link.id);
    record["a"] = network.ElementId(link.a);
    record["b"] = network.ElementId(link.b);
    if (link.medium != Medium::kUnknown) record["medium"] = Name(link.medium);
    if (!std::isnan(link.capacity_gbps)) record["capacity_gbps"] = Number(link.capacity_gbps);
    if (!std::isnan(link.latency_ms)) record["latency_ms"] = Number(link.latency_ms);
    if (!std::isnan(link.length_km)) record["length_km"] = Number(link.length_km);
    if (link.conduit != kNoString) record["conduit"] = network.Str(link.conduit);
    links.Add(record);
  }
  links.Close();

  RecordList services(out, "services");
  for (const Service& service : network.services) {
    Json record;
    record["id"] = network.Str(service.id);
    if (!service.name.empty()) record["name"] = service.name;
    record["sector"] = Name(service.sector);
    if (!service.owner.empty()) record["owner"] = service.owner;
    record["classification"] = Name(service.classification);
    Json attach = Json::array();
    for (ElementIndex element : service.attach) attach.push_back(network.ElementId(element));
    record["attach"] = attach;
    Json needs = Json::array();
    for (KindId kind : service.needs) needs.push_back(network.kinds[kind].name);
    record["needs"] = needs;
    record["weight"] = service.weight;
    if (service.site != kNone) record["site"] = network.Str(network.sites[service.site].id);
    const ServiceRequirements& requirements = service.requirements;
    Json requires_json = Json::object();
    if (requirements.disjoint_paths > 0) requires_json["disjoint_paths"] = requirements.disjoint_paths;
    if (requirements.trusted_disjoint_paths > 0) {
      requires_json["trusted_disjoint_paths"] = requirements.trusted_disjoint_paths;
    }
    if (requirements.trusted_paths) requires_json["trusted_paths"] = true;
    if (!std::isnan(requirements.max_recovery_hours)) {
      requires_json["max_recovery_hours"] = requirements.max_recovery_hours;
    }
    if (!requires_json.empty()) record["requires"] = requires_json;
    services.Add(record);
  }
  services.Close(true);
  out += "}\n";
  return out;
}

}  // namespace redoubt
