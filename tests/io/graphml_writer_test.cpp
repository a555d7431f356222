// WriteGraphMl: elements as nodes, links as edges, attributes declared and typed.
#include "io/graphml_writer.hpp"

#include <pugixml.hpp>

#include <gtest/gtest.h>

#include "io/inventory_reader.hpp"

namespace redoubt {
namespace {

std::vector<Network> Load(std::vector<std::string> texts) {
  std::vector<SourceFile> sources;
  for (std::size_t index = 0; index < texts.size(); ++index) {
    sources.push_back(SourceFile::FromString("n" + std::to_string(index) + ".yaml", texts[index]));
  }
  InventoryOptions options;
  options.use_bundled_vendors = false;
  auto loaded = LoadInventorySources(std::move(sources), options);
  EXPECT_TRUE(loaded.ok());
  return std::move(loaded).value();
}

const char* kNetwork = R"(format: redoubt/inventory@1
network: {id: n1}
vendors: [{id: "r&d", risk: high}, {id: blue, risk: low}]
sites: [{id: dc, kind: datacenter, lat: 51.5, lon: -0.12, region: "London <City>"}]
elements:
  - {id: amf, kind: amf, vendor: "r&d", site: dc, model: "Core \"X\""}
  - {id: smf, kind: smf, vendor: blue}
links: [{id: l1, a: amf, b: smf, medium: fiber, capacity_gbps: 0.1, length_km: 2.5}]
)";

pugi::xml_node Data(pugi::xml_node node, const char* key) {
  return node.find_child_by_attribute("data", "key", key);
}

TEST(GraphMl, NodesEdgesAndEscapedAttributes) {
  const auto networks = Load({kNetwork});
  const std::string text = WriteGraphMl(networks);
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(text.c_str())) << text;
  pugi::xml_node root = document.child("graphml");
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://graphml.graphdrawing.org/xmlns");
  pugi::xml_node graph = root.child("graph");
  EXPECT_STREQ(graph.attribute("id").value(), "n1");
  EXPECT_STREQ(graph.attribute("edgedefault").value(), "undirected");
  pugi::xml_node amf = graph.find_child_by_attribute("node", "id", "amf");
  ASSERT_TRUE(amf);
  EXPECT_STREQ(Data(amf, "kind").text().get(), "amf");
  EXPECT_STREQ(Data(amf, "domain").text().get(), "core");
  EXPECT_STREQ(Data(amf, "vendor").text().get(), "r&d");
  EXPECT_STREQ(Data(amf, "vendor_risk").text().get(), "high");
  EXPECT_STREQ(Data(amf, "model").text().get(), "Core \"X\"");
  EXPECT_STREQ(Data(amf, "region").text().get(), "London <City>");
  EXPECT_DOUBLE_EQ(Data(amf, "lat").text().as_double(), 51.5);
  EXPECT_DOUBLE_EQ(Data(amf, "lon").text().as_double(), -0.12);
  pugi::xml_node smf = graph.find_child_by_attribute("node", "id", "smf");
  ASSERT_TRUE(smf);
  EXPECT_FALSE(Data(smf, "site")) << "no site, no site attributes";
  EXPECT_FALSE(Data(smf, "lat"));
  pugi::xml_node edge = graph.child("edge");
  EXPECT_STREQ(edge.attribute("id").value(), "l1");
  EXPECT_STREQ(edge.attribute("source").value(), "amf");
  EXPECT_STREQ(edge.attribute("target").value(), "smf");
  EXPECT_STREQ(Data(edge, "medium").text().get(), "fiber");
  EXPECT_STREQ(Data(edge, "capacity_gbps").text().get(), "0.1") << "float written short";
  EXPECT_STREQ(Data(edge, "length_km").text().get(), "2.5");
  EXPECT_FALSE(Data(edge, "latency_ms"));
  pugi::xml_node key = root.find_child_by_attribute("key", "id", "lat");
  EXPECT_STREQ(key.attribute("attr.type").value(), "double");
  EXPECT_STREQ(key.attribute("for").value(), "node");
}

TEST(GraphMl, SeveralNetworksGetPrefixedIds) {
  std::string second = kNetwork;
  second.replace(second.find("id: n1"), 6, "id: n2");
  const auto networks = Load({kNetwork, second});
  ASSERT_EQ(networks.size(), 2u);
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(WriteGraphMl(networks).c_str()));
  pugi::xml_node graph = document.child("graphml").child("graph");
  EXPECT_TRUE(graph.find_child_by_attribute("node", "id", "n1/amf"));
  EXPECT_TRUE(graph.find_child_by_attribute("node", "id", "n2/amf"));
  EXPECT_TRUE(graph.find_child_by_attribute("edge", "source", "n2/amf"));
}

TEST(GraphMl, NoNetworksIsAnEmptyGraph) {
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(WriteGraphMl({}).c_str()));
  EXPECT_FALSE(document.child("graphml").child("graph").child("node"));
}

}  // namespace
}  // namespace redoubt
