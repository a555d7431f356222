// Keys and signed documents: a statement signed by a member verifies with its
// public key whatever the file's layout, and every way it can be wrong is
// refused with its own status and message: unsigned, malformed, another
// algorithm, another member's key, a changed byte. Key files: written 0600,
// refused when others can read them, damaged or of the wrong kind; keygen
// never replaces a key.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "testing.hpp"
#include "trust/keys.hpp"
#include "trust/signed_document.hpp"

namespace redoubt::trust {
namespace {

using Json = nlohmann::ordered_json;

Json Statement() {
  return Json{{"format", "redoubt/posture@1"},
              {"member", "GB"},
              {"as_of", "2024-07-01"},
              {"untrusted_share", {{"ran", 0.3125}, {"core", 0.0}}},
              {"findings", {{"critical", 0}, {"high", 3}}},
              {"note", "Ünïcode and \"quotes\" survive"}};
}

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(SignedDocument, VerifiesWhateverTheLayoutOfTheFile) {
  const KeyPair gb = GenerateKeyPair();
  Json document = Statement();
  SignDocument(document, gb.secret_key);
  EXPECT_EQ(document["signature"]["algorithm"], "ed25519");
  EXPECT_EQ(document["signature"]["key_id"], gb.public_key.Id());
  // As written to a file, indented, and read back by another process.
  for (int indent : {-1, 2, 4}) {
    const auto parsed = nlohmann::json::parse(document.dump(indent));
    const Verification check = VerifyDocument(parsed, gb.public_key);
    EXPECT_EQ(check.status, Verification::kValid) << indent << ": " << check.message;
  }
  // Key order in the file does not matter either.
  Json reordered;
  std::vector<std::string> keys;
  for (const auto& [key, value] : document.items()) keys.push_back(key);
  for (auto key = keys.rbegin(); key != keys.rend(); ++key) reordered[*key] = document[*key];
  EXPECT_NE(reordered.dump(), document.dump());
  EXPECT_EQ(VerifyDocument(nlohmann::json::parse(reordered.dump()), gb.public_key).status,
            Verification::kValid);
}

TEST(SignedDocument, RefusesEachWayOfBeingWrong) {
  const KeyPair gb = GenerateKeyPair();
  const KeyPair de = GenerateKeyPair();
  Json signed_document = Statement();
  SignDocument(signed_document, gb.secret_key);
  auto verify = [&](const Json& document, const PublicKey& key) {
    return VerifyDocument(nlohmann::json::parse(document.dump()), key);
  };

  EXPECT_EQ(verify(Statement(), gb.public_key).status, Verification::kUnsigned);

  Json tampered = signed_document;
  tampered["findings"]["high"] = 2;  // one finding fewer
  const Verification changed = verify(tampered, gb.public_key);
  EXPECT_EQ(changed.status, Verification::kBadSignature);
  EXPECT_NE(changed.message.find("changed after it was signed"), std::string::npos);

  Json tiny = signed_document;
  tiny["untrusted_share"]["ran"] = 0.3125000000000001;  // the last bit of a number
  EXPECT_EQ(verify(tiny, gb.public_key).status, Verification::kBadSignature);

  const Verification other = verify(signed_document, de.public_key);
  EXPECT_EQ(other.status, Verification::kOtherKey);
  EXPECT_EQ(other.signer_key_id, gb.public_key.Id());
  EXPECT_NE(other.message.find(de.public_key.Id()), std::string::npos);

  // Signed by DE but claiming GB's key id: the signature itself fails.
  Json forged = Statement();
  SignDocument(forged, de.secret_key);
  forged["signature"]["key_id"] = gb.public_key.Id();
  EXPECT_EQ(verify(forged, gb.public_key).status, Verification::kBadSignature);

  Json no_value = signed_document;
  no_value["signature"].erase("value");
  EXPECT_EQ(verify(no_value, gb.public_key).status, Verification::kMalformed);
  Json extra = signed_document;
  extra["signature"]["comment"] = "x";
  EXPECT_EQ(verify(extra, gb.public_key).status, Verification::kMalformed);
  Json short_value = signed_document;
  short_value["signature"]["value"] = "c2hvcnQ=";
  EXPECT_EQ(verify(short_value, gb.public_key).status, Verification::kMalformed);
  Json not_base64 = signed_document;
  not_base64["signature"]["value"] = std::string(88, '!');
  EXPECT_EQ(verify(not_base64, gb.public_key).status, Verification::kMalformed);
  Json not_object = signed_document;
  not_object["signature"] = "ed25519";
  EXPECT_EQ(verify(not_object, gb.public_key).status, Verification::kMalformed);

  Json rsa = signed_document;
  rsa["signature"]["algorithm"] = "rsa-pss";
  const Verification unsupported = verify(rsa, gb.public_key);
  EXPECT_EQ(unsupported.status, Verification::kUnsupported);
  EXPECT_NE(unsupported.message.find("'rsa-pss'"), std::string::npos);
}

TEST(Keys, WrittenReadAndRefused) {
  const std::string dir = testing::TempDir("keys");
  const KeyPair pair = GenerateKeyPair();
  WriteKeyPair(pair, dir + "/gb");
  struct stat info {};
  ASSERT_EQ(::stat((dir + "/gb.key").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600U);

  auto secret = LoadSecretKey(dir + "/gb.key");
  ASSERT_TRUE(secret.ok());
  EXPECT_EQ(secret.value().bytes, pair.secret_key.bytes);
  EXPECT_EQ(secret.value().Public().bytes, pair.public_key.bytes);
  auto pub = LoadPublicKey(dir + "/gb.pub");
  ASSERT_TRUE(pub.ok());
  EXPECT_EQ(pub.value().bytes, pair.public_key.bytes);
  EXPECT_EQ(pub.value().Id().size(), 8U + 32U);

  // Never replaced.
  EXPECT_THROW(WriteKeyPair(GenerateKeyPair(), dir + "/gb"), redoubt::IoError);
  EXPECT_EQ(LoadSecretKey(dir + "/gb.key").value().bytes, pair.secret_key.bytes);

  auto message = [](const auto& result) {
    return result.ok() ? std::string("accepted") : result.diagnostics().Items().front().Format();
  };
  ::chmod((dir + "/gb.key").c_str(), 0640);
  EXPECT_EQ(message(LoadSecretKey(dir + "/gb.key")),
            fmt::format("{0}/gb.key: error: the secret key can be read by others (mode 640) — "
                        "restrict it: chmod 600 {0}/gb.key",
                        dir));
  ::chmod((dir + "/gb.key").c_str(), 0600);

  EXPECT_NE(
      message(LoadPublicKey(dir + "/gb.key")).find("its format is not 'redoubt/public-key@1'"),
      std::string::npos);
  const std::string damaged = dir + "/damaged.pub";
  WriteText(damaged, R"({"format": "redoubt/public-key@1", "key_id": "x", "public_key": "AAAA"})");
  EXPECT_NE(message(LoadPublicKey(damaged)).find("not 32 bytes of base64"), std::string::npos);
  WriteText(damaged, R"({"format": "redoubt/public-key@1", "public_key": "AAAA", "owner": "x"})");
  EXPECT_NE(message(LoadPublicKey(damaged)).find("unknown key 'owner'"), std::string::npos);
  WriteText(damaged, "not json");
  EXPECT_NE(message(LoadPublicKey(damaged)).find("not a public key"), std::string::npos);
  EXPECT_NE(message(LoadPublicKey(dir + "/missing.pub")).find("cannot read the public key"),
            std::string::npos);
}

TEST(Keys, KeygenWritesFilesTheSchemasDescribeAndNeverReplacesThem) {
  const std::string dir = testing::TempDir("keygen");
  auto made = testing::RunRedoubt({"keygen", "-o", dir + "/lv"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  auto pub = LoadPublicKey(dir + "/lv.pub");
  ASSERT_TRUE(pub.ok());
  EXPECT_NE(made.out.find(pub.value().Id()), std::string::npos);
  for (const char* kind : {"public", "secret"}) {
    const std::string check = fmt::format(
        "/usr/bin/python3 -c 'import json,sys,jsonschema; "
        "jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open("
        "sys.argv[2])))' '{}' '{}'",
        testing::SourcePath(fmt::format("schemas/{}-key-1.schema.json", kind)),
        dir + (kind[0] == 'p' ? "/lv.pub" : "/lv.key"));
    EXPECT_EQ(std::system(check.c_str()), 0) << kind << " key file against its schema";
  }
  const std::string before = testing::ReadText(dir + "/lv.key");
  auto again = testing::RunRedoubt({"keygen", "-o", dir + "/lv"});
  EXPECT_EQ(again.exit_code, 3);
  EXPECT_NE(again.err.find("already exists; redoubt keygen never replaces a key"),
            std::string::npos)
      << again.err;
  EXPECT_EQ(testing::ReadText(dir + "/lv.key"), before);
}

}  // namespace
}  // namespace redoubt::trust
