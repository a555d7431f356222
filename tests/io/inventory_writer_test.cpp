#include "io/inventory_writer.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "gen/generator.hpp"
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

TEST(InventoryWriter, StreamsTheSameBytesInBoundedPieces) {
  // A generated network of about 9 MB of text: the pieces must join to the
  // whole document, and none may be much over the 1 MiB chunk.
  gen::GeneratorOptions options;
  options.country = "GB";
  options.sites = 12000;
  auto network = gen::GenerateNetwork(options);
  ASSERT_TRUE(network.ok());
  const std::string whole = WriteInventoryJson(network.value());
  ASSERT_GT(whole.size(), std::size_t{4} << 20);
  std::string joined;
  std::size_t pieces = 0;
  std::size_t largest = 0;
  WriteInventoryJson(network.value(), [&](std::string_view piece) {
    joined += piece;
    ++pieces;
    largest = std::max(largest, piece.size());
  });
  EXPECT_EQ(joined, whole);
  EXPECT_GE(pieces, whole.size() >> 20);
  EXPECT_LT(largest, (std::size_t{1} << 20) + 64 * 1024);

  const std::string dir = testing::TempDir("inventory-file");
  WriteInventoryFile(dir + "/gb.json", network.value());
  EXPECT_EQ(testing::ReadText(dir + "/gb.json"), whole);
}

}  // namespace
}  // namespace redoubt
