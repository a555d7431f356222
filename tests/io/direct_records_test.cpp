// The direct reading of JSON records (io/direct_records.hpp) against the
// general reader it stands in for: every good fixture, every single change to
// each key of a site, an element and a link, and a file large enough to be
// read on two threads must give the same diagnostics, in the same order, and
// the same network (its canonical inventory JSON, byte for byte) whichever
// path reads the records.
#include "io/direct_records.hpp"

#include <algorithm>
#include <filesystem>
#include <random>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "io/inventory_reader.hpp"
#include "io/inventory_writer.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

struct Loaded {
  std::string diagnostics;  // in the order reported, one per line
  std::string networks;     // WriteInventoryJson of each network
  std::string strings;      // every interned string, in id order (ids are part of the model)
  bool ok = false;
};

// `sources` by value: a SourceFile copy loses the parser's padding, so each
// load gets its own.
Loaded Load(std::vector<SourceFile> sources, bool direct, int threads = 1,
            bool bundled_vendors = false) {
  InventoryOptions options;
  options.use_bundled_vendors = bundled_vendors;
  options.direct_json_records = direct;
  options.threads = threads;
  auto result = LoadInventorySources(std::move(sources), options);
  Loaded loaded;
  loaded.ok = result.ok();
  for (const Diagnostic& diagnostic : result.diagnostics().Items()) {
    loaded.diagnostics += diagnostic.Format() + "\n";
  }
  if (result.ok()) {
    for (const Network& network : result.value()) loaded.networks += WriteInventoryJson(network);
    if (!result.value().empty()) {
      const StringPool& pool = *result.value().front().strings;
      for (StringId id = 0; id < pool.size(); ++id) {
        loaded.strings += std::string(pool.View(id)) + "\n";
      }
    }
  }
  return loaded;
}

Loaded LoadText(const std::string& name, const std::string& text, bool direct, int threads = 1) {
  std::vector<SourceFile> sources;
  sources.push_back(SourceFile::FromString(name, text));
  return Load(std::move(sources), direct, threads);
}

// The lines of `text`, sorted: two threads may report in another order (the
// CLI sorts diagnostics before printing them).
std::vector<std::string> SortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

void ExpectSameBothWays(const std::string& name, const std::string& text) {
  const Loaded general = LoadText(name, text, false);
  const Loaded direct = LoadText(name, text, true);
  EXPECT_EQ(direct.ok, general.ok) << name << "\n" << text;
  EXPECT_EQ(direct.diagnostics, general.diagnostics) << name << "\n" << text;
  EXPECT_EQ(direct.networks, general.networks) << name;
  EXPECT_EQ(direct.strings, general.strings) << name;
}

// Inventory files under tests/ and data/ that are meant to load (no bad-* corpus).
std::vector<std::string> GoodFixtures() {
  std::vector<std::string> found;
  for (const std::string root : {"tests", "data"}) {
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(testing::SourcePath(root))) {
      const std::string path = entry.path().string();
      const std::string extension = entry.path().extension().string();
      if (!entry.is_regular_file() || path.find("/bad-") != std::string::npos) continue;
      if (extension != ".json" && extension != ".yaml" && extension != ".yml") continue;
      const std::string text = testing::ReadText(path);
      if (text.find("redoubt/inventory@1") == std::string::npos) continue;
      found.push_back(path);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

TEST(DirectRecords, EveryGoodFixtureAndItsJsonLoadTheSameBothWays) {
  const std::vector<std::string> fixtures = GoodFixtures();
  ASSERT_GE(fixtures.size(), 30u);
  std::size_t loaded_ok = 0;
  for (const std::string& path : fixtures) {
    auto read = [&] {
      std::vector<SourceFile> sources;
      sources.push_back(SourceFile::Read(path));
      return sources;
    };
    const Loaded general = Load(read(), false, 1, true);
    const Loaded direct = Load(read(), true, 1, true);
    EXPECT_EQ(direct.ok, general.ok) << path;
    EXPECT_EQ(direct.diagnostics, general.diagnostics) << path;
    EXPECT_EQ(direct.networks, general.networks) << path;
    EXPECT_EQ(direct.strings, general.strings) << path;
    if (!general.ok) continue;
    ++loaded_ok;
    // The same network written as JSON (one record a line, as large inventories
    // are) and read back: YAML fixtures reach the direct path this way.
    InventoryOptions options;
    options.direct_json_records = false;
    auto networks = LoadInventorySources(read(), options);
    ASSERT_TRUE(networks.ok());
    for (const Network& network : networks.value()) {
      const std::string json = WriteInventoryJson(network);
      auto written = [&] {
        std::vector<SourceFile> sources;
        sources.push_back(SourceFile::FromString("written.json", json));
        return sources;
      };
      const Loaded general_json = Load(written(), false, 1, true);
      const Loaded direct_json = Load(written(), true, 1, true);
      EXPECT_TRUE(direct_json.ok) << path << "\n" << direct_json.diagnostics;
      EXPECT_EQ(direct_json.diagnostics, general_json.diagnostics) << path;
      EXPECT_EQ(direct_json.networks, general_json.networks) << path;
      EXPECT_EQ(direct_json.strings, general_json.strings) << path;
      EXPECT_EQ(direct_json.networks, json) << path;  // and it round-trips
    }
  }
  EXPECT_GE(loaded_ok, 25u);
}

// A record as (key, JSON value) pairs, written in order.
using Record = std::vector<std::pair<std::string, std::string>>;

std::string Write(const Record& record) {
  std::string text = "{";
  for (const auto& [key, value] : record) {
    if (text.size() > 1) text += ", ";
    text += "\"" + key + "\": " + value;
  }
  return text + "}";
}

const Record kSite = {{"id", "\"s1\""},          {"name", "\"Site one\""},
                      {"kind", "\"cell\""},       {"lat", "51.5"},
                      {"lon", "-0.12"},           {"region", "\"London\""},
                      {"power", "{\"substation\": \"sub-1\", \"backup_hours\": 24}"},
                      {"address", "\"1 Road\""}};
const Record kElement = {{"id", "\"e1\""},           {"kind", "\"gnb\""},
                         {"domain", "\"ran\""},      {"vendor", "\"acme\""},
                         {"site", "\"s1\""},         {"model", "\"G1\""},
                         {"software", "\"1.2.3\""},  {"installed", "\"2019-03-01\""},
                         {"retired", "\"2030-01-01\""},
                         {"certifications", "[\"nesas\", \"scas\"]"},
                         {"managed_by", "[\"oss-1\"]"}, {"name", "\"gNB one\""}};
const Record kLink = {{"id", "\"l1\""},        {"a", "\"e1\""},           {"b", "\"oss-1\""},
                      {"medium", "\"fiber\""}, {"capacity_gbps", "10"},  {"latency_ms", "0.4"},
                      {"length_km", "12.5"},   {"conduit", "\"duct-1\""}};

// Values each key is tried with: every JSON type, empty, out of range, not
// finite, escaped, near misses of the vocabularies, and the other records' ids.
const std::vector<std::string> kValues = {
    "null",   "true",        "false",        "0",          "-1",         "1.5",
    "1e400",  "-0.0",        "100000000000", "\"\"",       "\"x\"",      "\"e1\"",
    "\"s1\"", "\"oss-1\"",   "\"2019-02-30\"", "\"2019-01-15\"", "\"2031-01-01\"", "[]",
    "[\"a\"]", "[\"a\", 1]", "[null]",       "[[\"a\"]]",  "{}",         "{\"substation\": 7}",
    "{\"substation\": \"s\", \"backup_hours\": 9000}", "{\"backup_hours\": null}",
    "\"ran\"", "\"core\"",   "\"gnb\"",      "\"quantum-box\"", "\"fibre\"", "\"fiber\"",
    "\"cell\"", "\"datacentre\"", "\"\\u00e9t\\u00e9\"", "\"a\\\"b\"", "91",  "-180",
    "1000001", "0.0001",     "8760",         "8761",       "\"7\"",      "7",
    // each bound of each number, and just past it
    "90", "90.00001", "-90", "-90.00001", "180", "180.00001", "-180.00001", "10000",
    "10000.5", "50000", "50000.5", "1000000", "1000000.5", "8760.0001", "0.0", "-0.0001"};

std::string Inventory(const Record& site, const Record& element, const Record& link) {
  return std::string(R"({"format": "redoubt/inventory@1",
 "network": {"id": "n1", "country": "GB"},
 "vendors": [{"id": "acme", "name": "Acme", "country": "SE", "risk": "low"}],
 "sites": [
  {"id": "s0", "kind": "datacenter", "lat": 51, "lon": 0},
  )") + Write(site) + R"(
 ],
 "elements": [
  {"id": "oss-1", "kind": "oss", "vendor": "acme", "site": "s0"},
  )" + Write(element) + R"(,
  {"id": "e2", "kind": "amf", "vendor": "acme", "site": "s0"}
 ],
 "links": [
  )" + Write(link) + R"(,
  {"a": "e2", "b": "oss-1"}
 ],
 "services": [{"id": "svc", "sector": "health", "attach": ["e1"]}]
}
)";
}

// Every variant of `base`: each key removed, given each value, repeated, and
// an unknown key added next to it.
std::vector<Record> Variants(const Record& base) {
  std::vector<Record> variants;
  for (std::size_t index = 0; index < base.size(); ++index) {
    Record removed = base;
    removed.erase(removed.begin() + static_cast<std::ptrdiff_t>(index));
    variants.push_back(removed);
    for (const std::string& value : kValues) {
      Record changed = base;
      changed[index].second = value;
      variants.push_back(changed);
    }
    Record repeated = base;
    repeated.push_back(base[index]);
    variants.push_back(repeated);
    Record misspelt = base;
    misspelt.insert(misspelt.begin() + static_cast<std::ptrdiff_t>(index),
                    {base[index].first + "s", base[index].second});
    variants.push_back(misspelt);
  }
  Record power_typo = base;
  power_typo.push_back({"power", "{\"substaton\": \"s\"}"});
  variants.push_back(power_typo);
  return variants;
}

TEST(DirectRecords, TheBaseInventoryIsReadDirectlyAndIsValid) {
  const Loaded loaded = LoadText("base.json", Inventory(kSite, kElement, kLink), true);
  EXPECT_TRUE(loaded.ok) << loaded.diagnostics;
  ExpectSameBothWays("base.json", Inventory(kSite, kElement, kLink));
}

TEST(DirectRecords, EveryChangeToASiteReportsTheSameBothWays) {
  for (const Record& site : Variants(kSite)) {
    ExpectSameBothWays("site.json", Inventory(site, kElement, kLink));
  }
}

TEST(DirectRecords, EveryChangeToAnElementReportsTheSameBothWays) {
  for (const Record& element : Variants(kElement)) {
    ExpectSameBothWays("element.json", Inventory(kSite, element, kLink));
  }
}

TEST(DirectRecords, EveryChangeToALinkReportsTheSameBothWays) {
  for (const Record& link : Variants(kLink)) {
    ExpectSameBothWays("link.json", Inventory(kSite, kElement, link));
  }
}

TEST(DirectRecords, LinksReadBeforeTheirElementsInternTheSame) {
  // Links in the first file, their elements in the second: the link ends are
  // new strings when the links are read, so the order they are interned in
  // shows in the ids.
  const std::string links = R"({"format": "redoubt/inventory@1", "network": {"id": "n1", "country": "GB"},
 "links": [{"id": "l1", "a": "x1", "b": "x2", "conduit": "d1"}, {"a": "x2", "b": "x3"}]})";
  const std::string elements = R"({"format": "redoubt/inventory@1",
 "vendors": [{"id": "acme", "name": "Acme", "country": "SE", "risk": "low"}],
 "sites": [{"id": "s1", "kind": "cell", "name": "n", "region": "r", "power": {"substation": "p"}}],
 "elements": [{"id": "x3", "kind": "gnb", "vendor": "acme", "site": "s1", "model": "m", "software": "v",
               "certifications": ["c1", "c2"], "managed_by": "x1"},
              {"id": "x2", "kind": "router", "vendor": "acme"}, {"id": "x1", "kind": "oss", "vendor": "acme"}]})";
  auto sources = [&] {
    std::vector<SourceFile> files;
    files.push_back(SourceFile::FromString("links.json", links));
    files.push_back(SourceFile::FromString("elements.json", elements));
    return files;
  };
  const Loaded general = Load(sources(), false);
  const Loaded direct = Load(sources(), true);
  ASSERT_TRUE(general.ok) << general.diagnostics;
  EXPECT_EQ(direct.diagnostics, general.diagnostics);
  EXPECT_EQ(direct.networks, general.networks);
  EXPECT_EQ(direct.strings, general.strings);
}

TEST(DirectRecords, SyntaxErrorsInsideARecordAreReportedTheSame) {
  const std::string good = Inventory(kSite, kElement, kLink);
  const std::vector<std::pair<std::string, std::string>> breaks = {
      {"\"vendor\": \"acme\", \"site\"", "\"vendor\": \"acme\" \"site\""},  // missing comma
      {"\"capacity_gbps\": 10", "\"capacity_gbps\" 10"},                    // missing colon
      {"\"software\": \"1.2.3\"", "\"software\": \"1.2\\q\""},              // bad escape
      {"\"latency_ms\": 0.4", "\"latency_ms\": 0.4.1"},                     // bad number
      {"\"lat\": 51.5", "\"lat\": [1, {\"a\": [}]"},                        // bad nesting
  };
  for (const auto& [from, to] : breaks) {
    std::string broken = good;
    const auto at = broken.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    broken.replace(at, from.size(), to);
    ExpectSameBothWays("broken.json", broken);
    EXPECT_FALSE(LoadText("broken.json", broken, true).ok) << to;
  }
}

TEST(DirectRecords, RandomEditsOfAnInventoryReportTheSameBothWays) {
  // A seeded, deterministic stand-in for the fuzzer (fuzz/inventory_json.cpp
  // makes the same comparison): bytes of the base inventory replaced, removed
  // or inserted, a few at a time, from an alphabet of JSON's own characters.
  const std::string base = Inventory(kSite, kElement, kLink);
  const std::string alphabet = "{}[]:,\"\\ 0123456789.-+eEtrufalsn_xyz";
  std::mt19937 random(14);
  for (int trial = 0; trial < 400; ++trial) {
    std::string text = base;
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int edit = 0; edit < edits; ++edit) {
      const std::size_t at = random() % text.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 3) {
        case 0:
          text[at] = c;
          break;
        case 1:
          text.erase(at, 1);
          break;
        default:
          text.insert(at, 1, c);
      }
    }
    const Loaded general = LoadText("edited.json", text, false);
    const Loaded direct = LoadText("edited.json", text, true);
    ASSERT_EQ(direct.diagnostics, general.diagnostics) << text;
    ASSERT_EQ(direct.networks, general.networks) << text;
    ASSERT_EQ(direct.strings, general.strings) << text;
  }
}

TEST(DirectRecords, TheFunctionsTakeWellFormedRecordsAndRefuseTheRest) {
  // Seen from the inside: the base records are taken directly, a changed one
  // is left (false) with the stage untouched, so the comparisons above are
  // not between two runs of the general reader.
  struct Probe : DocumentHandler {
    inventory_detail::ReadContext* context = nullptr;
    inventory_detail::FileStage stage;
    std::vector<bool> taken;  // what each OnFlatItem answered
    int nodes = 0;            // items handed over as Nodes instead
    [[nodiscard]] bool Streams(std::string_view) const override { return true; }
    void OnField(Field) override {}
    void OnSequence(std::string_view, std::uint64_t) override {}
    void OnItem(std::string_view, Node) override { ++nodes; }
    bool OnFlatItem(std::string_view key, FlatRecord record) override {
      const std::size_t before = context->pool.size();
      bool read = false;
      if (key == "sites") read = inventory_detail::ReadSiteDirect(record, stage, *context);
      if (key == "elements") read = inventory_detail::ReadElementDirect(record, stage, *context);
      if (key == "links") read = inventory_detail::ReadLinkDirect(record, stage, *context);
      if (!read) {
        EXPECT_EQ(context->pool.size(), before);
      }
      taken.push_back(read);
      return read;
    }
  };
  auto taken = [](const std::string& key, const Record& record) {
    Diagnostics diagnostics;
    StringPool pool;
    inventory_detail::KindTable kinds;
    inventory_detail::ReadContext context{diagnostics, pool, kinds};
    Probe probe;
    probe.context = &context;
    const SourceFile source =
        SourceFile::FromString("probe.json", "{\"" + key + "\": [" + Write(record) + "]}");
    EXPECT_TRUE(ParseDocument(source, probe, diagnostics, ParseOptions{.pipeline = false}));
    const bool read = probe.taken.size() == 1 && probe.taken[0];
    EXPECT_LE(probe.taken.size(), 1u);
    EXPECT_EQ(probe.nodes, read ? 0 : 1);  // one item, read one way
    return read;
  };
  EXPECT_TRUE(taken("sites", kSite));
  EXPECT_TRUE(taken("elements", kElement));
  EXPECT_TRUE(taken("links", kLink));
  Record unknown_key = kElement;
  unknown_key.push_back({"vendr", "\"acme\""});
  EXPECT_FALSE(taken("elements", unknown_key));
  Record custom_kind = kElement;
  custom_kind[1].second = "\"quantum-box\"";
  EXPECT_FALSE(taken("elements", custom_kind));
  Record out_of_range = kLink;
  out_of_range[4].second = "0";  // capacity must be above 0
  EXPECT_FALSE(taken("links", out_of_range));
  Record half_coordinates = kSite;
  half_coordinates.erase(half_coordinates.begin() + 4);  // lat without lon
  EXPECT_FALSE(taken("sites", half_coordinates));
  Record repeated = kLink;
  repeated.push_back(kLink[1]);  // repeated keys are never offered flat
  EXPECT_FALSE(taken("links", repeated));
}

TEST(DirectRecords, ALargeFileGivesTheSameOnOneAndTwoThreads) {
  // Past the size at which JSON is parsed and read on two threads, with a few
  // records the direct path must leave to the general reader.
  std::string text = R"({"format": "redoubt/inventory@1", "network": {"id": "big", "country": "GB"},
 "vendors": [{"id": "acme", "name": "Acme", "country": "SE", "risk": "low"}],
 "sites": [)";
  constexpr int kElements = 30000;
  for (int site = 0; site < kElements / 10; ++site) {
    text += (site ? ",\n" : "\n") + fmt::format(R"(  {{"id": "s{}", "kind": "cell", "lat": 51.{}, "lon": 0.{}, "power": {{"substation": "p{}", "backup_hours": 4}}}})", site, site, site, site % 50);
  }
  text += "\n ],\n \"elements\": [";
  for (int element = 0; element < kElements; ++element) {
    const std::string extra = element == 20000 ? R"(, "vendr": "acme")" : "";
    text += (element ? ",\n" : "\n") + fmt::format(R"(  {{"id": "e{}", "kind": "{}", "vendor": "acme", "site": "s{}", "model": "m{}", "software": "1.{}", "installed": "2019-01-1{}"{}}})", element, element % 3 ? "gnb" : "router", element % (kElements / 10), element % 4, element % 7, element % 9, extra);
  }
  text += "\n ],\n \"links\": [";
  for (int link = 1; link < kElements; ++link) {
    const std::string capacity = link == 25000 ? "-1" : "10";
    text += (link > 1 ? ",\n" : "\n") + fmt::format(R"(  {{"a": "e{}", "b": "e{}", "medium": "fiber", "capacity_gbps": {}, "latency_ms": 0.{}}})", link / 2, link, capacity, link % 9 + 1);
  }
  text += "\n ]\n}\n";
  ASSERT_GT(text.size(), std::size_t{4} << 20);
  const Loaded reference = LoadText("big.json", text, false, 1);
  EXPECT_FALSE(reference.ok);
  EXPECT_NE(reference.diagnostics.find("unknown key 'vendr' in element"), std::string::npos);
  EXPECT_NE(reference.diagnostics.find("'capacity_gbps' of link is out of range"), std::string::npos);
  for (const bool direct : {false, true}) {
    for (const int threads : {1, 2}) {
      const Loaded loaded = LoadText("big.json", text, direct, threads);
      EXPECT_EQ(loaded.ok, reference.ok);
      if (threads == 1) {
        EXPECT_EQ(loaded.diagnostics, reference.diagnostics) << direct;
      }
      EXPECT_EQ(SortedLines(loaded.diagnostics), SortedLines(reference.diagnostics))
          << direct << threads;
    }
  }
  // And a clean copy loads to the same network every way.
  std::string clean = text;
  clean.replace(clean.find(R"(, "vendr": "acme")"), 17, "");
  clean.replace(clean.find(R"("capacity_gbps": -1)"), 19, R"("capacity_gbps": 10)");
  const Loaded clean_reference = LoadText("big.json", clean, false, 1);
  ASSERT_TRUE(clean_reference.ok) << clean_reference.diagnostics;
  for (const bool direct : {false, true}) {
    for (const int threads : {1, 2}) {
      const Loaded loaded = LoadText("big.json", clean, direct, threads);
      EXPECT_EQ(loaded.networks, clean_reference.networks) << direct << threads;
      EXPECT_EQ(loaded.strings, clean_reference.strings) << direct << threads;
      EXPECT_EQ(SortedLines(loaded.diagnostics), SortedLines(clean_reference.diagnostics))
          << direct << threads;
    }
  }
}

}  // namespace
}  // namespace redoubt
