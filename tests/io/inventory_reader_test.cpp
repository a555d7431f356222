#include "io/inventory_reader.hpp"

#include <gtest/gtest.h>

#include "testing.hpp"

namespace redoubt {
namespace {

InventoryOptions Hermetic() {
  InventoryOptions options;
  options.use_bundled_vendors = false;
  return options;
}

Result<std::vector<Network>> Load(std::vector<std::pair<std::string, std::string>> files,
                                  InventoryOptions options = Hermetic()) {
  std::vector<SourceFile> sources;
  for (auto& [name, text] : files) sources.push_back(SourceFile::FromString(name, text));
  return LoadInventorySources(std::move(sources), options);
}

constexpr const char* kSmall = R"(format: redoubt/inventory@1
network: {id: n1, name: Small, country: GB, as_of: 2019-07-01}
vendors:
  - {id: acme, name: Acme, country: SE, risk: low}
  - {id: redco, name: Red Co, country: CN, criteria: {state-interference: {level: high, rationale: law}}}
sites:
  - {id: dc1, kind: datacenter, lat: 51.5, lon: -0.12, region: London, power: {substation: sub-1, backup_hours: 24}}
  - {id: c1, kind: cell, lat: 51.6, lon: -0.1}
elements:
  - {id: oss-1, kind: oss, vendor: acme, site: dc1}
  - {id: amf-1, kind: amf, vendor: acme, site: dc1, certifications: [nesas, scas], installed: 2019-03-01, software: 1.12}
  - {id: gnb-1, kind: gnb, vendor: redco, site: c1, managed_by: [oss-1]}
  - {id: box-1, kind: quantum-box, domain: core, vendor: redco}
links:
  - {a: gnb-1, b: amf-1, medium: fiber, capacity_gbps: 10, latency_ms: 0.4, length_km: 12}
  - {id: l2, a: amf-1, b: oss-1}
  - {id: l3, a: oss-1, b: amf-1}
  - {a: box-1, b: amf-1}
services:
  - {id: hospital, sector: health, classification: restricted, attach: [gnb-1], weight: 5000, requires: {disjoint_paths: 2, trusted_paths: true}}
)";

TEST(InventoryReader, ReadsEveryRecordWithResolvedReferences) {
  auto loaded = Load({{"small.yaml", kSmall}});
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics().Items()[0].Format();
  ASSERT_EQ(loaded.value().size(), 1u);
  const Network& network = loaded.value()[0];
  EXPECT_EQ(network.info.id, "n1");
  EXPECT_EQ(network.info.country, "GB");
  EXPECT_EQ(FormatIsoDate(network.info.as_of), "2019-07-01");
  EXPECT_EQ(network.elements.size(), 4u);
  EXPECT_EQ(network.links.size(), 4u);
  EXPECT_EQ(network.sites.size(), 2u);
  ASSERT_EQ(network.services.size(), 1u);

  const ElementIndex amf = network.FindElement("amf-1");
  const ElementIndex gnb = network.FindElement("gnb-1");
  const ElementIndex box = network.FindElement("box-1");
  ASSERT_NE(amf, kNone);
  EXPECT_EQ(network.Kind(amf).name, "amf");
  EXPECT_EQ(network.elements[amf].domain, Domain::kCore);
  EXPECT_EQ(network.Str(network.elements[amf].software), "1.12");
  EXPECT_TRUE(network.HasCertification(amf, "nesas"));
  EXPECT_FALSE(network.HasCertification(gnb, "nesas"));
  EXPECT_EQ(network.Kind(box).name, "quantum-box");
  EXPECT_FALSE(network.Kind(box).builtin);
  EXPECT_EQ(network.elements[box].domain, Domain::kCore);
  EXPECT_EQ(network.elements[box].site, kNone);
  ASSERT_EQ(network.ManagedBy(gnb).size(), 1u);
  EXPECT_EQ(network.ElementId(network.ManagedBy(gnb)[0]), "oss-1");

  const Vendor& redco = network.vendors[network.elements[gnb].vendor];
  EXPECT_EQ(redco.risk, Risk::kHigh);  // derived from its worst criterion
  EXPECT_FALSE(redco.risk_declared);
  EXPECT_EQ(network.vendors[network.FindVendor("unknown")].risk, Risk::kUnknown);

  const Link& first = network.links[0];
  EXPECT_EQ(first.a, gnb);
  EXPECT_EQ(first.b, amf);
  EXPECT_EQ(first.medium, Medium::kFiber);
  EXPECT_FLOAT_EQ(first.capacity_gbps, 10.0f);
  EXPECT_DOUBLE_EQ(Network::EffectiveLatency(network.links[0]), static_cast<double>(0.4f));
  EXPECT_DOUBLE_EQ(Network::EffectiveLatency(network.links[1]), 0.1);

  const Service& service = network.services[0];
  EXPECT_EQ(service.owner, "GB");  // defaults to the network's country
  EXPECT_EQ(service.classification, Classification::kRestricted);
  ASSERT_EQ(service.needs.size(), 3u);  // default: amf, smf, upf
  EXPECT_EQ(network.kinds[service.needs[1]].name, "smf");
  EXPECT_EQ(service.requirements.disjoint_paths, 2u);
  EXPECT_TRUE(service.requirements.trusted_paths);

  const Site& dc = network.sites[network.FindSite("dc1")];
  EXPECT_DOUBLE_EQ(dc.lat, 51.5);
  EXPECT_FLOAT_EQ(dc.backup_hours, 24.0f);
  EXPECT_EQ(network.Str(dc.substation), "sub-1");
  EXPECT_EQ(network.element_origins[gnb].line, 12u);
}

TEST(InventoryReader, MergesFilesOfOneNetworkAndKeepsNetworksApart) {
  auto loaded = Load({
      {"sites.yaml", "format: redoubt/inventory@1\nnetwork: {id: n1}\nsites: [{id: s1, kind: cell}]\n"},
      {"elements.json",
       R"({"format": "redoubt/inventory@1", "vendors": [{"id": "v"}],
           "elements": [{"id": "a", "kind": "gnb", "vendor": "v", "site": "s1"},
                        {"id": "b", "kind": "amf", "vendor": "v"}],
           "links": [{"a": "a", "b": "b"}]})"},
  });
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics().Items()[0].Format();
  ASSERT_EQ(loaded.value().size(), 1u);
  EXPECT_EQ(loaded.value()[0].elements.size(), 2u);
  EXPECT_EQ(loaded.value()[0].source_files.size(), 2u);
  EXPECT_NE(loaded.value()[0].elements[0].site, kNone);

  auto two = Load({{"a.yaml", kSmall},
                   {"b.yaml", std::string(kSmall).replace(std::string(kSmall).find("id: n1"), 6,
                                                          "id: n2")}});
  ASSERT_TRUE(two.ok());
  ASSERT_EQ(two.value().size(), 2u);
  EXPECT_EQ(two.value()[1].info.id, "n2");
  EXPECT_EQ(two.value()[1].elements.size(), 4u);
}

TEST(InventoryReader, InventoryVendorsOverrideTheRegister) {
  InventoryOptions options;  // bundled register on
  auto loaded = Load({{"v.yaml", R"(format: redoubt/inventory@1
network: {id: n1}
vendors: [{id: huawei, name: Overridden, risk: low}]
elements:
  - {id: a, kind: gnb, vendor: huawei}
  - {id: b, kind: router, vendor: ericsson}
links: [{a: a, b: b}]
)"}}, options);
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics().Items()[0].Format();
  const Network& network = loaded.value()[0];
  const Vendor& huawei = network.vendors[network.FindVendor("huawei")];
  EXPECT_EQ(huawei.name, "Overridden");
  EXPECT_EQ(huawei.risk, Risk::kLow);
  EXPECT_NE(network.FindVendor("ericsson"), kNone);
}

TEST(InventoryReader, ReportsAllErrorsNotOnlyTheFirst) {
  auto loaded = Load({{"many.yaml", R"(format: redoubt/inventory@1
network: {id: n1}
vendors: [{id: v}]
elements:
  - {id: a, kind: gnb, vendor: w}
  - {id: b, kind: gnb, vendor: x}
  - {id: c, kind: gnb, vendor: y}
links: [{a: a, b: z}, {a: b, b: c}]
)"}});
  EXPECT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.diagnostics().ErrorCount(), 4u);
}

TEST(InventoryReader, UnreadableFileIsADiagnosticOfThatPath) {
  const std::vector<std::string> paths = {"/nonexistent/x.yaml"};
  auto loaded = LoadInventories(paths, Hermetic());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.diagnostics().Items()[0].location.file, "/nonexistent/x.yaml");
  EXPECT_NE(loaded.diagnostics().Items()[0].message.find("cannot read"), std::string::npos);
}

TEST(InventoryReader, BundledSampleLoadsWithoutWarnings) {
  const std::string sample = testing::SourcePath("data/samples/sample-gb.yaml");
  const std::vector<std::string> paths = {sample};
  auto loaded = LoadInventories(paths);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.diagnostics().WarningCount(), 0u);
  EXPECT_GE(loaded.value()[0].elements.size(), 30u);
  EXPECT_GE(loaded.value()[0].services.size(), 4u);
}

}  // namespace
}  // namespace redoubt
