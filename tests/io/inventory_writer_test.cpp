#include "io/inventory_writer.hpp"

#include <gtest/gtest.h>

#include "io/inventory_reader.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

TEST(InventoryWriter, RoundTripsTheBundledSampleByteForByte) {
  const std::vector<std::string> paths = {testing::SourcePath("data/samples/sample-gb.yaml")};
  auto first = LoadInventories(paths);
  ASSERT_TRUE(first.ok());
  const std::string written = WriteInventoryJson(first.value()[0]);
  EXPECT_TRUE(written.starts_with("{\n  \"format\": \"redoubt/inventory@1\""));

  std::vector<SourceFile> sources;
  sources.push_back(SourceFile::FromString("again.json", written));
  InventoryOptions hermetic;  // the written file carries its vendors
  hermetic.use_bundled_vendors = false;
  auto second = LoadInventorySources(std::move(sources), hermetic);
  ASSERT_TRUE(second.ok()) << second.diagnostics().Items()[0].Format();
  const Network& a = first.value()[0];
  const Network& b = second.value()[0];
  EXPECT_EQ(a.elements.size(), b.elements.size());
  EXPECT_EQ(a.links.size(), b.links.size());
  EXPECT_EQ(a.services.size(), b.services.size());
  EXPECT_EQ(WriteInventoryJson(b), written);  // a fixed point
}

TEST(InventoryWriter, FloatsPrintShortest) {
  std::vector<SourceFile> sources;
  sources.push_back(SourceFile::FromString("f.yaml", R"(format: redoubt/inventory@1
network: {id: n}
vendors: [{id: v}]
elements: [{id: a, kind: gnb, vendor: v}, {id: b, kind: amf, vendor: v}]
links: [{a: a, b: b, latency_ms: 0.2, capacity_gbps: 100}]
)"));
  InventoryOptions options;
  options.use_bundled_vendors = false;
  auto loaded = LoadInventorySources(std::move(sources), options);
  ASSERT_TRUE(loaded.ok());
  const std::string written = WriteInventoryJson(loaded.value()[0]);
  EXPECT_NE(written.find("\"capacity_gbps\":100.0,\"latency_ms\":0.2}"), std::string::npos)
      << written;
}

}  // namespace
}  // namespace redoubt
