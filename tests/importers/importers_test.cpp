// Importers on the real data (all 276 Topology Zoo files, the OpenCelliD
// sample), on CSV tables, with --assign, and on the bad-input corpus in
// tests/cases/import (each case's .expected lists every diagnostic).
//
// To regenerate the corpus expectations after a deliberate change of wording:
//   REDOUBT_UPDATE_GOLDEN=1 ctest -R ImportCorpus   (then review the diff)
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "importers/importer.hpp"
#include "io/inventory_reader.hpp"
#include "io/inventory_writer.hpp"
#include "testing.hpp"

namespace redoubt::importers {
namespace {

// Writes the network and reads it back with the inventory reader.
Result<std::vector<Network>> RoundTrip(const Network& network) {
  std::vector<SourceFile> sources;
  sources.push_back(SourceFile::FromString(network.info.id + ".json", WriteInventoryJson(network)));
  return LoadInventorySources(std::move(sources));
}

std::size_t SummaryValue(const Imported& imported, std::string_view what) {
  for (const auto& [name, count] : imported.summary) {
    if (name == what) return count;
  }
  ADD_FAILURE() << "no summary line " << what;
  return 0;
}

TEST(GraphMl, ImportsAllTopologyZooFilesWithTheKnownTotals) {
  const std::string folder = testing::TestDataPath("topology-zoo/graphml");
  const auto files = testing::ListDirectory(folder);
  ASSERT_EQ(files.size(), 276u);
  std::size_t nodes = 0, links = 0, self_loops = 0, warnings = 0, peers = 0, switches = 0;
  for (const std::string& file : files) {
    const std::vector<std::string> paths = {folder + "/" + file};
    auto imported = ImportGraphMl(paths, {});
    ASSERT_TRUE(imported.ok()) << file << ": " << imported.diagnostics().Items()[0].Format();
    EXPECT_EQ(imported.diagnostics().ErrorCount(), 0u) << file;
    warnings += imported.diagnostics().WarningCount();
    const Network& network = imported.value().network;
    nodes += network.elements.size();
    links += network.links.size();
    self_loops += SummaryValue(imported.value(), "self-loops dropped");
    peers += SummaryValue(imported.value(), "external nodes (kind peer)");
    switches += SummaryValue(imported.value(), "hyperedge nodes (kind switch)");
    auto loaded = RoundTrip(network);
    ASSERT_TRUE(loaded.ok()) << file << ": " << loaded.diagnostics().Items()[0].Format();
    ASSERT_EQ(loaded.value()[0].links.size(), network.links.size()) << file;
  }
  EXPECT_EQ(nodes, 10952u);
  EXPECT_EQ(self_loops, 2u);  // Interoute
  EXPECT_EQ(warnings, self_loops);
  EXPECT_EQ(links + self_loops, 13976u);
  EXPECT_GT(peers, 0u);
  EXPECT_GT(switches, 0u);
}

TEST(GraphMl, ReportsSelfLoopsAndGivesParallelEdgesIds) {
  const std::vector<std::string> paths = {
      testing::TestDataPath("topology-zoo/graphml/Interoute.graphml")};
  auto imported = ImportGraphMl(paths, {});
  ASSERT_TRUE(imported.ok());
  const auto& items = imported.diagnostics().Items();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].location.line, 1210u);
  EXPECT_EQ(items[0].location.column, 6u);
  EXPECT_EQ(items[0].message, "self-loop on node '17' dropped");
  const Network& network = imported.value().network;
  EXPECT_EQ(network.info.id, "interoute");
  std::size_t with_id = 0;
  for (const Link& link : network.links) with_id += link.id != kNoString ? 1 : 0;
  EXPECT_EQ(with_id, SummaryValue(imported.value(), "parallel edges (given ids)"));
  EXPECT_GT(with_id, 0u);
  for (const Element& element : network.elements) {
    EXPECT_EQ(network.Str(network.vendors[element.vendor].id), "unknown");
  }
}

TEST(OpenCellId, ImportsTheSampleIntoSitesAndCells) {
  const std::string folder = testing::TestDataPath("opencellid-sample");
  std::vector<std::string> paths;
  for (const std::string& file : testing::ListDirectory(folder)) {
    if (file.ends_with(".csv")) paths.push_back(folder + "/" + file);
  }
  ImportOptions options;
  options.attach_backhaul = true;
  auto imported = ImportOpenCellId(paths, options);
  ASSERT_TRUE(imported.ok()) << imported.diagnostics().Items()[0].Format();
  EXPECT_TRUE(imported.diagnostics().Empty());
  const Imported& result = imported.value();
  EXPECT_EQ(SummaryValue(result, "cells"), 29716u);
  EXPECT_EQ(SummaryValue(result, "GSM cells (kind bts)"), 29140u);
  EXPECT_EQ(SummaryValue(result, "UMTS cells (kind nodeb)"), 573u);
  EXPECT_EQ(SummaryValue(result, "LTE cells (kind enb)"), 3u);
  const std::size_t sites = SummaryValue(result, "sites");
  EXPECT_LT(sites, 29716u);  // co-sited cells share a site
  EXPECT_GT(sites, 20000u);
  const Network& network = result.network;
  const Element& first = network.elements.front();
  EXPECT_EQ(network.Str(first.id), "umts-208-10-18013-8653445");
  EXPECT_EQ(FormatIsoDate(first.installed), "2010-11-17");  // created 1290000321
  auto loaded = RoundTrip(network);
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics().Items()[0].Format();
  EXPECT_EQ(loaded.diagnostics().WarningCount(), 0u);
  EXPECT_EQ(loaded.value()[0].elements.size(), network.elements.size());
}

TEST(CsvTables, ImportAFolderOfTables) {
  const std::vector<std::string> paths = {testing::SourcePath("tests/cases/import-good/csv")};
  auto imported = ImportCsvTables(paths, {});
  ASSERT_TRUE(imported.ok()) << imported.diagnostics().Items()[0].Format();
  const Network& network = imported.value().network;
  EXPECT_EQ(network.info.id, "csv");
  EXPECT_EQ(network.sites.size(), 5u);
  EXPECT_EQ(network.elements.size(), 10u);
  EXPECT_EQ(network.links.size(), 9u);
  ASSERT_EQ(network.services.size(), 2u);
  EXPECT_EQ(network.services[1].owner, "US");
  EXPECT_EQ(network.Str(network.sites[1].name), "Manchester, Trafford Park");
  const ElementIndex upf = network.FindElement("man-upf");
  EXPECT_EQ(network.Str(network.vendors[network.elements[upf].vendor].id), "unknown");
  const ElementIndex amf = network.FindElement("lon-amf");
  EXPECT_TRUE(network.HasCertification(amf, "scas"));
  ASSERT_EQ(network.ManagedBy(amf).size(), 1u);
  EXPECT_EQ(network.ElementId(network.ManagedBy(amf)[0]), "ems-e");
  auto loaded = RoundTrip(network);
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics().Items()[0].Format();
}

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = testing::TempDir("assign") + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST(Assign, FillsVendorsByIdNameAndSharePerRegion) {
  const std::string mapping = WriteTemp("map.yaml", R"(format: redoubt/assign@1
seed: 3
rules:
  - match: {kind: router}
    shares: {huawei: 0.5, nokia: 0.5}
  - match: {name: "^(UK|DE)$"}
    vendor: cisco
  - match: {id: [n0]}
    vendor: juniper
    kind: switch
)");
  const std::vector<std::string> paths = {
      testing::TestDataPath("topology-zoo/graphml/Geant2012.graphml")};
  ImportOptions options;
  options.assign_path = mapping;
  auto imported = Import("graphml", paths, options);
  ASSERT_TRUE(imported.ok()) << imported.diagnostics().Items()[0].Format();
  const Network& network = imported.value().network;
  std::map<std::string, std::size_t> by_vendor;
  for (ElementIndex e = 0; e < network.elements.size(); ++e) {
    const std::string vendor(network.Str(network.vendors[network.elements[e].vendor].id));
    ++by_vendor[vendor];
    const std::string_view name = network.Str(network.sites[network.elements[e].site].name);
    if (name == "UK" || name == "DE") {
      EXPECT_EQ(vendor, "cisco") << name;
    }
  }
  const ElementIndex first = network.FindElement("n0");
  EXPECT_EQ(network.Kind(first).name, "switch");
  EXPECT_EQ(network.Str(network.vendors[network.elements[first].vendor].id), "juniper");
  EXPECT_GT(by_vendor["huawei"], 5u);
  EXPECT_GT(by_vendor["nokia"], 5u);
  EXPECT_GE(by_vendor["cisco"], 2u);
  EXPECT_EQ(by_vendor["unknown"], 0u);
  // Same mapping, same seed: same result.
  auto again = Import("graphml", paths, options);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(WriteInventoryJson(again.value().network), WriteInventoryJson(network));
}

TEST(Assign, ReportsEveryMistakeInTheMapping) {
  const std::string mapping = WriteTemp("bad.yaml", R"(format: redoubt/assign@1
rules:
  - match: {kind: router, colour: red}
    vendor: huawai
  - match: {name: "(unclosed"}
    shares: {nokia: 0.5, ericsson: 0.2}
  - kind: gizmo
)");
  const std::vector<std::string> paths = {
      testing::TestDataPath("topology-zoo/graphml/Abilene.graphml")};
  ImportOptions options;
  options.assign_path = mapping;
  auto imported = Import("graphml", paths, options);
  ASSERT_FALSE(imported.ok());
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : imported.diagnostics().Items()) {
    lines.push_back(diagnostic.Format().substr(mapping.size() + 1));
  }
  ASSERT_EQ(lines.size(), 5u) << ::testing::PrintToString(lines);
  EXPECT_EQ(lines[0], "3:27: error: unknown key 'colour' in match \u2014 expected one of: id, kind, region, name, vendor");
  EXPECT_EQ(lines[1], "4:13: error: unknown vendor 'huawai' \u2014 did you mean 'huawei'?");
  EXPECT_NE(lines[2].find("bad regular expression"), std::string::npos);
  EXPECT_NE(lines[3].find("shares sum to 0.7, not 1"), std::string::npos);
  EXPECT_NE(lines[4].find("unknown kind 'gizmo'"), std::string::npos);
}

// A two-node GraphML whose first node has the label `label`.
// (In its own folder: WriteTemp empties the folder it writes in.)
std::string LongLabelGraphMl(const std::string& label) {
  const std::string path = testing::TempDir("assign-graphml") + "/long.graphml";
  std::ofstream(path) << (R"(<?xml version="1.0" encoding="utf-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key attr.name="label" attr.type="string" for="node" id="d0" />
  <graph edgedefault="undirected">
    <node id="0"><data key="d0">)" + label + R"(</data></node>
    <node id="1"><data key="d0">short</data></node>
    <edge source="0" target="1" />
  </graph>
</graphml>
)");
  return path;
}

// std::regex recursed once per character and overflowed the stack on these.
TEST(Assign, MatchesAPatternAgainstA20000CharacterLabelInLinearTime) {
  const std::vector<std::string> paths = {LongLabelGraphMl(std::string(20000, 'a') + "c")};
  for (const std::string pattern : {"(a|b)*c", "a*X", "^(a|b)*c$"}) {
    ImportOptions options;
    options.assign_path = WriteTemp("long.yaml", "format: redoubt/assign@1\nrules:\n"
                                                 "  - match: {name: \"" + pattern +
                                                     "\"}\n    vendor: nokia\n");
    auto imported = Import("graphml", paths, options);
    ASSERT_TRUE(imported.ok()) << pattern << ": " << imported.diagnostics().Items()[0].Format();
    const Network& network = imported.value().network;
    const bool matches = pattern != "a*X";
    EXPECT_EQ(network.Str(network.vendors[network.elements[network.FindElement("n0")].vendor].id),
              matches ? "nokia" : "unknown")
        << pattern;
    EXPECT_EQ(network.Str(network.vendors[network.elements[network.FindElement("n1")].vendor].id),
              "unknown")
        << pattern;
  }
}

TEST(Assign, RefusesDeepOrUnsupportedPatternsWithWhereAndHow) {
  const std::vector<std::string> paths = {LongLabelGraphMl("a")};
  const std::string deep = std::string(20000, '(') + "a" + std::string(20000, ')');
  const std::string huge = std::string(500000, '(') + "a" + std::string(500000, ')');
  const std::string mapping = WriteTemp("deep.yaml", "format: redoubt/assign@1\nrules:\n"
                                                     "  - match: {name: \"" + deep + "\"}\n"
                                                     "    vendor: nokia\n"
                                                     "  - match: {name: '(a)\\1'}\n"
                                                     "    vendor: nokia\n"
                                                     "  - match: {name: '(?=a)'}\n"
                                                     "    vendor: nokia\n"
                                                     "  - match: {name: \"" + huge + "\"}\n"
                                                     "    vendor: nokia\n");
  ImportOptions options;
  options.assign_path = mapping;
  auto imported = Import("graphml", paths, options);
  ASSERT_FALSE(imported.ok());
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : imported.diagnostics().Items()) {
    lines.push_back(diagnostic.Format().substr(mapping.size() + 1));
  }
  // The 20,000-deep pattern is valid and compiles; the other three are refused.
  ASSERT_EQ(lines.size(), 3u) << ::testing::PrintToString(lines);
  const std::string rest =
      " \u2014 write an RE2 pattern: no back-references (\\1) or look-around ((?=, (?!), "
      "and escape ( ) [ ] { } * + ? . | \\ ^ $ to match them literally";
  EXPECT_EQ(lines[0], "5:19: error: bad regular expression: invalid escape sequence: \\1" + rest);
  EXPECT_EQ(lines[1], "7:19: error: bad regular expression: invalid perl operator: (?=" + rest);
  EXPECT_EQ(lines[2], "9:19: error: bad regular expression: the pattern is too large \u2014 "
                      "shorten the pattern or split it over several rules");
}

// The bad-input corpus: NN-FORMAT-what.ext (or a folder for csv tables).
const std::string kCorpus = testing::SourcePath("tests/cases/import");

class ImportCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(ImportCorpus, ReportsExactlyTheExpectedDiagnostics) {
  const std::string name = GetParam();
  const std::string format = name.substr(3, name.find('-', 3) - 3);
  const std::vector<std::string> paths = {kCorpus + "/" + name};
  auto imported = Import(format, paths, {});
  const std::string actual = testing::DiagnosticsText(imported.diagnostics(), kCorpus, imported.ok());
  testing::ExpectGolden(kCorpus + "/" + testing::CorpusStem(name) + ".expected", actual);
  EXPECT_NE(actual.find("result: rejected"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Cases, ImportCorpus, ::testing::ValuesIn(testing::CorpusCases(kCorpus)),
                         testing::CorpusTestName);

}  // namespace
}  // namespace redoubt::importers
