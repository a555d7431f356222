// GraphML (Internet Topology Zoo) → inventory.
//
// Mapping: each <node> becomes an element (kind `router`; `hyperedge` nodes,
// which stand for shared media, become `switch`; external peers, Internal = 0,
// become the custom kind `peer` in the transport domain) on a site of kind
// `pop` named after the node's label, with coordinates when the node has
// them and its Country as region. Each <edge> becomes a link; parallel edges
// all get ids (e<ordinal>) so they stay apart; self-loops are dropped with a
// warning. LinkSpeedRaw (bit/s) becomes capacity_gbps; length_km is the
// great-circle distance when both ends have coordinates. Element ids are
// "n" + the GraphML node id, so labels may repeat freely.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <new>
#include <unordered_map>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/error.hpp"
#include "core/source.hpp"
#include "gen/geo.hpp"
#include "importers/csv_reader.hpp"
#include "importers/importer.hpp"

namespace redoubt::importers {

namespace {

struct KeyInfo {
  std::string name;  // attr.name
  std::string domain;  // "node", "edge", "graph", "all"
};

struct NodeData {
  std::string id;
  std::string label;
  std::string country;
  std::optional<double> lat, lon;
  bool external = false;
  bool hyperedge = false;
  std::uint64_t offset = 0;
};

}  // namespace

Result<Imported> ImportGraphMl(std::span<const std::string> paths, const ImportOptions& options) {
  Diagnostics diagnostics;
  if (paths.size() != 1) {
    diagnostics.Error(Location{}, fmt::format("graphml imports one file at a time ({} given)", paths.size()),
                      "run one import per file");
    return Result<Imported>(std::move(diagnostics));
  }
  const SourceFile source = SourceFile::Read(paths[0]);
  if (!CheckUtf8(source, diagnostics)) return Result<Imported>(std::move(diagnostics));
  auto at = [&](const pugi::xml_node& node) {
    return source.LocationOf(static_cast<std::uint64_t>(std::max<std::ptrdiff_t>(0, node.offset_debug())));
  };
  pugi::xml_document document;
  const pugi::xml_parse_result parsed =
      document.load_buffer(source.text().data(), source.size(), pugi::parse_default,
                           pugi::encoding_utf8);
  // pugixml allocates with malloc and reports failure as a parse status: it is
  // the environment, not the file, so it is not reported as malformed XML.
  if (parsed.status == pugi::status_out_of_memory) throw std::bad_alloc();
  if (!parsed) {
    diagnostics.Error(source.LocationOf(static_cast<std::uint64_t>(std::max<std::ptrdiff_t>(0, parsed.offset))),
                      fmt::format("malformed XML: {}", parsed.description()),
                      "fix the XML syntax (is the file complete?)");
    return Result<Imported>(std::move(diagnostics));
  }
  const pugi::xml_node root = document.child("graphml");
  if (!root) {
    diagnostics.Error(Location{source.name(), 1, 1}, "no <graphml> root element",
                      "is this a GraphML file?");
    return Result<Imported>(std::move(diagnostics));
  }
  std::unordered_map<std::string, KeyInfo> keys;
  for (const pugi::xml_node key : root.children("key")) {
    keys[key.attribute("id").value()] = {key.attribute("attr.name").value(),
                                         key.attribute("for").value()};
  }
  const pugi::xml_node graph = root.child("graph");
  if (!graph) {
    diagnostics.Error(at(root), "no <graph> inside <graphml>", "add the graph's nodes and edges");
    return Result<Imported>(std::move(diagnostics));
  }
  std::string graph_label;
  for (const pugi::xml_node data : graph.children("data")) {
    const auto it = keys.find(data.attribute("key").value());
    if (it != keys.end() && it->second.name == "label") graph_label = data.text().get();
  }

  Imported imported;
  Network& network = imported.network;
  const std::string stem = std::filesystem::path(paths[0]).stem().string();
  StartNetwork(network, options, IdFromText(stem), diagnostics);
  if (network.info.name.empty()) network.info.name = graph_label.empty() ? stem : graph_label;

  // Nodes.
  std::vector<NodeData> nodes;
  std::unordered_map<std::string, std::uint32_t> node_index;
  std::size_t missing_coordinates = 0, external = 0, hyperedges = 0;
  std::unordered_map<std::string, std::size_t> label_count;
  for (const pugi::xml_node node : graph.children("node")) {
    NodeData data;
    data.offset = static_cast<std::uint64_t>(std::max<std::ptrdiff_t>(0, node.offset_debug()));
    data.id = node.attribute("id").value();
    if (data.id.empty()) {
      diagnostics.Error(at(node), "node without an id", "give every <node> an id attribute");
      continue;
    }
    for (const pugi::xml_node field : node.children("data")) {
      const auto it = keys.find(field.attribute("key").value());
      if (it == keys.end()) {
        diagnostics.Error(at(field), fmt::format("data key '{}' is not declared",
                                                 field.attribute("key").value()),
                          "declare it with a <key> element");
        continue;
      }
      const std::string& name = it->second.name;
      const std::string value = field.text().get();
      auto number = [&](double min, double max) -> std::optional<double> {
        const auto parsed_value = ParseNumber(value);
        if (!parsed_value) {
          diagnostics.Error(at(field), fmt::format("{} '{}' of node '{}' is not a number", name,
                                                   value, data.id),
                            "write a decimal number, or remove the value");
          return std::nullopt;
        }
        if (*parsed_value < min || *parsed_value > max) {
          diagnostics.Error(at(field), fmt::format("{} {} of node '{}' is out of range [{}, {}]",
                                                   name, value, data.id, min, max));
          return std::nullopt;
        }
        return parsed_value;
      };
      if (name == "label") data.label = value;
      if (name == "Country") data.country = value;
      if (name == "Latitude") data.lat = number(-90, 90);
      if (name == "Longitude") data.lon = number(-180, 180);
      if (name == "Internal") data.external = value == "0";
      if (name == "hyperedge") data.hyperedge = value == "1";
    }
    if (node_index.contains(data.id)) {
      diagnostics.Error(at(node), fmt::format("duplicate node id '{}'", data.id),
                        "node ids must be unique within the graph");
      continue;
    }
    if (!(data.lat && data.lon)) {
      data.lat.reset();
      data.lon.reset();
      ++missing_coordinates;
    }
    external += data.external ? 1 : 0;
    hyperedges += data.hyperedge ? 1 : 0;
    if (!data.label.empty()) ++label_count[data.label];
    node_index.emplace(data.id, static_cast<std::uint32_t>(nodes.size()));
    nodes.push_back(std::move(data));
  }
  std::size_t repeated_labels = 0;
  for (const auto& [label, count] : label_count) repeated_labels += count > 1 ? count : 0;

  const KindId router = *network.FindKind("router");
  const KindId switch_kind = *network.FindKind("switch");
  const KindId peer = KindFor(network, "peer", Domain::kTransport);
  const VendorIndex unknown = network.FindVendor("unknown");
  network.managed_by_offsets.assign(1, 0);
  for (const NodeData& node : nodes) {
    Site site;
    site.id = network.Intern("s" + node.id);
    site.kind = SiteKind::kPop;
    if (node.lat) {
      site.lat = *node.lat;
      site.lon = *node.lon;
    }
    if (!node.label.empty()) site.name = network.Intern(node.label);
    if (!node.country.empty()) site.region = network.Intern(node.country);
    network.sites.push_back(site);
    Element element;
    element.id = network.Intern("n" + node.id);
    element.kind = node.hyperedge ? switch_kind : (node.external ? peer : router);
    element.domain = network.kinds[element.kind].domain;
    element.vendor = unknown;
    element.site = static_cast<SiteIndex>(network.sites.size() - 1);
    network.elements.push_back(element);
    network.managed_by_offsets.push_back(0);
  }

  // Edges.
  struct EdgeData {
    std::uint32_t a, b;
    float capacity_gbps;
    std::size_t ordinal;
  };
  std::vector<EdgeData> edges;
  std::size_t edge_total = 0, self_loops = 0;
  for (const pugi::xml_node edge : graph.children("edge")) {
    const std::size_t ordinal = edge_total++;
    const std::string source_id = edge.attribute("source").value();
    const std::string target_id = edge.attribute("target").value();
    bool good = true;
    auto end = [&](const std::string& id, std::string_view which) -> std::uint32_t {
      if (id.empty()) {
        diagnostics.Error(at(edge), fmt::format("edge without a '{}'", which),
                          "give every <edge> a source and a target");
        good = false;
        return 0;
      }
      const auto it = node_index.find(id);
      if (it == node_index.end()) {
        diagnostics.Error(at(edge), fmt::format("edge {} '{}' is not a node", which, id),
                          "declare the node, or correct the id");
        good = false;
        return 0;
      }
      return it->second;
    };
    const std::uint32_t a = end(source_id, "source");
    const std::uint32_t b = end(target_id, "target");
    if (!good) continue;
    if (a == b) {
      diagnostics.Warning(at(edge), fmt::format("self-loop on node '{}' dropped", source_id),
                          "a link joins two different elements");
      ++self_loops;
      continue;
    }
    float capacity = kUnset;
    for (const pugi::xml_node field : edge.children("data")) {
      const auto it = keys.find(field.attribute("key").value());
      if (it == keys.end() || it->second.name != "LinkSpeedRaw") continue;
      const auto bits = ParseNumber(field.text().get());
      if (!bits || *bits < 0) {
        diagnostics.Error(at(field), fmt::format("LinkSpeedRaw '{}' is not a number of bit/s",
                                                 field.text().get()));
      } else if (*bits > 0) {
        capacity = static_cast<float>(*bits / 1e9);
      }
    }
    edges.push_back({a, b, capacity, ordinal});
  }
  // Parallel edges: every edge of a group with more than one gets an id.
  std::vector<std::size_t> order(edges.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  auto pair_key = [&](std::size_t k) {
    return std::pair(std::min(edges[k].a, edges[k].b), std::max(edges[k].a, edges[k].b));
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return pair_key(x) < pair_key(y); });
  std::vector<bool> parallel(edges.size(), false);
  std::size_t parallel_edges = 0;
  for (std::size_t k = 1; k < order.size(); ++k) {
    if (pair_key(order[k]) == pair_key(order[k - 1])) {
      if (!parallel[order[k - 1]]) ++parallel_edges;
      parallel[order[k]] = parallel[order[k - 1]] = true;
      ++parallel_edges;
    }
  }
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const EdgeData& edge = edges[k];
    Link link;
    if (parallel[k]) link.id = network.Intern(fmt::format("e{}", edge.ordinal));
    link.a = edge.a;
    link.b = edge.b;
    link.capacity_gbps = edge.capacity_gbps;
    const NodeData& a = nodes[edge.a];
    const NodeData& b = nodes[edge.b];
    if (a.lat && b.lat) {
      const double km = gen::DistanceKm({*a.lat, *a.lon}, {*b.lat, *b.lon});
      link.length_km = static_cast<float>(std::round(km * 100) / 100);
    }
    network.links.push_back(link);
  }
  imported.summary = {{"nodes", nodes.size()},
                      {"edges", edge_total},
                      {"links", network.links.size()},
                      {"self-loops dropped", self_loops},
                      {"parallel edges (given ids)", parallel_edges},
                      {"nodes without coordinates", missing_coordinates},
                      {"external nodes (kind peer)", external},
                      {"hyperedge nodes (kind switch)", hyperedges},
                      {"nodes with a repeated label", repeated_labels}};
  return Result<Imported>(std::move(imported), std::move(diagnostics));
}

}  // namespace redoubt::importers
