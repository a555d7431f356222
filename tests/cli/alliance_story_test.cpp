// What the bundled alliance says between 2019 and 2030, as a user asks it
// (`redoubt alliance data/samples/allies/alliance.yaml --timeline ...`): the
// sharing matrix of mid-2019 tells the allies apart, sharing degrades in
// steps rather than stopping, it moves on the real national deadlines
// (shared/reference/policy-facts.md) and every cell below the top says in
// one plain sentence what holds it down.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;
using Json = nlohmann::json;

const std::string kAllies = testing::SourcePath("data/samples/allies/alliance.yaml");

Json RunJson(const std::vector<std::string>& args) {
  const auto result = RunRedoubt(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.exit_code == 0 ? Json::parse(result.out) : Json();
}

// "provider>recipient" → level, off the diagonal.
std::map<std::string, std::string> Cells(const Json& matrix, const Json& codes) {
  std::map<std::string, std::string> out;
  for (std::size_t provider = 0; provider < codes.size(); ++provider) {
    for (std::size_t recipient = 0; recipient < codes.size(); ++recipient) {
      if (provider == recipient) continue;
      out[codes[provider].get<std::string>() + ">" + codes[recipient].get<std::string>()] =
          matrix[provider][recipient].is_null() ? "none"
                                                : matrix[provider][recipient].get<std::string>();
    }
  }
  return out;
}

// The timeline as `alliance --timeline --format json` writes it, with the
// helpers the checks below read it through. One run (about 15 s under the
// sanitizers) serves every check of the timeline, hence one test.
struct Timeline {
  Json document;
  const Json& Steps() const { return document["timeline"]; }
  const Json& Codes() const { return document["sharing"]["providers"]; }
  // The matrix in force on `date`: that of the last step on or before it.
  std::map<std::string, std::string> On(const std::string& date) const {
    const Json* in_force = nullptr;
    for (const Json& step : Steps()) {
      if (step["date"].get<std::string>() <= date) in_force = &step;
    }
    EXPECT_NE(in_force, nullptr) << date;
    return in_force == nullptr ? std::map<std::string, std::string>{}
                               : Cells((*in_force)["matrix"], Codes());
  }
  const Json* StepOn(const std::string& date) const {
    for (const Json& step : Steps()) {
      if (step["date"] == date) return &step;
    }
    return nullptr;
  }
};

TEST(AllianceStory, TheTimelineFrom2019To2030) {
  const Timeline timeline{
      RunJson({"alliance", kAllies, "--timeline", "2019-07-01..2030-12-31", "--format", "json"})};
  ASSERT_TRUE(timeline.document.contains("timeline")) << timeline.document.dump().substr(0, 400);
  const Json& steps = timeline.Steps();
  const Json& codes = timeline.Codes();
  EXPECT_EQ(codes, Json::parse(R"(["US", "GB", "DE", "CA", "SE", "LV"])"));
  EXPECT_EQ(steps[0]["date"], "2019-07-01");

  // The 2019 matrix has at least three levels, and tells the allies apart:
  // the US (no Huawei) receives secret; the UK (Huawei outside the core; its
  // management deadline is 2023) confidential, but only confidential from
  // the US (Huawei anywhere); Germany (Huawei in some core), Canada (no
  // national decision yet, so the baseline's management rule binds), Sweden
  // (Huawei in central functions until 2025) and the host Latvia restricted.
  const auto cells = timeline.On("2019-07-01");
  std::set<std::string> levels;
  for (const auto& [pair, level] : cells) levels.insert(level);
  EXPECT_GE(levels.size(), 3u);
  EXPECT_EQ(levels, (std::set<std::string>{"restricted", "confidential", "secret"}));
  for (const char* provider : {"GB", "DE", "CA", "SE", "LV"}) {
    EXPECT_EQ(cells.at(std::string(provider) + ">US"), "secret") << provider;
  }
  EXPECT_EQ(cells.at("US>GB"), "confidential");
  EXPECT_EQ(cells.at("DE>GB"), "confidential");
  for (const char* recipient : {"DE", "CA", "SE", "LV"}) {
    EXPECT_EQ(cells.at(std::string("GB>") + recipient), "restricted") << recipient;
  }

  // Degradation in steps: no pair of allies is cut off, on any date.
  for (const Json& step : steps) {
    for (const auto& [pair, level] : Cells(step["matrix"], codes)) {
      EXPECT_NE(level, "none") << pair << " on " << step["date"];
      EXPECT_NE(level, "unclassified") << pair << " on " << step["date"];
    }
  }
  // Secret both ways between the US and the UK by 2028.
  EXPECT_EQ(timeline.On("2028-01-01").at("US>GB"), "secret");
  EXPECT_EQ(timeline.On("2028-01-01").at("GB>US"), "secret");
  EXPECT_EQ(timeline.On("2027-12-30").at("US>GB"), "confidential");

  // The matrix moves on the real deadlines, and each move says why.
  const std::map<std::string, std::string> deadlines = {{"2023-12-31", "GB"}, {"2027-12-31", "GB"},
                                                        {"2024-06-28", "CA"}, {"2026-12-31", "DE"},
                                                        {"2029-12-31", "DE"}, {"2025-01-01", "SE"}};
  std::set<std::string> moving;
  for (const Json& step : steps) {
    if (!step["moves"].empty()) moving.insert(step["date"].get<std::string>());
  }
  std::set<std::string> expected;
  for (const auto& [date, member] : deadlines) expected.insert(date);
  EXPECT_EQ(moving, expected);
  for (const auto& [date, member] : deadlines) {
    SCOPED_TRACE(date);
    const Json* step = timeline.StepOn(date);
    ASSERT_NE(step, nullptr);
    for (const Json& move : (*step)["moves"]) {
      EXPECT_EQ(move["recipient"], member);
      EXPECT_EQ(move["direction"], "up");
      EXPECT_TRUE(
          move["reason"].get<std::string>().starts_with(date + ": " + member + "'s deadline "))
          << move["reason"];
    }
  }
  const Json* canada = timeline.StepOn("2024-06-28");
  ASSERT_NE(canada, nullptr);
  bool found = false;
  for (const Json& move : (*canada)["moves"]) {
    if (move["provider"] != "GB") continue;
    found = true;
    EXPECT_EQ(move["reason"],
              "2024-06-28: CA's deadline \u201cHuawei and ZTE 5G equipment removed by 28 June "
              "2024\u201d passes and CA's deadline \u201cThe management systems of Huawei and ZTE "
              "5G equipment removed by 28 June 2024\u201d passes \u2192 GB shares secret with CA "
              "(was restricted)");
  }
  EXPECT_TRUE(found);
  // The UK's 2027 exit lifts exactly the US's own condition.
  const Json* exit = timeline.StepOn("2027-12-31");
  ASSERT_NE(exit, nullptr);
  ASSERT_EQ((*exit)["moves"].size(), 1u);
  EXPECT_EQ((*exit)["moves"][0]["provider"], "US");
  EXPECT_EQ((*exit)["moves"][0]["after"], "secret");
}

// Every cell below the top level says in one plain sentence what holds it
// down: no rule ids or condition keys, one sentence, naming the recipient.
TEST(AllianceStory, EveryCellBelowTheTopNamesWhatHoldsItDown) {
  for (const char* date : {"2019-07-01", "2025-06-01", "2028-01-01"}) {
    SCOPED_TRACE(date);
    const Json document = RunJson({"alliance", kAllies, "--as-of", date, "--format", "json"});
    ASSERT_EQ(document["sharing"]["cells"].size(), 30u);
    for (const Json& cell : document["sharing"]["cells"]) {
      const std::string provider = cell["provider"];
      const std::string recipient = cell["recipient"];
      const std::string reason = cell["reason"];
      SCOPED_TRACE(provider + " → " + recipient + ": " + reason);
      ASSERT_FALSE(cell["withheld"].is_null());  // nobody receives top-secret from anybody
      EXPECT_TRUE(reason.starts_with(provider + " shares " + cell["level"].get<std::string>() +
                                     " with " + recipient + ", not " +
                                     cell["withheld"].get<std::string>() + ": "));
      EXPECT_TRUE(reason.ends_with("."));
      EXPECT_EQ(reason.find('\n'), std::string::npos);
      EXPECT_EQ(reason.find(". "), std::string::npos);  // one sentence
      for (const char* jargon : {"no_untrusted_in", "no_vendor", "baseline_max_severity",
                                 "classified_on_trusted_paths", "max_divergence", "nato-"}) {
        EXPECT_EQ(reason.find(jargon), std::string::npos) << jargon;
      }
      EXPECT_NE(reason.find(recipient), std::string::npos);
    }
  }
}

// Host-nation exposure is judged apart, and only at the top level: the US's
// aviation unit in Latvia rides on Huawei routers that could cut it off,
// which costs the US top-secret, never secret.
//
// Divergence as a condition: the US's max_divergence is measured from its own
// posture (F, directed), and answers per cell.
TEST(AllianceStory, HostNationExposureAndDivergenceOn2019) {
  const Json document = RunJson({"alliance", kAllies, "--format", "json"});
  const Json& codes = document["sharing"]["providers"];
  for (const Json& cell : document["sharing"]["cells"]) {
    if (cell["recipient"] != "US") continue;
    SCOPED_TRACE(cell["provider"].get<std::string>());
    EXPECT_EQ(cell["level"], "secret");
    ASSERT_EQ(cell["shortfalls"].size(), 1u);
    const Json& shortfall = cell["shortfalls"][0];
    EXPECT_TRUE(shortfall["host_networks"].get<bool>());
    EXPECT_EQ(shortfall["level"], "top-secret");
    EXPECT_EQ(shortfall["condition"],
              "classified_on_trusted_paths (secret and above) — host networks (sabotage)");
    EXPECT_EQ(shortfall["plain"],
              "US's classified services in LV depend on the host network, and high-risk suppliers' "
              "equipment there could cut them off (1 of 1)");
    EXPECT_NE(
        shortfall["rationale"].get<std::string>().find("Encryption does not keep a service up"),
        std::string::npos);
  }

  const Json& divergence = document["divergence"];
  EXPECT_EQ(divergence["members"], codes);
  const Json& from_provider = divergence["shortfall_from_provider"];
  const Json& posture = divergence["posture"];
  for (std::size_t a = 0; a < codes.size(); ++a) {
    for (std::size_t b = 0; b < codes.size(); ++b) {
      // F(a → b) + F(b → a) = P(a, b), to the JSON's rounding.
      EXPECT_NEAR(from_provider[a][b].get<double>() + from_provider[b][a].get<double>(),
                  posture[a][b].get<double>(), 2e-6);
    }
  }
  EXPECT_EQ(from_provider[0][0], 0.0);
  EXPECT_EQ(from_provider[1][0], 0.0);  // nobody's posture is better than the US's: F(· → US) = 0
  std::map<std::string, bool> binds;
  for (const Json& cell : document["sharing"]["cells"]) {
    if (cell["provider"] != "US") continue;
    bool by_divergence = false;
    for (const Json& entry : cell["shortfalls"]) {
      by_divergence = by_divergence || entry["condition"] == "max_divergence 0.35";
    }
    binds[cell["recipient"]] = by_divergence;
  }
  // GB is within the US's limit in 2019 (its Huawei equipment costs it secret
  // by the US's no-Huawei condition instead); DE, CA and LV diverge further.
  EXPECT_EQ(binds, (std::map<std::string, bool>{
                       {"GB", false}, {"DE", true}, {"CA", true}, {"SE", false}, {"LV", true}}));
  EXPECT_NE(std::string(RunRedoubt({"alliance", "--help"}).out)
                .find("F(P->R) = weighted mean of max(0, r-p)"),
            std::string::npos);
}

}  // namespace
}  // namespace redoubt
