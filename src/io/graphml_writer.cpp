#include "io/graphml_writer.hpp"

#include <cmath>
#include <sstream>
#include <string_view>

#include <fmt/format.h>
#include <pugixml.hpp>

namespace redoubt {

namespace {

struct Key {
  const char* name;
  const char* target;  // node or edge
  const char* type;    // string or double
};

constexpr Key kKeys[] = {
    {"label", "node", "string"},        {"network", "node", "string"},
    {"kind", "node", "string"},         {"domain", "node", "string"},
    {"vendor", "node", "string"},       {"vendor_risk", "node", "string"},
    {"model", "node", "string"},        {"site", "node", "string"},
    {"site_kind", "node", "string"},    {"region", "node", "string"},
    {"lat", "node", "double"},          {"lon", "node", "double"},
    {"medium", "edge", "string"},       {"capacity_gbps", "edge", "double"},
    {"latency_ms", "edge", "double"},   {"length_km", "edge", "double"},
    {"conduit", "edge", "string"},
};

void AddData(pugi::xml_node parent, const char* key, std::string_view value) {
  pugi::xml_node data = parent.append_child("data");
  data.append_attribute("key") = key;
  data.text().set(std::string(value).c_str());
}

// Shortest text that reads back as the same value (float fields stay short).
template <typename Number>
void AddNumber(pugi::xml_node parent, const char* key, Number value) {
  if (std::isnan(value)) return;
  AddData(parent, key, fmt::format("{}", value));
}

std::string NodeId(const Network& network, ElementIndex element, bool prefixed) {
  const std::string_view id = network.ElementId(element);
  return prefixed ? fmt::format("{}/{}", network.info.id, id) : std::string(id);
}

void AddNetwork(pugi::xml_node graph, const Network& network, bool prefixed) {
  for (ElementIndex element_idx = 0; element_idx < network.elements.size(); ++element_idx) {
    const Element& element = network.elements[element_idx];
    pugi::xml_node node = graph.append_child("node");
    node.append_attribute("id") = NodeId(network, element_idx, prefixed).c_str();
    AddData(node, "label", network.ElementId(element_idx));
    AddData(node, "network", network.info.id);
    AddData(node, "kind", network.Kind(element_idx).name);
    AddData(node, "domain", Name(element.domain));
    if (element.vendor != kNone) {
      const Vendor& vendor = network.vendors[element.vendor];
      AddData(node, "vendor", network.Str(vendor.id));
      AddData(node, "vendor_risk", Name(vendor.risk));
    }
    if (element.model != kNoString) AddData(node, "model", network.Str(element.model));
    if (element.site != kNone) {
      const Site& site = network.sites[element.site];
      AddData(node, "site", network.Str(site.id));
      AddData(node, "site_kind", Name(site.kind));
      if (site.region != kNoString) AddData(node, "region", network.Str(site.region));
      if (site.HasCoordinates()) {
        AddNumber(node, "lat", site.lat);
        AddNumber(node, "lon", site.lon);
      }
    }
  }
  for (LinkIndex link_idx = 0; link_idx < network.links.size(); ++link_idx) {
    const Link& link = network.links[link_idx];
    pugi::xml_node edge = graph.append_child("edge");
    if (link.id != kNoString) {
      const std::string_view id = network.Str(link.id);
      edge.append_attribute("id") =
          (prefixed ? fmt::format("{}/{}", network.info.id, id) : std::string(id)).c_str();
    }
    edge.append_attribute("source") = NodeId(network, link.a, prefixed).c_str();
    edge.append_attribute("target") = NodeId(network, link.b, prefixed).c_str();
    if (link.medium != Medium::kUnknown) AddData(edge, "medium", Name(link.medium));
    AddNumber(edge, "capacity_gbps", link.capacity_gbps);
    AddNumber(edge, "latency_ms", link.latency_ms);
    AddNumber(edge, "length_km", link.length_km);
    if (link.conduit != kNoString) AddData(edge, "conduit", network.Str(link.conduit));
  }
}

}  // namespace

std::string WriteGraphMl(std::span<const Network> networks) {
  pugi::xml_document document;
  pugi::xml_node declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = document.append_child("graphml");
  root.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
  for (const Key& key : kKeys) {
    pugi::xml_node node = root.append_child("key");
    node.append_attribute("id") = key.name;
    node.append_attribute("for") = key.target;
    node.append_attribute("attr.name") = key.name;
    node.append_attribute("attr.type") = key.type;
  }
  pugi::xml_node graph = root.append_child("graph");
  graph.append_attribute("id") =
      networks.size() == 1 ? networks.front().info.id.c_str() : "redoubt";
  graph.append_attribute("edgedefault") = "undirected";
  for (const Network& network : networks) AddNetwork(graph, network, networks.size() > 1);
  std::ostringstream out;
  document.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return std::move(out).str();
}

}  // namespace redoubt
