#include "model/summary.hpp"

#include <gtest/gtest.h>

#include "io/inventory_reader.hpp"

namespace redoubt {
namespace {

TEST(Summary, CountsSharesByElementsAndBySites) {
  std::vector<SourceFile> sources;
  // RAN: 3 elements of red at 1 site, 1 of blue at another site; 2 sites total.
  sources.push_back(SourceFile::FromString("s.yaml", R"(format: redoubt/inventory@1
network: {id: n}
vendors: [{id: red, risk: high}, {id: blue, risk: low}]
sites: [{id: s1, kind: cell}, {id: s2, kind: cell}, {id: dc, kind: datacenter}]
elements:
  - {id: r1, kind: ru, vendor: red, site: s1}
  - {id: r2, kind: du, vendor: red, site: s1}
  - {id: r3, kind: cu, vendor: red, site: s1}
  - {id: b1, kind: gnb, vendor: blue, site: s2}
  - {id: c1, kind: amf, vendor: blue, site: dc}
links: [{a: r1, b: r2}, {a: r2, b: r3}, {a: r3, b: c1}, {a: b1, b: c1}]
services:
  - {id: h, sector: health, attach: [r1], weight: 10}
  - {id: h2, sector: health, attach: [b1], weight: 5}
)"));
  InventoryOptions options;
  options.use_bundled_vendors = false;
  auto loaded = LoadInventorySources(std::move(sources), options);
  ASSERT_TRUE(loaded.ok());
  const InventorySummary summary = Summarize(loaded.value()[0]);
  EXPECT_EQ(summary.elements, 5u);
  EXPECT_EQ(summary.vendors_used, 2u);
  ASSERT_EQ(summary.domains.size(), 2u);
  const DomainSummary& ran = summary.domains[0];
  EXPECT_EQ(ran.domain, Domain::kRan);
  EXPECT_EQ(ran.elements, 4u);
  EXPECT_EQ(ran.sites, 2u);
  ASSERT_EQ(ran.vendors.size(), 2u);
  EXPECT_EQ(ran.vendors[0].vendor, "red");
  EXPECT_DOUBLE_EQ(ran.vendors[0].element_share, 0.75);
  EXPECT_DOUBLE_EQ(ran.vendors[0].site_share, 0.5);
  EXPECT_EQ(ran.vendors[0].risk, "high");
  ASSERT_EQ(summary.sectors.size(), 1u);
  EXPECT_EQ(summary.sectors[0].services, 2u);
  EXPECT_DOUBLE_EQ(summary.sectors[0].weight, 15.0);
  const auto json = SummaryJson({summary});
  EXPECT_EQ(json["format"], "redoubt/inventory-summary@1");
  EXPECT_EQ(json["networks"][0]["domains"][0]["vendors"][0]["site_share"], 0.5);
}

}  // namespace
}  // namespace redoubt
