// redoubt posture and alliance --postures, as processes: the round trip on
// the bundled alliance (the view from postures equals the view from the
// inventories), what a posture may hold (the leak check), and every refusal
// with its message (tests/cases/bad-posture/*.expected).
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "io/inventory_reader.hpp"
#include "testing.hpp"
#include "trust/keys.hpp"
#include "trust/signed_document.hpp"

namespace redoubt {
namespace {

namespace fs = std::filesystem;
using testing::RunRedoubt;

const std::string kCases = testing::SourcePath("tests/cases/bad-posture");
const std::string kSmall = kCases + "/alliance.yaml";
const std::vector<std::string> kSmallMembers = {"US", "GB", "DE", "LV"};

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

void WriteText(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

// A test key copied where only its owner can read it (git keeps no modes).
std::string TestKey(const std::string& dir, const std::string& name) {
  const std::string path = dir + "/" + name + ".key";
  if (!fs::exists(path)) {
    fs::copy_file(kCases + "/keys/" + name + ".key", path);
    ::chmod(path.c_str(), 0600);
  }
  return path;
}

// `member`'s posture of the small alliance on 2020-01-01.
std::string MakePosture(const std::string& dir, const std::string& member, const std::string& out,
                        const std::string& disclose = "counts") {
  const auto result = RunRedoubt({"posture", kSmall, "--member", member, "--key",
                                  TestKey(dir, Lower(member)), "--as-of", "2020-01-01",
                                  "--disclose", disclose, "-o", out});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return out;
}

nlohmann::ordered_json ReadJson(const std::string& path) {
  return nlohmann::ordered_json::parse(testing::ReadText(path));
}

void WriteJson(const std::string& path, const nlohmann::ordered_json& document) {
  WriteText(path, document.dump(2) + "\n");
}

void Resign(nlohmann::ordered_json& document, const std::string& dir, const std::string& key) {
  auto secret = trust::LoadSecretKey(TestKey(dir, key));
  ASSERT_TRUE(secret.ok());
  trust::SignDocument(document, secret.value());
}

// Whether `id` occurs in `text` as a whole token (not inside a longer id).
bool HasToken(const std::string& text, const std::string& id) {
  const std::regex pattern("(^|[^A-Za-z0-9_.-])" + std::regex_replace(id, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                           "($|[^A-Za-z0-9_-])");
  return std::regex_search(text, pattern);
}

// ---- the round trip on the bundled alliance ---------------------------------

// data/samples/allies/alliance.yaml with absolute paths and a key per member.
std::string BundledWithKeys(const std::string& dir) {
  const std::string folder = testing::SourcePath("data/samples/allies");
  std::string text = testing::ReadText(folder + "/alliance.yaml");
  text = std::regex_replace(text, std::regex(R"(\.\./\.\./standards/)"),
                            testing::SourcePath("data/standards") + "/");
  // networks: [a.json, b.json] → absolute paths
  std::string out;
  const std::regex list(R"(networks: \[([^\]]*)\])");
  auto begin = std::sregex_iterator(text.begin(), text.end(), list);
  std::size_t last = 0;
  for (auto match = begin; match != std::sregex_iterator(); ++match) {
    out += text.substr(last, static_cast<std::size_t>(match->position()) - last);
    std::string files = (*match)[1].str();
    std::string joined;
    std::stringstream stream(files);
    std::string item;
    while (std::getline(stream, item, ',')) {
      item.erase(0, item.find_first_not_of(" \n"));
      item.erase(item.find_last_not_of(" \n") + 1);
      joined += (joined.empty() ? "" : ", ") + folder + "/" + item;
    }
    out += "networks: [" + joined + "]";
    last = static_cast<std::size_t>(match->position() + match->length());
  }
  out += text.substr(last);
  for (const std::string code : {"US", "GB", "DE", "CA", "SE", "LV"}) {
    const std::string name = dir + "/" + Lower(code);
    trust::WriteKeyPair(trust::GenerateKeyPair(), name);
    const std::string from = "{code: " + code + ",";
    const auto at = out.find(from);
    EXPECT_NE(at, std::string::npos) << code;
    out.replace(at, from.size(), from + " key: " + name + ".pub,");
  }
  const std::string path = dir + "/alliance.yaml";
  WriteText(path, out);
  return path;
}

TEST(PostureCli, BundledAllianceFromPosturesEqualsTheInventoriesByteForByte) {
  const std::string dir = testing::TempDir("posture-bundled");
  const std::string alliance = BundledWithKeys(dir);
  fs::create_directories(dir + "/postures");
  for (const std::string code : {"US", "GB", "DE", "CA", "SE", "LV"}) {
    const auto made = RunRedoubt({"posture", alliance, "--member", code, "--key",
                                  dir + "/" + Lower(code) + ".key", "--disclose", "elements", "-o",
                                  dir + "/postures/" + code + ".posture.json"});
    ASSERT_EQ(made.exit_code, 0) << made.err;
  }
  const auto inventories = RunRedoubt({"alliance", alliance, "--format", "json"});
  const auto postures = RunRedoubt({"alliance", alliance, "--postures", dir + "/postures", "--format", "json"});
  ASSERT_EQ(inventories.exit_code, 0) << inventories.err;
  ASSERT_EQ(postures.exit_code, 0) << postures.err;
  // The same bytes but for the provenance block, which comes last.
  const std::string marker = ",\n  \"provenance\": {";
  const auto at = postures.out.find(marker);
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(postures.out.substr(0, at) + "\n}\n", inventories.out);
  const auto document = nlohmann::json::parse(postures.out);
  const auto& listed = document["provenance"]["postures"];
  ASSERT_EQ(listed.size(), 6U);
  EXPECT_EQ(listed[1]["member"], "GB");
  EXPECT_EQ(listed[1]["as_of"], "2019-07-01");
  EXPECT_EQ(listed[1]["disclosure"], "elements");
  EXPECT_EQ(listed[1]["key_id"], ReadJson(dir + "/gb.pub")["key_id"]);
  EXPECT_TRUE(document["provenance"]["missing"].empty());
  // The terminal text: the inventories' text, then the postures it was built from.
  const auto text = RunRedoubt({"alliance", alliance, "--postures", dir + "/postures"});
  const auto inventory_text = RunRedoubt({"alliance", alliance});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  const std::string heading = "\npostures (the view is built from them; no inventory was read)\n";
  ASSERT_EQ(text.out.substr(0, inventory_text.out.size()), inventory_text.out);
  EXPECT_EQ(text.out.substr(inventory_text.out.size(), heading.size()), heading);
  EXPECT_NE(text.out.find("  GB     GB.posture.json 2019-07-01 key " +
                          listed[1]["key_id"].get<std::string>() + " disclosure elements\n"),
            std::string::npos)
      << text.out;
  fs::remove_all(dir);
}

// ---- counts: the same levels, explanations in rules and counts --------------

TEST(PostureCli, CountsGiveTheSameLevelsAndExplainInCounts) {
  const std::string dir = testing::TempDir("posture-counts");
  fs::create_directories(dir + "/p");
  for (const std::string& code : kSmallMembers) MakePosture(dir, code, dir + "/p/" + code + ".posture.json");
  const auto inventories = RunRedoubt({"alliance", kSmall, "--as-of", "2020-01-01", "--format", "json"});
  const auto postures = RunRedoubt({"alliance", kSmall, "--as-of", "2020-01-01", "--postures", dir + "/p", "--format", "json"});
  ASSERT_EQ(postures.exit_code, 0) << postures.err;
  const auto a = nlohmann::json::parse(inventories.out);
  const auto b = nlohmann::json::parse(postures.out);
  EXPECT_EQ(a["sharing"]["matrix"], b["sharing"]["matrix"]);
  EXPECT_EQ(a["divergence"], b["divergence"]);
  EXPECT_EQ(b["sharing"]["matrix"][0][1], "confidential");
  ASSERT_EQ(a["sharing"]["cells"].size(), b["sharing"]["cells"].size());
  for (std::size_t index = 0; index < a["sharing"]["cells"].size(); ++index) {
    EXPECT_EQ(a["sharing"]["cells"][index]["reason"], b["sharing"]["cells"][index]["reason"]);
  }
  // GB → DE is held down by DE's service abroad: named by sector and count.
  const auto& cell = b["sharing"]["cells"][4];
  ASSERT_EQ(cell["provider"], "GB");
  ASSERT_EQ(cell["recipient"], "DE");
  EXPECT_EQ(cell["shortfalls"][0]["summary"],
            "1 of 1 secret+ service of DE cross untrusted equipment (1 cross-border)");
  EXPECT_EQ(cell["shortfalls"][0]["details"],
            nlohmann::json::array({"DE's service (defence, secret) on LV network lv-t crosses 1 element"}));
  EXPECT_EQ(a["sharing"]["cells"][4]["shortfalls"][0]["details"],
            nlohmann::json::array({"DE's service lv-de-staff (defence, secret) on LV network lv-t "
                                   "crosses huawei router lv-rtr-1"}));
  EXPECT_EQ(b["provenance"]["postures"][0]["disclosure"], "counts");
  fs::remove_all(dir);
}

// ---- the leak check ----------------------------------------------------------

struct InventoryIds {
  std::set<std::string> sites;
  std::set<std::string> elements;
  std::set<std::string> services;
  std::set<std::string> coordinates;
};

InventoryIds IdsOf(const std::vector<std::string>& files) {
  InventoryIds ids;
  auto loaded = LoadInventories(files, {});
  EXPECT_TRUE(loaded.ok());
  for (const Network& network : loaded.value()) {
    for (const Site& site : network.sites) {
      ids.sites.emplace(network.Str(site.id));
      if (site.HasCoordinates()) {
        ids.coordinates.insert(fmt::format("{}", site.lat));
        ids.coordinates.insert(fmt::format("{}", site.lon));
      }
    }
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      ids.elements.emplace(network.ElementId(element));
    }
    for (const Service& service : network.services) ids.services.emplace(network.Str(service.id));
  }
  return ids;
}

TEST(PostureCli, APostureHoldsNoSiteElementOrCoordinateOfTheInventory) {
  const std::string dir = testing::TempDir("posture-leak");
  const std::string folder = testing::SourcePath("tests/cases/alliance/small");
  std::size_t element_ids_disclosed = 0;
  for (const std::string& code : kSmallMembers) {
    const InventoryIds ids = IdsOf({folder + "/" + Lower(code) + ".yaml"});
    ASSERT_FALSE(ids.sites.empty());
    ASSERT_FALSE(ids.coordinates.empty());
    const std::string counts = testing::ReadText(MakePosture(dir, code, dir + "/" + code + ".counts.json"));
    const std::string elements =
        testing::ReadText(MakePosture(dir, code, dir + "/" + code + ".elements.json", "elements"));
    for (const std::string& id : ids.sites) EXPECT_FALSE(HasToken(counts, id)) << code << " site " << id;
    for (const std::string& id : ids.elements) EXPECT_FALSE(HasToken(counts, id)) << code << " element " << id;
    for (const std::string& value : ids.coordinates) {
      EXPECT_FALSE(HasToken(counts, value)) << code << " coordinate " << value;
      EXPECT_FALSE(HasToken(elements, value)) << code << " coordinate " << value;
    }
    // `elements` adds element ids (and the ids of the services they carry,
    // which findings name); never a site that is neither.
    for (const std::string& id : ids.sites) {
      if (ids.elements.count(id) != 0 || ids.services.count(id) != 0) continue;
      EXPECT_FALSE(HasToken(elements, id)) << code << " site " << id;
    }
    for (const std::string& id : ids.elements) element_ids_disclosed += HasToken(elements, id) ? 1 : 0;
  }
  // The check can see an id when one is there.
  EXPECT_GT(element_ids_disclosed, 0U);
  fs::remove_all(dir);
}

// ---- refusals -----------------------------------------------------------------

// Runs `alliance --postures` on `folder` and returns what a golden holds: the
// exit status and stderr, with the temporary folder written DIR.
std::string Refusal(const std::string& dir, const std::string& folder,
                    std::vector<std::string> extra = {}, const std::string& alliance = kSmall) {
  std::vector<std::string> args = {"alliance", alliance, "--as-of", "2020-01-01", "--postures", folder};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = RunRedoubt(args);
  std::string err = result.err;
  for (std::size_t at; (at = err.find(dir)) != std::string::npos;) err.replace(at, dir.size(), "DIR");
  for (std::size_t at; (at = err.find(kCases)) != std::string::npos;) {
    err.replace(at, kCases.size(), "CASES");
  }
  return fmt::format("exit {}\n{}", result.exit_code, err);
}

std::string CaseName(const ::testing::TestParamInfo<std::string>& param) {
  std::string out = param.param;
  for (char& c : out) c = c == '-' ? '_' : c;
  return out;
}

// One case: GB's good posture in `folder`, changed by `change`.
class BadPosture : public ::testing::TestWithParam<std::string> {};

TEST_P(BadPosture, IsRefusedWithOneClearMessage) {
  const std::string name = GetParam();
  const std::string dir = testing::TempDir("bad-posture-" + name);
  const std::string folder = dir + "/postures";
  fs::create_directories(folder);
  const std::string path = MakePosture(dir, "GB", folder + "/GB.posture.json");
  auto document = ReadJson(path);
  std::vector<std::string> extra = {"--allow-missing"};  // only GB's file is judged
  std::string alliance = kSmall;
  if (name == "tampered-byte") {
    const std::string text = testing::ReadText(path);
    const std::string from = "\"untrusted_elements\": 1";
    ASSERT_NE(text.find(from), std::string::npos);
    std::string changed = text;
    changed.replace(changed.find(from), from.size(), "\"untrusted_elements\": 0");
    WriteText(path, changed);
  } else if (name == "other-members-key") {
    Resign(document, dir, "de");
    WriteJson(path, document);
  } else if (name == "unknown-key") {
    Resign(document, dir, "stranger");
    WriteJson(path, document);
  } else if (name == "other-alliance") {
    document["alliance"] = "nato-2019";
    Resign(document, dir, "gb");
    WriteJson(path, document);
  } else if (name == "other-rules") {
    document["rules"] = "fnv1a64:0123456789abcdef";
    Resign(document, dir, "gb");
    WriteJson(path, document);
  } else if (name == "other-member") {
    document["member"] = "FR";
    Resign(document, dir, "gb");
    WriteJson(path, document);
  } else if (name == "too-old") {
    document["as_of"] = "2019-11-01";
    Resign(document, dir, "gb");
    WriteJson(path, document);
  } else if (name == "future") {
    document["as_of"] = "2020-03-01";
    Resign(document, dir, "gb");
    WriteJson(path, document);
  } else if (name == "duplicate-member") {
    fs::copy_file(path, folder + "/GB-again.posture.json");
  } else if (name == "malformed-signature") {
    document["signature"]["value"] = "abc";
    WriteJson(path, document);
  } else if (name == "unsigned") {
    document.erase("signature");
    WriteJson(path, document);
  } else if (name == "unsupported-format") {
    document["format"] = "redoubt/posture@2";
    WriteJson(path, document);
  } else if (name == "not-json") {
    const std::string text = testing::ReadText(path);
    WriteText(path, text.substr(0, text.size() / 2));
  } else if (name == "missing-member") {
    extra.clear();
  } else if (name == "malformed-key") {
    alliance = kCases + "/bad-key-alliance.yaml";
  } else if (name == "timeline-needs-inventories") {
    extra = {"--timeline", "2020-01-01..2021-01-01"};
  } else {
    FAIL() << "no such case " << name;
  }
  std::vector<std::string> args = extra;
  if (name == "timeline-needs-inventories") {
    const auto result = RunRedoubt({"alliance", alliance, "--postures", folder, "--timeline",
                                    "2020-01-01..2021-01-01"});
    testing::ExpectGolden(kCases + "/" + name + ".expected",
                          fmt::format("exit {}\n{}", result.exit_code, result.err));
  } else {
    testing::ExpectGolden(kCases + "/" + name + ".expected", Refusal(dir, folder, args, alliance));
  }
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Cases, BadPosture,
                         ::testing::Values("tampered-byte", "other-members-key", "unknown-key",
                                           "other-alliance", "other-rules", "other-member", "too-old", "future",
                                           "duplicate-member", "malformed-signature", "unsigned",
                                           "unsupported-format", "not-json", "missing-member",
                                           "malformed-key", "timeline-needs-inventories"),
                         CaseName);

TEST(PostureCli, AllowMissingMarksTheMemberAndItsCellsNone) {
  const std::string dir = testing::TempDir("posture-missing");
  fs::create_directories(dir + "/p");
  for (const std::string code : {"US", "GB", "DE"}) MakePosture(dir, code, dir + "/p/" + code + ".posture.json");
  const auto result = RunRedoubt({"alliance", kSmall, "--as-of", "2020-01-01", "--postures",
                                  dir + "/p", "--allow-missing", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document["provenance"]["missing"][0]["member"], "LV");
  EXPECT_EQ(document["provenance"]["missing"][0]["status"], "no valid posture");
  for (std::size_t other = 0; other < 3; ++other) {
    EXPECT_TRUE(document["sharing"]["matrix"][other][3].is_null());
    EXPECT_TRUE(document["sharing"]["matrix"][3][other].is_null());
  }
  EXPECT_EQ(document["sharing"]["matrix"][1][0], "top-secret");
  // Nothing of LV is known: its divergences are null, not 0.
  for (std::size_t other = 0; other < 3; ++other) {
    EXPECT_TRUE(document["divergence"]["total"][other][3].is_null());
    EXPECT_TRUE(document["divergence"]["total"][3][other].is_null());
  }
  EXPECT_TRUE(document["divergence"]["total"][0][1].is_number());
  const auto text = RunRedoubt({"alliance", kSmall, "--as-of", "2020-01-01", "--postures",
                                dir + "/p", "--allow-missing"});
  EXPECT_NE(text.out.find("  LV     test-base        no valid posture: no posture in "), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("  LV     n/a    n/a    n/a    -"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("  US → LV: none — LV has no valid posture (no posture in "), std::string::npos) << text.out;
  bool found = false;
  for (const auto& cell : document["sharing"]["cells"]) {
    if (cell["provider"] == "US" && cell["recipient"] == "LV") {
      found = true;
      EXPECT_EQ(cell["reason"].get<std::string>().rfind("LV has no valid posture (no posture in ", 0), 0U)
          << cell["reason"];
    }
  }
  EXPECT_TRUE(found);
  fs::remove_all(dir);
}

TEST(PostureCli, RefusesAKeyTheAllianceDoesNotListForTheMember) {
  const std::string dir = testing::TempDir("posture-wrong-key");
  const auto result = RunRedoubt({"posture", kSmall, "--member", "GB", "--key", TestKey(dir, "de"),
                                  "-o", dir + "/GB.posture.json"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("but the alliance file lists ed25519:"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(dir + "/GB.posture.json"));
  fs::remove_all(dir);
}

// `assess --postures`: the alliance part is `alliance --postures --format
// json` but for the date keys (held at the assessment's top); the headline
// figures are those `assess` computes from the inventories, on the basis the
// postures were made on (with --kill-switch at the same trials), but for the
// kill-switch loss of critical services, which a posture does not state; LV,
// without a posture, has none.
TEST(PostureCli, AssessFromPosturesEqualsTheAllianceViewAndTheInventoryFigures) {
  const std::string dir = testing::TempDir("posture-assess");
  fs::create_directories(dir + "/p");
  for (const std::string code : {"US", "GB", "DE"}) {
    const auto posture = RunRedoubt({"posture", kSmall, "--member", code, "--key", TestKey(dir, Lower(code)),
                                     "--as-of", "2020-01-01", "--kill-switch", "--trials", "2", "-o",
                                     dir + "/p/" + code + ".posture.json"});
    ASSERT_EQ(posture.exit_code, 0) << posture.err;
  }
  const auto made = RunRedoubt({"assess", kSmall, "-q", "--as-of", "2020-01-01", "--postures",
                                dir + "/p", "--allow-missing", "-o", dir + "/out"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_NE(made.out.find("  LV     no figures: no valid posture\n"), std::string::npos) << made.out;
  const auto assessment = ReadJson(dir + "/out/assessment.json");
  const auto view = RunRedoubt({"alliance", kSmall, "--as-of", "2020-01-01", "--postures",
                                dir + "/p", "--allow-missing", "--format", "json"});
  ASSERT_EQ(view.exit_code, 0) << view.err;
  auto alliance = nlohmann::ordered_json::parse(view.out);
  for (const char* key : {"as_of", "as_of_source", "as_of_network", "inventory_predates"}) {
    EXPECT_EQ(alliance[key], assessment[key]) << key;
    alliance.erase(key);
  }
  // The alliance document's own as_of, which WithJudgedDate moved to its top.
  auto alliance_part = assessment["alliance"];
  EXPECT_EQ(alliance_part["as_of"], "2020-01-01");
  alliance_part.erase("as_of");
  EXPECT_EQ(alliance.dump(1), alliance_part.dump(1));
  const auto& postures = assessment["alliance"]["provenance"]["postures"];
  ASSERT_EQ(postures.size(), 3U);
  EXPECT_EQ(postures[1]["member"], "GB");
  EXPECT_EQ(postures[1]["file"], "GB.posture.json");
  EXPECT_EQ(postures[1]["as_of"], "2020-01-01");
  EXPECT_EQ(postures[1]["key_id"].get<std::string>().rfind("ed25519:", 0), 0U);
  EXPECT_EQ(postures[1]["resilience"], nlohmann::ordered_json({{"scenario", "vendor-kill-switch"}, {"trials", 2}, {"seed", 1}}));
  const auto text = RunRedoubt({"alliance", kSmall, "--as-of", "2020-01-01", "--postures", dir + "/p", "--allow-missing"});
  EXPECT_NE(text.out.find(" disclosure counts resilience vendor-kill-switch (2 trials, seed 1)\n"), std::string::npos) << text.out;
  EXPECT_EQ(assessment["alliance"]["provenance"]["missing"][0]["member"], "LV");
  for (const char* part : {"inventory", "findings", "timeline", "exposure", "resilience", "sites", "seed"}) {
    EXPECT_TRUE(assessment[part].is_null()) << part;
  }
  EXPECT_EQ(assessment["inputs"]["postures"], dir + "/p");
  const auto sites = ReadJson(dir + "/out/sites.geojson");
  EXPECT_EQ(sites["type"], "FeatureCollection");
  EXPECT_TRUE(sites["features"].empty());

  const auto inventories = RunRedoubt({"assess", kSmall, "-q", "--as-of", "2020-01-01", "--trials", "2",
                                       "--scenario", testing::SourcePath("data/scenarios/vendor-kill-switch.yaml"),
                                       "-o", dir + "/inventories"});
  ASSERT_EQ(inventories.exit_code, 0) << inventories.err;
  const auto full = ReadJson(dir + "/inventories/assessment.json");
  const auto& bases = assessment["figures"]["definitions"]["bases"];
  ASSERT_EQ(bases.size(), 1U);
  EXPECT_EQ(bases[0]["key"], "deadlines_met");
  const auto& stated = assessment["figures"]["members"];
  const auto& computed = full["figures"]["members"];
  ASSERT_EQ(stated.size(), 4U);
  for (std::size_t member = 0; member < 3; ++member) {
    // The posture states the kill-switch loss over all services, not over the critical ones.
    auto expected = computed[member]["deadlines_met"];
    EXPECT_FALSE(expected["all"]["kill_switch_loss"].is_null());
    EXPECT_FALSE(expected["critical"]["kill_switch_loss"].is_null());
    expected["critical"]["kill_switch_loss"] = nullptr;
    EXPECT_EQ(stated[member]["deadlines_met"], expected) << stated[member]["code"];
    EXPECT_FALSE(stated[member].contains("as_inventoried"));
  }
  EXPECT_EQ(stated[3], nlohmann::ordered_json({{"code", "LV"}}));
  fs::remove_all(dir);
}

TEST(PostureCli, AssessFromPosturesRefusesWhatNeedsInventories) {
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{"--scenario", "x.yaml"}, {"--trials", "5"}, {"--seed", "7"},
        {"--sharing-timeline", "2020-01-01..2021-01-01"}, {"--costs", "costs.yaml"}}) {
    std::vector<std::string> args = {"assess", kSmall, "--postures", "/nonexistent", "-o", "/nonexistent/out"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = RunRedoubt(args);
    EXPECT_EQ(result.exit_code, 2) << extra[0];
    EXPECT_NE(result.err.find(extra[0] + " needs inventories"), std::string::npos) << result.err;
  }
  const auto alone = RunRedoubt({"assess", kSmall, "--allow-missing", "-o", "/nonexistent/out"});
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_NE(alone.err.find("--allow-missing goes with --postures DIR"), std::string::npos) << alone.err;
}

}  // namespace
}  // namespace redoubt
