// SitesGeoJson: a valid FeatureCollection, [lon, lat] order, sites without
// coordinates left out and counted, annotations from result documents.
#include "report/geojson.hpp"

#include <gtest/gtest.h>

#include "io/inventory_reader.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

using Json = nlohmann::ordered_json;

Network Load(const std::string& text) {
  std::vector<SourceFile> sources;
  sources.push_back(SourceFile::FromString("n.yaml", text));
  InventoryOptions options;
  options.use_bundled_vendors = false;
  auto loaded = LoadInventorySources(std::move(sources), options);
  EXPECT_TRUE(loaded.ok());
  return std::move(loaded).value()[0];
}

const char* kSmall = R"(format: redoubt/inventory@1
network: {id: n1, country: GB}
vendors: [{id: red, risk: high}, {id: blue, risk: low}]
sites:
  - {id: dc, kind: datacenter, lat: 51.5, lon: -0.12, region: London}
  - {id: cell, kind: cell, lat: 53.4, lon: -2.2}
  - {id: nowhere, kind: cell}
elements:
  - {id: amf, kind: amf, vendor: blue, site: dc}
  - {id: smf, kind: smf, vendor: red, site: dc}
  - {id: upf, kind: upf, vendor: blue, site: dc}
  - {id: gnb, kind: gnb, vendor: red, site: cell}
  - {id: gnb2, kind: gnb, vendor: blue, site: nowhere}
links: [{a: gnb, b: amf}, {a: amf, b: smf}, {a: smf, b: upf}, {a: gnb2, b: amf}]
services:
  - {id: hospital, sector: health, attach: [gnb], weight: 10, site: cell}
)";

TEST(SitesGeoJson, EmptyNetworkIsAnEmptyCollection) {
  const Network network;
  const SitesCollection sites = SitesGeoJson(network, "GB", {});
  EXPECT_EQ(sites.geojson["type"], "FeatureCollection");
  EXPECT_TRUE(sites.geojson["features"].is_array());
  EXPECT_TRUE(sites.geojson["features"].empty());
  EXPECT_EQ(sites.omitted, 0u);
}

TEST(SitesGeoJson, PointsAreLonLatAndSitesWithoutCoordinatesAreCounted) {
  const Network network = Load(kSmall);
  const SitesCollection sites = SitesGeoJson(network, "", {});
  EXPECT_EQ(sites.omitted, 1u);
  const Json& features = sites.geojson["features"];
  ASSERT_EQ(features.size(), 2u);
  const Json& dc = features[0];
  EXPECT_EQ(dc["type"], "Feature");
  EXPECT_EQ(dc["geometry"]["type"], "Point");
  EXPECT_EQ(dc["geometry"]["coordinates"], Json::array({-0.12, 51.5}));
  const Json& properties = dc["properties"];
  EXPECT_EQ(properties["id"], "dc");
  EXPECT_EQ(properties["network"], "n1");
  EXPECT_EQ(properties["member"], "GB") << "defaults to the network's country";
  EXPECT_EQ(properties["kind"], "datacenter");
  EXPECT_EQ(properties["region"], "London");
  EXPECT_EQ(properties["elements"], 3);
  EXPECT_EQ(properties["vendors"], Json::array({"blue", "red"}));
  EXPECT_EQ(properties["high_risk_vendors"], Json::array({"red"}));
  EXPECT_EQ(properties["findings"], 0);
  EXPECT_TRUE(properties["worst_severity"].is_null());
  EXPECT_EQ(properties["exposed"], false);
  EXPECT_TRUE(features[1]["properties"]["region"].is_null());
}

TEST(SitesGeoJson, AnnotationsComeFromFindingsAndExposure) {
  const Network network = Load(kSmall);
  const Json findings = Json::parse(R"({"format": "redoubt/findings@1", "networks": [
    {"id": "other", "findings": [{"severity": "critical", "sites": ["dc"]}]},
    {"id": "n1", "findings": [
      {"severity": "low", "sites": ["dc"], "elements": []},
      {"severity": "critical", "elements": ["smf"]},
      {"severity": "high", "services": ["hospital"]}]}]})");
  const Json exposure = Json::parse(R"({"format": "redoubt/exposure@1", "networks": [
    {"network": {"id": "n1"}, "services": [
      {"id": "hospital", "weight": 10, "exposed": true, "untrusted_on_routes": ["gnb"],
       "untrusted_managers": [{"id": "smf", "manages": ["gnb"]}]},
      {"id": "quiet", "weight": 99, "exposed": false, "untrusted_on_routes": ["gnb"]}]}]})");
  const SiteAnnotations annotations = AnnotateSites(network, findings, exposure);
  ASSERT_EQ(annotations.size(), 2u);
  const SiteAnnotation& dc = annotations.at("dc");
  EXPECT_EQ(dc.findings, 2u);
  EXPECT_EQ(dc.worst_severity, "critical");
  EXPECT_TRUE(dc.exposed);
  EXPECT_DOUBLE_EQ(dc.exposed_weight, 10.0);
  const SiteAnnotation& cell = annotations.at("cell");
  EXPECT_EQ(cell.findings, 1u);
  EXPECT_EQ(cell.worst_severity, "high");
  EXPECT_EQ(cell.exposed_services, 1u);

  const SitesCollection sites = SitesGeoJson(network, "UK-forces", annotations);
  const Json& properties = sites.geojson["features"][0]["properties"];
  EXPECT_EQ(properties["member"], "UK-forces");
  EXPECT_EQ(properties["worst_severity"], "critical");
  EXPECT_EQ(properties["exposed_weight"], 10.0);
}

TEST(SitesGeoJson, NullDocumentsAnnotateNothing) {
  const Network network = Load(kSmall);
  EXPECT_TRUE(AnnotateSites(network, nullptr, Json::object()).empty());
}

TEST(SitesGeoJson, BuilderJoinsNetworks) {
  const Network network = Load(kSmall);
  SitesGeoJsonBuilder builder;
  builder.Add(network, "GB", {});
  builder.Add(network, "US", {});
  EXPECT_EQ(builder.Build()["features"].size(), 4u);
  EXPECT_EQ(builder.omitted(), 2u);
}

// The fixture sites.json is what the builder makes of the sample and the
// fixture findings and exposure.
TEST(SitesGeoJson, SampleMatchesTheFixture) {
  std::vector<std::string> paths = {testing::SourcePath("data/samples/sample-gb.yaml")};
  auto loaded = LoadInventories(paths, {});
  ASSERT_TRUE(loaded.ok());
  const std::string fixtures = testing::SourcePath("tests/cases/report/fixtures/");
  const Json findings = Json::parse(testing::ReadText(fixtures + "findings.json"));
  const Json exposure = Json::parse(testing::ReadText(fixtures + "exposure.json"));
  const Network& network = loaded.value()[0];
  const SitesCollection sites = SitesGeoJson(network, "GB", AnnotateSites(network, findings, exposure));
  EXPECT_EQ(sites.geojson, Json::parse(testing::ReadText(fixtures + "sites.json")));
  EXPECT_EQ(sites.omitted, 0u);
}

TEST(SeverityRank, OrdersSeverities) {
  EXPECT_EQ(SeverityRank("info"), 1);
  EXPECT_EQ(SeverityRank("critical"), 5);
  EXPECT_EQ(SeverityRank(""), 0);
  EXPECT_EQ(SeverityRank("bad"), 0);
}

}  // namespace
}  // namespace redoubt
