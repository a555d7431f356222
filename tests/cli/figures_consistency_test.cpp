// One question, one number, whichever command answers it: the real binary on
// the bundled allies (data/samples/allies), its JSON compared across commands.
//
//   expose ≡ the posture's exposure: `expose --standard <baseline>` on every
//     network, its services selected as the posture selects them (the
//     member's own, on any network) over the same set (all, critical), gives
//     the same services, weights and espionage and sabotage shares as
//     `alliance --as-inventoried` on each date;
//   assess ≡ alliance on both bases: the figures `assess` writes as
//     inventoried are what `alliance --as-inventoried` gives, those with
//     deadlines assumed met what `alliance` gives, on each date;
//   simulate ≡ the assessment's resilience: `simulate` of each member's
//     network with the same scenario, seed and trials gives the document that
//     `assess` wrote for it, and the kill-switch loss of the assessment's
//     figures is the weight-hours lost in that document.
//
// No value is written down here: every expected number comes from another
// command's output, so the tests hold when the simulation or the data change.
#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;
using Json = nlohmann::json;

// The dates of issue #12: before, between and after the national deadlines.
const std::vector<std::string> kDates = {"2019-07-01", "2024-07-01", "2028-01-01"};

std::string Allies(const std::string& name) { return testing::SourcePath("data/samples/allies/" + name); }

// The bundled alliance's inventory files, per member, as alliance.yaml lists them.
const std::map<std::string, std::vector<std::string>> kMemberFiles = {
    {"US", {"us.json", "us-op2.json"}},
    {"GB", {"gb.json", "gb-op2.json", "gb-op3.json"}},
    {"DE", {"de.json", "de-op2.json"}},
    {"CA", {"ca.json", "ca-op2.json"}},
    {"SE", {"se-op1.json", "se-op2.json"}},
    {"LV", {"lv.json", "lv-op2.json"}}};

Json RunJson(const std::vector<std::string>& args) {
  auto result = RunRedoubt(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.exit_code == 0 ? Json::parse(result.out) : Json();
}

// What the definitions in model/figures.hpp say, restated over expose's
// per-service entries (the JSON rounds weights and shares to 6 decimals).
struct Tally {
  std::size_t services = 0;
  double weight = 0, exposed = 0, lost = 0;
  void Add(const Json& service) {
    const double w = service["weight"].get<double>();
    ++services;
    weight += w;
    if (service["exposed"].get<bool>()) exposed += w;
    if (service["up"].get<bool>() && !service["survives_untrusted_loss"].get<bool>()) lost += w;
  }
};

void ExpectShare(const Json& actual, double numerator, double denominator, const std::string& what) {
  if (denominator <= 0) {
    EXPECT_TRUE(actual.is_null()) << what;
    return;
  }
  ASSERT_TRUE(actual.is_number()) << what;
  EXPECT_NEAR(actual.get<double>(), numerator / denominator, 2e-6) << what;
}

TEST(FiguresConsistency, ExposeEqualsThePostureOverTheSameServices) {
  std::vector<std::string> args = {"expose", "--format", "json", "--standard",
                                   testing::SourcePath("data/standards/nato-baseline.yaml")};
  for (const auto& [code, files] : kMemberFiles) {
    for (const std::string& file : files) args.push_back(Allies(file));
  }
  const Json exposure = RunJson(args);
  ASSERT_EQ(exposure["networks"].size(), 13u);
  // expose's own totals are the same tally as its services.
  for (const Json& network : exposure["networks"]) {
    Tally all, critical;
    for (const Json& service : network["services"]) {
      all.Add(service);
      if (service["sector"] != "public") critical.Add(service);
    }
    EXPECT_EQ(network["totals"]["services"], all.services);
    EXPECT_EQ(network["critical_totals"]["services"], critical.services);
    ExpectShare(network["critical_totals"]["espionage"], critical.exposed, critical.weight,
                network["network"]["id"].get<std::string>() + " critical espionage");
    ExpectShare(network["totals"]["sabotage"], all.lost, all.weight,
                network["network"]["id"].get<std::string>() + " sabotage");
  }

  std::size_t compared = 0;
  for (const std::string& date : kDates) {
    SCOPED_TRACE(date);
    const Json alliance = RunJson({"alliance", Allies("alliance.yaml"), "--as-inventoried",
                                   "--as-of", date, "--format", "json"});
    ASSERT_TRUE(alliance.contains("members"));
    std::map<std::string, std::string> host;  // network id → member code
    for (const Json& member : alliance["members"]) {
      for (const Json& network : member["networks"]) host[network.get<std::string>()] = member["code"];
    }
    for (const Json& member : alliance["members"]) {
      const std::string code = member["code"];
      SCOPED_TRACE(code);
      Tally all, critical;
      for (const Json& network : exposure["networks"]) {
        const bool own = host[network["network"]["id"].get<std::string>()] == code;
        for (const Json& service : network["services"]) {
          const std::string owner = service["owner"];
          // The member's services on its own networks; those abroad are apart.
          if (!own || !(owner == code || owner.empty())) continue;
          all.Add(service);
          if (service["sector"] != "public") critical.Add(service);
        }
      }
      const Json& posture = member["posture"];
      EXPECT_EQ(posture["critical_services"], critical.services);
      EXPECT_NEAR(posture["critical_weight"].get<double>(), critical.weight, 1e-3);
      ExpectShare(posture["espionage"], critical.exposed, critical.weight, "critical espionage");
      ExpectShare(posture["sabotage"], critical.lost, critical.weight, "critical sabotage");
      EXPECT_EQ(posture["all_services"]["services"], all.services);
      EXPECT_NEAR(posture["all_services"]["weight"].get<double>(), all.weight, 1e-3);
      ExpectShare(posture["all_services"]["espionage"], all.exposed, all.weight, "espionage");
      ExpectShare(posture["all_services"]["sabotage"], all.lost, all.weight, "sabotage");
      ++compared;
    }
  }
  EXPECT_EQ(compared, 3u * 6u);
}

TEST(FiguresConsistency, AssessFiguresEqualTheAllianceCommandOnBothBases) {
  for (const std::string& date : kDates) {
    SCOPED_TRACE(date);
    const std::string out = testing::TempDir("figures-bases");
    auto assess = RunRedoubt({"assess", "-q", "-o", out, "--as-of", date, "--trials", "1", "--scenario",
                              testing::SourcePath("data/scenarios/vendor-kill-switch.yaml")});
    ASSERT_EQ(assess.exit_code, 0) << assess.err;
    const Json figures = Json::parse(testing::ReadText(out + "/assessment.json"))["figures"];
    const std::map<std::string, Json> alliance = {
        {"as_inventoried", RunJson({"alliance", Allies("alliance.yaml"), "--as-inventoried", "--as-of",
                                    date, "--format", "json"})},
        {"deadlines_met", RunJson({"alliance", Allies("alliance.yaml"), "--as-of", date, "--format", "json"})}};
    ASSERT_EQ(figures["members"].size(), 6u);
    for (const auto& [basis, document] : alliance) {
      SCOPED_TRACE(basis);
      ASSERT_EQ(document["members"].size(), figures["members"].size());
      for (std::size_t index = 0; index < figures["members"].size(); ++index) {
        const Json& on = figures["members"][index][basis];
        const Json& member = document["members"][index];
        SCOPED_TRACE(member["code"].get<std::string>());
        EXPECT_EQ(figures["members"][index]["code"], member["code"]);
        EXPECT_EQ(on["findings"]["standard"], member["compliance"]["standard"]);
        EXPECT_EQ(on["findings"]["baseline"], member["compliance"]["baseline"]);
        EXPECT_EQ(on["critical"]["services"], member["posture"]["critical_services"]);
        EXPECT_EQ(on["critical"]["weight"], member["posture"]["critical_weight"]);
        EXPECT_EQ(on["critical"]["espionage"], member["posture"]["espionage"]);
        EXPECT_EQ(on["critical"]["sabotage"], member["posture"]["sabotage"]);
        EXPECT_EQ(on["all"]["services"], member["posture"]["all_services"]["services"]);
        EXPECT_EQ(on["all"]["espionage"], member["posture"]["all_services"]["espionage"]);
        EXPECT_EQ(on["all"]["sabotage"], member["posture"]["all_services"]["sabotage"]);
      }
    }
    std::filesystem::remove_all(out);
  }
}

TEST(FiguresConsistency, SimulateEqualsTheAssessmentsResiliencePerScenario) {
  const std::string out = testing::TempDir("figures-consistency");
  const std::vector<std::string> scenarios = {
      testing::SourcePath("data/scenarios/vendor-kill-switch.yaml"),
      testing::SourcePath("data/scenarios/regional-disaster.yaml")};
  std::vector<std::string> args = {"assess", "-q", "-o", out, "--as-of", "2024-07-01",
                                   "--trials", "2", "--seed", "7"};
  for (const std::string& scenario : scenarios) {
    args.push_back("--scenario");
    args.push_back(scenario);
  }
  auto assess = RunRedoubt(args);
  ASSERT_EQ(assess.exit_code, 0) << assess.err;
  const Json assessment = Json::parse(testing::ReadText(out + "/assessment.json"));
  ASSERT_EQ(assessment["resilience"].size(), 6u * scenarios.size());
  std::size_t compared = 0;
  for (const Json& entry : assessment["resilience"]) {
    const std::string code = entry["member"];
    const std::string scenario_id = entry["scenario"];
    SCOPED_TRACE(code + " " + scenario_id);
    const std::string scenario =
        testing::SourcePath("data/scenarios/" + scenario_id + ".yaml");
    // assess lists the 20 services hurt most; simulate lists --top.
    std::vector<std::string> simulate = {"simulate"};
    for (const std::string& file : kMemberFiles.at(code)) simulate.push_back(Allies(file));
    const std::vector<std::string> flags = {"--scenario", scenario, "--trials", "2", "--seed", "7",
                                            "--top", "20", "--format", "json", "-q"};
    simulate.insert(simulate.end(), flags.begin(), flags.end());
    const Json simulated = RunJson(simulate);
    const Json& document = entry["document"];
    EXPECT_EQ(simulated["seed"], document["seed"]);
    EXPECT_EQ(simulated["trials"], document["trials"]);
    EXPECT_EQ(simulated["scenario"], document["scenario"]);
    ASSERT_EQ(simulated["networks"].size(), document["networks"].size());
    for (std::size_t index = 0; index < document["networks"].size(); ++index) {
      const Json& expected = document["networks"][index];
      const Json& actual = simulated["networks"][index];
      EXPECT_EQ(actual.size(), expected.size());
      // Key by key, so that a failure names what differs (the documents are large).
      for (const auto& [key, value] : expected.items()) {
        EXPECT_TRUE(actual.contains(key) && actual[key] == value)
            << expected["id"] << ": " << key << " differs";
      }
    }
    ++compared;

    if (scenario_id != "vendor-kill-switch") continue;
    // The kill-switch figure, as inventoried, is this document's weight-hours lost.
    double lost = 0, possible = 0;
    const double horizon = document["scenario"]["horizon_hours"].get<double>();
    for (const Json& network : simulated["networks"]) {
      const Json& all = network["series"][0];
      ASSERT_EQ(all["series"], "all");
      lost += all["weight"].get<double>() * all["loss_hours"]["mean"].get<double>();
      possible += all["weight"].get<double>() * horizon;
    }
    for (const Json& member : assessment["figures"]["members"]) {
      if (member["code"] != code) continue;
      ExpectShare(member["as_inventoried"]["all"]["kill_switch_loss"], lost, possible, "kill-switch loss");
    }
  }
  EXPECT_EQ(compared, 6u * scenarios.size());
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace redoubt
