// Signed JSON documents: a statement (a member's posture) that anyone holding
// the signer's public key can check is the signer's own and unaltered.
//
//   nlohmann::ordered_json posture = ...;            // no "signature" member
//   SignDocument(posture, secret_key);               // adds "signature"
//   const Verification check = VerifyDocument(parsed, expected_public_key);
//   if (check.status != Verification::kValid) ... check.message
//
// What is signed is the canonical form of the document without its
// "signature" member: JSON with object keys sorted by their UTF-8 bytes, no
// whitespace, strings escaped only where JSON requires, numbers as
// nlohmann::json writes them (integers exactly, doubles in the shortest form
// that reads back to the same value). A reader that parses the file and
// writes it again in that form gets the same bytes, so the signature does not
// depend on indentation or key order in the file; any change to a name or a
// number breaks it.
//
// The "signature" member is
//   {"algorithm": "ed25519", "key_id": "ed25519:…", "value": BASE64}
// with an Ed25519 detached signature (libsodium) of the canonical bytes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "trust/keys.hpp"

namespace redoubt::trust {

// The canonical bytes of `document` without a "signature" member.
[[nodiscard]] std::string CanonicalBytes(const nlohmann::json& document);

// Adds (or replaces) `document["signature"]`.
void SignDocument(nlohmann::ordered_json& document, const SecretKey& key);

struct Verification {
  enum Status {
    kValid,
    kUnsigned,      // no "signature" member
    kMalformed,     // a signature member that is not one (fields, base64, length)
    kUnsupported,   // an algorithm other than ed25519
    kOtherKey,      // signed by a key other than the expected one
    kBadSignature,  // the expected key, but the bytes were changed after signing
  };
  Status status = kUnsigned;
  std::string signer_key_id;  // as the document names it, when it does
  std::string message;        // one sentence: what is wrong — how to fix
};

// Checks `document` against the one key that may have signed it.
[[nodiscard]] Verification VerifyDocument(const nlohmann::json& document,
                                          const PublicKey& expected);

}  // namespace redoubt::trust
