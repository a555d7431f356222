// Postures in process: each member of the small alliance builds its posture
// from a model holding only its own networks; the view from the signed
// postures equals the view from the loaded alliance.
#include "alliance/posture_document.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "alliance/alliance_reader.hpp"
#include "alliance/assessment_json.hpp"
#include "testing.hpp"
#include "trust/signed_document.hpp"

namespace redoubt::alliance {
namespace {

const std::string kAlliance = testing::SourcePath("tests/cases/bad-posture/alliance.yaml");

struct Signed {
  std::vector<trust::KeyPair> keys;
  AllianceSpec spec;
};

// The spec with a fresh key for every member (the files' keys are replaced).
Signed WithFreshKeys() {
  auto spec = ReadAlliance(kAlliance);
  EXPECT_TRUE(spec.ok());
  Signed out{{}, spec.value()};
  for (MemberSpec& member : out.spec.members) {
    out.keys.push_back(trust::GenerateKeyPair());
    member.key = out.keys.back().public_key;
  }
  return out;
}

std::string WritePostures(const Signed& alliance, Days as_of, Disclosure disclosure,
                          const std::string& name) {
  const std::string dir = testing::TempDir(name);
  for (std::size_t member = 0; member < alliance.spec.members.size(); ++member) {
    auto own = LoadAllianceModel(alliance.spec, {}, {LoadScope::Kind::kMember, member});
    EXPECT_TRUE(own.ok());
    // Only the member's own networks are loaded.
    EXPECT_EQ(own.value().networks.size(), alliance.spec.members[member].networks.size());
    ExposureCache cache;
    auto document = BuildPosture(own.value(), member, as_of, disclosure, cache);
    trust::SignDocument(document, alliance.keys[member].secret_key);
    std::ofstream(dir + "/" + alliance.spec.members[member].code + ".posture.json") << document.dump(2);
  }
  return dir;
}

TEST(PostureDocument, ViewFromElementPosturesEqualsTheLoadedAlliance) {
  const Signed alliance = WithFreshKeys();
  const Days as_of = ParseIsoDate("2020-01-01").value();
  const std::string dir = WritePostures(alliance, as_of, Disclosure::kElements, "posture-document");

  auto full = LoadAllianceModel(alliance.spec, {});
  ASSERT_TRUE(full.ok());
  ExposureCache cache;
  AssessOptions options;
  options.as_of = as_of;
  options.cache = &cache;
  const Assessment expected = Assess(full.value(), options);

  Days date = kNoDate;  // the latest posture date
  auto postures = ReadPostures(alliance.spec, dir, date, true, false);
  ASSERT_TRUE(postures.ok()) << testing::DiagnosticsText(postures.diagnostics(), dir, false);
  EXPECT_EQ(date, as_of);
  ASSERT_TRUE(postures.value().Complete());
  EXPECT_EQ(postures.value().members[1]->key_id, alliance.keys[1].public_key.Id());
  auto standards = LoadAllianceModel(alliance.spec, {}, {LoadScope::Kind::kStandards, 0});
  ASSERT_TRUE(standards.ok());
  EXPECT_TRUE(standards.value().networks.empty());
  const AllianceModel shell = ShellModel(std::move(standards).value(), postures.value());
  const Assessment actual = AssessFromPostures(shell, postures.value(), as_of);
  EXPECT_EQ(AllianceDocument(shell, actual).dump(2), AllianceDocument(full.value(), expected).dump(2));
  EXPECT_EQ(LevelName(alliance.spec, actual.At(0, 1).level), "confidential");
  std::filesystem::remove_all(dir);
}

TEST(PostureDocument, OneBadPostureFailsTheRead) {
  Signed alliance = WithFreshKeys();
  const Days as_of = ParseIsoDate("2020-01-01").value();
  const std::string dir = WritePostures(alliance, as_of, Disclosure::kCounts, "posture-document-bad");
  // DE's listed key changes: its posture no longer verifies, and nothing is accepted.
  alliance.spec.members[2].key = trust::GenerateKeyPair().public_key;
  Days date = as_of;
  auto postures = ReadPostures(alliance.spec, dir, date, true, true);
  EXPECT_FALSE(postures.ok());
  const std::string text = testing::DiagnosticsText(postures.diagnostics(), dir, postures.ok());
  EXPECT_NE(text.find("DE.posture.json: error: signed with an unknown key"), std::string::npos) << text;
  EXPECT_NE(text.find("result: rejected"), std::string::npos) << text;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace redoubt::alliance
