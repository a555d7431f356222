// redoubt alliance end to end, as a process.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;

const std::string kSmall = testing::SourcePath("tests/cases/alliance/small/alliance.yaml");

TEST(AllianceCli, SmallAllianceText) {
  const auto result = RunRedoubt({"alliance", kSmall, "--as-of", "2020-01-01"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("  US                   -            confidential confidential confidential\n"),
            std::string::npos) << result.out;
  // DE's own secret service rides on trusted routes; its service abroad, on
  // Latvia's network, is judged apart as host-nation exposure.
  EXPECT_NE(result.out.find("  GB → DE: confidential; secret withheld by\n"
                            "    in short: GB shares confidential with DE, not secret: DE's classified "
                            "services in LV route through high-risk suppliers' equipment on the host "
                            "network (1 of 1).\n"
                            "    - classified_on_trusted_paths (secret and above) — host networks "
                            "(espionage) [alliance]: 1 of 1 secret+ service of DE cross untrusted "
                            "equipment (1 cross-border)\n"
                            "        DE's service lv-de-staff (defence, secret) on LV network lv-t "
                            "crosses huawei router lv-rtr-1\n"),
            std::string::npos) << result.out;
  EXPECT_NE(result.out.find("cross-border: DE's service lv-de-staff on LV network lv-t: exposed"),
            std::string::npos);
  // The headline shares as assess and the report print them, under their names.
  EXPECT_NE(result.out.find("espionage share, critical services; sabotage share, critical services; "
                            "kill-switch loss, all services, with deadlines assumed met)"),
            std::string::npos) << result.out;
  EXPECT_NE(result.out.find("  espionage: espionage share, critical services, over the member's "
                            "services — Share of the services' weight"),
            std::string::npos);
  // GB's critical services (gb-hq, gb-hospital) both cross the untrusted AMF.
  EXPECT_NE(result.out.find("  GB     0.000/0.000   0.000/0.000   0.333/1.000   0.000/0.000   -             "
                            "100.0%    100.0%    n/a\n"),
            std::string::npos)
      << result.out;
}

TEST(AllianceCli, SmallAllianceJsonIsDeterministic) {
  const auto first = RunRedoubt({"alliance", kSmall, "--format", "json"});
  const auto second = RunRedoubt({"alliance", kSmall, "--format", "json"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, second.out);
  const auto document = nlohmann::json::parse(first.out);
  EXPECT_EQ(document["format"], "redoubt/alliance-assessment@1");
  EXPECT_EQ(document["as_of"], "2020-01-01");
  EXPECT_EQ(document["sharing"]["matrix"][1][3], "secret");
  EXPECT_EQ(document["sharing"]["matrix"][0][3], "confidential");
  EXPECT_TRUE(document["members"][1]["posture"]["resilience_loss"].is_null());
}

TEST(AllianceCli, TimelineWhatIfAndRestore) {
  const auto timeline = RunRedoubt({"alliance", kSmall, "--timeline", "2020-01-01..2030-01-01"});
  ASSERT_EQ(timeline.exit_code, 0) << timeline.err;
  EXPECT_NE(timeline.out.find("2025-01-01: binds: GB core-untrusted\n"
                              "  deadline met: GB core-untrusted\n"
                              "    gb-t core: 1 element huawei → ericsson (amf): gb-amf-1\n"
                              "  US → GB: confidential → top-secret (restored)\n"),
            std::string::npos) << timeline.out;

  const auto what_if = RunRedoubt(
      {"alliance", kSmall, "--what-if",
       testing::SourcePath("tests/cases/alliance/small/us-lets-huawei-in.yaml")});
  EXPECT_EQ(what_if.exit_code, 1) << what_if.err;  // cells degraded
  EXPECT_NE(what_if.out.find("  US: huawei set to 50% of ran elements — 1 element changed vendor\n"),
            std::string::npos) << what_if.out;
  EXPECT_NE(what_if.out.find("  GB → US: top-secret → "), std::string::npos) << what_if.out;

  // A change that lifts cells: the reasons shown are those after it.
  const std::string change = testing::TempDir("what-if") + "/lv-out.yaml";
  std::ofstream(change) << "format: redoubt/alliance-change@1\n"
                           "title: Latvia removes Huawei\n"
                           "changes:\n"
                           "  - {member: LV, remove_vendor: huawei}\n";
  const auto lifted = RunRedoubt({"alliance", kSmall, "--what-if", change});
  EXPECT_EQ(lifted.exit_code, 0) << lifted.err;
  const std::string moved = lifted.out.substr(lifted.out.find("cells that moved\n"));
  EXPECT_NE(moved.find("  US → LV: confidential → top-secret (restored)\n"), std::string::npos)
      << moved;
  EXPECT_NE(moved.find("  US → LV: top-secret (nothing withheld)\n"), std::string::npos) << moved;
  EXPECT_NE(moved.find("  GB → DE: secret; top-secret withheld by\n"), std::string::npos) << moved;
  EXPECT_EQ(moved.find("lv-rtr-1"), std::string::npos) << moved;  // replaced by the change

  const auto restore = RunRedoubt({"alliance", kSmall, "--restore", "US", "DE", "secret"});
  EXPECT_EQ(restore.exit_code, 0) << restore.err;
  EXPECT_NE(restore.out.find("  restored by replacing 2 elements (1 round):\n"
                             "    de-t ran: 1 element huawei → ericsson (gnb): de-gnb-2\n"
                             "    lv-t transport: 1 element huawei → cisco (router): lv-rtr-1\n"),
            std::string::npos) << restore.out;
}

// The bundled alliance on its inventories' date (2019-07-01). Verified by
// hand against the inventories: gb-op1 and gb-op2 each have a Huawei element
// manager for their Huawei radio equipment (the UK's management deadline is
// 31 December 2023); de-op2 has eight Huawei core functions; lv-dc1-rtr1 and
// lv-ex3-rtr are Huawei routers without which the US aviation service at
// Lielvarde (lv-defence-us-4) goes down.
TEST(AllianceCli, BundledAlliance) {
  const std::string alliance = testing::SourcePath("data/samples/allies/alliance.yaml");
  const auto result = RunRedoubt({"alliance", alliance, "--limit", "2"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.starts_with("judged on 2019-07-01 (the latest inventory date, us-op1)\n"))
      << result.out;
  EXPECT_NE(result.out.find(
                "  provider \\ recipient US           GB           DE           CA           SE           LV          \n"
                "  US                   -            confidential restricted   restricted   restricted   restricted  \n"
                "  GB                   secret       -            restricted   restricted   restricted   restricted  \n"
                "  DE                   secret       confidential -            restricted   restricted   restricted  \n"),
            std::string::npos) << result.out;
  // The US's own condition binds: GB's Huawei radio equipment costs it secret from the US.
  EXPECT_NE(result.out.find(
                "  US → GB: confidential; secret withheld by\n"
                "    in short: US shares confidential with GB, not secret: GB has high-risk suppliers' "
                "equipment in its network management: Huawei Technologies (2); GB's networks carry "
                "Huawei Technologies (922) equipment, which US does not accept at secret.\n"
                "    - no_untrusted_in [core, management] [alliance]: untrusted equipment: 2 management "
                "elements of vendor huawei\n"
                "        gb-op1: 1 management element of vendor huawei (ems): gb-ems-huawei\n"
                "        gb-op2: 1 management element of vendor huawei (ems): gb-ems-huawei\n"
                "    - no_vendor [huawei, zte] [provider US]: equipment of a named vendor: 584 ran "
                "elements of vendor huawei, 336 transport elements of vendor huawei, 2 management "
                "elements of vendor huawei\n"),
            std::string::npos) << result.out;
  // Host-nation exposure is its own shortfall, and only at the top level.
  EXPECT_NE(result.out.find(
                "  GB → US: secret; top-secret withheld by\n"
                "    in short: GB shares secret with US, not top-secret: US's classified services in LV "
                "depend on the host network, and high-risk suppliers' equipment there could cut them "
                "off (1 of 1).\n"
                "    - classified_on_trusted_paths (secret and above) — host networks (sabotage) "
                "[alliance]: 1 of 1 secret+ service of US on host networks go down when untrusted "
                "equipment is switched off (host-nation exposure)\n"
                "        US's service lv-defence-us-4 (defence, secret) on LV network lv-op1 goes down "
                "without the untrusted huawei router lv-dc1-rtr1, huawei router lv-ex3-rtr\n"),
            std::string::npos) << result.out;
  // A core held by a high-risk supplier costs confidential, not everything.
  EXPECT_NE(result.out.find(
                "  US → DE: restricted; confidential withheld by\n"
                "    in short: US shares restricted with DE, not confidential: DE has high-risk "
                "suppliers' equipment in its core network: Huawei Technologies (8).\n"),
            std::string::npos) << result.out;

  const auto restore = RunRedoubt({"alliance", alliance, "--restore", "GB", "US", "top-secret"});
  ASSERT_EQ(restore.exit_code, 0) << restore.err;
  EXPECT_NE(restore.out.find("  restored by replacing 2 elements (1 round):\n"
                             "    lv-op1 transport: 2 elements huawei → cisco (router): lv-dc1-rtr1, "
                             "lv-ex3-rtr\n"),
            std::string::npos) << restore.out;
  EXPECT_NE(restore.out.find("  GB → US: secret → top-secret (restored)\n"), std::string::npos);
}

TEST(AllianceCli, BadUsage) {
  EXPECT_EQ(RunRedoubt({"alliance", kSmall, "--restore", "US", "XX", "secret"}).exit_code, 2);
  EXPECT_EQ(RunRedoubt({"alliance", kSmall, "--restore", "US", "DE", "secrte"}).exit_code, 2);
  EXPECT_EQ(RunRedoubt({"alliance", kSmall, "--timeline", "2020-01-01"}).exit_code, 2);
  const auto bad = RunRedoubt({"alliance", testing::SourcePath("tests/cases/bad-alliance/03-unknown-level.yaml")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("'secrte' is not one of the alliance's levels — did you mean 'secret'?"),
            std::string::npos) << bad.err;
}

}  // namespace
}  // namespace redoubt
